/* anshin-issuer-client-request.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One request of AnshinIssuerClient: headers (Accept, Idempotency-Key, no
 * redirects, so that the URL policy cannot be left behind), a body read
 * with a cap (a 10 MB answer is a protocol error, not memory growth), the
 * mapping of transport failures and problem+json answers to
 * ANSHIN_ISSUER_ERROR, and the transparent session recovery: a 401
 * session_expired refreshes once (one refresh shared by all the calls that
 * meet the expired session) and replays the same request, body and
 * Idempotency-Key, so a replayed POST can never register or charge twice.
 * Only if the refresh fails does the caller see "signed out".
 */

#include "config.h"

#include <string.h>

#include "anshin-time.h"

#include "anshin-issuer-client-private.h"
#include "anshin-issuer-json.h"

#define READ_CHUNK_SIZE (64 * 1024)

/* A call is replayed after a session refresh at most this often. Once is
 * the rule; the second covers a session that expired again while its call
 * was being replayed (an issuer clock moved twice in quick succession, as
 * the demo's Next Step does). The same Idempotency-Key goes with every
 * replay, so a POST still registers or charges once. */
#define MAX_REPLAYS 2

typedef struct {
  char          *method;
  char          *path;
  GBytes        *body;
  char          *idempotency_key;
  RequestFlags   flags;
  guint          generation;
  guint          replays;
  gint64         sent_at;     /* monotonic */
  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *buffer;
  guint          status;
} Request;

static void request_send (GTask *task);

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->method);
  g_free (request->path);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->idempotency_key);
  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->buffer, g_byte_array_unref);
  g_free (request);
}

void
anshin_issuer_client_note_issuer_time_header (AnshinIssuerClient *self,
                                              SoupMessage        *message,
                                              gint64              sent_at)
{
  const char *header = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                     "Issuer-Time");
  g_autoptr(GDateTime) issuer_time = NULL;

  if (header == NULL)
    return;

  issuer_time = anshin_time_parse (header);
  if (issuer_time == NULL)
    {
      g_debug ("Ignoring a malformed Issuer-Time header");
      return;
    }

  anshin_issuer_client_note_issuer_time_at (self, issuer_time, sent_at);
}

/* A connection closed before the answer's head is a network failure (the
 * request may or may not have been handled: retry with the same key); one
 * closed inside the body is a truncated answer. */
static GError *
map_transport_error (const GError *error,
                     gboolean      in_body)
{
  AnshinIssuerError code = ANSHIN_ISSUER_ERROR_NETWORK;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    code = ANSHIN_ISSUER_ERROR_TIMEOUT;
  else if (error->domain == G_TLS_ERROR)
    code = ANSHIN_ISSUER_ERROR_TLS_FAILED;
  else if (error->domain == SOUP_SESSION_ERROR &&
           (error->code == SOUP_SESSION_ERROR_PARSING ||
            error->code == SOUP_SESSION_ERROR_ENCODING ||
            error->code == SOUP_SESSION_ERROR_TOO_MANY_RESTARTS ||
            error->code == SOUP_SESSION_ERROR_REDIRECT_BAD_URI))
    code = ANSHIN_ISSUER_ERROR_PROTOCOL;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) && in_body)
    code = ANSHIN_ISSUER_ERROR_PROTOCOL;

  g_debug ("Issuer request failed: %s", error->message);

  return g_error_new (ANSHIN_ISSUER_ERROR, code, "%s", error->message);
}

static void
resume_refresh_waiters (AnshinIssuerClient *self,
                        const GError       *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->refresh_waiters);

  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);
      Request *request = g_task_get_task_data (task);

      if (g_task_return_error_if_cancelled (task))
        continue;

      if (error != NULL)
        {
          g_task_return_error (task, g_error_copy (error));
          continue;
        }

      g_debug ("Replaying %s %s after a session refresh", request->method, request->path);
      request->replays++;
      request_send (g_object_ref (task));
    }
}

static void
on_refresh_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (object);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(GError) error = NULL;

  self->refreshing = FALSE;

  root = anshin_issuer_client_request_finish (self, result, NULL, &error);
  if (root != NULL)
    session = anshin_issuer_json_to_session (root, &error);
  else if (error == NULL)
    error = g_error_new_literal (ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                                 "empty refresh answer");

  /* told after the new token (or the sign-out) has been announced */
  if (session != NULL)
    {
      anshin_issuer_client_apply_session (self, session);
      anshin_issuer_client_notify_refreshing (self);
      resume_refresh_waiters (self, NULL);
      return;
    }

  g_debug ("Session refresh failed: %s", error->message);

  /* Only a refused token signs out; a network failure keeps the token for later. */
  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT))
    anshin_issuer_client_forget_session (self);

  anshin_issuer_client_notify_refreshing (self);
  resume_refresh_waiters (self, error);
}

static void
start_refresh (AnshinIssuerClient *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  if (self->refreshing)
    return;

  self->refreshing = TRUE;
  anshin_issuer_client_notify_refreshing (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, self->refresh_token);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  anshin_issuer_client_request_async (self, "POST", "v1/session/refresh", body, NULL,
                                      REQUEST_NO_REFRESH, NULL, on_refresh_cb, NULL);
}

static gboolean
is_session_problem (const GError *error)
{
  AnshinIssuerProblem *problem = anshin_issuer_error_get_problem (error);
  const char *code = problem != NULL ? anshin_issuer_problem_get_code (problem) : NULL;

  return g_strcmp0 (code, "session_expired") == 0 || g_strcmp0 (code, "no_session") == 0;
}

