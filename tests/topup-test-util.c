/* topup-test-util.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anshin-format.h"
#include "topup-test-util.h"

#define WAIT_FOR(cond) TOPUP_TEST_WAIT_FOR (cond)

void
topup_test_init (int    *argc,
                 char ***argv)
{
  /* the test AT context keeps accessible states and properties, which the
   * tests read, without an accessibility bus */
  g_setenv ("GTK_A11Y", "test", TRUE);
  pages_test_init (argc, argv);
}

static void
on_show_toast_cb (AnshinTopupPage *page,
                  const char      *text,
                  gint64           balance,
                  TopupFixture    *fixture)
{
  g_free (fixture->last_toast);
  fixture->last_toast = g_strdup (text);
  fixture->last_toast_balance = balance;
}

void
topup_test_set_up (TopupFixture  *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture->mock = anshin_mock_thread_start ("seed-story", TRUE, &error);
  g_assert_no_error (error);
  fixture->url = anshin_mock_thread_get_url (fixture->mock);

  fixture->client = anshin_issuer_client_new (fixture->url, &error);
  g_assert_no_error (error);
  fixture->account = anshin_account_new (fixture->client);
  anshin_account_set_timings (fixture->account, 50, 400, 200);

  anshin_account_sign_in_async (fixture->account, "demo", "demo", NULL,
                                issuer_test_on_result_cb, &result);
  g_assert_true (anshin_account_sign_in_finish (fixture->account, issuer_test_wait (&result), &error));
  g_assert_no_error (error);
  /* live: the issuer's clock.changed events reach the client */
  WAIT_FOR (anshin_account_get_live (fixture->account));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 640, 1560);
  gtk_window_set_decorated (fixture->window, FALSE);
  fixture->page = g_object_ref_sink (ANSHIN_TOPUP_PAGE (anshin_topup_page_new ()));
  g_signal_connect (fixture->page, "show-toast", G_CALLBACK (on_show_toast_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  fixture->form = ANSHIN_CHARGE_CARD_FORM (pages_test_find_type (GTK_WIDGET (fixture->page),
                                                                 ANSHIN_TYPE_CHARGE_CARD_FORM));
  fixture->topup = ANSHIN_TOPUP_FORM (pages_test_find_type (GTK_WIDGET (fixture->page),
                                                            ANSHIN_TYPE_TOPUP_FORM));
  g_assert_nonnull (fixture->form);
  g_assert_nonnull (fixture->topup);
}

void
topup_test_tear_down (TopupFixture  *fixture,
                      gconstpointer  user_data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ANSHIN_IS_CHALLENGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->page);
  pages_test_flush ();

  g_clear_pointer (&fixture->last_toast, g_free);
  g_object_unref (fixture->client);
  issuer_test_assert_finalized_soon (fixture->account);
  anshin_mock_thread_stop (fixture->mock);
  anshin_mock_thread_free (fixture->mock);
}

void
topup_test_flush_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

void
topup_test_show (TopupFixture *fixture)
{
  anshin_topup_page_set_account (fixture->page, fixture->account);
  gtk_window_present (fixture->window);
  WAIT_FOR (anshin_charge_card_form_get_attempts (fixture->form) >= 0);
}

static gboolean
clock_reached (TopupFixture *fixture,
               GDateTime    *then)
{
  g_autoptr(GDateTime) now = anshin_issuer_client_dup_now (fixture->client);

  return g_date_time_difference (then, now) < G_TIME_SPAN_SECOND;
}

void
topup_test_advance_clock (TopupFixture *fixture,
                          gint64        seconds)
{
  g_autoptr(GDateTime) then = NULL;

  /* the app learns of it from the issuer's event stream: make sure the
   * stream is up first (a slow, sanitized build may still be connecting,
   * and a clock change before that is only seen at the next request) */
  WAIT_FOR (anshin_account_get_live (fixture->account));
  then = issuer_test_advance_clock (fixture->url, seconds);
  WAIT_FOR (clock_reached (fixture, then));
}

/* Labels */

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text,
            gboolean    exact)
{
  if (GTK_IS_LABEL (root) && pages_test_is_shown (root))
    {
      const char *label = gtk_label_get_label (GTK_LABEL (root));

      if (exact ? g_strcmp0 (label, text) == 0 : strstr (label, text) != NULL)
        return GTK_LABEL (root);
    }

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, text, exact);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkLabel *
topup_test_find_label (TopupFixture *fixture,
                       const char   *text)
{
  return find_label (GTK_WIDGET (fixture->page), text, TRUE);
}

gboolean
topup_test_label_shown (TopupFixture *fixture,
                        const char   *text)
{
  return text != NULL && find_label (GTK_WIDGET (fixture->page), text, TRUE) != NULL;
}

GtkLabel *
topup_test_find_shown_label_containing (TopupFixture *fixture,
                                        const char   *text)
{
  return find_label (GTK_WIDGET (fixture->page), text, FALSE);
}

