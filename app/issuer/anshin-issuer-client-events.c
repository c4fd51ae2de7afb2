/* anshin-issuer-client-events.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The WebSocket of `/v1/events`, opened on the client's second session
 * (same cookie jar, no I/O timeout: an event stream is quiet for long).
 */

#include "config.h"

#include "anshin-issuer-client-private.h"

/* The handshake has the client's time limit (the stream itself has none):
 * an issuer that takes the upgrade and never answers it would otherwise
 * leave the account waiting, neither live nor polling. libsoup is given a
 * cancellable of our own, cancelled by the limit or by the caller's (a
 * GSource on it, which, unlike a handler, can be removed at any time). */
typedef struct {
  SoupMessage  *message;
  GCancellable *cancellable;
  GSource      *cancelled_source;
  GSource      *timeout_source;
  guint         timeout;
  gboolean      timed_out;
} ConnectData;

static void
connect_data_free (gpointer data)
{
  ConnectData *connect = data;

  if (connect->cancelled_source != NULL)
    {
      g_source_destroy (connect->cancelled_source);
      g_source_unref (connect->cancelled_source);
    }
  if (connect->timeout_source != NULL)
    {
      g_source_destroy (connect->timeout_source);
      g_source_unref (connect->timeout_source);
    }
  g_clear_object (&connect->cancellable);
  g_clear_object (&connect->message);
  g_free (connect);
}

static gboolean
on_caller_cancelled_cb (GCancellable *cancellable,
                        gpointer      user_data)
{
  ConnectData *connect = user_data;

  g_cancellable_cancel (connect->cancellable);
  return G_SOURCE_REMOVE;
}

static gboolean
on_handshake_timeout_cb (gpointer user_data)
{
  ConnectData *connect = user_data;

  connect->timed_out = TRUE;
  g_cancellable_cancel (connect->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_websocket_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConnectData *connect = g_task_get_task_data (task);
  SoupMessage *message = connect->message;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  if (connection == NULL)
    {
      AnshinIssuerError code = ANSHIN_ISSUER_ERROR_NETWORK;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && connect->timed_out)
        {
          g_debug ("Event stream handshake unanswered after %u s", connect->timeout);
          g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_TIMEOUT,
                                   "the issuer did not answer the event stream handshake in %u s",
                                   connect->timeout);
          return;
        }

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* The upgrade was answered, but refused: for want of a session (a
       * call refreshes it), or by an issuer without events (poll it). */
      if (soup_message_get_status (message) == SOUP_STATUS_UNAUTHORIZED)
        code = ANSHIN_ISSUER_ERROR_SIGNED_OUT;
      else if (error->domain == SOUP_WEBSOCKET_ERROR)
        code = ANSHIN_ISSUER_ERROR_PROTOCOL;
      else if (error->domain == G_TLS_ERROR)
        code = ANSHIN_ISSUER_ERROR_TLS_FAILED;

      g_debug ("Event stream connection failed: %s", error->message);
      g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, code, "%s", error->message);
      return;
    }

  g_task_return_pointer (task, connection, g_object_unref);
}

/**
 * anshin_issuer_client_connect_events_async:
 *
 * Opens the event stream. The handshake has the client's #AnshinIssuerClient:timeout
 * (%ANSHIN_ISSUER_ERROR_TIMEOUT after it); the open stream has no time limit.
 */
void
anshin_issuer_client_connect_events_async (AnshinIssuerClient  *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GUri) uri = NULL;
  GMainContext *context = g_main_context_ref_thread_default ();
  ConnectData *connect;
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_client_connect_events_async);

  uri = g_uri_parse_relative (anshin_issuer_client_peek_base_uri (self), "v1/events",
                              G_URI_FLAGS_ENCODED, NULL);
  connect = g_new0 (ConnectData, 1);
  connect->message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  connect->cancellable = g_cancellable_new ();
  connect->timeout = anshin_issuer_client_get_timeout (self);
  g_task_set_task_data (task, connect, connect_data_free);

  if (cancellable != NULL)
    {
      connect->cancelled_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (connect->cancelled_source, G_SOURCE_FUNC (on_caller_cancelled_cb),
                             connect, NULL);
      g_source_attach (connect->cancelled_source, context);
    }

  connect->timeout_source = g_timeout_source_new (connect->timeout * 1000);
  g_source_set_callback (connect->timeout_source, on_handshake_timeout_cb, connect, NULL);
  g_source_attach (connect->timeout_source, context);
  g_main_context_unref (context);

  soup_session_websocket_connect_async (anshin_issuer_client_peek_events_session (self),
                                        connect->message, NULL, NULL, G_PRIORITY_DEFAULT,
                                        connect->cancellable, on_websocket_cb, task);
}

/**
 * anshin_issuer_client_connect_events_finish:
 *
 * Returns: (transfer full) (nullable): the open event stream; text frames
 *   are events for anshin_issuer_json_to_event(). An upgrade refused for
 *   want of a session is %ANSHIN_ISSUER_ERROR_SIGNED_OUT (any call
 *   refreshes it), otherwise %ANSHIN_ISSUER_ERROR_PROTOCOL (poll instead).
 */
SoupWebsocketConnection *
anshin_issuer_client_connect_events_finish (AnshinIssuerClient  *self,
                                            GAsyncResult        *result,
                                            GError             **error)
{
  return anshin_issuer_client_call_finish (self, result, anshin_issuer_client_connect_events_async,
                                           error);
}
