/* anshin-issuer-events.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer's live events: the WebSocket `/v1/events`, each message
 * parsed into an AnshinIssuerEvent (::event). A lost stream reconnects
 * after 1 s, doubling up to 60 s, with jitter so that many clients do not
 * return at once (anshin_backoff_next()); what was missed meanwhile is for the owner to catch up
 * with (::stale). An issuer that refuses the upgrade is polled every 60 s
 * instead (::stale each time). A stream refused for want of a session
 * says so (::session-lost): a call renews the session, or finds the
 * holder signed out. The account owns one and applies what it says.
 */

#include "config.h"

#include "anshin-backoff.h"
#include "anshin-issuer-events.h"
#include "anshin-issuer-json.h"

struct _AnshinIssuerEvents
{
  GObject                  parent_instance;

  AnshinIssuerClient      *client;
  GCancellable            *cancellable;
  SoupWebsocketConnection *connection;
  guint                    reconnect_source;
  guint                    poll_source;
  guint                    attempt;
  guint                    base_ms;
  guint                    max_ms;
  guint                    poll_ms;
  gboolean                 polling;
  gboolean                 live;
};

G_DEFINE_FINAL_TYPE (AnshinIssuerEvents, anshin_issuer_events, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIVE,
  N_PROPS
};

enum {
  EVENT,
  STALE,
  SESSION_LOST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void events_connect (AnshinIssuerEvents *self);

static void
set_live (AnshinIssuerEvents *self,
          gboolean            live)
{
  if (self->live == live)
    return;

  self->live = live;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

static gboolean
on_poll_cb (gpointer user_data)
{
  g_signal_emit (user_data, signals[STALE], 0);
  return G_SOURCE_CONTINUE;
}

static void
start_polling (AnshinIssuerEvents *self)
{
  if (self->poll_source != 0)
    return;

  g_debug ("Polling the issuer every %u ms", self->poll_ms);
  self->polling = TRUE;
  self->poll_source = g_timeout_add (self->poll_ms, on_poll_cb, self);
}

static void
on_message_cb (SoupWebsocketConnection *connection,
               int                      type,
               GBytes                  *message,
               AnshinIssuerEvents      *self)
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

  /* the issuer's clock is the client's to follow, whoever listens */
  if (event->type == ANSHIN_ISSUER_EVENT_CLOCK_CHANGED)
    anshin_issuer_client_note_issuer_time (self->client, event->issuer_time);

  g_signal_emit (self, signals[EVENT], 0, event);
}

static gboolean
on_reconnect_cb (gpointer user_data)
{
  AnshinIssuerEvents *self = user_data;

  self->reconnect_source = 0;
  events_connect (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (AnshinIssuerEvents *self)
{
  guint delay;

  if (self->reconnect_source != 0)
    return;

  delay = anshin_backoff_next (self->base_ms, self->max_ms, self->attempt,
                               g_random_double_range (0.0, 1.0));
  if (self->attempt < G_MAXUINT)
    self->attempt++;

  g_debug ("Reconnecting the event stream in %u ms", delay);
  self->reconnect_source = g_timeout_add (delay, on_reconnect_cb, self);
}

static void
drop_connection (AnshinIssuerEvents *self)
{
  if (self->connection == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->connection, self);
  if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_clear_object (&self->connection);
  set_live (self, FALSE);
}

static void
on_closed_cb (SoupWebsocketConnection *connection,
              AnshinIssuerEvents      *self)
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
  g_autoptr(AnshinIssuerEvents) self = user_data;
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
        g_signal_emit (self, signals[SESSION_LOST], 0);
      schedule_reconnect (self);
      return;
    }

  reconnected = self->attempt > 0 || self->polling;
  self->attempt = 0;
  self->polling = FALSE;
  g_clear_handle_id (&self->poll_source, g_source_remove);

  self->connection = connection;
  soup_websocket_connection_set_max_incoming_payload_size (connection,
                                                           ANSHIN_ISSUER_JSON_MAX_SIZE);
  soup_websocket_connection_set_keepalive_interval (connection, 30);
  g_signal_connect (connection, "message", G_CALLBACK (on_message_cb), self);
  g_signal_connect (connection, "closed", G_CALLBACK (on_closed_cb), self);
  set_live (self, TRUE);

  /* whatever happened while the stream was down */
  if (reconnected)
    g_signal_emit (self, signals[STALE], 0);
}

static void
events_connect (AnshinIssuerEvents *self)
{
  anshin_issuer_client_connect_events_async (self->client, self->cancellable, on_connected_cb,
                                             g_object_ref (self));
}

static void
anshin_issuer_events_dispose (GObject *object)
{
  AnshinIssuerEvents *self = ANSHIN_ISSUER_EVENTS (object);

  anshin_issuer_events_stop (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anshin_issuer_events_parent_class)->dispose (object);
}

static void
anshin_issuer_events_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnshinIssuerEvents *self = ANSHIN_ISSUER_EVENTS (object);

