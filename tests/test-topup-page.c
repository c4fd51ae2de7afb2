/* test-topup-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Top-up page on the seed story, driven through its own widgets against
 * the mock issuer running in-process: the cardholder's "session timed out"
 * trouble fixed, typos that never reach the issuer, declines down to the
 * lock and its lifting by the issuer's clock, top-ups at and over each
 * limit, a dropped connection during a top-up, the secrets wiped, and
 * screenshots of each state in English and Japanese.
 */

#include "config.h"

#include <locale.h>

#include "anshin-charge-card-row.h"
#include "anshin-format.h"
#include "topup-test-util.h"

/* the real cardholder's trouble, fixed: a form filled slowly, past the
 * issuer's 60-second form-token life, still registers after the one-time
 * code, and costs no attempt */
static void
test_form_token_expiry (TopupFixture  *fixture,
                        gconstpointer  user_data)
{
  g_auto(GStrv) log = NULL;
  g_autofree char *attempts = NULL;

  topup_test_show (fixture);
  attempts = topup_test_attempts_text (fixture);
  g_assert_nonnull (strstr (attempts, "5 attempts left today"));
  g_assert_nonnull (strstr (attempts, "After 5 failed attempts the issuer locks card registration for 24 hours"));

  topup_test_fill (fixture, TOPUP_TEST_NUMBER, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");
  g_assert_true (gtk_widget_get_sensitive (topup_test_submit_button (fixture)));

  /* the holder pauses for two minutes of issuer time */
  topup_test_advance_clock (fixture, 120);
  anshin_mock_thread_clear_request_log (fixture->mock);

  topup_test_register (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (anshin_account_get_charge_cards (fixture->account)), ==, 1);
  g_assert_nonnull (strstr (fixture->last_toast, "Visa •••• 4242 is registered"));
  g_assert_cmpint (fixture->last_toast_balance, ==, -1);

  /* no expired token was ever sent, nothing counted */
  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "POST /v1/charge-cards 403"), ==, 0);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "POST /v1/charge-cards 202"), ==, 1);
  g_assert_cmpint (topup_test_issuer_attempts (fixture), ==, 5);
  topup_test_wait_attempts (fixture, 5);
  g_assert_nonnull (topup_test_find_shown_label_containing (fixture, "5 attempts left today"));

  /* success clears the form, the secrets first */
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_NUMBER), ==, "");
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_CVC), ==, "");
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_HOLDER_NAME), ==, "");
}

/* a number with a wrong digit and an expired card are refused in place:
 * Register stays disabled, nothing reaches the issuer, no attempt is spent */
static void
test_typos_never_reach_issuer (TopupFixture  *fixture,
                               gconstpointer  user_data)
{
  GtkWidget *number_row;
  GtkWidget *expiry_row;
  g_auto(GStrv) log = NULL;

  topup_test_show (fixture);
  anshin_mock_thread_clear_request_log (fixture->mock);
  number_row = anshin_charge_card_form_get_field_widget (fixture->form, ANSHIN_CARD_FIELD_NUMBER);
  expiry_row = anshin_charge_card_form_get_field_widget (fixture->form, ANSHIN_CARD_FIELD_EXP);

  /* the form is one boxed list: every field a row of it, in order */
  {
    GtkWidget *list = gtk_widget_get_parent (number_row);
    GtkWidget *row = number_row;

    g_assert_true (GTK_IS_LIST_BOX (list));
    g_assert_true (gtk_widget_has_css_class (list, "boxed-list"));
    for (AnshinCardField field = ANSHIN_CARD_FIELD_NUMBER; field <= ANSHIN_CARD_FIELD_HOLDER_NAME; field++)
      {
        g_assert_true (anshin_charge_card_form_get_field_widget (fixture->form, field) == row);
        row = gtk_widget_get_next_sibling (row);
      }
    g_assert_null (row);
  }

  /* grouped as typed, the brand named as soon as it is known */
  gtk_editable_set_text (GTK_EDITABLE (number_row), "4");
  g_assert_nonnull (topup_test_find_label (fixture, "Visa"));
  gtk_editable_set_text (GTK_EDITABLE (number_row), "4242424242424241");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (number_row)), ==, "4242 4242 4242 4241");

  /* complete and wrong: the sentence is next to the field and on it */
  g_assert_nonnull (anshin_charge_card_form_get_field_error (fixture->form, ANSHIN_CARD_FIELD_NUMBER));
  g_assert_true (topup_test_label_shown (fixture,
                                         anshin_charge_card_form_get_field_error (fixture->form,
                                                                                  ANSHIN_CARD_FIELD_NUMBER)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (number_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (number_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       anshin_charge_card_form_get_field_error (fixture->form,
                                                                                ANSHIN_CARD_FIELD_NUMBER));

  gtk_editable_set_text (GTK_EDITABLE (expiry_row), "0125");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (expiry_row)), ==, "01/25");
  g_assert_nonnull (strstr (anshin_charge_card_form_get_field_error (fixture->form, ANSHIN_CARD_FIELD_EXP),
                            "expired"));

  topup_test_fill (fixture, NULL, NULL, TOPUP_TEST_CVC, "TARO YAMADA");
  g_assert_false (gtk_widget_get_sensitive (topup_test_submit_button (fixture)));
  g_signal_emit_by_name (topup_test_submit_button (fixture), "clicked");

  /* fixing the number clears its sentence; the expired card still holds Register */
  gtk_editable_set_text (GTK_EDITABLE (number_row), TOPUP_TEST_NUMBER);
  g_assert_null (anshin_charge_card_form_get_field_error (fixture->form, ANSHIN_CARD_FIELD_NUMBER));
  g_assert_false (gtk_widget_get_sensitive (topup_test_submit_button (fixture)));
  g_signal_emit_by_name (topup_test_submit_button (fixture), "clicked");
  topup_test_flush_for (200);

  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "POST "), ==, 0);
  topup_test_wait_attempts (fixture, 5);

  /* leaving the page wipes the number and the security code, not the rest */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_NUMBER), ==, "");
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_CVC), ==, "");
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_EXP), ==, "01/25");
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_HOLDER_NAME), ==, "TARO YAMADA");
}

