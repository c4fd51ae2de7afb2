/* gui-faults-util.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-faults-util.h"
#include "issuer-test-util.h"
#include "pages-test-util.h"

/**
 * gui_faults_assert_words:
 * @where: what shows @text, for the log
 * @text: what the holder reads
 *
 * A sentence or two in words: not the error's own text, a status code or
 * a word about formats; with %GUI_FAULTS_SAYS_WHAT_TO_DO, what to do; with
 * %GUI_FAULTS_ISSUER_ANSWERED, no advice to check the holder's connection.
 */
void
gui_faults_assert_words (const char     *where,
                         const char     *text,
                         GuiFaultsWords  words)
{
  static const char * const jargon[] = {
    "HTTP", "http", "JSON", "json", "HTML", "html", "GError", "Soup", "soup", "nginx",
    "500", "502", "429", "Gateway", "Internal Server", "Too Many Requests", "Retry-After",
    "bytes", "content type", "Content-Type", "malformed", "truncated", "protocol", "timed out",
    "(null)", "%",
  };
  static const char * const advice[] = {
    "try", "Try", "Retry", "again", "Wait", "wait", "Check", "contact",
  };
  static const char * const blame[] = {
    "Check your connection", "Check your internet connection", "Cannot reach", "can’t be reached",
  };
  gboolean advises = FALSE;

  g_assert_nonnull (text);
  g_test_message ("%s: “%s”", where, text);
  g_assert_cmpuint (g_utf8_strlen (text, -1), >, 30);

  for (guint i = 0; i < G_N_ELEMENTS (jargon); i++)
    if (strstr (text, jargon[i]) != NULL)
      g_error ("%s: “%s” says “%s”", where, text, jargon[i]);

  for (guint i = 0; i < G_N_ELEMENTS (advice); i++)
    advises |= strstr (text, advice[i]) != NULL;
  if ((words & GUI_FAULTS_SAYS_WHAT_TO_DO) && !advises)
    g_error ("%s: “%s” does not say what to do", where, text);

  for (guint i = 0; (words & GUI_FAULTS_ISSUER_ANSWERED) && i < G_N_ELEMENTS (blame); i++)
    if (strstr (text, blame[i]) != NULL)
      g_error ("%s: “%s” blames the connection, but the issuer answered", where, text);
}

/* A toast's title (libadwaita 1.2 puts it in an AdwBin in the toast) */
static gboolean
is_toast_title (GtkWidget *label)
{
  GtkWidget *bin = gtk_widget_get_parent (label);

  return ADW_IS_BIN (bin) &&
         g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_parent (bin)), "AdwToastWidget");
}

/**
 * gui_faults_find_toast:
 * @overlay: an #AdwToastOverlay
 *
 * Returns: (nullable): the title of the toast on screen whose text starts
 *   with @prefix
 */
GtkLabel *
gui_faults_find_toast (GtkWidget  *overlay,
                       const char *prefix)
{
  if (GTK_IS_LABEL (overlay) && gtk_widget_get_mapped (overlay) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (overlay)), prefix) && is_toast_title (overlay))
    return GTK_LABEL (overlay);

  for (GtkWidget *c = gtk_widget_get_first_child (overlay); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = gui_faults_find_toast (c, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether @label, drawn, shows less than all of its text (ellipsized) */
gboolean
gui_faults_label_is_cut (GtkLabel *label)
{
  GtkWidget *widget = GTK_WIDGET (label);
  int natural = 0;
  int needed = 0;

  /* a wrapping label is cut when it got less height than its lines need
   * at the width it got */
  if (gtk_label_get_wrap (label) && gtk_label_get_ellipsize (label) == PANGO_ELLIPSIZE_NONE)
    {
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget),
                          &needed, NULL, NULL, NULL);
      if (needed <= gtk_widget_get_height (widget))
        return FALSE;

      g_test_message ("“%s” is cut off: %d of %d pixels high", gtk_label_get_text (label),
                      gtk_widget_get_height (widget), needed);
      return TRUE;
    }

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  if (natural <= gtk_widget_get_width (widget))
    return FALSE;

  g_test_message ("“%s” is cut off: %d of %d pixels shown", gtk_label_get_text (label),
                  gtk_widget_get_width (widget), natural);
  return TRUE;
}

