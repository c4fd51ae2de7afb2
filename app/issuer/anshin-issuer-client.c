/* anshin-issuer-client.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SoupSession speaking ISSUER-API.md. This file holds the request
 * machinery: the URL policy, headers, a size-capped body read, the
 * issuer's clock (Issuer-Time), the mapping of transport failures and
 * problem+json answers to ANSHIN_ISSUER_ERROR, and the transparent session
 * recovery: a 401 session_expired refreshes once (one refresh shared by all
 * calls waiting on it) and replays the same request, body and
 * Idempotency-Key. The calls themselves are in anshin-issuer-client-calls.c
 * and anshin-issuer-registration.c.
 *
 * Only headers are ever logged, at debug level, with cookies and
 * credentials redacted; bodies (passwords, card numbers, tokens) never are.
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-url.h"
#include "anshin-time.h"

#include "anshin-issuer-client-private.h"
#include "anshin-issuer-json.h"

#define DEFAULT_TIMEOUT_SECONDS 10
#define READ_CHUNK_SIZE (64 * 1024)

struct _AnshinIssuerClient
{
  GObject                 parent_instance;

  char                   *base_url;
  GUri                   *base_uri;
  SoupSession            *session;
  SoupSession            *events_session;
  SoupCookieJar          *cookie_jar;
  guint                   timeout;

  char                   *member_id;
  char                   *refresh_token;
  guint                   generation;
  gboolean                refreshing;
  GPtrArray              *refresh_waiters;

  GTimeSpan               clock_offset;

  AnshinRegistrationForm *form;
};

typedef struct {
  char          *method;
  char          *path;
  GBytes        *body;
  char          *idempotency_key;
  RequestFlags   flags;
  guint          generation;
  gboolean       replayed;
  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *buffer;
  guint          status;
} Request;

static void anshin_issuer_client_initable_iface_init (GInitableIface *iface);
static void request_send (GTask *task);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnshinIssuerClient, anshin_issuer_client, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      anshin_issuer_client_initable_iface_init))

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TIMEOUT,
  PROP_SIGNED_IN,
  PROP_MEMBER_ID,
  PROP_CLOCK_OFFSET,
  N_PROPS
};

enum {
  REFRESH_TOKEN_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

static gboolean
header_is_secret (const char *line)
{
  static const char *secret_headers[] = { "cookie:", "set-cookie:", "authorization:",
                                          "proxy-authorization:" };

  for (guint i = 0; i < G_N_ELEMENTS (secret_headers); i++)
    {
      if (g_ascii_strncasecmp (line, secret_headers[i], strlen (secret_headers[i])) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
on_logger_print (SoupLogger         *logger,
                 SoupLoggerLogLevel  level,
                 char                direction,
                 const char         *data,
                 gpointer            user_data)
{
  if (header_is_secret (data))
    {
      const char *colon = strchr (data, ':');

      g_debug ("%c %.*s: [redacted]", direction, (int)(colon - data), data);
      return;
    }

  g_debug ("%c %s", direction, data);
}

static void
note_issuer_time_header (AnshinIssuerClient *self,
                         SoupMessage        *message)
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

  anshin_issuer_client_note_issuer_time (self, issuer_time);
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
      request->replayed = TRUE;
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

  if (session != NULL)
    {
      anshin_issuer_client_apply_session (self, session);
      resume_refresh_waiters (self, NULL);
      return;
    }

  g_debug ("Session refresh failed: %s", error->message);

  /* Only a refused token signs out; a network failure keeps the token for later. */
  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT))
    anshin_issuer_client_forget_session (self);

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
      !request->replayed &&
      is_session_problem (error))
    {
      if (self->generation != request->generation)
        {
          /* Another call already refreshed since this one was sent. */
          request->replayed = TRUE;
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

  note_issuer_time_header (self, request->message);

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

static gboolean
anshin_issuer_client_initable_init (GInitable     *initable,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (initable);
  g_autoptr(GError) url_error = NULL;

  if (!anshin_issuer_url_is_allowed (self->base_url, &url_error))
    {
      if (g_error_matches (url_error, ANSHIN_ISSUER_URL_ERROR, ANSHIN_ISSUER_URL_ERROR_INSECURE))
        g_set_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_TLS_REQUIRED,
                     "%s", url_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&url_error));
      return FALSE;
    }

  self->base_uri = g_uri_parse (self->base_url, G_URI_FLAGS_ENCODED, error);
  if (self->base_uri == NULL)
    return FALSE;

  return TRUE;
}

