/* test-mock-session.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mock issuer's front door over real HTTP: routing before
 * authentication, problem+json, Issuer-Time, the body limit, JSON checks,
 * sessions as cookies in issuer time, rotating refresh tokens, sign-out and
 * the sign-in throttle.
 */

#include "config.h"

#include <string.h>

#include "test-mock-util.h"

static void
test_routing_before_auth (MockFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(MockReply) unknown = mock_get (fixture, "/v1/nothing-here");
  g_autoptr(MockReply) wrong = mock_request (fixture, "PUT", "/v1/card", "{}", NULL);
  g_autoptr(MockReply) wrong_id = mock_request (fixture, "GET", "/v1/charge-cards/cc_1", NULL, NULL);
  g_autoptr(MockReply) root = mock_get (fixture, "/");
  g_autoptr(MockReply) no_session = mock_get (fixture, "/v1/card");

  mock_assert_problem (unknown, 404, "not_found");
  mock_assert_problem (root, 404, "not_found");
  mock_assert_problem (wrong, 405, "method_not_allowed");
  g_assert_cmpstr (soup_message_headers_get_one (wrong->headers, "Allow"), ==, "GET, PATCH");
  mock_assert_problem (wrong_id, 405, "method_not_allowed");
  g_assert_cmpstr (soup_message_headers_get_one (wrong_id->headers, "Allow"), ==, "DELETE");
  mock_assert_problem (no_session, 401, "no_session");

  /* the same with a session */
  mock_login (fixture);
  {
    g_autoptr(MockReply) again = mock_request (fixture, "PUT", "/v1/card", "{}", NULL);
    g_autoptr(MockReply) missing = mock_get (fixture, "/v1/cards");

    mock_assert_problem (again, 405, "method_not_allowed");
    mock_assert_problem (missing, 404, "not_found");
  }
}

static void
test_login (MockFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(MockReply) reply = mock_request (fixture, "POST", "/v1/session",
                                             "{\"member_id\": \"demo\", \"password\": \"demo\", \"extra\": 1}", NULL);
  g_autoptr(MockReply) card = NULL;
  const char *cookie;

  g_assert_cmpuint (reply->status, ==, 201);
  g_assert_cmpstr (mock_reply_string (reply, "member_id"), ==, "demo");
  g_assert_cmpstr (mock_reply_string (reply, "session_expires_at"), ==, "2025-08-30T09:30:00+09:00");
  g_assert_true (g_str_has_prefix (mock_reply_string (reply, "refresh_token"), "rt_"));
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Issuer-Time"), ==,
                   "2025-08-30T09:00:00+09:00");

  cookie = soup_message_headers_get_one (reply->headers, "Set-Cookie");
  g_assert_true (g_str_has_prefix (cookie, "issuer_session="));
  g_assert_nonnull (strstr (cookie, "; HttpOnly"));
  g_assert_nonnull (strstr (cookie, "; SameSite=Strict"));
  g_assert_nonnull (strstr (cookie, "; Path=/"));

  card = mock_get (fixture, "/v1/card");
  g_assert_cmpuint (card->status, ==, 200);
  g_assert_cmpstr (mock_reply_string (card, "id"), ==, "card_1");
}

static void
test_bad_credentials_and_throttle (MockFixture   *fixture,
                                   gconstpointer  data)
{
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(MockReply) reply = mock_request (fixture, "POST", "/v1/session",
                                                 "{\"member_id\": \"demo\", \"password\": \"wrong\"}", NULL);

      mock_assert_problem (reply, 401, "invalid_credentials");
      g_assert_null (soup_message_headers_get_one (reply->headers, "Set-Cookie"));
    }

  {
    g_autoptr(MockReply) blocked = mock_request (fixture, "POST", "/v1/session",
                                                 "{\"member_id\": \"demo\", \"password\": \"demo\"}", NULL);

    mock_assert_problem (blocked, 429, "too_many_login_attempts");
    g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (blocked->headers, "Retry-After"), NULL, 10),
                     ==, 15 * 60);
  }

  /* 15 minutes of issuer time later the right password works again */
  mock_advance_clock (fixture, 15 * 60);
  mock_login (fixture);

  {
    g_autoptr(MockReply) unknown = mock_request (fixture, "POST", "/v1/session",
                                                 "{\"member_id\": \"nobody\", \"password\": \"demo\"}", NULL);

    mock_assert_problem (unknown, 401, "invalid_credentials");
  }
}