char *
topup_test_attempts_text (TopupFixture *fixture)
{
  GtkLabel *label = topup_test_find_shown_label_containing (fixture, "left today. After");

  g_assert_nonnull (label);
  return g_strdup (gtk_label_get_label (label));
}

void
topup_test_wait_attempts (TopupFixture *fixture,
                          int           attempts)
{
  WAIT_FOR (anshin_charge_card_form_get_attempts (fixture->form) == attempts);
}

void
topup_test_wait_locked (TopupFixture *fixture,
                        gboolean      locked)
{
  WAIT_FOR (anshin_charge_card_form_get_locked (fixture->form) == locked &&
            (anshin_charge_card_form_get_attempts (fixture->form) == 0) == locked);
}

int
topup_test_issuer_attempts (TopupFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(GError) error = NULL;

  anshin_issuer_client_get_registration_form_async (fixture->client, NULL, issuer_test_on_result_cb, &result);
  form = anshin_issuer_client_get_registration_form_finish (fixture->client, issuer_test_wait (&result), &error);
  g_assert_no_error (error);

  return form->attempts_remaining;
}

char *
topup_test_local_unlock_time (TopupFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) local = NULL;

  anshin_issuer_client_get_registration_form_async (fixture->client, NULL, issuer_test_on_result_cb, &result);
  form = anshin_issuer_client_get_registration_form_finish (fixture->client, issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (form->locked_until);
  local = g_date_time_to_local (form->locked_until);
  g_assert_cmpint (g_date_time_get_utc_offset (local), ==, 9 * G_TIME_SPAN_HOUR);

  return anshin_format_date_time (local);
}

/* The registration form */

const char *
topup_test_field_text (TopupFixture    *fixture,
                       AnshinCardField  field)
{
  return gtk_editable_get_text (GTK_EDITABLE (anshin_charge_card_form_get_field_widget (fixture->form, field)));
}

void
topup_test_fill (TopupFixture *fixture,
                 const char   *number,
                 const char   *expiry,
                 const char   *cvc,
                 const char   *name)
{
  const char *texts[] = { number, expiry, cvc, name };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      gtk_editable_set_text (GTK_EDITABLE (anshin_charge_card_form_get_field_widget (fixture->form, i)),
                             texts[i]);
}

GtkWidget *
topup_test_submit_button (TopupFixture *fixture)
{
  return anshin_charge_card_form_get_submit_button (fixture->form);
}

/* The 3-D Secure dialog on screen, if there is one */
AnshinChallengeDialog *
topup_test_find_challenge_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AnshinChallengeDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ANSHIN_IS_CHALLENGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

AnshinChallengeDialog *
topup_test_wait_challenge (TopupFixture *fixture)
{
  AnshinChallengeDialog *dialog = NULL;

  WAIT_FOR ((dialog = topup_test_find_challenge_dialog ()) != NULL);
  return dialog;
}

AdwMessageDialog *
topup_test_wait_message_dialog (void)
{
  AdwMessageDialog *found = NULL;

  while (found == NULL)
    {
      GList *toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
          found = l->data;
      g_list_free (toplevels);
      if (found == NULL)
        topup_test_flush_for (20);
    }

  return found;
}

void
topup_test_wait_cards (TopupFixture *fixture,
                       guint         n_cards)
{
  WAIT_FOR (g_list_model_get_n_items (anshin_account_get_charge_cards (fixture->account)) == n_cards);
}

AnshinChallengeDialog *
topup_test_submit_and_wait_challenge (TopupFixture *fixture)
{
  AnshinChallengeDialog *dialog = NULL;

  g_assert_true (gtk_widget_get_sensitive (topup_test_submit_button (fixture)));
  g_signal_emit_by_name (topup_test_submit_button (fixture), "clicked");
  /* progress while the issuer is asked */
  g_assert_true (anshin_charge_card_form_get_busy (fixture->form));

  WAIT_FOR ((dialog = topup_test_find_challenge_dialog ()) != NULL);
  return dialog;
}

/* The one-time code the holder would have received by text message */
static char *
latest_code (TopupFixture *fixture)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *codes;
  guint status = 0;

  root = issuer_test_http (fixture->url, NULL, "GET", "admin/one-time-codes", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  codes = json_object_get_array_member (json_node_get_object (root), "codes");
  g_assert_cmpuint (json_array_get_length (codes), >, 0);

  return g_strdup (json_object_get_string_member (json_array_get_object_element (codes, json_array_get_length (codes) - 1),
                                                  "code"));
}

void
topup_test_enter_code (TopupFixture          *fixture,
                       AnshinChallengeDialog *dialog)
{
  g_autofree char *code = latest_code (fixture);

  anshin_challenge_dialog_set_code (dialog, code);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          ANSHIN_CHALLENGE_RESPONSE_VERIFY));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), ANSHIN_CHALLENGE_RESPONSE_VERIFY);
}