static void
request_complete (GTask *task)
{
  AnshinIssuerClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  request->status = soup_message_get_status (request->message);

  if (request->status >= 200 && request->status < 300)
    {
      if (request->buffer->len == 0)
        {
          g_task_return_pointer (task, NULL, NULL);
          return;
        }

      if (g_strcmp0 (content_type, "application/json") != 0)
        {
          g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                                   "HTTP %u with a %s body", request->status,
                                   content_type != NULL ? content_type : "untyped");
          return;
        }

      root = anshin_issuer_json_parse ((const char *)request->buffer->data, request->buffer->len,
                                       &error);
      if (root == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, root, (GDestroyNotify)json_node_unref);
      return;
    }

  if (request->status < 400)
    {
      /* Redirects are not followed: one could leave the URL policy behind. */
      g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                               "unexpected HTTP %u", request->status);
      return;
    }

  error = anshin_issuer_json_to_error (request->status, content_type,
                                       (const char *)request->buffer->data, request->buffer->len,
                                       soup_message_headers_get_one (headers, "Retry-After"));

  if (request->status == SOUP_STATUS_UNAUTHORIZED &&
      (request->flags & REQUEST_NO_REFRESH) == 0 &&
      request->replays < MAX_REPLAYS &&
      is_session_problem (error))
    {
      if (self->generation != request->generation)
        {
          /* Another call already refreshed since this one was sent. */
          request->replays++;
          request_send (g_object_ref (task));
          return;
        }

      if (self->refresh_token != NULL)
        {
          g_ptr_array_add (self->refresh_waiters, g_object_ref (task));
          start_refresh (self);
          return;
        }
    }

  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT) &&
      (request->flags & REQUEST_NO_REFRESH) == 0)
    anshin_issuer_client_forget_session (self);

  g_task_return_error (task, g_steal_pointer (&error));
}

static void on_read_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data);

/* Takes @task. */
static void
read_next (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_input_stream_read_bytes_async (request->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   cancellable, on_read_cb, task);
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, map_transport_error (error, TRUE));
      return;
    }

  if (g_bytes_get_size (bytes) == 0)
    {
      request_complete (task);
      return;
    }

  if (request->buffer->len + g_bytes_get_size (bytes) > ANSHIN_ISSUER_JSON_MAX_SIZE)
    {
      /* Stop reading: dropping the stream closes the connection. */
      g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                               "the answer is larger than %u bytes",
                               (guint)ANSHIN_ISSUER_JSON_MAX_SIZE);
      return;
    }

  g_byte_array_append (request->buffer, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  read_next (g_steal_pointer (&task));
}

static void
on_send_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinIssuerClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (request->stream == NULL)
    {
      g_task_return_error (task, map_transport_error (error, FALSE));
      return;
    }

  anshin_issuer_client_note_issuer_time_header (self, request->message, request->sent_at);

  length = soup_message_headers_get_content_length (
    soup_message_get_response_headers (request->message));
  if (length > ANSHIN_ISSUER_JSON_MAX_SIZE)
    {
      g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                               "the answer announces %" G_GOFFSET_FORMAT " bytes", length);
      return;
    }

  read_next (g_steal_pointer (&task));
}

/* Takes a reference on @task. */
static void
request_send (GTask *task)
{
  AnshinIssuerClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  uri = g_uri_parse_relative (self->base_uri, request->path, G_URI_FLAGS_ENCODED, &error);
  if (uri == NULL)
    {
      g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                               "bad path: %s", error->message);
      g_object_unref (task);
      return;
    }

  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_byte_array_set_size (request->buffer, 0);

  request->generation = self->generation;
  request->sent_at = g_get_monotonic_time ();
  request->message = soup_message_new_from_uri (request->method, uri);
  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (request->idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", request->idempotency_key);
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message,
                                              "application/json; charset=utf-8",
                                              request->body);

  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), on_send_cb, task);
}

/**
 * anshin_issuer_client_request_async:
 * @path: relative to the base URL, e.g. "v1/card"
 * @body: (nullable): a JSON body
 * @idempotency_key: (nullable): the key, kept across a replay
 *
 * Sends one request; a 401 session_expired is recovered transparently
 * unless @flags has %REQUEST_NO_REFRESH.
 */
void
anshin_issuer_client_request_async (AnshinIssuerClient  *self,
                                    const char          *method,
                                    const char          *path,
                                    JsonNode            *body,
                                    const char          *idempotency_key,
                                    RequestFlags         flags,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] != '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_client_request_async);

  request = g_new0 (Request, 1);
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->idempotency_key = g_strdup (idempotency_key);
  request->flags = flags;
  request->buffer = g_byte_array_new ();
  if (body != NULL)
    {
      gsize length;
      char *text = json_to_string (body, FALSE);

      length = strlen (text);
      request->body = g_bytes_new_with_free_func (text, length, g_free, text);
    }
  g_task_set_task_data (task, request, request_free);

  request_send (g_steal_pointer (&task));
}

/**
 * anshin_issuer_client_request_finish:
 * @out_status: (out) (optional): the HTTP status of a successful answer
 *
 * Returns: (transfer full) (nullable): the answer's root object, or %NULL
 *   for an empty answer (no error set) or a failure (error set)
 */
JsonNode *
anshin_issuer_client_request_finish (AnshinIssuerClient  *self,
                                     GAsyncResult        *result,
                                     guint               *out_status,
                                     GError             **error)
{
  Request *request;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  request = g_task_get_task_data (G_TASK (result));
  if (out_status != NULL)
    *out_status = request->status;

  return g_task_propagate_pointer (G_TASK (result), error);
}