/* declines cost attempts; the fifth counted failure locks; the issuer's
 * clock passing the lock re-opens the form by itself */
static void
test_declined_until_locked (TopupFixture  *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *unlock = NULL;
  GtkWidget *number_row;

  topup_test_show (fixture);

  for (int attempts = 4; attempts >= 1; attempts--)
    {
      g_autofree char *expected = g_strdup_printf ("%d attempt%s left today", attempts, attempts == 1 ? "" : "s");
      g_autofree char *attempts_text = NULL;

      topup_test_fill (fixture, TOPUP_TEST_DECLINED, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");
      topup_test_submit_and_wait_failure (fixture);
      g_assert_nonnull (strstr (topup_test_failure_text (fixture), "declined"));
      topup_test_wait_attempts (fixture, attempts);
      /* the attempts shown, not just known */
      attempts_text = topup_test_attempts_text (fixture);
      g_assert_nonnull (strstr (attempts_text, expected));
      /* what was typed stays */
      g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_NUMBER), ==, "4000 0000 0000 0002");
    }

  /* the stronger warning before the last attempt */
  g_assert_nonnull (topup_test_find_shown_label_containing (fixture, "This is your last attempt today"));

  topup_test_submit_and_wait_failure (fixture);
  topup_test_wait_locked (fixture, TRUE);

  /* until when, in local time (the seed story is in Japan): said once, at
   * the top of the page, as on the Card page (the REGISTRATION_LOCKED
   * moment); the form leaves it to that */
  unlock = topup_test_local_unlock_time (fixture);
  {
    g_autofree char *title = g_strdup_printf ("Adding a charge card is paused until %s", unlock);

    g_assert_nonnull (topup_test_find_shown_label_containing (fixture, title));
  }
  g_assert_nonnull (topup_test_find_shown_label_containing (fixture,
                                                            "that was not your browser: all 5 attempts of the day are used."));
  /* no registered card: nothing says they are not affected */
  g_assert_nonnull (topup_test_find_shown_label_containing (fixture,
                                                            "Another browser or a new session won't lift the lock, and nothing was charged."));
  g_assert_null (topup_test_find_shown_label_containing (fixture, "not affected"));
  g_assert_null (topup_test_find_shown_label_containing (fixture, "registered cards"));
  g_assert_null (topup_test_find_shown_label_containing (fixture, "Card registration is locked"));
  /* and no "Add one below" while adding is locked */
  g_assert_nonnull (topup_test_find_shown_label_containing (fixture, "No charge card yet."));
  g_assert_null (topup_test_find_shown_label_containing (fixture, "Add one below"));
  /* the countdown from 24 hours is shown: "24 hours" while the app's
   * estimate of the issuer's clock is still at (or a second before) the
   * fifth failure, then "23 hours 5x minutes" (a sanitizer build is several
   * times slower, so neither the second nor the minute is pinned) */
  g_assert_true (topup_test_find_shown_label_containing (fixture, "Opens again in 24 hours.") != NULL ||
                 topup_test_find_shown_label_containing (fixture, "Opens again in 23 hours 5") != NULL);
  number_row = anshin_charge_card_form_get_field_widget (fixture->form, ANSHIN_CARD_FIELD_NUMBER);
  g_assert_false (gtk_widget_is_sensitive (number_row));
  g_assert_false (gtk_widget_get_sensitive (topup_test_submit_button (fixture)));
  /* and at the top of the page, where the top-up form has no card to
   * take the money from, it says why */
  {
    g_autofree char *hint = g_strdup_printf ("Adding a charge card is locked until %s.", unlock);

    g_assert_nonnull (topup_test_find_shown_label_containing (fixture, hint));
  }

  /* a day of issuer time later the form is back, with no one asking */
  topup_test_advance_clock (fixture, 24 * 60 * 60 + 1);
  topup_test_wait_locked (fixture, FALSE);
  g_assert_null (topup_test_find_shown_label_containing (fixture, "Card registration is locked"));
  g_assert_null (topup_test_find_shown_label_containing (fixture, "Adding a charge card is paused"));
  g_assert_nonnull (topup_test_find_shown_label_containing (fixture, "Add one below"));
  g_assert_true (gtk_widget_is_sensitive (number_row));
  topup_test_wait_attempts (fixture, 5);
  g_assert_null (topup_test_find_shown_label_containing (fixture, "Adding a charge card is locked"));
  g_assert_nonnull (topup_test_find_shown_label_containing (fixture, "Add a charge card below first."));
}