  switch (prop_id)
    {
    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_issuer_events_class_init (AnshinIssuerEventsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anshin_issuer_events_dispose;
  object_class->get_property = anshin_issuer_events_get_property;

  /* TRUE while the WebSocket is open */
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnshinIssuerEvents::event:
   * @event: what the issuer said
   */
  signals[EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANSHIN_TYPE_ISSUER_EVENT | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * AnshinIssuerEvents::stale:
   *
   * Something may have changed unseen (a poll is due, or the stream came
   * back after a gap): time to ask the issuer again.
   */
  signals[STALE] =
    g_signal_new ("stale", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * AnshinIssuerEvents::session-lost:
   *
   * The stream was refused for want of a session: a call renews it (or
   * finds the holder signed out).
   */
  signals[SESSION_LOST] =
    g_signal_new ("session-lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
anshin_issuer_events_init (AnshinIssuerEvents *self)
{
  self->base_ms = 1000;
  self->max_ms = 60 * 1000;
  self->poll_ms = 60 * 1000;
}

/**
 * anshin_issuer_events_new:
 * @client: the signed-in client whose events to follow
 *
 * Returns: (transfer full): a stopped event follower
 */
AnshinIssuerEvents *
anshin_issuer_events_new (AnshinIssuerClient *client)
{
  AnshinIssuerEvents *self;

  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (client), NULL);

  self = g_object_new (ANSHIN_TYPE_ISSUER_EVENTS, NULL);
  self->client = g_object_ref (client);

  return self;
}

/**
 * anshin_issuer_events_set_timings:
 * @reconnect_base_ms: the first wait before reconnecting
 * @reconnect_max_ms: the longest wait (the waits double up to it)
 * @poll_ms: the polling interval without live events
 *
 * The defaults are 1 s, 60 s and 60 s; tests shorten them.
 */
void
anshin_issuer_events_set_timings (AnshinIssuerEvents *self,
                                  guint               reconnect_base_ms,
                                  guint               reconnect_max_ms,
                                  guint               poll_ms)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_EVENTS (self));
  g_return_if_fail (reconnect_base_ms > 0 && reconnect_max_ms >= reconnect_base_ms && poll_ms > 0);

  self->base_ms = reconnect_base_ms;
  self->max_ms = reconnect_max_ms;
  self->poll_ms = poll_ms;
}

guint
anshin_issuer_events_get_poll_ms (AnshinIssuerEvents *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_EVENTS (self), 0);
  return self->poll_ms;
}

/**
 * anshin_issuer_events_start:
 *
 * Opens the event stream (once; does nothing while running).
 */
void
anshin_issuer_events_start (AnshinIssuerEvents *self)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_EVENTS (self));

  if (self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->attempt = 0;
  events_connect (self);
}

/**
 * anshin_issuer_events_stop:
 *
 * Closes the stream and stops reconnecting and polling.
 */
void
anshin_issuer_events_stop (AnshinIssuerEvents *self)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_EVENTS (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  self->polling = FALSE;
  drop_connection (self);
}

gboolean
anshin_issuer_events_is_running (AnshinIssuerEvents *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_EVENTS (self), FALSE);
  return self->cancellable != NULL;
}

gboolean
anshin_issuer_events_get_live (AnshinIssuerEvents *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_EVENTS (self), FALSE);
  return self->live;
}
