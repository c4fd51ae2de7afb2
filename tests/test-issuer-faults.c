/* test-issuer-faults.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each way an issuer can misbehave gives its clear error, no crash, and
 * leaves the client working for the next call.
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-client.h"
#include "anshin-issuer-json.h"
#include "anshin-mock-thread.h"

#include "issuer-test-util.h"

typedef IssuerTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  scenario)
{
  issuer_test_fixture_set_up (fixture, scenario);
  /* Tests need not wait 10 s for a timeout. */
  anshin_issuer_client_set_timeout (fixture->client, 1);
  issuer_test_sign_in (fixture->client);
}

static AnshinCard *
get_card (AnshinIssuerClient  *client,
          GCancellable        *cancellable,
          GError             **error)
{
  return issuer_test_get_card (client, cancellable, error);
}

typedef struct {
  const char        *name;
  const char        *kind;
  guint              status;
  guint              delay_ms;
  guint              count;
  AnshinIssuerError  expected;
} FaultCase;

static void
clear_faults (Fixture *fixture)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = issuer_test_http (fixture->url, NULL, "DELETE", "admin/faults", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 204);
}

static void
test_faults (Fixture       *fixture,
             gconstpointer  user_data)
{
  const FaultCase cases[] = {
    { "delay past the timeout", "delay", 503, 2500, 1, ANSHIN_ISSUER_ERROR_TIMEOUT },
    { "5xx with an HTML page", "status", 503, 0, 1, ANSHIN_ISSUER_ERROR_SERVER },
    { "4xx with an HTML page", "status", 418, 0, 1, ANSHIN_ISSUER_ERROR_PROTOCOL },
    /* libsoup resends a request once by itself when a kept-alive
     * connection closes under it: drop twice to see the error. */
    { "dropped connection", "drop", 503, 0, 2, ANSHIN_ISSUER_ERROR_NETWORK },
    { "malformed JSON", "malformed_json", 503, 0, 1, ANSHIN_ISSUER_ERROR_PROTOCOL },
    { "truncated body", "truncate", 503, 0, 1, ANSHIN_ISSUER_ERROR_PROTOCOL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AnshinCard) card = NULL;
      g_autoptr(AnshinCard) after = NULL;
      g_autoptr(GError) error = NULL;
      gint64 started;

      g_test_message ("%s", cases[i].name);
      issuer_test_add_fault (fixture->url, "/v1/card", cases[i].kind, cases[i].status,
                             cases[i].delay_ms, cases[i].count);

      started = g_get_monotonic_time ();
      card = get_card (fixture->client, NULL, &error);
      g_assert_null (card);
      g_assert_error (error, ANSHIN_ISSUER_ERROR, (int)cases[i].expected);
      /* No fault takes longer than the timeout and a little. */
      g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_TIME_SPAN_SECOND);
      /* The next call works: nothing was left broken. */
      g_clear_error (&error);
      clear_faults (fixture);
      after = get_card (fixture->client, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (anshin_card_get_number_last4 (after), ==, "4821");
    }
}

static gboolean
on_cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static SoupWebsocketConnection *
connect_events (Fixture  *fixture,
                gint64   *out_ms,
                GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint64 started = g_get_monotonic_time ();
  SoupWebsocketConnection *connection;

  anshin_issuer_client_connect_events_async (fixture->client, NULL, issuer_test_on_result_cb,
                                             &result);
  connection = anshin_issuer_client_connect_events_finish (fixture->client,
                                                          issuer_test_wait (&result), error);
  *out_ms = (g_get_monotonic_time () - started) / 1000;
  return connection;
}

/* The event stream's handshake: a delayed one completes (the mock answers
 * the upgrade after its delay), one past the client's timeout fails with
 * TIMEOUT in about that time instead of waiting for ever. */