/* offline while registering: what was typed stays, Retry is offered and
 * sends the same submission, which costs no attempt */
static void
test_offline_registration (TopupFixture  *fixture,
                           gconstpointer  user_data)
{
  AnshinChallengeDialog *dialog;
  g_auto(GStrv) log = NULL;

  topup_test_show (fixture);
  topup_test_fill (fixture, TOPUP_TEST_NUMBER, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");
  issuer_test_add_fault (fixture->url, "/v1/charge-cards", "drop", 0, 0, 1);
  anshin_mock_thread_clear_request_log (fixture->mock);

  topup_test_submit_and_wait_failure (fixture);
  g_assert_nonnull (strstr (topup_test_failure_text (fixture), "Cannot reach the issuer"));
  g_assert_true (topup_test_label_shown (fixture, topup_test_failure_text (fixture)));
  g_assert_true (pages_test_is_shown (pages_test_find_button (GTK_WIDGET (fixture->form), "_Retry")));
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_NUMBER), ==, "4242 4242 4242 4242");
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_CVC), ==, TOPUP_TEST_CVC);
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_HOLDER_NAME), ==, "TARO YAMADA");

  g_signal_emit_by_name (pages_test_find_button (GTK_WIDGET (fixture->form), "_Retry"), "clicked");
  dialog = topup_test_wait_challenge (fixture);
  topup_test_enter_code (fixture, dialog);
  topup_test_wait_toast (fixture, "Visa •••• 4242 is registered");
  g_assert_cmpint (topup_test_issuer_attempts (fixture), ==, 5);

  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "POST /v1/charge-cards dropped"), ==, 1);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "POST /v1/charge-cards 202"), ==, 1);
}

/* a wrong one-time code: the dialog comes back saying so, with the
 * attempts left; the right code then registers the card */
static void
test_wrong_code (TopupFixture  *fixture,
                 gconstpointer  user_data)
{
  AnshinChallengeDialog *dialog;
  AnshinChallengeDialog *again;

  topup_test_show (fixture);
  topup_test_fill (fixture, TOPUP_TEST_NUMBER, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");
  dialog = topup_test_submit_and_wait_challenge (fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  anshin_challenge_dialog_set_code (dialog, "000000");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), ANSHIN_CHALLENGE_RESPONSE_VERIFY);
  g_assert_null (dialog);

  again = topup_test_wait_challenge (fixture);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (again)),
                            "That code is not the one sent. 4 attempts left today."));
  topup_test_wait_attempts (fixture, 4);
  g_assert_cmpstr (anshin_challenge_dialog_get_code (again), ==, "");

  topup_test_enter_code (fixture, again);
  topup_test_wait_toast (fixture, "Visa •••• 4242 is registered");
  topup_test_wait_cards (fixture, 1);
}

