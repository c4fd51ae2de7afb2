/* anshin-mock-server.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mock issuer's HTTP front: one SoupServer handler routes every request
 * itself (404, then 405 with Allow, before anything else), applies faults,
 * the body limit, the session, JSON parsing, the registration lock and
 * idempotency keys in that order, runs the route's handler and writes its
 * answer with Issuer-Time. It also keeps the request log, saves the state
 * after every request when asked to, and wakes up when a scheduled change
 * falls due so that WebSocket clients hear of it.
 */

#include "config.h"

#include <string.h>

#include "anshin-mock-server-private.h"
#include "anshin-time.h"

G_DEFINE_FINAL_TYPE (AnshinMockServer, anshin_mock_server, G_TYPE_OBJECT)

static GArray *routes;

GArray *
anshin_mock_server_get_routes (void)
{
  return routes;
}


static void
collect_routes (void)
{
  const AnshinMockRoute *(*tables[]) (guint *) = {
    anshin_mock_api_session_routes,
    anshin_mock_api_card_routes,
    anshin_mock_api_charge_routes,
    anshin_mock_api_activity_routes,
    anshin_mock_admin_routes,
  };

  routes = g_array_new (FALSE, FALSE, sizeof (AnshinMockRoute));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint n = 0;
      const AnshinMockRoute *table = tables[i] (&n);

      g_array_append_vals (routes, table, n);
    }
}

/* Valid until the next call */
const char *
anshin_mock_server_get_issuer_time (AnshinMockServer *self)
{
  gint64 now = anshin_mock_clock_get_unix (anshin_mock_state_get_clock (self->state));

  /* formatted once a second, not once a request */
  if (self->issuer_time == NULL || now != self->issuer_time_unix)
    {
      g_autoptr(GDateTime) time = anshin_mock_state_dup_now (self->state);

      g_free (self->issuer_time);
      self->issuer_time = anshin_time_to_string (time);
      self->issuer_time_unix = g_date_time_to_unix (time);
    }

  return self->issuer_time;
}

static gboolean on_due_cb (gpointer user_data);

/* Wakes up when the next scheduled change falls due. Cheap when nothing
 * changed: it runs after every request. */
static void
schedule_due (AnshinMockServer *self)
{
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 due_at;
  gint64 offset;
  gint64 delay;

  next = anshin_mock_state_dup_next_due (self->state);
  now = anshin_mock_state_dup_now (self->state);
  due_at = next != NULL ? g_date_time_to_unix (next) : G_MAXINT64;
  /* issuer time minus real time: changes only when the clock is moved */
  offset = g_date_time_to_unix (now) - g_get_monotonic_time () / G_USEC_PER_SEC;

  if (self->due_source != NULL && due_at == self->due_at && ABS (offset - self->due_offset) <= 1)
    return;

  if (self->due_source != NULL)
    {
      g_source_destroy (self->due_source);
      g_clear_pointer (&self->due_source, g_source_unref);
    }

  self->due_at = due_at;
  self->due_offset = offset;
  if (next == NULL)
    return;

  delay = CLAMP (due_at - g_date_time_to_unix (now), 1, 24 * 60 * 60);
  self->due_source = g_timeout_source_new_seconds (delay);
  g_source_set_callback (self->due_source, on_due_cb, self, NULL);
  g_source_set_name (self->due_source, "[anshin-mock] scheduled change");
  g_source_attach (self->due_source, self->context);
}

static void
after_change (AnshinMockServer *self)
{
  g_autoptr(GError) error = NULL;

  if (!anshin_mock_server_save_state (self, &error))
    g_printerr ("anshin-mock-issuer: cannot save the state: %s\n", error->message);

  schedule_due (self);
}

static gboolean
on_due_cb (gpointer user_data)
{
  AnshinMockServer *self = user_data;

  g_clear_pointer (&self->due_source, g_source_unref);
  anshin_mock_state_tick (self->state);
  after_change (self);

  return G_SOURCE_REMOVE;
}

/* Answers @request and frees it: once per message (libsoup runs no handler
 * after an early one has answered), so Issuer-Time is appended, which costs
 * half of replacing it. */
