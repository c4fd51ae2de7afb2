/* test-issuer-client.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinIssuerClient against the mock issuer on loopback, over real HTTP.
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-client.h"
#include "anshin-mock-thread.h"
#include "anshin-time.h"

#include "issuer-test-util.h"

typedef struct {
  AnshinMockThread   *mock;
  const char         *url;
  AnshinIssuerClient *client;
  char               *last_token;
  guint               token_changes;
} Fixture;

static GString *captured_debug;

static void
on_refresh_token_changed_cb (AnshinIssuerClient *client,
                             const char         *token,
                             Fixture            *fixture)
{
  g_free (fixture->last_token);
  fixture->last_token = g_strdup (token);
  fixture->token_changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->mock = anshin_mock_thread_start (user_data, TRUE, &error);
  g_assert_no_error (error);
  fixture->url = anshin_mock_thread_get_url (fixture->mock);

  fixture->client = anshin_issuer_client_new (fixture->url, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->client, "refresh-token-changed",
                    G_CALLBACK (on_refresh_token_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->client);
  anshin_mock_thread_stop (fixture->mock);
  anshin_mock_thread_free (fixture->mock);
  g_free (fixture->last_token);
}

static void
sign_in (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(GError) error = NULL;

  anshin_issuer_client_sign_in_async (fixture->client, "demo", "demo", NULL,
                                      issuer_test_on_result_cb, &result);
  session = anshin_issuer_client_sign_in_finish (fixture->client, issuer_test_wait (&result),
                                                 &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
}

static AnshinCard *
get_card (Fixture  *fixture,
          GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_client_get_card_async (fixture->client, NULL, issuer_test_on_result_cb, &result);
  return anshin_issuer_client_get_card_finish (fixture->client, issuer_test_wait (&result), error);
}

static void
test_url_policy (void)
{
  const struct {
    const char *url;
    gboolean allowed;
  } cases[] = {
    { "http://issuer.example/", FALSE },
    { "http://192.168.1.10:8080/", FALSE },
    { "https://issuer.example/", TRUE },
    { "http://127.0.0.1:8080/", TRUE },
    { "http://localhost:8080/", TRUE },
    { "http://[::1]:8080/", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AnshinIssuerClient) client = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].url);
      client = anshin_issuer_client_new (cases[i].url, &error);
      if (cases[i].allowed)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (anshin_issuer_client_get_base_url (client), ==, cases[i].url);
        }
      else
        {
          g_assert_null (client);
          g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_TLS_REQUIRED);
        }
    }
}

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(GError) error = NULL;

  anshin_issuer_client_sign_in_async (fixture->client, "demo", "wrong", NULL,
                                      issuer_test_on_result_cb, &result);
  session = anshin_issuer_client_sign_in_finish (fixture->client, issuer_test_wait (&result),
                                                 &error);
  g_assert_null (session);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_INVALID_CREDENTIALS);
  g_assert_false (anshin_issuer_client_get_signed_in (fixture->client));
  g_assert_cmpuint (fixture->token_changes, ==, 0);
  g_clear_error (&error);
  g_clear_object (&result);

  anshin_issuer_client_sign_in_async (fixture->client, "demo", "demo", NULL,
                                      issuer_test_on_result_cb, &result);
  session = anshin_issuer_client_sign_in_finish (fixture->client, issuer_test_wait (&result),
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (session->member_id, ==, "demo");
  g_assert_nonnull (session->refresh_token);
  g_assert_true (anshin_issuer_client_get_signed_in (fixture->client));
  g_assert_cmpstr (anshin_issuer_client_get_member_id (fixture->client), ==, "demo");
  /* The token to keep in the keyring was announced. */
  g_assert_cmpuint (fixture->token_changes, ==, 1);
  g_assert_cmpstr (fixture->last_token, ==, session->refresh_token);
}