static void
test_session_expiry_slides (MockFixture   *fixture,
                            gconstpointer  data)
{
  mock_login (fixture);

  /* each request extends the session by 30 minutes of issuer time */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MockReply) reply = NULL;

      mock_advance_clock (fixture, 29 * 60);
      reply = mock_get (fixture, "/v1/card");
      g_assert_cmpuint (reply->status, ==, 200);
    }

  mock_advance_clock (fixture, 30 * 60);
  {
    g_autoptr(MockReply) expired = mock_get (fixture, "/v1/card");

    mock_assert_problem (expired, 401, "session_expired");
  }

  mock_forget_cookies (fixture);
  {
    g_autoptr(MockReply) none = mock_get (fixture, "/v1/card");

    mock_assert_problem (none, 401, "no_session");
  }
}

static char *
login_token (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_request (fixture, "POST", "/v1/session",
                                             "{\"member_id\": \"demo\", \"password\": \"demo\"}", NULL);

  g_assert_cmpuint (reply->status, ==, 201);
  return g_strdup (mock_reply_string (reply, "refresh_token"));
}

static MockReply *
refresh (MockFixture *fixture,
         const char  *token)
{
  g_autofree char *json = g_strdup_printf ("{\"refresh_token\": \"%s\"}", token);

  return mock_request (fixture, "POST", "/v1/session/refresh", json, NULL);
}

static void
test_refresh_rotates (MockFixture   *fixture,
                      gconstpointer  data)
{
  g_autofree char *first = login_token (fixture);
  g_autoptr(MockReply) renewed = NULL;
  g_autoptr(MockReply) reused = NULL;
  g_autoptr(MockReply) card = NULL;
  g_autofree char *second = NULL;

  /* the session is gone, the refresh token still works */
  mock_advance_clock (fixture, 2 * 60 * 60);
  mock_forget_cookies (fixture);
  renewed = refresh (fixture, first);
  g_assert_cmpuint (renewed->status, ==, 201);
  second = g_strdup (mock_reply_string (renewed, "refresh_token"));
  g_assert_cmpstr (second, !=, first);
  g_assert_nonnull (soup_message_headers_get_one (renewed->headers, "Set-Cookie"));

  card = mock_get (fixture, "/v1/card");
  g_assert_cmpuint (card->status, ==, 200);

  /* the old one stopped working */
  reused = refresh (fixture, first);
  mock_assert_problem (reused, 401, "refresh_token_invalid");

  {
    g_autoptr(MockReply) unknown = refresh (fixture, "rt_made_up");
    g_autoptr(MockReply) wrong_type = mock_request (fixture, "POST", "/v1/session/refresh",
                                                    "{\"refresh_token\": 42}", NULL);

    mock_assert_problem (unknown, 401, "refresh_token_invalid");
    mock_assert_problem (wrong_type, 400, "invalid_request");
  }

  /* 180 days of issuer time later, even the newest is dead */
  mock_advance_clock (fixture, 180 * 24 * 60 * 60);
  {
    g_autoptr(MockReply) old = refresh (fixture, second);

    mock_assert_problem (old, 401, "refresh_token_invalid");
  }
}

static void
test_sign_out (MockFixture   *fixture,
               gconstpointer  data)
{
  g_autofree char *token = login_token (fixture);
  g_autoptr(MockReply) out = mock_request (fixture, "DELETE", "/v1/session", NULL, NULL);
  g_autoptr(MockReply) card = NULL;
  g_autoptr(MockReply) again = NULL;

  g_assert_cmpuint (out->status, ==, 204);
  card = mock_get (fixture, "/v1/card");
  g_assert_cmpuint (card->status, ==, 401);

  again = refresh (fixture, token);
  mock_assert_problem (again, 401, "refresh_token_invalid");
}

static void
assert_invalid_field (MockReply  *reply,
                      const char *field,
                      const char *code)
{
  JsonArray *fields;
  gboolean found = FALSE;

  mock_assert_problem (reply, 400, "invalid_request");
  fields = json_object_get_array_member (mock_reply_object (reply), "fields");
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *entry = json_array_get_object_element (fields, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "field"), field) == 0 &&
          g_strcmp0 (json_object_get_string_member (entry, "code"), code) == 0)
        found = TRUE;
    }

  g_assert_true (found);
}

