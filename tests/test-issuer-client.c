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

#include "fault-front.h"
#include "issuer-test-util.h"

typedef IssuerTestFixture Fixture;

static GString *captured_debug;

static void
sign_in (Fixture *fixture)
{
  issuer_test_sign_in (fixture->client);
}

static AnshinCard *
get_card (Fixture  *fixture,
          GError  **error)
{
  return issuer_test_get_card (fixture->client, NULL, error);
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

static AnshinIssuerInfo *
get_issuer (Fixture  *fixture,
            GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_client_get_issuer_async (fixture->client, NULL, issuer_test_on_result_cb, &result);
  return anshin_issuer_client_get_issuer_finish (fixture->client, issuer_test_wait (&result), error);
}

/* GET /v1/issuer needs no session: the sign-in page can already name the
 * issuer and its support desk. A broken answer is a typed error. */
static void
test_get_issuer (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(AnshinIssuerInfo) info = NULL;
  g_autoptr(AnshinIssuerInfo) broken = NULL;
  g_autoptr(GError) error = NULL;

  info = get_issuer (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (anshin_issuer_info_get_name (info), ==, "Tsubasa Pay");
  g_assert_cmpstr (anshin_issuer_info_get_name_ja (info), ==, "つばさペイ");
  g_assert_cmpstr (anshin_issuer_info_get_support_phone (info), ==, "0120-000-000");
  g_assert_cmpstr (anshin_issuer_info_get_support_hours (info), ==, "9:00–18:00");
  g_assert_cmpstr (anshin_issuer_info_get_support_hours_ja (info), ==, "9:00〜18:00（年中無休）");
  g_assert_cmpstr (anshin_issuer_info_get_support_url (info), ==, "https://support.example/");

  issuer_test_add_fault (fixture->url, "/v1/issuer", "malformed_json", 0, 0, 1);
  broken = get_issuer (fixture, &error);
  g_assert_null (broken);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
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

/* A clock.changed event can overtake an answer already on its way: that
 * answer's older Issuer-Time must not take the app's clock back (a demo's
 * "Next step" would seem undone until the next call). */
static void
test_issuer_time_order (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(FaultFront) front = fault_front_new (fixture->url);
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  client = anshin_issuer_client_new (fault_front_get_url (front), &error);
  g_assert_no_error (error);
  issuer_test_sign_in (client);

  /* the issuer answers at 30 Aug 09:00; the answer is held on the way */
  fault_front_arm (front, "/v1/card", FAULT_FRONT_HOLD);
  anshin_issuer_client_get_card_async (client, NULL, issuer_test_on_result_cb, &result);
  while (fault_front_get_held (front) == 0)
    g_main_context_iteration (NULL, TRUE);

  /* meanwhile the issuer's clock moves a day, and its event arrives */
  moved = issuer_test_advance_clock (fixture->url, 3600 * 24);
  anshin_issuer_client_note_issuer_time (client, moved);
  now = anshin_issuer_client_dup_now (client);
  assert_near (now, "2025-08-31T09:00:00+09:00", 30 * G_TIME_SPAN_SECOND);
  g_clear_pointer (&now, g_date_time_unref);

  /* then the old answer arrives: the card is taken, the clock stays */
  fault_front_release (front);
  card = anshin_issuer_client_get_card_finish (client, issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  now = anshin_issuer_client_dup_now (client);
  assert_near (now, "2025-08-31T09:00:00+09:00", 30 * G_TIME_SPAN_SECOND);
  g_clear_pointer (&now, g_date_time_unref);

  /* an answer to a later request is news again */
  fault_front_disarm (front);
  g_clear_object (&card);
  g_clear_pointer (&moved, g_date_time_unref);
  moved = issuer_test_advance_clock (fixture->url, 3600);
  card = issuer_test_get_card (client, NULL, &error);
  g_assert_no_error (error);
  now = anshin_issuer_client_dup_now (client);
  assert_near (now, "2025-08-31T10:00:00+09:00", 30 * G_TIME_SPAN_SECOND);
}

static GPtrArray *
list_notices (Fixture    *fixture,
              const char *after)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *notices;

  anshin_issuer_client_list_notices_async (fixture->client, after, NULL, issuer_test_on_result_cb,
                                           &result);
  notices = anshin_issuer_client_list_notices_finish (fixture->client, issuer_test_wait (&result),
                                                      &error);
  g_assert_no_error (error);
  return notices;
}

static void
test_notices_after (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) newer = NULL;
  g_autoptr(JsonNode) step = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AnshinNotice *oldest;
  guint status = 0;

  sign_in (fixture);

  step = issuer_test_http (fixture->url, NULL, "POST", "admin/step", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  first = list_notices (fixture, NULL);
  g_assert_cmpuint (first->len, ==, 1);
  oldest = g_ptr_array_index (first, 0);
  g_assert_cmpint (anshin_notice_get_code (oldest), ==, ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED);
  g_assert_false (anshin_notice_get_read (oldest));

  g_clear_pointer (&step, json_node_unref);
  step = issuer_test_http (fixture->url, NULL, "POST", "admin/step", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  /* Newest first; `after` gives only what is newer than a known notice. */
  all = list_notices (fixture, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (anshin_notice_get_code (g_ptr_array_index (all, 0)), ==,
                   ANSHIN_NOTICE_CODE_CARD_ACTIVATED);
  newer = list_notices (fixture, anshin_notice_get_id (oldest));
  g_assert_cmpuint (newer->len, ==, 1);
  g_assert_cmpint (anshin_notice_get_code (g_ptr_array_index (newer, 0)), ==,
                   ANSHIN_NOTICE_CODE_CARD_ACTIVATED);

  /* Marking one read is what the issuer then reports. */
  anshin_issuer_client_mark_notice_read_async (fixture->client, anshin_notice_get_id (oldest), NULL,
                                               issuer_test_on_result_cb, &result);
  g_assert_true (anshin_issuer_client_mark_notice_read_finish (fixture->client,
                                                               issuer_test_wait (&result),
                                                               &error));
  g_assert_no_error (error);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = list_notices (fixture, NULL);
  g_assert_true (anshin_notice_get_read (g_ptr_array_index (all, 1)));
  g_assert_false (anshin_notice_get_read (g_ptr_array_index (all, 0)));
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
  g_test_add ("/issuer/client/" path, Fixture, NULL, issuer_test_fixture_set_up, func, \
              issuer_test_fixture_tear_down)

  g_test_add_func ("/issuer/client/url-policy", test_url_policy);
  ADD ("sign-in", test_sign_in);
  ADD ("calls", test_calls);
  ADD ("get-issuer", test_get_issuer);
  ADD ("card-changes", test_card_changes);
  ADD ("issuer-time", test_issuer_time);
  ADD ("issuer-time-order", test_issuer_time_order);
  ADD ("notices-after", test_notices_after);
  ADD ("log-redaction", test_log_redaction);

#undef ADD

  return g_test_run ();
}