void
anshin_mock_server_finish (AnshinMockServer  *self,
        AnshinMockRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);
  const char *issuer_time;
  char status[12];

  /* A GET changes nothing unless the clock brought something due */
  if (request->changed || !g_str_equal (request->method, "GET"))
    after_change (self);

  issuer_time = anshin_mock_server_get_issuer_time (self);

  /* The WebSocket handshake is answered by libsoup after the handler; from
   * here on the member's events wait for the stream. */
  if (request->response == NULL)
    {
      if (request->member != NULL)
        anshin_mock_events_expect (self->events, request->msg,
                                   anshin_mock_member_get_id (request->member));
      soup_message_headers_append (headers, "Issuer-Time", issuer_time);
      anshin_mock_server_log (self, request, "101");
      anshin_mock_request_free (request);
      return;
    }

  anshin_mock_server_format_status (request->response->status, status);

  if (request->fault_kind == ANSHIN_MOCK_FAULT_TRUNCATE)
    {
      anshin_mock_server_log (self, request, "truncated");
      anshin_mock_server_steal_later (self, request);
      return;
    }

  anshin_mock_response_apply (request->response, request->msg);
  soup_message_headers_append (headers, "Issuer-Time", issuer_time);

  if (request->fault_kind == ANSHIN_MOCK_FAULT_MALFORMED_JSON)
    {
      static const char broken[] = "{\"error\": \"upstream\", \"detail\": <html>";

      soup_server_message_set_response (request->msg, "application/json; charset=utf-8",
                                        SOUP_MEMORY_STATIC, broken, strlen (broken));
    }

  anshin_mock_server_log (self, request, status);
  anshin_mock_request_free (request);
}

static AnshinMockRequest *
request_new (AnshinMockServer  *self,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query)
{
  AnshinMockRequest *request = g_new0 (AnshinMockRequest, 1);

  request->started = g_get_monotonic_time ();
  request->server = self;
  request->state = g_object_ref (self->state);
  request->msg = g_object_ref (msg);
  request->method = soup_server_message_get_method (msg);
  request->path = g_strdup (path);
  request->query = query != NULL ? g_hash_table_ref (query) : NULL;

  request->changed = anshin_mock_state_tick (self->state);
  request->now = anshin_mock_state_dup_now (self->state);

  return request;
}

static void
on_request_cb (SoupServer        *soup,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  AnshinMockServer *self = user_data;
  AnshinMockRequest *request = request_new (self, msg, path, query);

  if (!anshin_mock_server_route (self, request))
    {
      anshin_mock_server_finish (self, request);
      return;
    }

  if ((request->route->flags & ANSHIN_MOCK_ROUTE_ADMIN) && !anshin_mock_server_is_loopback (msg))
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_FORBIDDEN, "forbidden",
                                         "デモ操作はこのコンピューターからのみ利用できます。", NULL);
      anshin_mock_server_finish (self, request);
      return;
    }

  if (anshin_mock_server_apply_fault (self, request))
    return;

  anshin_mock_server_process (self, request);
  anshin_mock_server_finish (self, request);
}

/* Refuses a body announced as too large before reading it. */
static void
on_early_request_cb (SoupServer        *soup,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  AnshinMockServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  AnshinMockRequest *request;

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      soup_message_headers_get_content_length (headers) <= ANSHIN_MOCK_BODY_LIMIT)
    return;

  request = request_new (self, msg, path, query);
  anshin_mock_request_reply_problem (request, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "body_too_large",
                                     "リクエストが大きすぎます（64KiBまで）。", NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  anshin_mock_server_finish (self, request);
}

static void
on_websocket_cb (SoupServer              *soup,
                 SoupServerMessage       *msg,
                 const char              *path,
                 SoupWebsocketConnection *connection,
                 gpointer                 user_data)
{
  AnshinMockServer *self = user_data;

  if (!anshin_mock_events_add (self->events, msg, connection))
    soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, NULL);
}

static void
on_state_event_cb (AnshinMockServer *self,
                   const char       *member_id,
                   JsonObject       *event,
                   AnshinMockState  *state)
{
  anshin_mock_events_send (self->events, member_id, event);
}

static void
anshin_mock_server_dispose (GObject *object)
{
  AnshinMockServer *self = (AnshinMockServer *)object;

  anshin_mock_server_shutdown (self);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->listener);
  g_clear_object (&self->soup);
  g_clear_object (&self->events);
  g_clear_object (&self->faults);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (anshin_mock_server_parent_class)->dispose (object);
}

static void
anshin_mock_server_finalize (GObject *object)
{
  AnshinMockServer *self = (AnshinMockServer *)object;

  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->state_file, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->issuer_time, g_free);
  anshin_mock_server_free_log (self);
  g_mutex_clear (&self->log_lock);

  G_OBJECT_CLASS (anshin_mock_server_parent_class)->finalize (object);
}

static void
anshin_mock_server_class_init (AnshinMockServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anshin_mock_server_dispose;
  object_class->finalize = anshin_mock_server_finalize;

  collect_routes ();
}

