/* anshin-account-events.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinAccount's live updates: the issuer's WebSocket `/v1/events` applied
 * to the models as they come (a new notice is added and announced, a
 * changed card or method list is refreshed, the issuer's clock followed).
 * A lost stream reconnects after 1 s, doubling up to 60 s, with jitter so
 * that many clients do not return at once; a missed stretch is caught up
 * with a full refresh. An issuer that refuses the upgrade is polled every
 * 60 s instead.
 */

#include "config.h"

#include "anshin-account-private.h"
#include "anshin-issuer-json.h"

static void events_connect (AnshinAccount *self);

static void
on_refreshed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!anshin_account_refresh_finish (ANSHIN_ACCOUNT (object), result, &error))
    g_debug ("Refresh after an event failed: %s", error->message);
}

static void
refresh (AnshinAccount *self,
         RefreshParts   parts)
{
  AccountEvents *events = anshin_account_peek_events (self);

  anshin_account_refresh_parts (self, parts, events->cancellable, on_refreshed_cb, NULL);
}

static gboolean
on_poll_cb (gpointer user_data)
{
  AnshinAccount *self = user_data;

  refresh (self, REFRESH_ALL);
  return G_SOURCE_CONTINUE;
}

static void
start_polling (AnshinAccount *self)
{
  AccountEvents *events = anshin_account_peek_events (self);

  if (events->poll_source != 0)
    return;

  g_debug ("Polling the issuer every %u ms", events->poll_ms);
  events->polling = TRUE;
  events->poll_source = g_timeout_add (events->poll_ms, on_poll_cb, self);
}

static void
handle_event (AnshinAccount     *self,
              AnshinIssuerEvent *event)
{
  switch (event->type)
    {
    case ANSHIN_ISSUER_EVENT_NOTICE_CREATED:
      anshin_account_add_notice (self, event->notice);
      break;
    case ANSHIN_ISSUER_EVENT_CARD_UPDATED:
      refresh (self, REFRESH_CARD);
      break;
    case ANSHIN_ISSUER_EVENT_NETWORKS_UPDATED:
      refresh (self, REFRESH_METHODS);
      break;
    case ANSHIN_ISSUER_EVENT_CHARGE_CARDS_UPDATED:
      refresh (self, REFRESH_CHARGE_CARDS);
      break;
    case ANSHIN_ISSUER_EVENT_CLOCK_CHANGED:
      anshin_issuer_client_note_issuer_time (anshin_account_get_client (self), event->issuer_time);
      break;
    case ANSHIN_ISSUER_EVENT_UNKNOWN:
    default:
      break;
    }
}

static void
on_message_cb (SoupWebsocketConnection *connection,
               int                      type,
               GBytes                  *message,
               AnshinAccount           *self)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(AnshinIssuerEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;

  data = g_bytes_get_data (message, &length);
  root = anshin_issuer_json_parse (data, length, &error);
  if (root != NULL)
    event = anshin_issuer_json_to_event (root, &error);

  if (event == NULL)
    {
      g_debug ("Ignoring a malformed event: %s", error->message);
      return;
    }

  handle_event (self, event);
}

static gboolean
on_reconnect_cb (gpointer user_data)
{
  AnshinAccount *self = user_data;
  AccountEvents *events = anshin_account_peek_events (self);

  events->reconnect_source = 0;
  events_connect (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (AnshinAccount *self)
{
  AccountEvents *events = anshin_account_peek_events (self);
  guint64 delay = events->base_ms;

  if (events->reconnect_source != 0)
    return;

  for (guint i = 0; i < events->attempt && delay < events->max_ms; i++)
    delay *= 2;
  delay = MIN (delay, events->max_ms);

  /* ±20 % jitter */
  delay = (guint64)(delay * g_random_double_range (0.8, 1.2));
  events->attempt++;

  g_debug ("Reconnecting the event stream in %" G_GUINT64_FORMAT " ms", delay);
  events->reconnect_source = g_timeout_add (MAX (delay, 1), on_reconnect_cb, self);
}

static void
drop_connection (AnshinAccount *self)
{
  AccountEvents *events = anshin_account_peek_events (self);

  if (events->connection == NULL)
    return;

  g_signal_handlers_disconnect_by_data (events->connection, self);
  if (soup_websocket_connection_get_state (events->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (events->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_clear_object (&events->connection);
  anshin_account_set_live (self, FALSE);
}

static void
on_closed_cb (SoupWebsocketConnection *connection,
              AnshinAccount           *self)
{
  g_debug ("The event stream closed");
  drop_connection (self);
  schedule_reconnect (self);
}

static void
on_connected_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnshinAccount) self = user_data;
  AccountEvents *events = anshin_account_peek_events (self);
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection;
  gboolean reconnected;

  connection = anshin_issuer_client_connect_events_finish (ANSHIN_ISSUER_CLIENT (object), result,
                                                           &error);
  if (connection == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("No event stream: %s", error->message);
      if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL))
        start_polling (self);
      else if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT))
        {
          /* The session expired while the stream was down: a call renews it
           * (or finds the holder signed out, which stops the events). */
          refresh (self, REFRESH_CARD);
        }
      schedule_reconnect (self);
      return;
    }

  reconnected = events->attempt > 0 || events->polling;
  events->attempt = 0;
  events->polling = FALSE;
  g_clear_handle_id (&events->poll_source, g_source_remove);

  events->connection = connection;
  soup_websocket_connection_set_max_incoming_payload_size (connection,
                                                           ANSHIN_ISSUER_JSON_MAX_SIZE);
  soup_websocket_connection_set_keepalive_interval (connection, 30);
  g_signal_connect (connection, "message", G_CALLBACK (on_message_cb), self);
  g_signal_connect (connection, "closed", G_CALLBACK (on_closed_cb), self);
  anshin_account_set_live (self, TRUE);

  /* Catch up with whatever happened while the stream was down. */
  if (reconnected)
    refresh (self, REFRESH_ALL);
}

static void
events_connect (AnshinAccount *self)
{
  AccountEvents *events = anshin_account_peek_events (self);

  anshin_issuer_client_connect_events_async (anshin_account_get_client (self),
                                             events->cancellable, on_connected_cb,
                                             g_object_ref (self));
}

void
anshin_account_events_start (AnshinAccount *self)
{
  AccountEvents *events = anshin_account_peek_events (self);

  if (events->cancellable != NULL)
    return;

  events->cancellable = g_cancellable_new ();
  events->attempt = 0;
  events_connect (self);
}

void
anshin_account_events_stop (AnshinAccount *self)
{
  AccountEvents *events = anshin_account_peek_events (self);

  if (events->cancellable != NULL)
    g_cancellable_cancel (events->cancellable);
  g_clear_object (&events->cancellable);
  g_clear_handle_id (&events->reconnect_source, g_source_remove);
  g_clear_handle_id (&events->poll_source, g_source_remove);
  events->polling = FALSE;
  drop_connection (self);
}

gboolean
anshin_account_events_is_running (AnshinAccount *self)
{
  return anshin_account_peek_events (self)->cancellable != NULL;
}
