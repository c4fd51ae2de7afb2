/* issuer-test-util.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anshin-mock-listener.h"
#include "anshin-time.h"

#include "issuer-test-util.h"

static void
on_refresh_token_changed_cb (AnshinIssuerClient *client,
                             const char         *token,
                             IssuerTestFixture  *fixture)
{
  g_free (fixture->last_token);
  fixture->last_token = g_strdup (token);
  fixture->token_changes++;
}

void
issuer_test_fixture_set_up (IssuerTestFixture *fixture,
                            gconstpointer      scenario)
{
  g_autoptr(GError) error = NULL;

  fixture->mock = anshin_mock_thread_start (scenario, TRUE, &error);
  g_assert_no_error (error);
  fixture->url = anshin_mock_thread_get_url (fixture->mock);

  fixture->client = anshin_issuer_client_new (fixture->url, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->client, "refresh-token-changed",
                    G_CALLBACK (on_refresh_token_changed_cb), fixture);
}

void
issuer_test_fixture_set_up_signed_in (IssuerTestFixture *fixture,
                                      gconstpointer      scenario)
{
  issuer_test_fixture_set_up (fixture, scenario);
  issuer_test_sign_in (fixture->client);
}

void
issuer_test_fixture_tear_down (IssuerTestFixture *fixture,
                               gconstpointer      scenario)
{
  g_assert_finalize_object (fixture->client);
  anshin_mock_thread_stop (fixture->mock);
  anshin_mock_thread_free (fixture->mock);
  g_free (fixture->last_token);
}

/* Signs in as the scenario's demo member. */
void
issuer_test_sign_in (AnshinIssuerClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(GError) error = NULL;

  anshin_issuer_client_sign_in_async (client, "demo", "demo", NULL, issuer_test_on_result_cb,
                                      &result);
  session = anshin_issuer_client_sign_in_finish (client, issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
}

AnshinCard *
issuer_test_get_card (AnshinIssuerClient  *client,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_client_get_card_async (client, cancellable, issuer_test_on_result_cb, &result);
  return anshin_issuer_client_get_card_finish (client, issuer_test_wait (&result), error);
}

void
issuer_test_on_result_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/**
 * issuer_test_wait:
 *
 * Iterates the default main context until @slot is set.
 */
GAsyncResult *
issuer_test_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
issuer_test_wait_until (gboolean *condition,
                        guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  while (!*condition && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  g_assert_true (*condition);
}

/**
 * issuer_test_http:
 * @session: (nullable): a session (with its cookies), or %NULL for a fresh one
 *
 * A plain synchronous request, for /admin calls and for playing a naive
 * client. The mock runs on its own thread, so blocking here is fine.
 *
 * Returns: (transfer full) (nullable): the answer's JSON, if any
 */
JsonNode *
issuer_test_http (const char  *base_url,
                  SoupSession *session,
                  const char  *method,
                  const char  *path,
                  const char  *json_body,
                  const char  *idempotency_key,
                  guint       *out_status)
{
  g_autoptr(SoupSession) own_session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (base_url, path + (path[0] == '/' ? 1 : 0), NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (session == NULL)
    session = own_session = soup_session_new ();

  message = soup_message_new (method, url);
  g_assert_nonnull (message);
  if (json_body != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (message, "application/json", body);
    }
  if (idempotency_key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  "Idempotency-Key", idempotency_key);

  bytes = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);

  if (out_status != NULL)
    *out_status = soup_message_get_status (message);

  if (g_bytes_get_size (bytes) == 0)
    return NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), NULL))
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

/**
 * issuer_test_advance_clock:
 *
 * Returns: (transfer full): the mock's new time
 */
GDateTime *
issuer_test_advance_clock (const char *base_url,
                           gint64      seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"advance_seconds\": %" G_GINT64_FORMAT "}", seconds);
  g_autoptr(JsonNode) root = NULL;
  GDateTime *time;
  guint status = 0;

  root = issuer_test_http (base_url, NULL, "POST", "admin/clock", body, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (root);

  time = anshin_time_parse (json_object_get_string_member (json_node_get_object (root),
                                                           "issuer_time"));
  g_assert_nonnull (time);
  return time;
}

void
issuer_test_add_fault (const char *base_url,
                       const char *path_prefix,
                       const char *kind,
                       guint       status,
                       guint       delay_ms,
                       guint       count)
{
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint http_status = 0;

  body = g_strdup_printf ("{\"path_prefix\": \"%s\", \"kind\": \"%s\", \"status\": %u,"
                          " \"delay_ms\": %u, \"count\": %u}",
                          path_prefix, kind, status != 0 ? status : 503, delay_ms, count);
  root = issuer_test_http (base_url, NULL, "POST", "admin/faults", body, NULL, &http_status);
  g_assert_cmpuint (http_status, ==, 201);
}

