/* anshin-mock-dispatch.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What happens to a request before its handler's answer is written:
 * routing (404, then 405 with Allow), the body limit, the session, JSON
 * parsing, the registration lock, idempotency keys; and the faults armed
 * from /admin/faults (delay, status, drop, malformed_json, truncate).
 */

#include "config.h"

#include <string.h>

#include "anshin-mock-registration.h"
#include "anshin-mock-server-private.h"

/* Matches "/v1/notices/{id}/read" against a path without allocating: this
 * runs for every route on every request. */
static gboolean
match_pattern (const char  *pattern,
               const char  *path,
               const char **out_param,
               gsize       *out_param_length)
{
  const char *p = pattern;
  const char *q = path;

  *out_param = NULL;
  *out_param_length = 0;

  while (*p != '\0' && *q != '\0')
    {
      if (*p == '{' && strncmp (p, "{id}", strlen ("{id}")) == 0)
        {
          gsize length = strcspn (q, "/");

          if (length == 0)
            return FALSE;

          *out_param = q;
          *out_param_length = length;
          p += strlen ("{id}");
          q += length;
        }
      else if (*p == *q)
        {
          p++;
          q++;
        }
      else
        return FALSE;
    }

  return *p == '\0' && *q == '\0';
}

static gboolean
route_enabled (AnshinMockServer      *self,
               const AnshinMockRoute *route)
{
  return !(route->flags & ANSHIN_MOCK_ROUTE_ADMIN) || self->admin;
}

/* The methods served at the path, for 405's Allow; "" if none (404). */
static GString *
allowed_methods (AnshinMockServer  *self,
                 AnshinMockRequest *request)
{
  GString *allow = g_string_new (NULL);

  for (guint i = 0; i < anshin_mock_server_get_routes ()->len; i++)
    {
      const AnshinMockRoute *route = &g_array_index (anshin_mock_server_get_routes (), AnshinMockRoute, i);
      const char *param;
      gsize param_length;

      if (!route_enabled (self, route) ||
          !match_pattern (route->pattern, request->path, &param, &param_length))
        continue;

      if (!strstr (allow->str, route->method))
        g_string_append_printf (allow, "%s%s", allow->len > 0 ? ", " : "", route->method);
    }

  return allow;
}

/* Finds the route; answers 404 or 405 (with Allow) and returns FALSE if none. */
gboolean
anshin_mock_server_route (AnshinMockServer  *self,
                          AnshinMockRequest *request)
{
  g_autoptr(GString) allow = NULL;
  const AnshinMockRoute *fallback = NULL;

  for (guint i = 0; i < anshin_mock_server_get_routes ()->len; i++)
    {
      const AnshinMockRoute *route = &g_array_index (anshin_mock_server_get_routes (), AnshinMockRoute, i);
      const char *param;
      gsize param_length;

      /* the method first: it rules out most routes for less */
      if (!g_str_equal (route->method, request->method) ||
          !route_enabled (self, route) ||
          !match_pattern (route->pattern, request->path, &param, &param_length))
        continue;

      /* A literal segment beats {id}: /v1/charge-cards/registration */
      if (param == NULL)
        {
          request->route = route;
          g_clear_pointer (&request->param, g_free);
          return TRUE;
        }
      if (fallback == NULL)
        {
          fallback = route;
          request->param = g_strndup (param, param_length);
        }
    }

  if (fallback != NULL)
    {
      request->route = fallback;
      return TRUE;
    }

  allow = allowed_methods (self, request);
  if (allow->len == 0)
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_NOT_FOUND, "not_found",
                                         "指定されたページは見つかりません。", NULL);
    }
  else
    {
      AnshinMockResponse *response =
        anshin_mock_response_new_problem (SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                                          "このメソッドは使用できません。", NULL);

      anshin_mock_response_add_header (response, "Allow", allow->str);
      anshin_mock_request_reply (request, response);
    }

  return FALSE;
}

gboolean
anshin_mock_server_is_loopback (SoupServerMessage *msg)
{
  GSocketAddress *address = soup_server_message_get_remote_address (msg);

  return G_IS_INET_SOCKET_ADDRESS (address) &&
         g_inet_address_get_is_loopback (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));
}