static void
test_bad_bodies (MockFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(MockReply) not_json = mock_request (fixture, "POST", "/v1/session", "{\"member_id\": ", NULL);
  g_autoptr(MockReply) empty = mock_request (fixture, "POST", "/v1/session", "", NULL);
  g_autoptr(MockReply) array = mock_request (fixture, "POST", "/v1/session", "[1, 2]", NULL);
  g_autoptr(MockReply) wrong_type = mock_request (fixture, "POST", "/v1/session",
                                                  "{\"member_id\": 7, \"password\": \"demo\"}", NULL);
  g_autoptr(MockReply) missing = mock_request (fixture, "POST", "/v1/session",
                                               "{\"member_id\": \"demo\"}", NULL);
  g_autoptr(MockReply) binary = mock_request (fixture, "POST", "/v1/session", "\xff\xfe{}", NULL);

  mock_assert_problem (not_json, 400, "malformed_json");
  mock_assert_problem (empty, 400, "malformed_json");
  mock_assert_problem (binary, 400, "malformed_json");
  mock_assert_problem (array, 400, "invalid_request");
  assert_invalid_field (wrong_type, "member_id", "wrong_type");
  assert_invalid_field (missing, "password", "missing");

  /* and the issuer still works */
  mock_login (fixture);
}

static void
test_body_limit (MockFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new ("{\"member_id\": \"demo\", \"password\": \"demo\", \"pad\": \"");
  g_autoptr(MockReply) too_large = NULL;
  g_autoptr(MockReply) just_fits = NULL;

  while (big->len < 64 * 1024 + 10)
    g_string_append_c (big, 'x');
  g_string_append (big, "\"}");

  too_large = mock_request (fixture, "POST", "/v1/session", big->str, NULL);
  mock_assert_problem (too_large, 413, "body_too_large");

  g_string_truncate (big, 64 * 1024 - 2);
  g_string_append (big, "\"}");
  g_assert_cmpuint (big->len, ==, 64 * 1024);
  just_fits = mock_request (fixture, "POST", "/v1/session", big->str, NULL);
  g_assert_cmpuint (just_fits->status, ==, 201);
}

static void
test_request_log (MockFixture   *fixture,
                  gconstpointer  data)
{
  g_auto(GStrv) log = NULL;

  anshin_mock_thread_clear_request_log (fixture->thread);
  mock_login (fixture);
  {
    g_autoptr(MockReply) card = mock_get (fixture, "/v1/card?x=1");
  }

  log = anshin_mock_thread_dup_request_log (fixture->thread);
  g_assert_cmpuint (g_strv_length (log), ==, 2);
  g_assert_cmpstr (log[0], ==, "POST /v1/session 201");
  g_assert_cmpstr (log[1], ==, "GET /v1/card 200");
}

static void
test_thread_stop_frees_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinMockThread) thread = anshin_mock_thread_start (NULL, FALSE, &error);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(AnshinMockThread) missing = NULL;

  g_assert_no_error (error);
  uri = g_uri_parse (anshin_mock_thread_get_url (thread), G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);

  anshin_mock_thread_stop (thread);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", g_uri_get_port (uri), NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_clear_error (&error);

  missing = anshin_mock_thread_start ("no-such-scenario", FALSE, &error);
  g_assert_null (missing);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  MOCK_TEST ("/mock/session/routing-before-auth", test_routing_before_auth);
  MOCK_TEST ("/mock/session/login", test_login);
  MOCK_TEST ("/mock/session/bad-credentials-and-throttle", test_bad_credentials_and_throttle);
  MOCK_TEST ("/mock/session/expiry-slides", test_session_expiry_slides);
  MOCK_TEST ("/mock/session/refresh-rotates", test_refresh_rotates);
  MOCK_TEST ("/mock/session/sign-out", test_sign_out);
  MOCK_TEST ("/mock/session/bad-bodies", test_bad_bodies);
  MOCK_TEST ("/mock/session/body-limit", test_body_limit);
  MOCK_TEST ("/mock/session/request-log", test_request_log);
  g_test_add_func ("/mock/session/thread-stop-frees-port", test_thread_stop_frees_port);

  return g_test_run ();
}