/* the issuer's own refusal of a field is put next to that field, with
 * what was typed kept */
static void
test_issuer_field_refusal (TopupFixture  *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(AnshinIssuerProblem) problem = anshin_issuer_problem_new ();
  GtkWidget *expiry_row;
  const char *sentence;

  topup_test_show (fixture);
  topup_test_fill (fixture, TOPUP_TEST_NUMBER, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");
  g_assert_null (anshin_charge_card_form_get_field_error (fixture->form, ANSHIN_CARD_FIELD_EXP));

  anshin_issuer_problem_set_code (problem, "validation_failed");
  anshin_issuer_problem_add_field (problem, ANSHIN_CARD_FIELD_EXP, "expired");
  anshin_charge_card_form_show_issuer_fields (fixture->form, problem);

  sentence = anshin_charge_card_form_get_field_error (fixture->form, ANSHIN_CARD_FIELD_EXP);
  g_assert_nonnull (strstr (sentence, "The issuer says this card has expired"));
  g_assert_true (topup_test_label_shown (fixture, sentence));
  expiry_row = anshin_charge_card_form_get_field_widget (fixture->form, ANSHIN_CARD_FIELD_EXP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (expiry_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       sentence);
  g_assert_null (anshin_charge_card_form_get_field_error (fixture->form, ANSHIN_CARD_FIELD_NUMBER));
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_EXP), ==, "12/30");
}

/* the security code is masked, 4 digits for American Express and 3 for
 * the others, checked against the brand the number shows */
static void
test_security_code_length (void)
{
  g_autoptr(AnshinRegistrationForm) registration = anshin_registration_form_new ();
  g_autoptr(GDateTime) now = pages_test_jst (2025, 8, 30, 9, 0);
  AnshinCardBrand brands[] = { ANSHIN_CARD_BRAND_AMEX, ANSHIN_CARD_BRAND_VISA };
  AnshinChargeCardForm *form = g_object_ref_sink (ANSHIN_CHARGE_CARD_FORM (anshin_charge_card_form_new ()));
  GtkWidget *number = anshin_charge_card_form_get_field_widget (form, ANSHIN_CARD_FIELD_NUMBER);
  GtkWidget *cvc = anshin_charge_card_form_get_field_widget (form, ANSHIN_CARD_FIELD_CVC);
  GtkWidget *submit = anshin_charge_card_form_get_submit_button (form);

  registration->form_token = g_strdup ("token");
  registration->attempts_remaining = 5;
  registration->max_attempts = 5;
  registration->accepted_brands = g_memdup2 (brands, sizeof brands);
  registration->n_accepted_brands = G_N_ELEMENTS (brands);
  anshin_charge_card_form_set_registration (form, registration);
  anshin_charge_card_form_set_now (form, now);

  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (cvc));
  gtk_editable_set_text (GTK_EDITABLE (anshin_charge_card_form_get_field_widget (form, ANSHIN_CARD_FIELD_EXP)), "1230");
  gtk_editable_set_text (GTK_EDITABLE (anshin_charge_card_form_get_field_widget (form, ANSHIN_CARD_FIELD_HOLDER_NAME)),
                         "TARO YAMADA");

  /* American Express: grouped 4-6-5, four digits on the front */
  gtk_editable_set_text (GTK_EDITABLE (number), "378282246310005");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (number)), ==, "3782 822463 10005");
  gtk_editable_set_text (GTK_EDITABLE (cvc), "123");
  g_assert_false (anshin_charge_card_form_get_valid (form));
  g_assert_false (gtk_widget_get_sensitive (submit));
  gtk_editable_set_text (GTK_EDITABLE (cvc), "1234");
  g_assert_null (anshin_charge_card_form_get_field_error (form, ANSHIN_CARD_FIELD_CVC));
  g_assert_true (gtk_widget_get_sensitive (submit));

  /* the same code with a Visa number is one digit too many, said at once */
  gtk_editable_set_text (GTK_EDITABLE (number), TOPUP_TEST_NUMBER);
  g_assert_nonnull (anshin_charge_card_form_get_field_error (form, ANSHIN_CARD_FIELD_CVC));
  g_assert_false (gtk_widget_get_sensitive (submit));
  gtk_editable_set_text (GTK_EDITABLE (cvc), "123");
  g_assert_null (anshin_charge_card_form_get_field_error (form, ANSHIN_CARD_FIELD_CVC));
  g_assert_true (gtk_widget_get_sensitive (submit));

  g_assert_finalize_object (form);
}

