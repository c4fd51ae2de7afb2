/* test-mock-events.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live event stream over a real WebSocket: only with a session, and
 * the changes a clock move applies arrive in the order they happened.
 */

#include "config.h"

#include "test-mock-util.h"

typedef struct
{
  SoupWebsocketConnection *connection;
  GError                  *error;
  GPtrArray               *events; /* JsonObject */
  guint                    status;
} Stream;

static void
on_message_cb (SoupWebsocketConnection *connection,
               SoupWebsocketDataType    type,
               GBytes                  *message,
               gpointer                 user_data)
{
  Stream *stream = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (message, &size);

  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  g_assert_true (json_parser_load_from_data (parser, data, size, NULL));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  g_ptr_array_add (stream->events, json_object_ref (json_node_get_object (json_parser_get_root (parser))));
}

static void
on_connected_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Stream *stream = user_data;

  stream->connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &stream->error);
  if (stream->connection != NULL)
    g_signal_connect (stream->connection, "message", G_CALLBACK (on_message_cb), stream);
}

static void
stream_open (MockFixture *fixture,
             Stream      *stream,
             gboolean     with_cookie)
{
  g_autofree char *uri = g_strconcat (fixture->url, "v1/events", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(SoupSession) session = soup_session_new ();
  GSList *cookies = soup_cookie_jar_get_cookie_list (fixture->jar, soup_message_get_uri (msg), TRUE);

  if (with_cookie && cookies != NULL)
    {
      g_autofree char *header = soup_cookies_to_cookie_header (cookies);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", header);
    }
  g_slist_free_full (cookies, (GDestroyNotify)soup_cookie_free);

  stream->events = g_ptr_array_new_with_free_func ((GDestroyNotify)json_object_unref);
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        on_connected_cb, stream);
  while (stream->connection == NULL && stream->error == NULL)
    g_main_context_iteration (NULL, TRUE);
  stream->status = soup_message_get_status (msg);
}

static void
stream_close (Stream *stream)
{
  if (stream->connection != NULL)
    {
      soup_websocket_connection_close (stream->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      while (soup_websocket_connection_get_state (stream->connection) != SOUP_WEBSOCKET_STATE_CLOSED)
        g_main_context_iteration (NULL, TRUE);
    }
  g_clear_object (&stream->connection);
  g_clear_error (&stream->error);
  g_clear_pointer (&stream->events, g_ptr_array_unref);
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (Stream *stream,
          guint   count)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, on_timeout_cb, &timed_out);

  while (stream->events->len < count && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static const char *
event_type (Stream *stream,
            guint   index)
{
  return json_object_get_string_member (g_ptr_array_index (stream->events, index), "type");
}

static void
test_needs_session (MockFixture   *fixture,
                    gconstpointer  data)
{
  Stream stream = { NULL, };
  g_autoptr(MockReply) plain = NULL;

  stream_open (fixture, &stream, FALSE);
  g_assert_nonnull (stream.error);
  g_assert_null (stream.connection);
  g_assert_cmpuint (stream.status, ==, 401);
  stream_close (&stream);

  /* with a session but without an upgrade: a plain GET is refused */
  mock_login (fixture);
  plain = mock_get (fixture, "/v1/events");
  mock_assert_problem (plain, 400, "invalid_request");
}

static void
test_in_order (MockFixture   *fixture,
               gconstpointer  data)
{
  Stream stream = { NULL, };
  JsonObject *notice;

  mock_login (fixture);
  stream_open (fixture, &stream, TRUE);
  g_assert_no_error (stream.error);
  g_assert_cmpuint (stream.status, ==, 101);

  /* the renewal announcement: the card changes, a notice, then the clock */
  {
    g_autoptr(MockReply) reply = mock_request (fixture, "POST", "/admin/step", NULL, NULL);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  wait_for (&stream, 3);
  g_assert_cmpstr (event_type (&stream, 0), ==, "card.updated");
  g_assert_cmpstr (event_type (&stream, 1), ==, "notice.created");
  notice = json_object_get_object_member (g_ptr_array_index (stream.events, 1), "notice");
  g_assert_cmpstr (json_object_get_string_member (notice, "code"), ==, "renewal_scheduled");
  g_assert_cmpstr (event_type (&stream, 2), ==, "clock.changed");
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (stream.events, 2), "issuer_time"),
                   ==, "2025-08-30T10:00:00+09:00");

  /* a jump over scheduled changes applies them all, each in turn: the
   * three payments of September to November (each changes the balance and
   * the activity), the renewal at 9:00, the contactless payment at 10:15,
   * the wallets at 12:00 */
  mock_login (fixture);
  mock_set_clock (fixture, "2025-11-30T13:00:00+09:00");
  wait_for (&stream, 16);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (event_type (&stream, 3 + 2 * i), ==, "card.updated");
      g_assert_cmpstr (event_type (&stream, 4 + 2 * i), ==, "transactions.updated");
    }
  g_assert_cmpstr (event_type (&stream, 9), ==, "card.updated");
  g_assert_cmpstr (event_type (&stream, 10), ==, "networks.updated");
  g_assert_cmpstr (event_type (&stream, 11), ==, "notice.created");
  g_assert_cmpstr (event_type (&stream, 12), ==, "card.updated");
  g_assert_cmpstr (event_type (&stream, 13), ==, "transactions.updated");
  g_assert_cmpstr (event_type (&stream, 14), ==, "networks.updated");
  g_assert_cmpstr (event_type (&stream, 15), ==, "clock.changed");

  /* the member's own actions too */
  mock_login (fixture);
  {
    g_autoptr(MockReply) frozen = mock_request (fixture, "PATCH", "/v1/card", "{\"state\": \"frozen\"}", NULL);

    g_assert_cmpuint (frozen->status, ==, 200);
  }
  wait_for (&stream, 19);
  g_assert_cmpstr (event_type (&stream, 16), ==, "notice.created");
  g_assert_cmpstr (event_type (&stream, 17), ==, "card.updated");
  g_assert_cmpstr (event_type (&stream, 18), ==, "networks.updated");

  stream_close (&stream);
}