/* "a=1; issuer_session=s_..." */
static char *
find_session_cookie (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *header = soup_message_headers_get_list (headers, "Cookie");
  const char *name = ANSHIN_MOCK_SESSION_COOKIE "=";

  for (const char *p = header; p != NULL && *p != '\0'; )
    {
      gsize length;

      while (*p == ' ' || *p == ';' || *p == ',')
        p++;
      length = strcspn (p, ";,");

      if (g_str_has_prefix (p, name) && length > strlen (name))
        return g_strndup (p + strlen (name), length - strlen (name));

      p += length;
    }

  return NULL;
}

static gboolean
authenticate (AnshinMockServer  *self,
              AnshinMockRequest *request)
{
  g_autofree char *cookie = find_session_cookie (request->msg);
  const char *member_id = NULL;

  if (cookie == NULL)
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_UNAUTHORIZED, "no_session",
                                         "ログインしてください。", NULL);
      return FALSE;
    }

  if (anshin_mock_sessions_touch (anshin_mock_state_get_sessions (self->state), cookie,
                                  g_date_time_to_unix (request->now), &member_id, NULL) != ANSHIN_MOCK_SESSION_VALID ||
      (request->member = anshin_mock_state_lookup_member (self->state, member_id)) == NULL)
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_UNAUTHORIZED, "session_expired",
                                         "セッションの有効期限が切れました。もう一度ログインしてください。",
                                         NULL);
      return FALSE;
    }

  request->session_id = g_steal_pointer (&cookie);
  return TRUE;
}

static gboolean
parse_body (AnshinMockRequest *request)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  gsize size = 0;
  const char *data = g_bytes_get_data (request->raw_body, &size);

  if (size == 0 || !json_parser_load_from_data (parser, data, size, &error))
    {
      g_debug ("Malformed JSON body: %s", error != NULL ? error->message : "empty");
      anshin_mock_request_reply_problem (request, SOUP_STATUS_BAD_REQUEST, "malformed_json",
                                         "リクエストの形式が正しくありません（JSONではありません）。", NULL);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_array_member (extra, "fields", json_array_new ());
      anshin_mock_request_reply_problem (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                         "リクエストの本文はJSONオブジェクトでなければなりません。", extra);
      return FALSE;
    }

  request->body = json_object_ref (json_node_get_object (root));
  return TRUE;
}

static gboolean
check_idempotency (AnshinMockServer  *self,
                   AnshinMockRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *key = soup_message_headers_get_one (headers, "Idempotency-Key");
  AnshinMockResponse *replay = NULL;

  if (key == NULL)
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_BAD_REQUEST, "idempotency_key_missing",
                                         "Idempotency-Keyヘッダーが必要です。", NULL);
      return FALSE;
    }

  if (*key == '\0' || strlen (key) > ANSHIN_MOCK_IDEMPOTENCY_KEY_MAX)
    {
      g_autoptr(JsonObject) extra = json_object_new ();
      JsonArray *fields = json_array_new ();
      JsonObject *field = json_object_new ();

      json_object_set_string_member (field, "field", "Idempotency-Key");
      json_object_set_string_member (field, "code", "length");
      json_array_add_object_element (fields, field);
      json_object_set_array_member (extra, "fields", fields);
      anshin_mock_request_reply_problem (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                         "Idempotency-Keyは1文字以上255文字以下で指定してください。", extra);
      return FALSE;
    }

  switch (anshin_mock_idempotency_lookup (anshin_mock_state_get_idempotency (self->state),
                                          anshin_mock_member_get_id (request->member), key,
                                          request->method, request->path, request->raw_body,
                                          &replay))
    {
    case ANSHIN_MOCK_IDEMPOTENCY_REPLAY:
      anshin_mock_request_reply (request, replay);
      return FALSE;

    case ANSHIN_MOCK_IDEMPOTENCY_REUSED:
      anshin_mock_request_reply_problem (request, 422, "idempotency_key_reused",
                                         "このIdempotency-Keyは別のリクエストで使用済みです。", NULL);
      return FALSE;

    case ANSHIN_MOCK_IDEMPOTENCY_NEW:
    default:
      request->idempotency_key = g_strdup (key);
      return TRUE;
    }
}