static void
anshin_issuer_client_initable_iface_init (GInitableIface *iface)
{
  iface->init = anshin_issuer_client_initable_init;
}

static void
anshin_issuer_client_constructed (GObject *object)
{
  AnshinIssuerClient *self = (AnshinIssuerClient *)object;
  g_autofree char *user_agent = g_strdup ("Anshin/" PACKAGE_VERSION);

  G_OBJECT_CLASS (anshin_issuer_client_parent_class)->constructed (object);

  self->cookie_jar = soup_cookie_jar_new ();
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", self->timeout,
                                                 NULL);
  soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (self->cookie_jar));

  /* A WebSocket lives long and idles: no I/O timeout there. */
  self->events_session = soup_session_new_with_options ("user-agent", user_agent, NULL);
  soup_session_add_feature (self->events_session, SOUP_SESSION_FEATURE (self->cookie_jar));

  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    {
      g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_HEADERS);

      soup_logger_set_printer (logger, on_logger_print, NULL, NULL);
      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (logger));
    }
}

static void
anshin_issuer_client_dispose (GObject *object)
{
  AnshinIssuerClient *self = (AnshinIssuerClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  if (self->events_session != NULL)
    soup_session_abort (self->events_session);

  g_clear_object (&self->session);
  g_clear_object (&self->events_session);
  g_clear_object (&self->cookie_jar);
  g_clear_pointer (&self->refresh_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (anshin_issuer_client_parent_class)->dispose (object);
}

static void
anshin_issuer_client_finalize (GObject *object)
{
  AnshinIssuerClient *self = (AnshinIssuerClient *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->base_uri, g_uri_unref);
  g_clear_pointer (&self->member_id, g_free);
  if (self->refresh_token != NULL)
    memset (self->refresh_token, 0, strlen (self->refresh_token));
  g_clear_pointer (&self->refresh_token, g_free);
  g_clear_pointer (&self->form, anshin_registration_form_free);

  G_OBJECT_CLASS (anshin_issuer_client_parent_class)->finalize (object);
}

static void
anshin_issuer_client_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, anshin_issuer_client_get_signed_in (self));
      break;
    case PROP_MEMBER_ID:
      g_value_set_string (value, self->member_id);
      break;
    case PROP_CLOCK_OFFSET:
      g_value_set_int64 (value, self->clock_offset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_issuer_client_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT:
      anshin_issuer_client_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_issuer_client_class_init (AnshinIssuerClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = anshin_issuer_client_constructed;
  object_class->dispose = anshin_issuer_client_dispose;
  object_class->finalize = anshin_issuer_client_finalize;
  object_class->get_property = anshin_issuer_client_get_property;
  object_class->set_property = anshin_issuer_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Seconds of silence after which a request fails with TIMEOUT. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 600, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MEMBER_ID] =
    g_param_spec_string ("member-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The issuer's clock minus the local clock, in microseconds. */
  properties[PROP_CLOCK_OFFSET] =
    g_param_spec_int64 ("clock-offset", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnshinIssuerClient::refresh-token-changed:
   * @token: (nullable): the new refresh token, or %NULL when it was revoked
   *
   * The issuer rotates refresh tokens: store each new one (in the keyring)
   * or the next start cannot resume the session.
   */
  signals[REFRESH_TOKEN_CHANGED] =
    g_signal_new ("refresh-token-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
anshin_issuer_client_init (AnshinIssuerClient *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * anshin_issuer_client_new:
 * @base_url: the issuer's URL, e.g. "https://issuer.example/"
 *
 * Plain http:// is refused (%ANSHIN_ISSUER_ERROR_TLS_REQUIRED) unless the
 * host is a loopback address.
 *
 * Returns: (transfer full) (nullable): a client, or %NULL with an error
 */
AnshinIssuerClient *
anshin_issuer_client_new (const char  *base_url,
                          GError     **error)
{
  return g_initable_new (ANSHIN_TYPE_ISSUER_CLIENT, NULL, error, "base-url", base_url, NULL);
}

const char *
anshin_issuer_client_get_base_url (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), NULL);

  return self->base_url;
}

guint
anshin_issuer_client_get_timeout (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), 0);

  return self->timeout;
}

/**
 * anshin_issuer_client_set_timeout:
 * @seconds: I/O timeout of requests (not of the event stream)
 */
void
anshin_issuer_client_set_timeout (AnshinIssuerClient *self,
                                  guint               seconds)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

gboolean
anshin_issuer_client_get_signed_in (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), FALSE);

  return self->refresh_token != NULL;
}