static void
test_charge_cards (MockFixture   *fixture,
                   gconstpointer  data)
{
  Stream stream = { NULL, };
  g_autoptr(MockReply) registration = NULL;
  g_autoptr(MockReply) registered = NULL;
  g_autoptr(MockReply) charged = NULL;
  g_autoptr(MockReply) removed = NULL;
  g_autofree char *json = NULL;
  g_autofree char *charge = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = mock_next_key ();
  g_autofree char *key2 = mock_next_key ();
  const char *id;

  mock_login (fixture);
  stream_open (fixture, &stream, TRUE);
  g_assert_no_error (stream.error);

  registration = mock_get (fixture, "/v1/charge-cards/registration");
  json = g_strdup_printf ("{\"form_token\": \"%s\", \"number\": \"5555555555554444\", \"exp_month\": 1, "
                          "\"exp_year\": 2030, \"cvc\": \"321\", \"holder_name\": \"KEN ITO\"}",
                          mock_reply_string (registration, "form_token"));
  registered = mock_request (fixture, "POST", "/v1/charge-cards", json, key);
  g_assert_cmpuint (registered->status, ==, 201);
  id = json_object_get_string_member (json_object_get_object_member (mock_reply_object (registered), "charge_card"), "id");

  wait_for (&stream, 2);
  g_assert_cmpstr (event_type (&stream, 0), ==, "notice.created");
  g_assert_cmpstr (event_type (&stream, 1), ==, "charge_cards.updated");

  /* a top-up changes the balance: a notice, the card, and the activity */
  charge = g_strdup_printf ("{\"charge_card_id\": \"%s\", \"amount\": 3000}", id);
  charged = mock_request (fixture, "POST", "/v1/charges", charge, key2);
  g_assert_cmpuint (charged->status, ==, 201);
  wait_for (&stream, 5);
  g_assert_cmpstr (event_type (&stream, 2), ==, "notice.created");
  g_assert_cmpstr (event_type (&stream, 3), ==, "card.updated");
  g_assert_cmpstr (event_type (&stream, 4), ==, "transactions.updated");

  path = g_strdup_printf ("/v1/charge-cards/%s", id);
  removed = mock_request (fixture, "DELETE", path, NULL, NULL);
  g_assert_cmpuint (removed->status, ==, 204);
  wait_for (&stream, 6);
  g_assert_cmpstr (event_type (&stream, 5), ==, "charge_cards.updated");

  stream_close (&stream);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  MOCK_TEST ("/mock/events/needs-session", test_needs_session);
  MOCK_TEST ("/mock/events/in-order", test_in_order);
  MOCK_TEST_SCENARIO ("/mock/events/charge-cards", "renewal-smooth", test_charge_cards);

  return g_test_run ();
}