/* a registered card is removed only after the holder confirms */
static void
test_remove_card (TopupFixture  *fixture,
                  gconstpointer  user_data)
{
  GListModel *cards = anshin_account_get_charge_cards (fixture->account);
  GtkWidget *row;
  AdwMessageDialog *confirm;

  topup_test_show (fixture);
  topup_test_register_card (fixture);
  row = pages_test_find_type (GTK_WIDGET (fixture->page), ANSHIN_TYPE_CHARGE_CARD_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Visa •••• 4242");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Expires December 2030 · TARO YAMADA");

  /* cancelled: nothing happens */
  g_signal_emit_by_name (anshin_charge_card_row_get_remove_button (ANSHIN_CHARGE_CARD_ROW (row)), "clicked");
  confirm = topup_test_wait_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Remove Visa •••• 4242?");
  g_signal_emit_by_name (pages_test_find_button (GTK_WIDGET (confirm), "_Cancel"), "clicked");
  topup_test_flush_for (200);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);

  /* the list may have been refreshed meanwhile: the row of now */
  row = pages_test_find_type (GTK_WIDGET (fixture->page), ANSHIN_TYPE_CHARGE_CARD_ROW);
  g_assert_nonnull (row);
  g_signal_emit_by_name (anshin_charge_card_row_get_remove_button (ANSHIN_CHARGE_CARD_ROW (row)), "clicked");
  confirm = topup_test_wait_message_dialog ();
  g_clear_pointer (&fixture->last_toast, g_free);
  g_signal_emit_by_name (pages_test_find_button (GTK_WIDGET (confirm), "_Remove"), "clicked");
  topup_test_wait_toast (fixture, "Charge card removed");
  topup_test_wait_cards (fixture, 0);
  g_assert_true (topup_test_label_shown (fixture, "No charge card yet. Add one below to top up your balance."));
}

/* one charge per confirmation, even if the connection drops */
static void
test_dropped_top_up (TopupFixture  *fixture,
                     gconstpointer  user_data)
{
  g_auto(GStrv) log = NULL;
  gint64 balance;

  topup_test_show (fixture);
  topup_test_register_card (fixture);
  balance = topup_test_balance (fixture);

  issuer_test_add_fault (fixture->url, "/v1/charges", "drop", 0, 0, 1);
  anshin_mock_thread_clear_request_log (fixture->mock);
  topup_test_top_up (fixture, 5000);
  topup_test_wait_topup_failure (fixture);
  g_assert_true (pages_test_is_shown (anshin_topup_form_get_retry_button (fixture->topup)));

  g_signal_emit_by_name (anshin_topup_form_get_retry_button (fixture->topup), "clicked");
  {
    g_autofree char *new_balance = anshin_format_yen (balance + 5000);
    g_autofree char *expected = g_strdup_printf ("Topped up ¥5,000. Your balance is now %s.", new_balance);

    /* the new balance, on the page and in the toast (which goes once the
     * balance is no longer that) */
    topup_test_wait_toast (fixture, expected);
    g_assert_cmpint (fixture->last_toast_balance, ==, balance + 5000);
    g_assert_true (topup_test_label_shown (fixture, expected));
  }
  g_assert_cmpint (topup_test_balance (fixture), ==, balance + 5000);
  g_assert_cmpuint (topup_test_count_charges (fixture), ==, 1);

  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "POST /v1/charges dropped"), ==, 1);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "POST /v1/charges 201"), ==, 1);

  /* worse: the issuer charged, but its answer was lost on the way */
  issuer_test_add_fault (fixture->url, "/v1/charges", "truncate", 0, 0, 1);
  topup_test_top_up (fixture, 10000);
  topup_test_wait_topup_failure (fixture);
  g_assert_cmpint (topup_test_balance (fixture), ==, balance + 15000);
  g_assert_nonnull (strstr (topup_test_topup_failure_text (fixture), "never charges twice"));

  /* pressing Top Up again for the same amount is the same confirmation */
  g_signal_emit_by_name (anshin_topup_form_get_topup_button (fixture->topup), "clicked");
  topup_test_wait_toast (fixture, "Topped up ¥10,000. Your balance is now");
  g_assert_cmpint (topup_test_balance (fixture), ==, balance + 15000);
  g_assert_cmpuint (topup_test_count_charges (fixture), ==, 2);
}