void
anshin_mock_server_process (AnshinMockServer  *self,
         AnshinMockRequest *request)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->msg);
  AnshinMockRouteFlags flags = request->route->flags;
  guint status;

  request->raw_body = soup_message_body_flatten (body);
  if (g_bytes_get_size (request->raw_body) > ANSHIN_MOCK_BODY_LIMIT)
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "body_too_large",
                                         "リクエストが大きすぎます（64KiBまで）。", NULL);
      return;
    }

  if ((flags & ANSHIN_MOCK_ROUTE_SESSION) && !authenticate (self, request))
    return;
  if ((flags & ANSHIN_MOCK_ROUTE_BODY) && !parse_body (request))
    return;

  if (flags & ANSHIN_MOCK_ROUTE_LOCK)
    {
      AnshinMockResponse *locked = anshin_mock_registration_check_lock (request->member, request->now);

      if (locked != NULL)
        {
          anshin_mock_request_reply (request, locked);
          return;
        }
    }

  if ((flags & ANSHIN_MOCK_ROUTE_IDEMPOTENT) && !check_idempotency (self, request))
    return;

  request->route->handler (request);

  if (request->response == NULL)
    return;

  /* Keep the first answer for replays, but not refusals that say "not now". */
  status = request->response->status;
  if (request->idempotency_key != NULL &&
      status != SOUP_STATUS_UNAUTHORIZED && status != 429 && status < 500)
    anshin_mock_idempotency_store (anshin_mock_state_get_idempotency (self->state),
                                   anshin_mock_member_get_id (request->member),
                                   request->idempotency_key, request->method, request->path,
                                   request->raw_body, request->response);
}

static void
write_raw (GIOStream  *stream,
           const char *data,
           gsize       size)
{
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all (g_io_stream_get_output_stream (stream), data, size,
                                  NULL, NULL, &error))
    g_debug ("Writing a faulty answer failed: %s", error->message);
}

/* A request waiting on a source (a delay, or a connection to steal) that
 * is destroyed unrun, because the server stopped first, is freed with it. */
static void
pending_request_free (gpointer data)
{
  AnshinMockRequest **slot = data;

  g_clear_pointer (slot, anshin_mock_request_free);
  g_free (slot);
}

static void
attach_pending (AnshinMockServer  *self,
                GSource           *source,
                GSourceFunc        func,
                AnshinMockRequest *request)
{
  AnshinMockRequest **slot = g_new (AnshinMockRequest *, 1);

  *slot = request;
  g_source_set_callback (source, func, slot, pending_request_free);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* drop and truncate: take the connection from libsoup once it is idle */
static gboolean
on_steal_connection_cb (gpointer user_data)
{
  AnshinMockRequest *request = g_steal_pointer ((AnshinMockRequest **)user_data);
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (request->msg);

  if (stream != NULL && request->fault_kind == ANSHIN_MOCK_FAULT_TRUNCATE && request->response != NULL)
    {
      g_autoptr(GString) head = g_string_new (NULL);
      gsize size = 0;
      const char *data = request->response->body != NULL ?
        g_bytes_get_data (request->response->body, &size) : "";
      const char *issuer_time = anshin_mock_server_get_issuer_time (request->server);

      g_string_append_printf (head, "HTTP/1.1 %u %s\r\n", request->response->status,
                              soup_status_get_phrase (request->response->status));
      g_string_append_printf (head, "Content-Type: %s\r\n",
                              request->response->content_type ? request->response->content_type : "application/json");
      g_string_append_printf (head, "Content-Length: %" G_GSIZE_FORMAT "\r\n", MAX (size, 2));
      g_string_append_printf (head, "Issuer-Time: %s\r\n\r\n", issuer_time);
      write_raw (stream, head->str, head->len);
      write_raw (stream, data, MAX (size, 2) / 2);
    }

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);

  anshin_mock_request_free (request);

  return G_SOURCE_REMOVE;
}

