/* test-gui-faults.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fault matrix of the GUI (issue 8): the main window signed in to the
 * mock issuer's seed story, its Card and Top-up pages used while the issuer
 * misbehaves in each way test-fault-matrix.c knows: a delay past the
 * client's timeout, 500 and 502 with HTML pages, a dropped connection,
 * malformed JSON, a truncated body (the mock issuer's own faults), and a
 * 10 MB body, a wrong content type and 429 with Retry-After (served by
 * tests/fault-front.c, which otherwise passes every request through).
 *
 * Card page: a refresh and freezing the card fail with a message a holder
 * can read (not the error's own text), the last known status stays on
 * screen, and with the issuer back Retry brings the issuer's status.
 * Top-up page: registering a charge card and a top-up fail the same way,
 * with everything typed kept and no attempt spent; with the issuer back,
 * one more try registers the card once and charges the amount once.
 * Removing the charge card fails with the app's own words for the fault
 * (never blaming the connection when the issuer answered) and keeps the
 * card listed; with the issuer back it is removed.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "anshin-card-face.h"
#include "anshin-card-page.h"
#include "anshin-charge-card-row.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-page-slot.h"
#include "fault-front.h"
#include "gui-faults-util.h"
#include "topup-test-util.h"
#include "window-test-util.h"

#define TYPED_NUMBER "4242 4242 4242 4242"  /* TOPUP_TEST_NUMBER as the form shows it */
#define TYPED_AMOUNT "7,000"
#define AMOUNT 7000

typedef struct {
  const char     *name;
  const char     *mock_kind;    /* NULL: served by the front */
  guint           status;
  FaultFrontKind  front_kind;
  gboolean        answered;     /* the issuer answered: not the connection's fault */
  gboolean        sanitized;    /* run in a sanitizer build too */
} Fault;

/* A sanitizer build runs the window about six times slower (some 12 s a
 * test): there, one fault for each error the pages tell apart (timeout,
 * server, a bad answer from the mock and from the front, rate limit). */
static const Fault faults[] = {
  { "delay", "delay", 0, 0, FALSE, TRUE },
  { "500-html", "status", 500, 0, TRUE, TRUE },
  { "502-html", "status", 502, 0, TRUE, FALSE },
  { "drop", "drop", 0, 0, FALSE, FALSE },
  { "malformed-json", "malformed_json", 0, 0, TRUE, FALSE },
  { "truncated", "truncate", 0, 0, TRUE, TRUE },
  { "10mb-body", NULL, 0, FAULT_FRONT_HUGE, TRUE, TRUE },
  { "content-type", NULL, 0, FAULT_FRONT_CONTENT_TYPE, TRUE, FALSE },
  { "429-retry-after", NULL, 0, FAULT_FRONT_RETRY_AFTER, TRUE, TRUE },
};

typedef struct {
  const Fault        *fault;
  AnshinMockThread   *mock;
  const char         *mock_url;
  FaultFront         *front;
  AnshinIssuerClient *client;
  AnshinAccount      *account;
  AnshinWindow       *window;
  AnshinCardPage     *card_page;
  TopupFixture        topup;      /* the window's Top-up page, for topup-test-util.c */
  guint               toasts_cut;
} Fixture;

static AnshinApplication *app;
static gboolean sanitized;
/* the client's I/O timeout; a delayed answer comes 1.5 s after it */
static guint timeout_seconds = 1;

/* Fixture */

static void
on_show_toast_cb (AnshinTopupPage *page,
                  const char      *text,
                  gint64           balance,
                  TopupFixture    *topup)
{
  g_free (topup->last_toast);
  topup->last_toast = g_strdup (text);
}

