/* test-security.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Security behaviour that the other tests leave out: every way of
 * pointing the mock issuer at the network is refused without
 * --allow-remote; no /admin route exists unless enabled; every session
 * cookie (sign-in and refresh) is HttpOnly and SameSite=Strict; the client
 * refuses plain http:// to any host that only looks local, and never
 * follows a redirect; and no combination of a new session, cookie jar,
 * form token or idempotency key lifts the registration lock.
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-client.h"
#include "anshin-issuer-url.h"

#include "issuer-test-util.h"
#include "test-mock-util.h"

/* Mock issuer binary: non-loopback listen addresses */

static void
test_remote_bind_refused (void)
{
  const char *addresses[] = { "0.0.0.0", "::", "192.0.2.10", "::ffff:192.0.2.10", "10.0.0.1" };

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      g_test_message ("--listen-address %s", addresses[i]);
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                                  &error, MOCK_ISSUER_PATH, "--listen-address", addresses[i],
                                  "--port", "0", NULL);
      g_assert_no_error (error);
      /* A refusal exits at once; a server would run until killed. */
      g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);

      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
      g_assert_nonnull (strstr (out, "--allow-remote"));
      g_assert_null (strstr (out, "listening on"));
      g_assert_null (strstr (out, "http://"));
    }
}

/* /admin without --admin */

static void
test_admin_absent (void)
{
  const struct {
    const char *method;
    const char *path;
    const char *body;
  } routes[] = {
    { "GET", "/admin/scenario", NULL },
    { "POST", "/admin/scenario", "{\"name\": \"locked-out\"}" },
    { "POST", "/admin/step", NULL },
    { "POST", "/admin/clock", "{\"advance_seconds\": 86400}" },
    { "POST", "/admin/faults", "{\"path_prefix\": \"/\", \"kind\": \"drop\", \"count\": 1}" },
    { "DELETE", "/admin/faults", NULL },
    { "GET", "/admin/one-time-codes", NULL },
    { "GET", "/admin", NULL },
    { "GET", "/admin/", NULL },
  };
  MockFixture fixture = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(MockReply) card = NULL;

  fixture.thread = anshin_mock_thread_start ("seed-story", FALSE, &error);
  g_assert_no_error (error);
  fixture.url = g_strdup (anshin_mock_thread_get_url (fixture.thread));
  fixture.session = soup_session_new ();
  fixture.jar = soup_cookie_jar_new ();
  soup_session_add_feature (fixture.session, SOUP_SESSION_FEATURE (fixture.jar));

  /* Absent with or without a session: a signed-in member cannot reach it either */
  for (guint signed_in = 0; signed_in <= 1; signed_in++)
    {
      if (signed_in)
        mock_login (&fixture);

      for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
        {
          g_autoptr(MockReply) reply = NULL;

          g_test_message ("%s %s", routes[i].method, routes[i].path);
          reply = mock_request (&fixture, routes[i].method, routes[i].path, routes[i].body, NULL);
          mock_assert_problem (reply, 404, "not_found");
          g_assert_null (soup_message_headers_get_one (reply->headers, "Allow"));
        }
    }

  /* None of those calls did anything: the faults and the clock are untouched */
  card = mock_get (&fixture, "/v1/card");
  g_assert_cmpuint (card->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (card->headers, "Issuer-Time"), <,
                   "2025-08-31T00:00:00+09:00");

  mock_fixture_stop (&fixture);
}

/* Session cookies */

static void
assert_session_cookie (MockReply *reply)
{
  const char *cookie = soup_message_headers_get_list (reply->headers, "Set-Cookie");
  g_auto(GStrv) attributes = NULL;
  gboolean http_only = FALSE;
  gboolean same_site = FALSE;

  g_assert_nonnull (cookie);
  g_assert_true (g_str_has_prefix (cookie, "issuer_session="));

  attributes = g_strsplit (cookie, ";", -1);
  for (guint i = 1; attributes[i] != NULL; i++)
    {
      const char *attribute = g_strstrip (attributes[i]);

      if (g_ascii_strcasecmp (attribute, "HttpOnly") == 0)
        http_only = TRUE;
      else if (g_ascii_strcasecmp (attribute, "SameSite=Strict") == 0)
        same_site = TRUE;
      /* No other SameSite value may sneak in next to it */
      else
        g_assert_false (g_ascii_strncasecmp (attribute, "SameSite", 8) == 0);
    }

  g_assert_true (http_only);
  g_assert_true (same_site);
}