/**
 * issuer_test_dup_one_time_codes:
 *
 * Returns: (transfer full): the issuer's open 3-D Secure challenges:
 *   challenge id -> the one-time code the holder would have received
 */
GHashTable *
issuer_test_dup_one_time_codes (const char *base_url)
{
  GHashTable *challenges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *codes;
  guint status = 0;

  root = issuer_test_http (base_url, NULL, "GET", "admin/one-time-codes", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  codes = json_object_get_array_member (json_node_get_object (root), "codes");
  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      JsonObject *entry = json_array_get_object_element (codes, i);

      g_hash_table_insert (challenges, g_strdup (json_object_get_string_member (entry, "challenge_id")),
                           g_strdup (json_object_get_string_member (entry, "code")));
    }

  return challenges;
}

/**
 * issuer_test_one_time_code:
 *
 * Returns: (transfer full): the code the holder would have received
 */
char *
issuer_test_one_time_code (const char *base_url,
                           const char *challenge_id)
{
  g_autoptr(GHashTable) codes = issuer_test_dup_one_time_codes (base_url);
  const char *code = g_hash_table_lookup (codes, challenge_id);

  g_assert_nonnull (code);
  return g_strdup (code);
}

/**
 * issuer_test_assert_finalized_soon:
 * @object: (transfer full): an object whose last references are held by
 *   operations still in flight
 *
 * Drops the caller's reference and asserts the object is finalized once
 * those operations finish (within 5 s): nothing leaks it.
 */
void
issuer_test_assert_finalized_soon (gpointer object)
{
  gpointer weak = object;
  gboolean finalized = FALSE;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);

  while (weak != NULL)
    {
      guint id = g_timeout_add (5000, on_timeout_cb, &finalized);

      g_main_context_iteration (NULL, TRUE);
      if (finalized)
        break;
      g_source_remove (id);
    }

  g_assert_null (weak);
}

gboolean
issuer_test_log_contains (const char * const *log,
                          const char         *line)
{
  return g_strv_contains (log, line);
}

/* How many lines of @log start with @prefix */
guint
issuer_test_log_count (const char * const *log,
                       const char         *prefix)
{
  guint count = 0;

  for (guint i = 0; log != NULL && log[i] != NULL; i++)
    {
      if (g_str_has_prefix (log[i], prefix))
        count++;
    }

  return count;
}

struct _IssuerTestProxy
{
  GSocketService *service;
  GSocketClient  *client;
  char           *url;
  char           *target_host;
  guint16         target_port;
  gboolean        down;
  GPtrArray      *streams;
};

static void
on_splice_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_io_stream_splice_finish (result, &error);
}

typedef struct {
  IssuerTestProxy   *proxy;
  GSocketConnection *incoming;
} PendingConnection;

static void
on_target_connected_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  PendingConnection *pending = user_data;
  g_autoptr(GSocketConnection) outgoing = NULL;
  g_autoptr(GError) error = NULL;

  outgoing = g_socket_client_connect_to_host_finish (G_SOCKET_CLIENT (object), result, &error);
  if (outgoing == NULL || pending->proxy->down)
    {
      g_io_stream_close (G_IO_STREAM (pending->incoming), NULL, NULL);
    }
  else
    {
      g_ptr_array_add (pending->proxy->streams, g_object_ref (pending->incoming));
      g_ptr_array_add (pending->proxy->streams, g_object_ref (outgoing));
      g_io_stream_splice_async (G_IO_STREAM (pending->incoming), G_IO_STREAM (outgoing),
                                G_IO_STREAM_SPLICE_CLOSE_STREAM1 |
                                G_IO_STREAM_SPLICE_CLOSE_STREAM2,
                                G_PRIORITY_DEFAULT, NULL, on_splice_done_cb, NULL);
    }

  g_object_unref (pending->incoming);
  g_free (pending);
}

static gboolean
on_incoming_cb (GSocketService    *service,
                GSocketConnection *connection,
                GObject           *source_object,
                gpointer           user_data)
{
  IssuerTestProxy *proxy = user_data;
  PendingConnection *pending;

  if (proxy->down)
    {
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }

  pending = g_new0 (PendingConnection, 1);
  pending->proxy = proxy;
  pending->incoming = g_object_ref (connection);
  g_socket_client_connect_to_host_async (proxy->client, proxy->target_host, proxy->target_port,
                                         NULL, on_target_connected_cb, pending);
  return TRUE;
}