static gpointer
window_child (Fixture    *fixture,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), ANSHIN_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
card_page_child (Fixture    *fixture,
                 const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->card_page),
                                                  ANSHIN_TYPE_CARD_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TopupFixture *topup = &fixture->topup;

  fixture->fault = user_data;
  if (sanitized && !fixture->fault->sanitized)
    return;
  window_test_reset_settings ();

  fixture->mock = anshin_mock_thread_start ("seed-story", TRUE, &error);
  g_assert_no_error (error);
  fixture->mock_url = anshin_mock_thread_get_url (fixture->mock);
  if (fixture->fault->mock_kind == NULL)
    fixture->front = fault_front_new (fixture->mock_url);

  fixture->client = anshin_issuer_client_new (fixture->front != NULL ? fault_front_get_url (fixture->front)
                                                                     : fixture->mock_url,
                                              &error);
  g_assert_no_error (error);
  /* as in test-fault-matrix.c: no test waits 10 s for a timeout (set
   * before the first connection) */
  anshin_issuer_client_set_timeout (fixture->client, timeout_seconds);
  fixture->account = anshin_account_new (fixture->client);
  anshin_account_set_remember_sign_in (fixture->account, FALSE);
  /* Retry brings the pages back, not a timer: nothing reconnects or polls
   * by itself within a test */
  anshin_account_set_timings (fixture->account, 60000, 60000, 3600000);
  anshin_account_sign_in_async (fixture->account, "demo", "demo", NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_account_sign_in_finish (fixture->account, issuer_test_wait (&result), &error));
  g_assert_no_error (error);
  /* the issuer's events come straight from the mock (the front passes no
   * upgrades: behind it, the account goes without) */
  if (fixture->front == NULL)
    GUI_FAULTS_WAIT_FOR (anshin_account_get_live (fixture->account));

  fixture->window = g_object_ref (anshin_window_new (app));
  anshin_window_set_account (fixture->window, fixture->account);
  gtk_window_present (GTK_WINDOW (fixture->window));
  GUI_FAULTS_WAIT_FOR (anshin_window_get_loaded (fixture->window));
  g_assert_cmpstr (anshin_window_get_view (fixture->window), ==, "wallet");
  fixture->card_page = window_child (fixture, "card_page");

  topup->mock = fixture->mock;
  topup->url = fixture->mock_url;
  topup->client = fixture->client;
  topup->account = fixture->account;
  topup->window = GTK_WINDOW (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window == NULL)
    return;

  if (fixture->topup.page != NULL)
    g_signal_handlers_disconnect_by_func (fixture->topup.page, on_show_toast_cb, &fixture->topup);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  pages_test_flush ();

  g_clear_pointer (&fixture->topup.last_toast, g_free);
  issuer_test_assert_finalized_soon (g_steal_pointer (&fixture->account));
  issuer_test_assert_finalized_soon (g_steal_pointer (&fixture->client));
  g_clear_pointer (&fixture->front, fault_front_free);
  anshin_mock_thread_free (fixture->mock);
}

/* Faults */

static gboolean
skipped (Fixture *fixture)
{
  if (fixture->window != NULL)
    return FALSE;

  g_test_skip ("a sanitizer build tries one fault of each error (see faults[])");
  return TRUE;
}

static void
arm (Fixture    *fixture,
     const char *path_prefix)
{
  const Fault *fault = fixture->fault;

  anshin_mock_thread_clear_request_log (fixture->mock);

  if (fixture->front != NULL)
    {
      fault_front_arm (fixture->front, path_prefix, fault->front_kind);
      return;
    }

  /* every matching request until disarm(): libsoup resends an idempotent
   * request once by itself, and a page's action may make several */
  issuer_test_add_fault (fixture->mock_url, path_prefix, fault->mock_kind, fault->status,
                         timeout_seconds * 1000 + 1500, 32);
}

static gboolean
mock_answered (Fixture    *fixture,
               const char *request)
{
  g_auto(GStrv) log = anshin_mock_thread_dup_request_log (fixture->mock);

  return issuer_test_log_count ((const char * const *)log, request) > 0;
}

/* The issuer is back. The mock is done with @request (a delayed request
 * is handled late, after the client gave up on it), so that what it did
 * is what the issuer now says. */
static void
disarm (Fixture    *fixture,
        const char *request)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  if (fixture->front != NULL)
    {
      g_assert_cmpuint (fault_front_get_hits (fixture->front), >, 0);
      fault_front_disarm (fixture->front);
      return;
    }

  answer = issuer_test_http (fixture->mock_url, NULL, "DELETE", "admin/faults", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 204);
  GUI_FAULTS_WAIT_FOR (mock_answered (fixture, request));
}

static void
assert_message (Fixture    *fixture,
                const char *where,
                const char *text)
{
  gui_faults_assert_words (where, text,
                           GUI_FAULTS_SAYS_WHAT_TO_DO |
                           (fixture->fault->answered ? GUI_FAULTS_ISSUER_ANSWERED : 0));
}

/* Card page */

