/* test-mock-faults.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Faults armed from /admin/faults, seen by a client over real HTTP: a
 * proxy's HTML error page, a delay, a dropped connection, a body that is not
 * JSON, a body cut short of its Content-Length; and /admin itself.
 */

#include "config.h"

#include <string.h>

#include "test-mock-util.h"

static void
arm (MockFixture *fixture,
     const char  *json)
{
  g_autoptr(MockReply) reply = mock_request (fixture, "POST", "/admin/faults", json, NULL);

  g_assert_cmpuint (reply->status, ==, 201);
}

/* A request on a fresh connection, so that libsoup cannot retry it. */
static GError *
request_expecting_error (MockFixture *fixture,
                         const char  *path)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (fixture->url, path + 1, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GBytes) bytes = NULL;
  GSList *cookies = soup_cookie_jar_get_cookie_list (fixture->jar, soup_message_get_uri (msg), TRUE);
  GError *error = NULL;

  if (cookies != NULL)
    {
      g_autofree char *header = soup_cookies_to_cookie_header (cookies);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", header);
    }
  g_slist_free_full (cookies, (GDestroyNotify)soup_cookie_free);

  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  if (error == NULL)
    g_test_message ("status %u, %" G_GSIZE_FORMAT " bytes", soup_message_get_status (msg), g_bytes_get_size (bytes));
  g_assert_nonnull (error);

  return error;
}

static void
test_status (MockFixture   *fixture,
             gconstpointer  data)
{
  arm (fixture, "{\"path_prefix\": \"/v1/card\", \"kind\": \"status\", \"status\": 502, \"count\": 2}");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MockReply) reply = mock_get (fixture, "/v1/card/networks");

      g_assert_cmpuint (reply->status, ==, 502);
      g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==, "text/html");
      g_assert_nonnull (strstr (reply->text, "502 Bad Gateway"));
      g_assert_null (reply->body);
    }

  {
    g_autoptr(MockReply) normal = mock_get (fixture, "/v1/card");
    g_autoptr(MockReply) other = NULL;

    mock_assert_problem (normal, 401, "no_session");
    arm (fixture, "{\"path_prefix\": \"/v1/notices\", \"kind\": \"status\", \"status\": 503}");
    other = mock_get (fixture, "/v1/card");
    g_assert_cmpuint (other->status, ==, 401);
  }
}

static void
test_delay (MockFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(MockReply) reply = NULL;
  gint64 start;

  mock_login (fixture);
  arm (fixture, "{\"path_prefix\": \"/v1/\", \"kind\": \"delay\", \"delay_ms\": 300}");
  start = g_get_monotonic_time ();
  reply = mock_get (fixture, "/v1/card");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (mock_reply_string (reply, "id"), ==, "card_1");
}

static void
test_drop (MockFixture   *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MockReply) after = NULL;

  arm (fixture, "{\"path_prefix\": \"/v1/card\", \"kind\": \"drop\"}");
  error = request_expecting_error (fixture, "/v1/card");
  g_test_message ("dropped: %s", error->message);

  after = mock_get (fixture, "/v1/card");
  mock_assert_problem (after, 401, "no_session");
}

static void
test_malformed_json (MockFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(MockReply) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  mock_login (fixture);
  arm (fixture, "{\"path_prefix\": \"/v1/card\", \"kind\": \"malformed_json\"}");
  reply = mock_get (fixture, "/v1/card");
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (strstr (soup_message_headers_get_content_type (reply->headers, NULL), "json"));
  g_assert_false (json_parser_load_from_data (parser, reply->text, -1, NULL));
}

static void
test_truncate (MockFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  mock_login (fixture);
  arm (fixture, "{\"path_prefix\": \"/v1/programs\", \"kind\": \"truncate\"}");
  error = request_expecting_error (fixture, "/v1/programs");
  g_test_message ("truncated: %s", error->message);
}

static void
test_clear_and_admin_exempt (MockFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(MockReply) cleared = NULL;
  g_autoptr(MockReply) admin = NULL;
  g_autoptr(MockReply) normal = NULL;
  g_autoptr(MockReply) bad_kind = NULL;
  g_autoptr(MockReply) bad_status = NULL;

  arm (fixture, "{\"path_prefix\": \"/\", \"kind\": \"status\", \"status\": 500, \"count\": 100}");
  admin = mock_get (fixture, "/admin/scenario");
  g_assert_cmpuint (admin->status, ==, 200);

  cleared = mock_request (fixture, "DELETE", "/admin/faults", NULL, NULL);
  g_assert_cmpuint (cleared->status, ==, 204);
  normal = mock_get (fixture, "/v1/card");
  mock_assert_problem (normal, 401, "no_session");

  bad_kind = mock_request (fixture, "POST", "/admin/faults", "{\"path_prefix\": \"/\", \"kind\": \"explode\"}", NULL);
  mock_assert_problem (bad_kind, 400, "invalid_request");
  bad_status = mock_request (fixture, "POST", "/admin/faults",
                             "{\"path_prefix\": \"/\", \"kind\": \"status\", \"status\": 200}", NULL);
  mock_assert_problem (bad_status, 400, "invalid_request");
}

static void
test_admin_off (void)
{
  MockFixture fixture = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(MockReply) reply = NULL;

  fixture.thread = anshin_mock_thread_start ("seed-story", FALSE, &error);
  g_assert_no_error (error);
  fixture.url = g_strdup (anshin_mock_thread_get_url (fixture.thread));
  fixture.session = soup_session_new ();
  fixture.jar = soup_cookie_jar_new ();

  reply = mock_get (&fixture, "/admin/scenario");
  mock_assert_problem (reply, 404, "not_found");

  mock_fixture_stop (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  MOCK_TEST ("/mock/faults/status", test_status);
  MOCK_TEST ("/mock/faults/delay", test_delay);
  MOCK_TEST ("/mock/faults/drop", test_drop);
  MOCK_TEST ("/mock/faults/malformed-json", test_malformed_json);
  MOCK_TEST ("/mock/faults/truncate", test_truncate);
  MOCK_TEST ("/mock/faults/clear-and-admin-exempt", test_clear_and_admin_exempt);
  g_test_add_func ("/mock/faults/admin-off", test_admin_off);

  return g_test_run ();
}