static void
test_calls (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GPtrArray) methods = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) charge_cards = NULL;
  g_autoptr(GPtrArray) charges = NULL;
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  AnshinPaymentMethod *quicpay = NULL;

  sign_in (fixture);

  card = get_card (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (anshin_card_get_number_last4 (card), ==, "4821");
  g_assert_cmpint (anshin_card_get_balance (card), ==, 12345);
  g_assert_cmpint (anshin_card_get_state (card), ==, ANSHIN_CARD_STATE_ACTIVE);
  g_assert_cmpint (anshin_card_get_physical_status (card), ==, ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED);

  anshin_issuer_client_list_payment_methods_async (fixture->client, NULL,
                                                   issuer_test_on_result_cb, &result);
  methods = anshin_issuer_client_list_payment_methods_finish (fixture->client,
                                                              issuer_test_wait (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (methods->len, ==, 5);
  for (guint i = 0; i < methods->len; i++)
    {
      if (anshin_payment_method_get_kind (g_ptr_array_index (methods, i)) ==
          ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)
        quicpay = g_ptr_array_index (methods, i);
    }
  g_assert_nonnull (quicpay);
  g_assert_cmpint (anshin_payment_method_get_state (quicpay), ==,
                   ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE);
  g_assert_cmpuint (anshin_payment_method_get_via (quicpay), ==,
                    ANSHIN_WALLET_APPLE_PAY | ANSHIN_WALLET_GOOGLE_PAY);

  anshin_issuer_client_list_programs_async (fixture->client, NULL, issuer_test_on_result_cb,
                                            &result);
  programs = anshin_issuer_client_list_programs_finish (fixture->client,
                                                        issuer_test_wait (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (programs->len, ==, 1);
  g_assert_true (anshin_program_requires_method (g_ptr_array_index (programs, 0),
                                                 ANSHIN_PAYMENT_METHOD_KIND_QUICPAY));

  anshin_issuer_client_list_notices_async (fixture->client, NULL, NULL,
                                           issuer_test_on_result_cb, &result);
  notices = anshin_issuer_client_list_notices_finish (fixture->client,
                                                      issuer_test_wait (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 0);

  anshin_issuer_client_list_charge_cards_async (fixture->client, NULL,
                                                issuer_test_on_result_cb, &result);
  charge_cards = anshin_issuer_client_list_charge_cards_finish (fixture->client,
                                                                issuer_test_wait (&result),
                                                                &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (charge_cards->len, ==, 0);

  anshin_issuer_client_list_charges_async (fixture->client, NULL, issuer_test_on_result_cb,
                                           &result);
  charges = anshin_issuer_client_list_charges_finish (fixture->client,
                                                      issuer_test_wait (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (charges->len, ==, 0);

  anshin_issuer_client_get_registration_form_async (fixture->client, NULL,
                                                    issuer_test_on_result_cb, &result);
  form = anshin_issuer_client_get_registration_form_finish (fixture->client,
                                                            issuer_test_wait (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_nonnull (form->form_token);
  g_assert_cmpint (form->attempts_remaining, ==, 5);
  g_assert_cmpint (form->max_attempts, ==, 5);
  g_assert_true (anshin_registration_form_accepts (form, ANSHIN_CARD_BRAND_JCB));
  g_assert_false (anshin_registration_form_accepts (form, ANSHIN_CARD_BRAND_AMEX));

  /* Unknown things are NOT_FOUND, with the issuer's code. */
  anshin_issuer_client_mark_notice_read_async (fixture->client, "no_such_notice", NULL,
                                               issuer_test_on_result_cb, &result);
  g_assert_false (anshin_issuer_client_mark_notice_read_finish (fixture->client,
                                                                issuer_test_wait (&result),
                                                                &error));
  g_clear_object (&result);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_NOT_FOUND);
  g_assert_cmpstr (anshin_issuer_problem_get_code (anshin_issuer_error_get_problem (error)), ==,
                   "not_found");
  g_clear_error (&error);

  anshin_issuer_client_delete_charge_card_async (fixture->client, "cc_none", NULL,
                                                 issuer_test_on_result_cb, &result);
  g_assert_false (anshin_issuer_client_delete_charge_card_finish (fixture->client,
                                                                  issuer_test_wait (&result),
                                                                  &error));
  g_clear_object (&result);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static AnshinCard *
set_frozen (Fixture   *fixture,
            gboolean   frozen,
            GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_client_set_card_frozen_async (fixture->client, frozen, NULL,
                                              issuer_test_on_result_cb, &result);
  return anshin_issuer_client_set_card_frozen_finish (fixture->client, issuer_test_wait (&result),
                                                      error);
}

static void
test_card_changes (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(AnshinCard) frozen = NULL;
  g_autoptr(AnshinCard) conflict = NULL;
  g_autoptr(AnshinCard) active = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = anshin_issuer_client_new_idempotency_key ();

  sign_in (fixture);

  frozen = set_frozen (fixture, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (anshin_card_get_state (frozen), ==, ANSHIN_CARD_STATE_FROZEN);

  active = set_frozen (fixture, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (anshin_card_get_state (active), ==, ANSHIN_CARD_STATE_ACTIVE);

  anshin_issuer_client_reissue_async (fixture->client, TRUE,
                                      ANSHIN_REISSUE_REASON_NETWORK_UNAVAILABLE, key, NULL,
                                      issuer_test_on_result_cb, &result);
  g_assert_true (anshin_issuer_client_reissue_finish (fixture->client, issuer_test_wait (&result),
                                                      active, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anshin_card_get_reissue_status (active), ==, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  g_assert_true (anshin_card_get_reissue_new_number (active));
  g_assert_nonnull (anshin_card_get_reissue_ready_eta (active));

  /* Freezing a card being reissued is not allowed. */
  conflict = set_frozen (fixture, TRUE, &error);
  g_assert_null (conflict);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A second reissue with a new key conflicts with the one in progress. */
  {
    g_autofree char *other_key = anshin_issuer_client_new_idempotency_key ();

    anshin_issuer_client_reissue_async (fixture->client, TRUE,
                                        ANSHIN_REISSUE_REASON_NETWORK_UNAVAILABLE, other_key,
                                        NULL, issuer_test_on_result_cb, &again_result);
    g_assert_false (anshin_issuer_client_reissue_finish (fixture->client,
                                                         issuer_test_wait (&again_result),
                                                         active, &error));
    g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_CONFLICT);
    g_assert_cmpstr (anshin_issuer_problem_get_code (anshin_issuer_error_get_problem (error)), ==,
                     "reissue_in_progress");
  }
}

static void
assert_near (GDateTime  *time,
             const char *expected,
             GTimeSpan   tolerance)
{
  g_autoptr(GDateTime) want = anshin_time_parse (expected);

  g_assert_cmpint (ABS (g_date_time_difference (time, want)), <=, tolerance);
}

static void
test_issuer_time (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(AnshinCard) later_card = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GError) error = NULL;

  sign_in (fixture);
  card = get_card (fixture, &error);
  g_assert_no_error (error);

  /* seed-story starts on 30 Aug 2025 at 09:00 in Japan: that is the app's now. */
  now = anshin_issuer_client_dup_now (fixture->client);
  assert_near (now, "2025-08-30T09:00:00+09:00", 30 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 9 * G_TIME_SPAN_HOUR);

  moved = issuer_test_advance_clock (fixture->url, 3600 * 24);
  later_card = get_card (fixture, &error);
  g_assert_no_error (error);
  later = anshin_issuer_client_dup_now (fixture->client);
  assert_near (later, "2025-08-31T09:00:00+09:00", 30 * G_TIME_SPAN_SECOND);
}

static void
test_session_expiry (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) log = NULL;
  g_autofree char *first_token = NULL;

  sign_in (fixture);
  first_token = g_strdup (fixture->last_token);

  /* Sessions live 30 minutes of issuer time; the refresh token lives on. */
  moved = issuer_test_advance_clock (fixture->url, 31 * 60);
  anshin_mock_thread_clear_request_log (fixture->mock);

  card = get_card (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (anshin_card_get_number_last4 (card), ==, "4821");
  g_assert_true (anshin_issuer_client_get_signed_in (fixture->client));

  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (g_strv_length (log), ==, 3);
  g_assert_cmpstr (log[0], ==, "GET /v1/card 401");
  g_assert_cmpstr (log[1], ==, "POST /v1/session/refresh 201");
  g_assert_cmpstr (log[2], ==, "GET /v1/card 200");

  /* The rotated token was announced, to be stored. */
  g_assert_cmpuint (fixture->token_changes, ==, 2);
  g_assert_cmpstr (fixture->last_token, !=, first_token);
}

typedef struct {
  Fixture *fixture;
  guint    pending;
  guint    succeeded;
} ConcurrentData;

static void
on_concurrent_card_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ConcurrentData *data = user_data;
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GError) error = NULL;

  card = anshin_issuer_client_get_card_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  g_assert_no_error (error);
  data->succeeded++;
  data->pending--;
}

static void
test_session_expiry_concurrent (Fixture       *fixture,
                                gconstpointer  user_data)
{
  ConcurrentData data = { fixture, 3, 0 };
  g_autoptr(GDateTime) moved = NULL;
  g_auto(GStrv) log = NULL;

  sign_in (fixture);
  moved = issuer_test_advance_clock (fixture->url, 31 * 60);
  anshin_mock_thread_clear_request_log (fixture->mock);

  /* Three calls meet the expired session at once: one refresh serves all
   * (the issuer rotates the token, so a second refresh would sign out). */
  for (guint i = 0; i < 3; i++)
    anshin_issuer_client_get_card_async (fixture->client, NULL, on_concurrent_card_cb, &data);
  while (data.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (data.succeeded, ==, 3);
  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "POST /v1/session/refresh"),
                    ==, 1);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "GET /v1/card 200"), ==, 3);
}

static void
test_refresh_fails (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GError) error = NULL;

  sign_in (fixture);

  /* Past the refresh token's 180 days: only now does the holder see "signed out". */
  moved = issuer_test_advance_clock (fixture->url, 181 * 24 * 3600);
  card = get_card (fixture, &error);
  g_assert_null (card);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT);
  g_assert_false (anshin_issuer_client_get_signed_in (fixture->client));
  /* The dead token is withdrawn, to be cleared from the keyring. */
  g_assert_null (fixture->last_token);
}

static void
test_sign_out_and_resume (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(AnshinIssuerClient) second = NULL;
  g_autoptr(AnshinIssuerSession) resumed = NULL;
  g_autoptr(AnshinIssuerSession) revoked = NULL;
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(AnshinCard) no_card = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  sign_in (fixture);
  stored = g_strdup (fixture->last_token);

  /* A new start of the app: the token from the keyring resumes the session. */
  second = anshin_issuer_client_new (fixture->url, &error);
  g_assert_no_error (error);
  anshin_issuer_client_resume_async (second, stored, NULL, issuer_test_on_result_cb, &result);
  resumed = anshin_issuer_client_resume_finish (second, issuer_test_wait (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpstr (resumed->member_id, ==, "demo");
  g_assert_cmpstr (resumed->refresh_token, !=, stored);
  g_assert_true (anshin_issuer_client_get_signed_in (second));

  anshin_issuer_client_get_card_async (second, NULL, issuer_test_on_result_cb, &result);
  card = anshin_issuer_client_get_card_finish (second, issuer_test_wait (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);

  /* The used token no longer works (rotation). */
  anshin_issuer_client_resume_async (fixture->client, stored, NULL, issuer_test_on_result_cb,
                                     &result);
  revoked = anshin_issuer_client_resume_finish (fixture->client, issuer_test_wait (&result),
                                                &error);
  g_clear_object (&result);
  g_assert_null (revoked);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT);
  g_clear_error (&error);

  /* Sign-out ends the session: the next call is signed out. */
  anshin_issuer_client_sign_out_async (second, NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_issuer_client_sign_out_finish (second, issuer_test_wait (&result), &error));
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_false (anshin_issuer_client_get_signed_in (second));

  anshin_issuer_client_get_card_async (second, NULL, issuer_test_on_result_cb, &result);
  no_card = anshin_issuer_client_get_card_finish (second, issuer_test_wait (&result), &error);
  g_assert_null (no_card);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&second));
}

static void
test_log_redaction (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* A client made with debug output on logs its headers. */
  g_setenv ("G_MESSAGES_DEBUG", "AnshinIssuer", TRUE);
  client = anshin_issuer_client_new (fixture->url, &error);
  g_assert_no_error (error);
  captured_debug = g_string_new (NULL);

  anshin_issuer_client_sign_in_async (client, "demo", "demo", NULL, issuer_test_on_result_cb,
                                      &result);
  session = anshin_issuer_client_sign_in_finish (client, issuer_test_wait (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  anshin_issuer_client_get_card_async (client, NULL, issuer_test_on_result_cb, &result);
  card = anshin_issuer_client_get_card_finish (client, issuer_test_wait (&result), &error);
  g_assert_no_error (error);

  g_unsetenv ("G_MESSAGES_DEBUG");

  g_assert_nonnull (strstr (captured_debug->str, "POST /v1/session"));
  g_assert_nonnull (strstr (captured_debug->str, "Set-Cookie: [redacted]"));
  g_assert_nonnull (strstr (captured_debug->str, "Cookie: [redacted]"));
  g_assert_null (strstr (captured_debug->str, "issuer_session="));
  g_assert_null (strstr (captured_debug->str, session->refresh_token));
  g_assert_null (strstr (captured_debug->str, "\"password\""));
  g_assert_null (strstr (captured_debug->str, "4821"));

  g_string_free (g_steal_pointer (&captured_debug), TRUE);
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&client));
}

/* Debug messages of the client go to captured_debug while a test wants
 * them; everything else (warnings above all) goes the default way. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (captured_debug != NULL && (log_level & G_LOG_LEVEL_DEBUG) != 0)
    {
      const char *domain = NULL;
      const char *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
            domain = fields[i].value;
          else if (g_str_equal (fields[i].key, "MESSAGE"))
            message = fields[i].value;
        }

      if (g_strcmp0 (domain, "AnshinIssuer") == 0 && message != NULL)
        {
          g_string_append (captured_debug, message);
          g_string_append_c (captured_debug, '\n');
          return G_LOG_WRITER_HANDLED;
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  /* The tests' schema dir has no org.gnome.system.proxy: no desktop proxy. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);

#define ADD(path, func) \
  g_test_add ("/issuer/client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/issuer/client/url-policy", test_url_policy);
  ADD ("sign-in", test_sign_in);
  ADD ("calls", test_calls);
  ADD ("card-changes", test_card_changes);
  ADD ("issuer-time", test_issuer_time);
  ADD ("session-expiry", test_session_expiry);
  ADD ("session-expiry-concurrent", test_session_expiry_concurrent);
  ADD ("refresh-fails", test_refresh_fails);
  ADD ("sign-out-and-resume", test_sign_out_and_resume);
  ADD ("log-redaction", test_log_redaction);

#undef ADD

  return g_test_run ();
}
