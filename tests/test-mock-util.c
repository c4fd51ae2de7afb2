/* test-mock-util.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-mock-util.h"

void
mock_fixture_start (MockFixture *fixture,
                    const char  *scenario)
{
  g_autoptr(GError) error = NULL;

  fixture->thread = anshin_mock_thread_start (scenario, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->thread);

  fixture->url = g_strdup (anshin_mock_thread_get_url (fixture->thread));
  g_assert_true (g_str_has_prefix (fixture->url, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (fixture->url, "/"));

  fixture->session = soup_session_new_with_options ("timeout", 20, NULL);
  fixture->jar = soup_cookie_jar_new ();
  soup_session_add_feature (fixture->session, SOUP_SESSION_FEATURE (fixture->jar));

  /* Stop the issuer clock at the scenario's start: the tests then see exact
   * times however slowly they run (valgrind, a loaded machine), and move the
   * clock themselves. */
  {
    g_autoptr(MockReply) reply = mock_request (fixture, "POST", "/admin/clock", "{\"running\": false}", NULL);
    g_autofree char *json = g_strdup_printf ("{\"name\": \"%s\"}", scenario != NULL ? scenario : "seed-story");
    g_autoptr(MockReply) reload = NULL;

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_false (json_object_get_boolean_member (mock_reply_object (reply), "running"));

    /* back to the start, which a slow start-up may have run past */
    reload = mock_request (fixture, "POST", "/admin/scenario", json, NULL);
    g_assert_cmpuint (reload->status, ==, 200);
  }
}

void
mock_fixture_stop (MockFixture *fixture)
{
  g_clear_object (&fixture->jar);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->thread, anshin_mock_thread_free);
  g_clear_pointer (&fixture->url, g_free);
}

void
mock_fixture_set_up (MockFixture   *fixture,
                     gconstpointer  data)
{
  mock_fixture_start (fixture, data);
}

void
mock_fixture_tear_down (MockFixture   *fixture,
                        gconstpointer  data)
{
  mock_fixture_stop (fixture);
}

/**
 * mock_request:
 * @fixture: the fixture
 * @method: an HTTP method
 * @path: a path without the leading slash's base, e.g. "/v1/card"
 * @json: (nullable): the request body
 * @idempotency_key: (nullable): the Idempotency-Key
 *
 * Returns: (transfer full): the answer; the test fails if none came
 */
MockReply *
mock_request (MockFixture *fixture,
              const char  *method,
              const char  *path,
              const char  *json,
              const char  *idempotency_key)
{
  g_autofree char *uri = g_strconcat (fixture->url, path + 1, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MockReply *reply;

  g_assert_nonnull (msg);
  /* A same-site request, as the app's own client makes */
  soup_message_set_site_for_cookies (msg, soup_message_get_uri (msg));
  soup_message_set_is_top_level_navigation (msg, TRUE);

  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  if (idempotency_key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Idempotency-Key", idempotency_key);

  bytes = soup_session_send_and_read (fixture->session, msg, NULL, &error);
  g_assert_no_error (error);

  reply = g_new0 (MockReply, 1);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  reply->text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (g_bytes_get_size (bytes) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, reply->text, -1, NULL))
        reply->body = json_node_ref (json_parser_get_root (parser));
    }

  /* Every answer carries the issuer's clock. */
  g_assert_nonnull (soup_message_headers_get_one (reply->headers, "Issuer-Time"));

  return reply;
}

MockReply *
mock_get (MockFixture *fixture,
          const char  *path)
{
  return mock_request (fixture, "GET", path, NULL, NULL);
}

void
mock_reply_free (MockReply *reply)
{
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->body, json_node_unref);
  g_free (reply->text);
  g_free (reply);
}

JsonObject *
mock_reply_object (MockReply *reply)
{
  g_assert_nonnull (reply->body);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->body));

  return json_node_get_object (reply->body);
}

const char *
mock_reply_code (MockReply *reply)
{
  return json_object_get_string_member_with_default (mock_reply_object (reply), "code", NULL);
}

const char *
mock_reply_string (MockReply  *reply,
                   const char *member)
{
  return json_object_get_string_member_with_default (mock_reply_object (reply), member, NULL);
}

gint64
mock_reply_int (MockReply  *reply,
                const char *member)
{
  return json_object_get_int_member_with_default (mock_reply_object (reply), member, G_MININT64);
}

void
mock_assert_problem (MockReply  *reply,
                     guint       status,
                     const char *code)
{
  const char *content_type = soup_message_headers_get_content_type (reply->headers, NULL);

  if (reply->status != status)
    g_test_message ("unexpected answer %u: %s", reply->status, reply->text);
  g_assert_cmpuint (reply->status, ==, status);
  g_assert_cmpstr (content_type, ==, "application/problem+json");
  g_assert_cmpstr (mock_reply_code (reply), ==, code);
  g_assert_cmpint (mock_reply_int (reply, "status"), ==, status);
  g_assert_cmpstr (mock_reply_string (reply, "type"), ==, "about:blank");
  g_assert_nonnull (mock_reply_string (reply, "title"));
  g_assert_nonnull (mock_reply_string (reply, "detail"));
}

void
mock_login (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_request (fixture, "POST", "/v1/session",
                                             "{\"member_id\": \"demo\", \"password\": \"demo\"}", NULL);

  g_assert_cmpuint (reply->status, ==, 201);
}

void
mock_forget_cookies (MockFixture *fixture)
{
  GSList *cookies = soup_cookie_jar_all_cookies (fixture->jar);

  for (GSList *l = cookies; l != NULL; l = l->next)
    soup_cookie_jar_delete_cookie (fixture->jar, l->data);
  g_slist_free_full (cookies, (GDestroyNotify)soup_cookie_free);
}

void
mock_set_clock (MockFixture *fixture,
                const char  *rfc3339)
{
  g_autofree char *json = g_strdup_printf ("{\"set\": \"%s\"}", rfc3339);
  g_autoptr(MockReply) reply = mock_request (fixture, "POST", "/admin/clock", json, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
}

void
mock_advance_clock (MockFixture *fixture,
                    gint64       seconds)
{
  g_autofree char *json = g_strdup_printf ("{\"advance_seconds\": %" G_GINT64_FORMAT "}", seconds);
  g_autoptr(MockReply) reply = mock_request (fixture, "POST", "/admin/clock", json, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
}

char *
mock_issuer_time (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/admin/scenario");

  return g_strdup (mock_reply_string (reply, "issuer_time"));
}

/**
 * mock_find_network:
 * @fixture: a fixture, signed in
 * @id: a payment method id
 *
 * Returns: (transfer full): the method's entry in GET /v1/card/networks
 */
JsonObject *
mock_find_network (MockFixture *fixture,
                   const char  *id)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/v1/card/networks");
  JsonArray *networks;

  g_assert_cmpuint (reply->status, ==, 200);
  networks = json_object_get_array_member (mock_reply_object (reply), "networks");
  for (guint i = 0; i < json_array_get_length (networks); i++)
    {
      JsonObject *network = json_array_get_object_element (networks, i);

      if (g_strcmp0 (json_object_get_string_member (network, "id"), id) == 0)
        return json_object_ref (network);
    }

  g_assert_not_reached ();
}

char *
mock_next_key (void)
{
  static guint counter;

  return g_strdup_printf ("test-key-%u-%u", g_random_int (), ++counter);
}