/* The toast on screen that starts with @prefix; its text without markup */
static char *
wait_toast (Fixture    *fixture,
            const char *prefix)
{
  GtkWidget *overlay = window_child (fixture, "toast_overlay");
  GtkLabel *label = NULL;

  GUI_FAULTS_WAIT_FOR ((label = gui_faults_find_toast (overlay, prefix)) != NULL);

  /* all of it, or the holder misses what to do */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  if (gui_faults_label_is_cut (label))
    fixture->toasts_cut++;

  return g_strdup (gtk_label_get_text (label));
}

/* The card as the page shows it: state, balance, and the card face */
static char *
dup_card_shown (Fixture *fixture)
{
  GtkWidget *state = card_page_child (fixture, "state_label");
  GtkWidget *balance = card_page_child (fixture, "balance_label");

  g_assert_cmpstr (anshin_window_get_view (fixture->window), ==, "wallet");
  g_assert_cmpstr (anshin_window_get_visible_page (fixture->window), ==, "card");
  g_assert_true (pages_test_is_shown (state));
  g_assert_true (pages_test_is_shown (balance));

  return g_strdup_printf ("%s | %s | %s", gtk_label_get_label (GTK_LABEL (state)),
                          gtk_label_get_label (GTK_LABEL (balance)),
                          anshin_card_face_get_description (card_page_child (fixture, "face")));
}

/* The card as it was last known: on screen, unchanged */
static void
assert_card_kept (Fixture    *fixture,
                  const char *before)
{
  g_autofree char *now = NULL;

  pages_test_flush ();
  now = dup_card_shown (fixture);
  g_assert_cmpstr (now, ==, before);
}

static void
freeze (Fixture *fixture)
{
  AdwMessageDialog *dialog;

  g_assert_true (pages_test_is_shown (card_page_child (fixture, "freeze_button")));
  g_signal_emit_by_name (card_page_child (fixture, "freeze_button"), "clicked");
  dialog = topup_test_wait_message_dialog ();
  adw_message_dialog_response (dialog, "freeze");
}

static gboolean
card_page_matches_issuer (Fixture         *fixture,
                          AnshinCardState  state)
{
  GtkLabel *label = card_page_child (fixture, "state_label");
  GtkRevealer *banner = card_page_child (fixture, "offline_revealer");

  return anshin_account_get_online (fixture->account) &&
         !gtk_revealer_get_reveal_child (banner) &&
         g_str_equal (gtk_label_get_label (label), anshin_card_state_get_label (state)) &&
         mock_answered (fixture, "GET /v1/card 200");
}

static void
test_card_page (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *before = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *refresh_text = NULL;
  g_autofree char *freeze_text = NULL;
  g_autoptr(AnshinCard) issuer_card = NULL;
  g_autoptr(GError) error = NULL;
  GtkRevealer *banner;
  GtkWidget *retry;
  AnshinCardState state;
  gboolean offline;

  if (skipped (fixture))
    return;

  banner = card_page_child (fixture, "offline_revealer");
  retry = card_page_child (fixture, "retry_button");

  anshin_window_show_page (fixture->window, "card");
  before = dup_card_shown (fixture);
  balance = g_strdup (gtk_label_get_label (card_page_child (fixture, "balance_label")));
  g_assert_true (g_str_has_prefix (before, "Active | ¥"));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  /* a refresh meets the fault */
  arm (fixture, "/v1/card");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  refresh_text = wait_toast (fixture, "Your card’s status was not refreshed.");
  assert_message (fixture, "card page, refresh", refresh_text);
  assert_card_kept (fixture, before);

  /* the issuer could not be reached: the page says it shows the last
   * known status, and offers Retry */
  offline = !anshin_account_get_online (fixture->account);
  if (offline)
    {
      GtkLabel *label = card_page_child (fixture, "offline_label");

      g_assert_true (gtk_revealer_get_reveal_child (banner));
      g_assert_true (pages_test_is_shown (GTK_WIDGET (label)));
      /* what to do is the Retry button next to it */
      gui_faults_assert_words ("card page, banner", gtk_label_get_label (label), 0);
      g_assert_true (pages_test_is_shown (retry));
    }

  /* freezing meets it too: refused (429), the card was not frozen; with
   * the answer lost or failed on the way, the issuer may have frozen it,
   * and the window says it could not confirm (and asks the issuer) */
  freeze (fixture);
  freeze_text = wait_toast (fixture, fixture->fault->front_kind == FAULT_FRONT_RETRY_AFTER
                                       ? "Your card was not frozen."
                                       : "Anshin Wallet could not confirm whether your card was frozen.");
  assert_message (fixture, "card page, freeze", freeze_text);
  assert_card_kept (fixture, before);

  /* the issuer is back: what it did meanwhile is what it now says (a
   * delayed, garbled or cut-off answer may follow a freeze it made) */
  disarm (fixture, "PATCH /v1/card ");
  issuer_card = issuer_test_get_card (fixture->client, NULL, &error);
  g_assert_no_error (error);
  state = anshin_card_get_state (issuer_card);
  g_assert_true (state == ANSHIN_CARD_STATE_ACTIVE || state == ANSHIN_CARD_STATE_FROZEN);

  /* Retry (or a refresh, if the page did not go offline) shows it */
  anshin_mock_thread_clear_request_log (fixture->mock);
  if (pages_test_is_shown (retry))
    g_signal_emit_by_name (retry, "clicked");
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  GUI_FAULTS_WAIT_FOR (card_page_matches_issuer (fixture, state));
  g_assert_cmpstr (gtk_label_get_label (card_page_child (fixture, "balance_label")), ==, balance);

  g_test_message ("%s / card page: %s; refresh: %s; freeze: %s; the issuer %s the card",
                  fixture->fault->name, offline ? "offline banner" : "no banner",
                  refresh_text, freeze_text,
                  state == ANSHIN_CARD_STATE_FROZEN ? "froze" : "did not freeze");

  /* and freezing works again */
  if (state == ANSHIN_CARD_STATE_ACTIVE)
    {
      g_autofree char *frozen = NULL;

      freeze (fixture);
      frozen = wait_toast (fixture, "Your card is frozen");
      g_test_message ("%s / card page: then “%s”", fixture->fault->name, frozen);
      GUI_FAULTS_WAIT_FOR (g_str_equal (gtk_label_get_label (card_page_child (fixture, "state_label")),
                                        anshin_card_state_get_label (ANSHIN_CARD_STATE_FROZEN)));
    }

  /* every error toast shown whole: what failed, why and what to do */
  g_assert_cmpuint (fixture->toasts_cut, ==, 0);
}