static void
test_cookie_attributes (MockFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(MockReply) login = mock_request (fixture, "POST", "/v1/session",
                                             "{\"member_id\": \"demo\", \"password\": \"demo\"}", NULL);
  g_autofree char *refresh_body = NULL;
  g_autoptr(MockReply) refreshed = NULL;

  g_assert_cmpuint (login->status, ==, 201);
  assert_session_cookie (login);

  refresh_body = g_strdup_printf ("{\"refresh_token\": \"%s\"}",
                                  mock_reply_string (login, "refresh_token"));
  refreshed = mock_request (fixture, "POST", "/v1/session/refresh", refresh_body, NULL);
  g_assert_cmpuint (refreshed->status, ==, 201);
  assert_session_cookie (refreshed);
}

/* Client URL policy */

static void
test_client_url_policy (void)
{
  /* Hosts that only look local, or hide a remote host behind local text;
   * plain http:// to them must be refused as needing TLS, anything else may
   * be refused for its own reason (credentials, scheme, no URL at all). */
  const struct {
    const char *url;
    gboolean    tls_required;
  } refused[] = {
    { "http://127.0.0.1.nip.io:8080/", TRUE },
    { "http://localhost.example/", TRUE },
    { "http://[::ffff:192.168.1.10]/", TRUE },
    { "http://0.0.0.0:8080/", TRUE },
    { "http://10.0.0.1/", TRUE },
    { "HTTP://ISSUER.EXAMPLE/", TRUE },
    { "http://127.0.0.1@issuer.example/", FALSE },
    { "http://localhost:8080@issuer.example/", FALSE },
    { "ws://issuer.example/", FALSE },
    { "ftp://127.0.0.1/", FALSE },
    { "file:///etc/passwd", FALSE },
    { "issuer.example", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(AnshinIssuerClient) client = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", refused[i].url);
      g_assert_false (anshin_issuer_url_is_allowed (refused[i].url, NULL));
      client = anshin_issuer_client_new (refused[i].url, &error);
      g_assert_null (client);
      g_assert_nonnull (error);
      if (refused[i].tls_required)
        g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_TLS_REQUIRED);
    }
}

static void
on_redirect_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  guint *hits = user_data;

  (*hits)++;
  /* To a loopback address that is not this server: a client that
   * followed it would be refused a connection, not give a protocol error */
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "http://127.0.0.1:9/v1/card");
}

static void
test_client_no_redirects (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GObject) listener = NULL;
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint hits = 0;

  soup_server_add_handler (server, NULL, on_redirect_cb, &hits, NULL);
  listener = issuer_test_listen_local (server, NULL, &url);

  client = anshin_issuer_client_new (url, &error);
  g_assert_no_error (error);
  anshin_issuer_client_get_card_async (client, NULL, issuer_test_on_result_cb, &result);
  card = anshin_issuer_client_get_card_finish (client, issuer_test_wait (&result), &error);

  g_assert_null (card);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
  g_assert_cmpuint (hits, ==, 1);

  /* The result holds the client: nothing else may */
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&client));
  soup_server_disconnect (server);
}

/* The registration lock */

static char *
fresh_form_token (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/v1/charge-cards/registration");

  g_assert_cmpuint (reply->status, ==, 200);
  return g_strdup (mock_reply_string (reply, "form_token"));
}

static MockReply *
submit_card (MockFixture *fixture,
             const char  *token,
             const char  *number,
             const char  *key)
{
  g_autofree char *json = NULL;

  if (token != NULL)
    json = g_strdup_printf ("{\"form_token\": \"%s\", \"number\": \"%s\", \"exp_month\": 12, "
                            "\"exp_year\": 2028, \"cvc\": \"123\", \"holder_name\": \"TARO YAMADA\"}",
                            token, number);
  else
    json = g_strdup_printf ("{\"number\": \"%s\", \"exp_month\": 12, \"exp_year\": 2028, "
                            "\"cvc\": \"123\", \"holder_name\": \"TARO YAMADA\"}", number);

  return mock_request (fixture, "POST", "/v1/charge-cards", json, key);
}

static void
set_forged_cookie (MockFixture *fixture)
{
  mock_forget_cookies (fixture);
  soup_cookie_jar_add_cookie (fixture->jar,
                              soup_cookie_new ("issuer_session", "sess_forged", "127.0.0.1", "/", -1));
}

typedef enum { SESSION_SAME, SESSION_NEW, SESSION_NEW_JAR, SESSION_NONE, SESSION_FORGED, N_SESSIONS } SessionKind;
typedef enum { TOKEN_KEPT, TOKEN_FRESH, TOKEN_MADE_UP, TOKEN_NONE, N_TOKENS } TokenKind;
typedef enum { KEY_NEW, KEY_REUSED, KEY_NONE, N_KEYS } KeyKind;