/* the top-ups made could not be listed: the limits read "unknown", not
 * "all of it left", and nothing is refused in place for them */
static void
test_limits_unknown (TopupFixture  *fixture,
                     gconstpointer  user_data)
{
  GtkLabel *left_24h;
  GtkLabel *left_720h;

  issuer_test_add_fault (fixture->url, "/v1/charges", "status", 500, 0, 100);
  topup_test_show (fixture);
  left_24h = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->topup), ANSHIN_TYPE_TOPUP_FORM,
                                                       "limit_24h_label"));
  left_720h = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->topup), ANSHIN_TYPE_TOPUP_FORM,
                                                        "limit_720h_label"));
  TOPUP_TEST_WAIT_FOR (g_str_equal (gtk_label_get_label (left_24h), "Unknown right now (limit ¥100,000)"));
  g_assert_cmpstr (gtk_label_get_label (left_720h), ==, "Unknown right now (limit ¥300,000)");
  anshin_topup_form_set_amount (fixture->topup, 50000);
  g_assert_null (anshin_topup_form_get_refusal (fixture->topup));
}

/* at and over each limit: 50,000 a charge, 100,000 in 24 hours, 300,000 in
 * 720 hours; refused in place, and by the issuer when the page's view was
 * stale, saying which window and when it frees up */
static void
test_limits (TopupFixture  *fixture,
             gconstpointer  user_data)
{
  g_auto(GStrv) log = NULL;

  topup_test_show (fixture);
  topup_test_register_card (fixture);

  /* per charge */
  anshin_topup_form_set_amount (fixture->topup, 50001);
  g_assert_nonnull (strstr (anshin_topup_form_get_refusal (fixture->topup), "between ¥1,000 and ¥50,000"));
  g_assert_false (gtk_widget_get_sensitive (anshin_topup_form_get_topup_button (fixture->topup)));
  anshin_topup_form_set_amount (fixture->topup, 999);
  g_assert_nonnull (anshin_topup_form_get_refusal (fixture->topup));

  /* 24 hours: exactly at the limit goes through */
  topup_test_top_up (fixture, 50000);
  topup_test_wait_toast (fixture, "Topped up ¥50,000");
  topup_test_wait_left (fixture, 24, 50000);
  /* another device charges meanwhile: the page still thinks 50,000 is left */
  topup_test_charge_elsewhere (fixture, 30000);
  anshin_mock_thread_clear_request_log (fixture->mock);
  topup_test_top_up (fixture, 50000);
  topup_test_wait_topup_failure (fixture);
  g_assert_nonnull (strstr (topup_test_topup_failure_text (fixture), "over the 24-hour limit, of which ¥20,000 is left"));
  g_test_message ("%s", topup_test_topup_failure_text (fixture));
  g_assert_nonnull (strstr (topup_test_topup_failure_text (fixture), "31 Aug 2025, 09:00"));
  topup_test_wait_left (fixture, 24, 20000);
  topup_test_top_up (fixture, 20000);
  topup_test_wait_toast (fixture, "Topped up ¥20,000");
  topup_test_wait_left (fixture, 24, 0);

  /* over: refused in place, with the window and when it frees up */
  anshin_mock_thread_clear_request_log (fixture->mock);
  anshin_topup_form_set_amount (fixture->topup, 1000);
  g_assert_nonnull (strstr (anshin_topup_form_get_refusal (fixture->topup), "24-hour limit (¥0 left)"));
  g_assert_nonnull (strstr (anshin_topup_form_get_refusal (fixture->topup), "31 Aug 2025, 09:00"));
  g_signal_emit_by_name (anshin_topup_form_get_topup_button (fixture->topup), "clicked");
  topup_test_flush_for (200);
  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "POST /v1/charges"), ==, 0);

  /* 720 hours: two more days of 100,000 reach 300,000 */
  for (guint day = 0; day < 2; day++)
    {
      topup_test_advance_clock (fixture, 24 * 60 * 60);
      topup_test_wait_left (fixture, 24, 100000);
      topup_test_top_up (fixture, 50000);
      topup_test_wait_toast (fixture, "Topped up ¥50,000");
      topup_test_top_up (fixture, 50000);
      topup_test_wait_toast (fixture, "Topped up ¥50,000");
    }
  topup_test_advance_clock (fixture, 24 * 60 * 60);
  topup_test_wait_left (fixture, 24, 100000);
  topup_test_wait_left (fixture, 720, 0);
  anshin_topup_form_set_amount (fixture->topup, 1000);
  g_assert_nonnull (strstr (anshin_topup_form_get_refusal (fixture->topup), "720-hour (30-day) limit (¥0 left)"));
  g_assert_false (gtk_widget_get_sensitive (anshin_topup_form_get_topup_button (fixture->topup)));
}