/* Top-up page */

/* With the issuer back, the holder tries once more: Retry if offered (it
 * may only reload the form), then Register if still needed. */
static void
register_again (Fixture    *fixture,
                const char *how[2])
{
  TopupFixture *topup = &fixture->topup;
  g_autoptr(GHashTable) before = issuer_test_dup_one_time_codes (fixture->mock_url);
  g_autofree char *code = NULL;
  AnshinChallengeDialog *dialog = NULL;
  GtkWidget *form = GTK_WIDGET (topup->form);
  GtkWidget *retry = gui_faults_find_shown_button (form, "_Retry");

  how[0] = "Register";
  if (retry != NULL)
    {
      how[0] = "Retry";
      g_signal_emit_by_name (retry, "clicked");
      /* the code is asked for, or the form is back */
      GUI_FAULTS_WAIT_FOR ((dialog = topup_test_find_challenge_dialog ()) != NULL ||
                           (!anshin_charge_card_form_get_busy (topup->form) &&
                            gui_faults_find_shown_button (form, "_Retry") == NULL));
    }

  if (dialog == NULL)
    {
      how[1] = "Register";
      g_signal_emit_by_name (topup_test_submit_button (topup), "clicked");
      dialog = topup_test_wait_challenge (topup);
    }

  code = gui_faults_dup_dialog_code (fixture->mock_url, before);
  anshin_challenge_dialog_set_code (dialog, code);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), ANSHIN_CHALLENGE_RESPONSE_VERIFY);
  topup_test_wait_toast (topup, "Visa •••• 4242 is registered");
}