static void
anshin_mock_server_init (AnshinMockServer *self)
{
  g_mutex_init (&self->log_lock);
  self->context = g_main_context_ref_thread_default ();
  self->faults = anshin_mock_faults_new ();
  self->events = anshin_mock_events_new ();
  self->soup = soup_server_new ("server-header", "anshin-mock-issuer/" PACKAGE_VERSION " ", NULL);
  self->listener = anshin_mock_listener_new (self->soup);

  soup_server_add_early_handler (self->soup, NULL, on_early_request_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, on_request_cb, self, NULL);
  soup_server_add_handler (self->soup, "/v1/events", on_request_cb, self, NULL);
  soup_server_add_websocket_handler (self->soup, "/v1/events", NULL, NULL,
                                     on_websocket_cb, self, NULL);
}

/**
 * anshin_mock_server_new:
 * @state: the issuer's state
 * @admin: whether to serve the /admin demo control
 *
 * The server runs in the thread-default main context of the caller.
 *
 * Returns: (transfer full): a server, not yet listening
 */
AnshinMockServer *
anshin_mock_server_new (AnshinMockState *state,
                        gboolean         admin)
{
  AnshinMockServer *self;

  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (state), NULL);

  self = g_object_new (ANSHIN_TYPE_MOCK_SERVER, NULL);
  self->state = g_object_ref (state);
  self->admin = admin;
  g_signal_connect_object (state, "event", G_CALLBACK (on_state_event_cb),
                           self, G_CONNECT_SWAPPED);
  schedule_due (self);

  return self;
}

/**
 * anshin_mock_server_listen:
 * @self: a #AnshinMockServer
 * @address: an IP address to listen on
 * @port: a port, or 0 for a free one
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the server listens
 */
gboolean
anshin_mock_server_listen (AnshinMockServer  *self,
                           const char        *address,
                           guint              port,
                           GError           **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autofree char *host = NULL;

  g_return_val_if_fail (ANSHIN_IS_MOCK_SERVER (self), FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", address);
      return FALSE;
    }

  /* Not soup_server_listen(): see anshin-mock-listener.c */
  if (!anshin_mock_listener_listen (self->listener, inet, port, &self->port, error))
    return FALSE;

  host = g_inet_address_to_string (inet);
  g_free (self->url);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    self->url = g_strdup_printf ("http://[%s]:%u/", host, self->port);
  else
    self->url = g_strdup_printf ("http://%s:%u/", host, self->port);

  return TRUE;
}

guint
anshin_mock_server_get_port (AnshinMockServer *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SERVER (self), 0);
  return self->port;
}

/**
 * anshin_mock_server_dup_url:
 * @self: a listening #AnshinMockServer
 *
 * Returns: (transfer full) (nullable): the base URL, "http://127.0.0.1:PORT/"
 */
char *
anshin_mock_server_dup_url (AnshinMockServer *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SERVER (self), NULL);

  return g_strdup (self->url);
}

void
anshin_mock_server_set_state_file (AnshinMockServer *self,
                                   const char       *path)
{
  g_return_if_fail (ANSHIN_IS_MOCK_SERVER (self));

  g_free (self->state_file);
  self->state_file = g_strdup (path);
}

/**
 * anshin_mock_server_save_state:
 * @self: a #AnshinMockServer
 * @error: return location for a #GError
 *
 * Saves the state to the state file, if there is one.
 *
 * Returns: %TRUE on success or without a state file
 */
gboolean
anshin_mock_server_save_state (AnshinMockServer  *self,
                               GError           **error)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SERVER (self), FALSE);

  if (self->state_file == NULL)
    return TRUE;

  return anshin_mock_state_save_file (self->state, self->state_file, error);
}

void
anshin_mock_server_set_print_log (AnshinMockServer *self,
                                  gboolean          print_log)
{
  g_return_if_fail (ANSHIN_IS_MOCK_SERVER (self));
  self->print_log = !!print_log;
}

AnshinMockState *
anshin_mock_server_get_state (AnshinMockServer *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SERVER (self), NULL);
  return self->state;
}

AnshinMockFaults *
anshin_mock_server_get_faults (AnshinMockServer *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SERVER (self), NULL);
  return self->faults;
}

/**
 * anshin_mock_server_shutdown:
 * @self: a #AnshinMockServer
 *
 * Closes the event streams, stops listening and drops every connection.
 */
void
anshin_mock_server_shutdown (AnshinMockServer *self)
{
  g_return_if_fail (ANSHIN_IS_MOCK_SERVER (self));

  if (self->due_source != NULL)
    {
      g_source_destroy (self->due_source);
      g_clear_pointer (&self->due_source, g_source_unref);
    }
  anshin_mock_server_flush_log (self);
  if (self->events != NULL)
    anshin_mock_events_close_all (self->events);
  if (self->listener != NULL)
    anshin_mock_listener_stop (self->listener);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
}
