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

static void
on_websocket_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  if (connection == NULL)
    {
      AnshinIssuerError code = ANSHIN_ISSUER_ERROR_NETWORK;

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

void
anshin_issuer_client_connect_events_async (AnshinIssuerClient  *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GUri) uri = NULL;
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_client_connect_events_async);

  uri = g_uri_parse_relative (anshin_issuer_client_peek_base_uri (self), "v1/events",
                              G_URI_FLAGS_ENCODED, NULL);
  message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  g_task_set_task_data (task, g_object_ref (message), g_object_unref);
  soup_session_websocket_connect_async (anshin_issuer_client_peek_events_session (self),
                                        message, NULL, NULL, G_PRIORITY_DEFAULT, cancellable,
                                        on_websocket_cb, task);
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