static void
register_under_fault (Fixture *fixture)
{
  TopupFixture *topup = &fixture->topup;
  GListModel *cards = anshin_account_get_charge_cards (fixture->account);
  g_autofree char *text = NULL;
  const char *how[2] = { NULL, NULL };

  topup_test_wait_attempts (topup, 5);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 0);
  topup_test_fill (topup, TOPUP_TEST_NUMBER, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");

  arm (fixture, "/v1/charge-cards");
  topup_test_submit_and_wait_failure (topup);
  assert_message (fixture, "top-up page, register", topup_test_failure_text (topup));
  /* the form's attempts and lock are asked for again after an answer:
   * what it says once that failed under the fault too */
  topup_test_flush_for (300);
  g_assert_false (anshin_charge_card_form_get_busy (topup->form));
  text = g_strdup (topup_test_failure_text (topup));
  assert_message (fixture, "top-up page, register, then", text);
  g_assert_true (topup_test_label_shown (topup, text));
  gui_faults_assert_typed_kept (topup, TYPED_NUMBER, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");
  g_assert_false (anshin_charge_card_form_get_locked (topup->form));
  gui_faults_assert_attempts (topup, 5);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 0);

  disarm (fixture, "POST /v1/charge-cards ");
  g_assert_cmpint (gui_faults_issuer_attempts (fixture->mock_url), ==, 5);

  /* once more: registered once */
  register_again (fixture, how);
  topup_test_wait_cards (topup, 1);
  topup_test_flush_for (300);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);
  g_assert_cmpuint (gui_faults_issuer_charge_cards (fixture->mock_url), ==, 1);
  g_assert_cmpint (gui_faults_issuer_attempts (fixture->mock_url), ==, 5);
  topup_test_wait_attempts (topup, 5);

  g_test_message ("%s / register: %s; then %s%s%s: registered once, 5 attempts left",
                  fixture->fault->name, text, how[0], how[1] != NULL ? " and " : "",
                  how[1] != NULL ? how[1] : "");
}

static void
top_up_under_fault (Fixture *fixture)
{
  TopupFixture *topup = &fixture->topup;
  GtkWidget *amount_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (topup->topup),
                                                                    ANSHIN_TYPE_TOPUP_FORM, "custom_row"));
  GtkWidget *button = anshin_topup_form_get_topup_button (topup->topup);
  GtkWidget *retry = anshin_topup_form_get_retry_button (topup->topup);
  g_autofree char *text = NULL;
  g_autofree char *new_balance = NULL;
  g_autofree char *expected = NULL;
  gint64 balance = topup_test_balance (topup);
  AnshinCard *card;
  gboolean charged_meanwhile;
  gboolean retried;

  /* the holder types another amount */
  g_assert_nonnull (amount_row);
  gtk_editable_set_text (GTK_EDITABLE (amount_row), TYPED_AMOUNT);
  g_assert_cmpint (anshin_topup_form_get_amount (topup->topup), ==, AMOUNT);
  g_assert_null (anshin_topup_form_get_refusal (topup->topup));
  GUI_FAULTS_WAIT_FOR (gtk_widget_get_sensitive (button));

  arm (fixture, "/v1/charges");
  g_signal_emit_by_name (button, "clicked");
  topup_test_wait_topup_failure (topup);
  text = g_strdup (topup_test_topup_failure_text (topup));
  assert_message (fixture, "top-up page, top up", text);
  g_assert_true (topup_test_label_shown (topup, text));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount_row)), ==, TYPED_AMOUNT);
  g_assert_cmpint (anshin_topup_form_get_amount (topup->topup), ==, AMOUNT);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* the issuer is back; it may have charged already (its answer lost) */
  disarm (fixture, "POST /v1/charges ");
  charged_meanwhile = topup_test_balance (topup) == balance + AMOUNT;
  g_assert_true (charged_meanwhile || topup_test_balance (topup) == balance);

  /* once more, Retry if offered, else Top Up: charged once */
  retried = pages_test_is_shown (retry);
  g_signal_emit_by_name (retried ? retry : button, "clicked");
  new_balance = anshin_format_yen (balance + AMOUNT);
  expected = g_strdup_printf ("Topped up ¥7,000. Your balance is now %s.", new_balance);
  topup_test_wait_toast (topup, expected);
  g_assert_true (topup_test_label_shown (topup, expected));
  g_assert_cmpint (topup_test_balance (topup), ==, balance + AMOUNT);
  g_assert_cmpuint (topup_test_count_charges (topup), ==, 1);
  /* and the Card page's balance follows, once */
  card = anshin_account_get_card (fixture->account);
  GUI_FAULTS_WAIT_FOR (anshin_card_get_balance (card) == balance + AMOUNT);
  topup_test_flush_for (200);
  g_assert_cmpint (anshin_card_get_balance (card), ==, balance + AMOUNT);

  g_test_message ("%s / top up: %s; %s; then %s: charged once",
                  fixture->fault->name, text,
                  charged_meanwhile ? "the issuer had charged" : "the issuer had not charged",
                  retried ? "Retry" : "Top Up");
}