/* The button under @root labelled @label, if it is shown */
GtkWidget *
gui_faults_find_shown_button (GtkWidget  *root,
                              const char *label)
{
  GtkWidget *button = pages_test_find_button (root, label);

  return button != NULL && pages_test_is_shown (button) ? button : NULL;
}

/* What the holder typed into the registration form is all still there,
 * and can be sent again */
void
gui_faults_assert_typed_kept (TopupFixture *topup,
                              const char   *number,
                              const char   *expiry,
                              const char   *cvc,
                              const char   *name)
{
  g_assert_cmpstr (topup_test_field_text (topup, ANSHIN_CARD_FIELD_NUMBER), ==, number);
  g_assert_cmpstr (topup_test_field_text (topup, ANSHIN_CARD_FIELD_EXP), ==, expiry);
  g_assert_cmpstr (topup_test_field_text (topup, ANSHIN_CARD_FIELD_CVC), ==, cvc);
  g_assert_cmpstr (topup_test_field_text (topup, ANSHIN_CARD_FIELD_HOLDER_NAME), ==, name);
  g_assert_true (gtk_widget_get_sensitive (topup_test_submit_button (topup)));
}

/* The attempts the form knows of, and shows */
void
gui_faults_assert_attempts (TopupFixture *topup,
                            int           attempts)
{
  g_autofree char *text = topup_test_attempts_text (topup);
  g_autofree char *expected = g_strdup_printf ("%d attempts left today", attempts);

  g_assert_cmpint (anshin_charge_card_form_get_attempts (topup->form), ==, attempts);
  g_assert_nonnull (strstr (text, expected));
}

/* The demo member in a session of its own: the page's client keeps its
 * form token for a Retry, and asking it for a form would replace that. */
static SoupSession *
sign_in (const char *mock_url)
{
  SoupSession *session = soup_session_new ();
  g_autoptr(JsonNode) signed_in = NULL;
  guint status = 0;

  soup_session_add_feature_by_type (session, SOUP_TYPE_COOKIE_JAR);
  signed_in = issuer_test_http (mock_url, session, "POST", "v1/session",
                                "{\"member_id\": \"demo\", \"password\": \"demo\"}", NULL, &status);
  g_assert_cmpuint (status, ==, 201);

  return session;
}

/* The attempts left, as the issuer says */
int
gui_faults_issuer_attempts (const char *mock_url)
{
  g_autoptr(SoupSession) session = sign_in (mock_url);
  g_autoptr(JsonNode) form = NULL;
  guint status = 0;

  form = issuer_test_http (mock_url, session, "GET", "v1/charge-cards/registration", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  return json_object_get_int_member (json_node_get_object (form), "attempts_remaining");
}

/* The charge cards registered, as the issuer lists them */
guint
gui_faults_issuer_charge_cards (const char *mock_url)
{
  g_autoptr(JsonNode) cards = NULL;
  g_autoptr(SoupSession) session = sign_in (mock_url);
  guint status = 0;

  cards = issuer_test_http (mock_url, session, "GET", "v1/charge-cards", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  return json_array_get_length (json_object_get_array_member (json_node_get_object (cards), "charge_cards"));
}

/**
 * gui_faults_dup_dialog_code:
 * @before: the challenges before the registration that opened the dialog
 *
 * Returns: (transfer full): the code of the challenge the dialog asks for:
 *   the one the registration made, or (when the issuer replayed its
 *   answer) the only one there was
 */
char *
gui_faults_dup_dialog_code (const char *mock_url,
                            GHashTable *before)
{
  g_autoptr(GHashTable) now = issuer_test_dup_one_time_codes (mock_url);
  GHashTableIter iter;
  gpointer id, code;
  char *found = NULL;

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &id, &code))
    if (!g_hash_table_contains (before, id))
      {
        g_assert_null (found);
        found = g_strdup (code);
      }

  if (found == NULL)
    {
      g_assert_cmpuint (g_hash_table_size (now), ==, 1);
      g_hash_table_iter_init (&iter, now);
      g_assert_true (g_hash_table_iter_next (&iter, &id, &code));
      found = g_strdup (code);
    }

  return found;
}