static void
test_events_handshake_delay (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(SoupWebsocketConnection) connection = NULL;
  g_autoptr(SoupWebsocketConnection) none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ms;

  issuer_test_add_fault (fixture->url, "/v1/events", "delay", 503, 400, 1);
  connection = connect_events (fixture, &ms, &error);
  g_assert_no_error (error);
  g_assert_nonnull (connection);
  g_assert_cmpint (soup_websocket_connection_get_state (connection), ==, SOUP_WEBSOCKET_STATE_OPEN);
  g_assert_cmpint (ms, >=, 400);
  soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);

  issuer_test_add_fault (fixture->url, "/v1/events", "delay", 503, 5000, 1);
  none = connect_events (fixture, &ms, &error);
  g_assert_null (none);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_TIMEOUT);
  g_assert_cmpint (ms, >=, 900);
  g_assert_cmpint (ms, <, 3000);
  clear_faults (fixture);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(AnshinCard) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;

  issuer_test_add_fault (fixture->url, "/v1/card", "delay", 503, 3000, 1);

  started = g_get_monotonic_time ();
  g_timeout_add (200, on_cancel_cb, cancellable);
  card = get_card (fixture->client, cancellable, &error);
  g_assert_null (card);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_TIME_SPAN_SECOND);
  g_clear_error (&error);

  after = get_card (fixture->client, NULL, &error);
  g_assert_no_error (error);
}

static void
test_unreachable (void)
{
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autofree char *url = NULL;
  guint16 port;

  /* A port that was free a moment ago: nothing listens there. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u/", port);

  client = anshin_issuer_client_new (url, &error);
  g_assert_no_error (error);
  card = get_card (client, NULL, &error);
  g_assert_null (card);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_NETWORK);
  g_clear_error (&error);

  g_assert_finalize_object (g_steal_pointer (&client));
}

#define BIG_SIZE (10 * 1024 * 1024)

static void
on_big_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  gboolean chunked = GPOINTER_TO_INT (user_data);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  char *filler = g_malloc (BIG_SIZE);

  memset (filler, ' ', BIG_SIZE);
  filler[0] = '{';
  filler[BIG_SIZE - 1] = '}';

  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  if (chunked)
    soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_append_take (body, (guchar *)filler, BIG_SIZE);
  if (chunked)
    soup_message_body_complete (body);
}

static void
test_too_large (void)
{
  for (int chunked = 0; chunked <= 1; chunked++)
    {
      g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
      g_autoptr(GObject) listener = NULL;
      g_autoptr(AnshinIssuerClient) client = NULL;
      g_autoptr(AnshinCard) card = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *url = NULL;

      g_test_message (chunked ? "chunked" : "with a Content-Length");
      soup_server_add_handler (server, NULL, on_big_request_cb, GINT_TO_POINTER (chunked), NULL);
      listener = issuer_test_listen_local (server, NULL, &url);

      client = anshin_issuer_client_new (url, &error);
      g_assert_no_error (error);
      card = get_card (client, NULL, &error);
      g_assert_null (card);
      g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);

      g_assert_finalize_object (g_steal_pointer (&client));
      soup_server_disconnect (server);
    }
}

static void
on_tls_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
}

static void
test_tls_failure (void)
{
  g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "data", "issuer-self-signed.pem",
                                                NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GObject) listener = NULL;
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  certificate = g_tls_certificate_new_from_file (pem, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, on_tls_request_cb, NULL, NULL);
  listener = issuer_test_listen_local (server, certificate, &url);
  g_assert_true (g_str_has_prefix (url, "https://"));

  /* A certificate nobody vouches for is refused, never accepted anyway. */
  client = anshin_issuer_client_new (url, &error);
  g_assert_no_error (error);
  card = get_card (client, NULL, &error);
  g_assert_null (card);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_TLS_FAILED);

  g_assert_finalize_object (g_steal_pointer (&client));
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  /* The tests' schema dir has no org.gnome.system.proxy: no desktop proxy. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/issuer/faults/each-kind", Fixture, NULL, fixture_set_up, test_faults,
              issuer_test_fixture_tear_down);
  g_test_add ("/issuer/faults/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              issuer_test_fixture_tear_down);
  g_test_add ("/issuer/faults/events-handshake-delay", Fixture, NULL, fixture_set_up,
              test_events_handshake_delay, issuer_test_fixture_tear_down);
  g_test_add_func ("/issuer/faults/unreachable", test_unreachable);
  g_test_add_func ("/issuer/faults/too-large", test_too_large);
  g_test_add_func ("/issuer/faults/tls-failure", test_tls_failure);

  return g_test_run ();
}