/* Asks to remove the (one) registered charge card, and confirms. */
static void
remove_card (TopupFixture *topup)
{
  GtkWidget *row = pages_test_find_type (GTK_WIDGET (topup->page), ANSHIN_TYPE_CHARGE_CARD_ROW);
  AdwMessageDialog *confirm;

  g_assert_nonnull (row);
  g_signal_emit_by_name (anshin_charge_card_row_get_remove_button (ANSHIN_CHARGE_CARD_ROW (row)), "clicked");
  confirm = topup_test_wait_message_dialog ();
  g_clear_pointer (&topup->last_toast, g_free);
  g_signal_emit_by_name (pages_test_find_button (GTK_WIDGET (confirm), "_Remove"), "clicked");
}

static void
remove_under_fault (Fixture *fixture)
{
  TopupFixture *topup = &fixture->topup;
  GListModel *cards = anshin_account_get_charge_cards (fixture->account);
  g_autofree char *text = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);

  arm (fixture, "/v1/charge-cards/");
  remove_card (topup);
  GUI_FAULTS_WAIT_FOR (topup->last_toast != NULL);
  text = g_strdup (topup->last_toast);

  /* a garbled answer to a DELETE, which has no body to garble: the issuer
   * did remove it, and the list says so */
  if (g_str_equal (text, "Charge card removed"))
    {
      topup_test_wait_cards (topup, 0);
      disarm (fixture, "DELETE /v1/charge-cards/");
      g_assert_cmpuint (gui_faults_issuer_charge_cards (fixture->mock_url), ==, 0);
      g_test_message ("%s / remove: %s", fixture->fault->name, text);
      return;
    }

  /* what did not happen, why, what to do; no blaming the connection
   * when the issuer answered */
  g_assert_true (g_str_has_prefix (text, "The charge card was not removed."));
  assert_message (fixture, "top-up page, remove", text);
  /* the card stays listed until the issuer says it is gone */
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);

  disarm (fixture, "DELETE /v1/charge-cards/");

  /* once more: removed (or found removed, a delayed request having gone
   * through meanwhile), and gone from the list */
  remove_card (topup);
  GUI_FAULTS_WAIT_FOR (topup->last_toast != NULL);
  g_assert_true (g_str_equal (topup->last_toast, "Charge card removed") ||
                 g_str_equal (topup->last_toast, "That charge card was already removed"));
  topup_test_wait_cards (topup, 0);
  g_assert_cmpuint (gui_faults_issuer_charge_cards (fixture->mock_url), ==, 0);

  g_test_message ("%s / remove: %s; then %s", fixture->fault->name, text, topup->last_toast);
}

static void
test_topup_page (Fixture       *fixture,
                 gconstpointer  user_data)
{
  TopupFixture *topup = &fixture->topup;

  if (skipped (fixture))
    return;

  /* the page is made when it is first shown, if not before */
  anshin_window_show_page (fixture->window, "top-up");
  topup->page = ANSHIN_TOPUP_PAGE (anshin_page_slot_get_page (window_child (fixture, "topup_slot")));
  g_assert_nonnull (topup->page);
  g_signal_connect (topup->page, "show-toast", G_CALLBACK (on_show_toast_cb), topup);
  topup->form = ANSHIN_CHARGE_CARD_FORM (pages_test_find_type (GTK_WIDGET (topup->page),
                                                               ANSHIN_TYPE_CHARGE_CARD_FORM));
  topup->topup = ANSHIN_TOPUP_FORM (pages_test_find_type (GTK_WIDGET (topup->page), ANSHIN_TYPE_TOPUP_FORM));
  g_assert_nonnull (topup->form);
  g_assert_nonnull (topup->topup);

  register_under_fault (fixture);
  top_up_under_fault (fixture);
  remove_under_fault (fixture);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  topup_test_init (&argc, &argv);
  /* as main.c: the pages' templates take the default domain */
  textdomain (GETTEXT_PACKAGE);

  /* a sanitizer build runs several times slower: a second of silence
   * there need not be a fault */
  sanitized = g_getenv ("ANSHIN_TEST_SANITIZED") != NULL;
  if (sanitized)
    timeout_seconds = 3;

  app = anshin_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *card = g_strdup_printf ("/gui-faults/%s/card-page", faults[i].name);
      g_autofree char *topup = g_strdup_printf ("/gui-faults/%s/top-up-page", faults[i].name);

      g_test_add (card, Fixture, &faults[i], fixture_set_up, test_card_page, fixture_tear_down);
      g_test_add (topup, Fixture, &faults[i], fixture_set_up, test_topup_page, fixture_tear_down);
    }

  ret = g_test_run ();

  /* a registered GtkApplication keeps a reference to itself until it is
   * run and shut down, so it is not checked for finalization */
  g_object_unref (app);

  return ret;
}