void
topup_test_register (TopupFixture *fixture)
{
  AnshinChallengeDialog *dialog = topup_test_submit_and_wait_challenge (fixture);

  g_clear_pointer (&fixture->last_toast, g_free);
  topup_test_enter_code (fixture, dialog);
  WAIT_FOR (fixture->last_toast != NULL);
  WAIT_FOR (g_list_model_get_n_items (anshin_account_get_charge_cards (fixture->account)) > 0);
}

void
topup_test_register_card (TopupFixture *fixture)
{
  topup_test_fill (fixture, TOPUP_TEST_NUMBER, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");
  topup_test_register (fixture);
  WAIT_FOR (gtk_widget_get_sensitive (anshin_topup_form_get_topup_button (fixture->topup)) ||
            anshin_topup_form_get_amount (fixture->topup) == 0);
}

void
topup_test_submit_and_wait_failure (TopupFixture *fixture)
{
  g_assert_true (gtk_widget_get_sensitive (topup_test_submit_button (fixture)));
  g_signal_emit_by_name (topup_test_submit_button (fixture), "clicked");
  WAIT_FOR (!anshin_charge_card_form_get_busy (fixture->form) &&
            (anshin_charge_card_form_get_failure (fixture->form) != NULL ||
             anshin_charge_card_form_get_locked (fixture->form)));
}

const char *
topup_test_failure_text (TopupFixture *fixture)
{
  const char *text = anshin_charge_card_form_get_failure (fixture->form);

  g_assert_nonnull (text);
  return text;
}

/* Top-up */

void
topup_test_top_up (TopupFixture *fixture,
                   gint64        amount)
{
  GtkWidget *button = anshin_topup_form_get_topup_button (fixture->topup);

  g_clear_pointer (&fixture->last_toast, g_free);
  anshin_topup_form_set_amount (fixture->topup, amount);
  g_assert_null (anshin_topup_form_get_refusal (fixture->topup));
  WAIT_FOR (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

void
topup_test_wait_topup_failure (TopupFixture *fixture)
{
  WAIT_FOR (anshin_topup_form_get_failure (fixture->topup) != NULL &&
            gtk_widget_get_sensitive (anshin_topup_form_get_topup_button (fixture->topup)) == (anshin_topup_form_get_refusal (fixture->topup) == NULL));
}

const char *
topup_test_topup_failure_text (TopupFixture *fixture)
{
  const char *text = anshin_topup_form_get_failure (fixture->topup);

  g_assert_nonnull (text);
  return text;
}

void
topup_test_wait_toast (TopupFixture *fixture,
                       const char   *prefix)
{
  WAIT_FOR (fixture->last_toast != NULL);
  g_assert_true (g_str_has_prefix (fixture->last_toast, prefix));
  g_clear_pointer (&fixture->last_toast, g_free);
}

void
topup_test_wait_left (TopupFixture *fixture,
                      guint         hours,
                      gint64        left)
{
  WAIT_FOR (anshin_topup_form_get_left (fixture->topup, hours * G_TIME_SPAN_HOUR) == left);
}

gint64
topup_test_balance (TopupFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GError) error = NULL;

  anshin_issuer_client_get_card_async (fixture->client, NULL, issuer_test_on_result_cb, &result);
  card = anshin_issuer_client_get_card_finish (fixture->client, issuer_test_wait (&result), &error);
  g_assert_no_error (error);

  return anshin_card_get_balance (card);
}

guint
topup_test_count_charges (TopupFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) charges = NULL;
  g_autoptr(GError) error = NULL;

  anshin_issuer_client_list_charges_async (fixture->client, NULL, issuer_test_on_result_cb, &result);
  charges = anshin_issuer_client_list_charges_finish (fixture->client, issuer_test_wait (&result), &error);
  g_assert_no_error (error);

  return charges->len;
}

/* The same member tops up from another device: the page does not know. */
void
topup_test_charge_elsewhere (TopupFixture *fixture,
                             gint64        amount)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonNode) signed_in = NULL;
  g_autoptr(JsonNode) charged = NULL;
  g_autofree char *body = NULL;
  g_autofree char *key = anshin_issuer_client_new_idempotency_key ();
  GListModel *cards = anshin_account_get_charge_cards (fixture->account);
  g_autoptr(AnshinChargeCard) card = g_list_model_get_item (cards, 0);
  guint status = 0;

  soup_session_add_feature_by_type (session, SOUP_TYPE_COOKIE_JAR);
  signed_in = issuer_test_http (fixture->url, session, "POST", "v1/session",
                                "{\"member_id\": \"demo\", \"password\": \"demo\"}", NULL, &status);
  g_assert_cmpuint (status, ==, 201);

  body = g_strdup_printf ("{\"charge_card_id\": \"%s\", \"amount\": %" G_GINT64_FORMAT "}",
                          anshin_charge_card_get_id (card), amount);
  charged = issuer_test_http (fixture->url, session, "POST", "v1/charges", body, key, &status);
  g_assert_cmpuint (status, ==, 201);
}
