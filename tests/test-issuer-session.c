/* test-issuer-session.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sessions against the mock issuer: a session that expires mid-call is
 * recovered transparently (once, for all calls meeting it), a refused
 * refresh is the only way to "signed out", tokens rotate, sign-out revokes.
 */

#include "config.h"

#include "anshin-issuer-client.h"
#include "anshin-mock-thread.h"

#include "issuer-test-util.h"

typedef IssuerTestFixture Fixture;

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

int
main (int   argc,
      char *argv[])
{
  /* The tests' schema dir has no org.gnome.system.proxy: no desktop proxy. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/issuer/session/" path, Fixture, NULL, issuer_test_fixture_set_up, func, \
              issuer_test_fixture_tear_down)

  ADD ("expiry-recovered", test_session_expiry);
  ADD ("expiry-concurrent", test_session_expiry_concurrent);
  ADD ("refresh-fails", test_refresh_fails);
  ADD ("sign-out-and-resume", test_sign_out_and_resume);

#undef ADD

  return g_test_run ();
}