void
anshin_mock_server_steal_later (AnshinMockServer  *self,
                                AnshinMockRequest *request)
{
  GSource *source = g_idle_source_new ();

  soup_server_message_pause (request->msg);
  attach_pending (self, source, on_steal_connection_cb, request);
}

static gboolean
on_delay_done_cb (gpointer user_data)
{
  AnshinMockRequest *request = g_steal_pointer ((AnshinMockRequest **)user_data);
  AnshinMockServer *self = request->server;
  SoupServerMessage *msg = g_object_ref (request->msg);

  g_clear_pointer (&request->now, g_date_time_unref);
  request->changed |= anshin_mock_state_tick (self->state);
  request->now = anshin_mock_state_dup_now (self->state);

  anshin_mock_server_process (self, request);
  /* A truncated answer is written on the stolen connection; every other
   * one, the 101 of a WebSocket upgrade included, by libsoup once the
   * message goes on. */
  if (request->fault_kind == ANSHIN_MOCK_FAULT_TRUNCATE)
    anshin_mock_server_finish (self, request);
  else
    {
      anshin_mock_server_finish (self, request);
      soup_server_message_unpause (msg);
    }
  g_object_unref (msg);

  return G_SOURCE_REMOVE;
}

/* Returns TRUE if the fault has answered (or will answer) the request. */
gboolean
anshin_mock_server_apply_fault (AnshinMockServer  *self,
             AnshinMockRequest *request)
{
  AnshinMockFault fault;

  if (g_str_has_prefix (request->path, "/admin/") ||
      !anshin_mock_faults_take (self->faults, request->path, &fault))
    return FALSE;

  switch (fault.kind)
    {
    case ANSHIN_MOCK_FAULT_STATUS:
      {
        g_autofree char *page = anshin_mock_fault_error_page (fault.status);
        AnshinMockResponse *response = anshin_mock_response_new (fault.status);

        response->content_type = "text/html";
        response->body = g_bytes_new (page, strlen (page));
        anshin_mock_request_reply (request, response);
        anshin_mock_server_finish (self, request);
        return TRUE;
      }

    case ANSHIN_MOCK_FAULT_DROP:
      request->fault_kind = ANSHIN_MOCK_FAULT_DROP;
      anshin_mock_server_log (self, request, "dropped");
      anshin_mock_server_steal_later (self, request);
      return TRUE;

    case ANSHIN_MOCK_FAULT_DELAY:
      {
        GSource *source = g_timeout_source_new (fault.delay_ms);

        soup_server_message_pause (request->msg);
        attach_pending (self, source, on_delay_done_cb, request);
        return TRUE;
      }

    case ANSHIN_MOCK_FAULT_MALFORMED_JSON:
    case ANSHIN_MOCK_FAULT_TRUNCATE:
      request->fault_kind = fault.kind;
      return FALSE;

    case ANSHIN_MOCK_FAULT_NONE:
    default:
      return FALSE;
    }
}

/**
 * anshin_mock_server_dup_routes:
 *
 * Returns: (transfer full): every route the server can serve, as
 *   "METHOD /pattern", admin routes included
 */
GStrv
anshin_mock_server_dup_routes (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_type_ensure (ANSHIN_TYPE_MOCK_SERVER);
  g_type_class_unref (g_type_class_ref (ANSHIN_TYPE_MOCK_SERVER));

  for (guint i = 0; i < anshin_mock_server_get_routes ()->len; i++)
    {
      const AnshinMockRoute *route = &g_array_index (anshin_mock_server_get_routes (), AnshinMockRoute, i);

      g_autofree char *line = g_strdup_printf ("%s %s", route->method, route->pattern);

      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

/**
 * anshin_mock_server_session_cookie:
 * @session_id: (nullable): a session, or %NULL to clear the cookie
 *
 * Returns: (transfer full): the Set-Cookie value
 */
char *
anshin_mock_server_session_cookie (const char *session_id)
{
  if (session_id == NULL)
    return g_strdup (ANSHIN_MOCK_SESSION_COOKIE "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");

  return g_strdup_printf (ANSHIN_MOCK_SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict", session_id);
}