IssuerTestProxy *
issuer_test_proxy_new (const char *target_url)
{
  IssuerTestProxy *proxy = g_new0 (IssuerTestProxy, 1);
  g_autoptr(GUri) uri = g_uri_parse (target_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  guint16 port;

  g_assert_nonnull (uri);
  proxy->target_host = g_strdup (g_uri_get_host (uri));
  proxy->target_port = g_uri_get_port (uri);
  proxy->streams = g_ptr_array_new_with_free_func (g_object_unref);
  proxy->client = g_socket_client_new ();
  proxy->service = g_socket_service_new ();

  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) effective = NULL;

    g_socket_listener_add_address (G_SOCKET_LISTENER (proxy->service), address,
                                   G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                   &effective, &error);
    g_assert_no_error (error);
    port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  }
  g_signal_connect (proxy->service, "incoming", G_CALLBACK (on_incoming_cb), proxy);
  g_socket_service_start (proxy->service);

  proxy->url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  return proxy;
}

const char *
issuer_test_proxy_get_url (IssuerTestProxy *proxy)
{
  return proxy->url;
}

void
issuer_test_proxy_set_down (IssuerTestProxy *proxy,
                            gboolean         down)
{
  proxy->down = down;
  if (!down)
    return;

  for (guint i = 0; i < proxy->streams->len; i++)
    g_io_stream_close (g_ptr_array_index (proxy->streams, i), NULL, NULL);
  g_ptr_array_set_size (proxy->streams, 0);
}

void
issuer_test_proxy_free (IssuerTestProxy *proxy)
{
  issuer_test_proxy_set_down (proxy, TRUE);
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  g_clear_object (&proxy->service);
  g_clear_object (&proxy->client);
  g_ptr_array_unref (proxy->streams);
  g_free (proxy->url);
  g_free (proxy->target_host);
  g_free (proxy);
}

/* Test servers: connections accepted here, not by libsoup's own listener
 * (soup_server_listen*()), which in libsoup 3.2 never drops the reference
 * g_socket_accept() gives it: one GSocket leaked per connection, which the
 * sanitizer gate would (rightly) report. As the mock does
 * (anshin-mock-listener.c); over TLS, each connection is wrapped in a
 * GTlsServerConnection with @certificate first. */

static gboolean
on_tls_incoming_cb (GSocketService    *service,
                    GSocketConnection *connection,
                    GObject           *source_object,
                    gpointer           user_data)
{
  SoupServer *server = g_object_get_data (G_OBJECT (service), "issuer-test-server");
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GError) error = NULL;

  local = g_socket_connection_get_local_address (connection, NULL);
  remote = g_socket_connection_get_remote_address (connection, NULL);
  tls = g_tls_server_connection_new (G_IO_STREAM (connection), user_data, &error);
  if (tls == NULL || local == NULL || remote == NULL ||
      !soup_server_accept_iostream (server, tls, local, remote, &error))
    {
      g_debug ("Test server dropped a connection: %s", error != NULL ? error->message : "gone");
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }

  return TRUE;
}

/**
 * issuer_test_listen_local:
 * @server: a server with its handlers
 * @certificate: (nullable): for https, the server's certificate
 * @out_url: (out): its URL, `http(s)://127.0.0.1:PORT/`
 *
 * Serves @server on a port of 127.0.0.1 until the returned listener is
 * unreffed (after soup_server_disconnect()).
 *
 * Returns: (transfer full): the listener
 */
GObject *
issuer_test_listen_local (SoupServer       *server,
                          GTlsCertificate  *certificate,
                          char            **out_url)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  guint port = 0;

  if (certificate == NULL)
    {
      AnshinMockListener *listener = anshin_mock_listener_new (server);

      g_assert_true (anshin_mock_listener_listen (listener, loopback, 0, &port, &error));
      g_assert_no_error (error);
      *out_url = g_strdup_printf ("http://127.0.0.1:%u/", port);
      return G_OBJECT (listener);
    }
  else
    {
      GSocketService *service = g_socket_service_new ();
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
      g_autoptr(GSocketAddress) effective = NULL;

      g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                     G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
      g_assert_no_error (error);
      port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
      g_object_set_data_full (G_OBJECT (service), "issuer-test-server", g_object_ref (server),
                              g_object_unref);
      g_signal_connect_data (service, "incoming", G_CALLBACK (on_tls_incoming_cb),
                             g_object_ref (certificate), (GClosureNotify)(void (*) (void))g_object_unref,
                             0);
      g_socket_service_start (service);
      *out_url = g_strdup_printf ("https://127.0.0.1:%u/", port);
      return G_OBJECT (service);
    }
}