static void
test_lock_not_bypassed (MockFixture   *fixture,
                        gconstpointer  data)
{
  const char *good = "5555555555554444";
  g_autofree char *kept_token = NULL;
  g_autofree char *used_key = mock_next_key ();
  g_autofree char *locked_until = NULL;
  g_autoptr(MockReply) status = NULL;
  g_autoptr(MockReply) cards = NULL;
  guint tried = 0;

  mock_login (fixture);

  /* A token taken before the lock and kept unused, as a second tab would */
  kept_token = fresh_form_token (fixture);

  /* Five counted failures (declined) lock the member */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *token = fresh_form_token (fixture);
      g_autofree char *key = i == 0 ? g_strdup (used_key) : mock_next_key ();
      g_autoptr(MockReply) reply = submit_card (fixture, token, "4000000000000002", key);

      mock_assert_problem (reply, 402, "card_declined");
    }

  status = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_cmpint (mock_reply_int (status, "attempts_remaining"), ==, 0);
  locked_until = g_strdup (mock_reply_string (status, "locked_until"));
  g_assert_nonnull (locked_until);

  for (SessionKind s = 0; s < N_SESSIONS; s++)
    for (TokenKind t = 0; t < N_TOKENS; t++)
      for (KeyKind k = 0; k < N_KEYS; k++)
        {
          g_autoptr(MockReply) reply = NULL;
          g_autofree char *token = NULL;
          g_autofree char *key = NULL;

          if (s == SESSION_NEW)
            mock_login (fixture);
          else if (s == SESSION_NEW_JAR)
            {
              mock_forget_cookies (fixture);
              mock_login (fixture);
            }
          else if (s == SESSION_NONE)
            mock_forget_cookies (fixture);
          else if (s == SESSION_FORGED)
            set_forged_cookie (fixture);

          if (t == TOKEN_KEPT)
            token = g_strdup (kept_token);
          else if (t == TOKEN_FRESH && s < SESSION_NONE)
            token = fresh_form_token (fixture);
          else if (t == TOKEN_MADE_UP)
            token = g_strdup ("ft_00000000-0000-0000-0000-000000000000");

          if (k == KEY_NEW)
            key = mock_next_key ();
          else if (k == KEY_REUSED)
            key = g_strdup (used_key);

          g_test_message ("session %d, token %d, key %d", s, t, k);
          /* The fresh token of a locked member is null: it is sent as such */
          reply = submit_card (fixture, t == TOKEN_FRESH && token == NULL ? "null" : token, good, key);
          tried++;

          /* Never a card nor a challenge */
          g_assert_cmpuint (reply->status, !=, 201);
          g_assert_cmpuint (reply->status, !=, 202);

          if (s == SESSION_NONE)
            mock_assert_problem (reply, 401, "no_session");
          else if (s == SESSION_FORGED)
            mock_assert_problem (reply, 401, "session_expired");
          else if (k != KEY_NEW)
            /* the lock comes first; else the missing key, or the used key
             * with a different body, is refused as such */
            g_assert_true (reply->status == 429 || reply->status == 400 || reply->status == 422);
          else
            {
              mock_assert_problem (reply, 429, "registration_locked");
              g_assert_cmpstr (mock_reply_string (reply, "locked_until"), ==, locked_until);
            }

          if (s >= SESSION_NONE)
            {
              mock_forget_cookies (fixture);
              mock_login (fixture);
            }
        }

  g_assert_cmpuint (tried, ==, N_SESSIONS * N_TOKENS * N_KEYS);

  /* Still locked until the same moment (429s neither count nor extend),
   * and no card was registered on the way */
  g_clear_pointer (&status, mock_reply_free);
  status = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_cmpstr (mock_reply_string (status, "locked_until"), ==, locked_until);
  g_assert_true (json_object_get_null_member (mock_reply_object (status), "form_token"));

  cards = mock_get (fixture, "/v1/charge-cards");
  g_assert_cmpuint (cards->status, ==, 200);
  g_assert_null (strstr (cards->text, "4444"));
}

int
main (int   argc,
      char *argv[])
{
  /* The tests' schema dir has no org.gnome.system.proxy: no desktop proxy. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/security/mock/remote-bind-refused", test_remote_bind_refused);
  g_test_add_func ("/security/mock/admin-absent", test_admin_absent);
  MOCK_TEST ("/security/mock/cookie-attributes", test_cookie_attributes);
  g_test_add_func ("/security/client/url-policy", test_client_url_policy);
  g_test_add_func ("/security/client/no-redirects", test_client_no_redirects);
  MOCK_TEST ("/security/mock/lock-not-bypassed", test_lock_not_bypassed);

  return g_test_run ();
}