static void
save (TopupFixture *fixture,
      const char   *state,
      const char   *lang)
{
  g_autofree char *name = g_strdup_printf ("topup-%s-%s.png", state, lang);

  /* the whole page, not only what the window shows of it */
  pages_test_save_png (fixture->window, pages_test_find_type (GTK_WIDGET (fixture->page), ADW_TYPE_CLAMP),
                       name);
}

/* Each state of the page, in its own process so that the locale stays
 * with it: empty form, field error, last-attempt warning, the 3-D Secure
 * dialog, success, locked. */
static void
test_screenshots (gconstpointer data)
{
  const char *lang = data;

  if (g_test_subprocess ())
    {
      TopupFixture fixture = { 0 };
      AnshinChallengeDialog *dialog;
      g_autofree char *name = NULL;

      if (g_str_equal (lang, "ja"))
        g_assert_nonnull (setlocale (LC_ALL, "ja_JP.UTF-8"));

      topup_test_set_up (&fixture, NULL);
      topup_test_show (&fixture);
      save (&fixture, "empty", lang);

      topup_test_fill (&fixture, "4242424242424241", "01/25", NULL, NULL);
      g_assert_nonnull (anshin_charge_card_form_get_field_error (fixture.form, ANSHIN_CARD_FIELD_NUMBER));
      save (&fixture, "field-error", lang);

      for (int attempts = 4; attempts >= 1; attempts--)
        {
          topup_test_fill (&fixture, TOPUP_TEST_DECLINED, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");
          topup_test_submit_and_wait_failure (&fixture);
          topup_test_wait_attempts (&fixture, attempts);
        }
      save (&fixture, "last-attempt", lang);

      topup_test_fill (&fixture, TOPUP_TEST_NUMBER, NULL, NULL, NULL);
      dialog = topup_test_submit_and_wait_challenge (&fixture);
      name = g_strdup_printf ("topup-challenge-%s.png", lang);
      pages_test_save_png (GTK_WINDOW (dialog), GTK_WIDGET (dialog), name);
      topup_test_enter_code (&fixture, dialog);
      topup_test_wait_toast (&fixture, "");
      topup_test_top_up (&fixture, 5000);
      topup_test_wait_toast (&fixture, "");
      save (&fixture, "success", lang);

      topup_test_fill (&fixture, TOPUP_TEST_DECLINED, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");
      topup_test_submit_and_wait_failure (&fixture);
      topup_test_wait_locked (&fixture, TRUE);
      save (&fixture, "locked", lang);

      /* as narrow as the main window goes */
      gtk_window_set_default_size (fixture.window, 360, 1560);
      save (&fixture, "locked-narrow", lang);

      topup_test_tear_down (&fixture, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  topup_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/topup-page/" path, TopupFixture, NULL, topup_test_set_up, func, topup_test_tear_down)

  ADD ("form-token-expiry", test_form_token_expiry);
  ADD ("typos-never-reach-issuer", test_typos_never_reach_issuer);
  ADD ("declined-until-locked", test_declined_until_locked);
  ADD ("offline-registration", test_offline_registration);
  ADD ("wrong-code", test_wrong_code);
  ADD ("issuer-field-refusal", test_issuer_field_refusal);
  ADD ("remove-card", test_remove_card);
  ADD ("dropped-top-up", test_dropped_top_up);
  ADD ("limits", test_limits);
  ADD ("limits-unknown", test_limits_unknown);

#undef ADD

  g_test_add_func ("/topup-page/security-code-length", test_security_code_length);
  g_test_add_data_func ("/topup-page/screenshots/en", "en", test_screenshots);
  g_test_add_data_func ("/topup-page/screenshots/ja", "ja", test_screenshots);

  return g_test_run ();
}