const char *
anshin_issuer_client_get_member_id (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), NULL);

  return self->member_id;
}

GTimeSpan
anshin_issuer_client_get_clock_offset (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), 0);

  return self->clock_offset;
}

/**
 * anshin_issuer_client_note_issuer_time:
 * @issuer_time: the issuer's clock now (an Issuer-Time header, a
 *   `clock.changed` event)
 */
void
anshin_issuer_client_note_issuer_time (AnshinIssuerClient *self,
                                       GDateTime          *issuer_time)
{
  g_autoptr(GDateTime) local_now = g_date_time_new_now_utc ();
  GTimeSpan offset;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (issuer_time != NULL);

  offset = g_date_time_difference (issuer_time, local_now);

  /* Header times have whole seconds: ignore the jitter that brings. */
  if (ABS (offset - self->clock_offset) < G_TIME_SPAN_SECOND)
    return;

  self->clock_offset = offset;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_OFFSET]);
}

/**
 * anshin_issuer_client_dup_now:
 *
 * The app's "now" for everything the issuer schedules: the issuer's clock
 * as last seen, run on by the local clock.
 *
 * Returns: (transfer full): the issuer's now, in the issuer's zone (+09:00)
 */
GDateTime *
anshin_issuer_client_dup_now (AnshinIssuerClient *self)
{
  g_autoptr(GDateTime) local_now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) issuer_now = NULL;
  g_autoptr(GTimeZone) zone = anshin_issuer_time_zone ();

  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), NULL);

  issuer_now = g_date_time_add (local_now, self->clock_offset);
  return g_date_time_to_timezone (issuer_now, zone);
}

/**
 * anshin_issuer_client_new_idempotency_key:
 *
 * Returns: (transfer full): a fresh key for one user action (a top-up
 *   confirmation, a registration submission); reuse it to retry that action
 */
char *
anshin_issuer_client_new_idempotency_key (void)
{
  return g_uuid_string_random ();
}

void
anshin_issuer_client_apply_session (AnshinIssuerClient  *self,
                                    AnshinIssuerSession *session)
{
  gboolean was_signed_in = anshin_issuer_client_get_signed_in (self);

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (session != NULL && session->refresh_token != NULL);

  self->generation++;

  if (g_strcmp0 (self->member_id, session->member_id) != 0)
    {
      g_free (self->member_id);
      self->member_id = g_strdup (session->member_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_ID]);
    }

  if (g_strcmp0 (self->refresh_token, session->refresh_token) != 0)
    {
      if (self->refresh_token != NULL)
        memset (self->refresh_token, 0, strlen (self->refresh_token));
      g_free (self->refresh_token);
      self->refresh_token = g_strdup (session->refresh_token);
      g_signal_emit (self, signals[REFRESH_TOKEN_CHANGED], 0, self->refresh_token);
    }

  if (!was_signed_in)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

void
anshin_issuer_client_forget_session (AnshinIssuerClient *self)
{
  g_autoptr(GSList) cookies = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));

  self->generation++;

  cookies = soup_cookie_jar_all_cookies (self->cookie_jar);
  for (GSList *l = cookies; l != NULL; l = l->next)
    {
      soup_cookie_jar_delete_cookie (self->cookie_jar, l->data);
      soup_cookie_free (l->data);
    }

  g_clear_pointer (&self->form, anshin_registration_form_free);

  if (self->refresh_token == NULL)
    return;

  memset (self->refresh_token, 0, strlen (self->refresh_token));
  g_clear_pointer (&self->refresh_token, g_free);
  g_signal_emit (self, signals[REFRESH_TOKEN_CHANGED], 0, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

GUri *
anshin_issuer_client_peek_base_uri (AnshinIssuerClient *self)
{
  return self->base_uri;
}

SoupSession *
anshin_issuer_client_peek_events_session (AnshinIssuerClient *self)
{
  return self->events_session;
}

AnshinRegistrationForm *
anshin_issuer_client_peek_form (AnshinIssuerClient *self)
{
  return self->form;
}

void
anshin_issuer_client_set_form (AnshinIssuerClient     *self,
                               AnshinRegistrationForm *form)
{
  if (form == self->form)
    return;

  g_clear_pointer (&self->form, anshin_registration_form_free);
  self->form = form;
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
