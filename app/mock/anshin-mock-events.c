/* anshin-mock-events.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live event stream (`GET /v1/events`): each member's open WebSocket
 * connections, and sending them events as text frames, one JSON object
 * each, in the order they happened.
 *
 * libsoup hands over the connection only after it wrote the 101 answer, so
 * a client can see its stream open before the server has it. A handshake
 * the server accepted is therefore expected first: events for its member
 * wait in a queue until the connection arrives, and none falls in between.
 */

#include "config.h"

#include "anshin-mock-events.h"
#include "anshin-mock-response.h"

typedef struct
{
  SoupWebsocketConnection *connection; /* NULL while expected */
  SoupServerMessage       *handshake;  /* while expected (weak) */
  GQueue                   waiting;    /* texts sent while expected */
  char                    *member_id;
  AnshinMockEvents        *events;
} Client;

struct _AnshinMockEvents
{
  GObject  parent_instance;

  GList   *clients;
};

G_DEFINE_FINAL_TYPE (AnshinMockEvents, anshin_mock_events, G_TYPE_OBJECT)

static void on_handshake_finalized (gpointer  user_data,
                                    GObject  *where_the_object_was);

static void
client_free (Client *client)
{
  if (client->connection != NULL)
    {
      g_signal_handlers_disconnect_matched (client->connection, G_SIGNAL_MATCH_DATA,
                                            0, 0, NULL, NULL, client);
      g_object_unref (client->connection);
    }
  if (client->handshake != NULL)
    g_object_weak_unref (G_OBJECT (client->handshake), on_handshake_finalized, client);
  g_queue_clear_full (&client->waiting, g_free);
  g_free (client->member_id);
  g_free (client);
}

/* The upgrade never happened (the connection went away first). */
static void
on_handshake_finalized (gpointer  user_data,
                        GObject  *where_the_object_was)
{
  Client *client = user_data;
  AnshinMockEvents *self = client->events;

  client->handshake = NULL;
  self->clients = g_list_remove (self->clients, client);
  client_free (client);
}

static void
on_closed_cb (SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  AnshinMockEvents *self = g_object_get_data (G_OBJECT (connection), "anshin-mock-events");

  for (GList *l = self->clients; l != NULL; l = l->next)
    {
      Client *client = l->data;

      if (client->connection == connection)
        {
          self->clients = g_list_delete_link (self->clients, l);
          client_free (client);
          break;
        }
    }
}

static void
anshin_mock_events_dispose (GObject *object)
{
  AnshinMockEvents *self = (AnshinMockEvents *)object;

  anshin_mock_events_close_all (self);

  G_OBJECT_CLASS (anshin_mock_events_parent_class)->dispose (object);
}

static void
anshin_mock_events_class_init (AnshinMockEventsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anshin_mock_events_dispose;
}

static void
anshin_mock_events_init (AnshinMockEvents *self)
{
}

AnshinMockEvents *
anshin_mock_events_new (void)
{
  return g_object_new (ANSHIN_TYPE_MOCK_EVENTS, NULL);
}

/**
 * anshin_mock_events_expect:
 * @self: a #AnshinMockEvents
 * @handshake: the accepted handshake, before libsoup answers it
 * @member_id: whose stream it is
 *
 * From now on events for @member_id are kept for this stream until
 * anshin_mock_events_add() hands over its connection.
 */
void
anshin_mock_events_expect (AnshinMockEvents  *self,
                           SoupServerMessage *handshake,
                           const char        *member_id)
{
  Client *client;

  g_return_if_fail (ANSHIN_IS_MOCK_EVENTS (self));
  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (handshake));

  client = g_new0 (Client, 1);
  client->events = self;
  client->handshake = handshake;
  client->member_id = g_strdup (member_id);
  g_queue_init (&client->waiting);
  g_object_weak_ref (G_OBJECT (handshake), on_handshake_finalized, client);
  self->clients = g_list_append (self->clients, client);
}

/**
 * anshin_mock_events_add:
 * @self: a #AnshinMockEvents
 * @handshake: the handshake given to anshin_mock_events_expect()
 * @connection: its upgraded connection
 *
 * Sends what waited for the stream, then events as they happen.
 *
 * Returns: %FALSE if @handshake was not expected
 */
gboolean
anshin_mock_events_add (AnshinMockEvents        *self,
                        SoupServerMessage       *handshake,
                        SoupWebsocketConnection *connection)
{
  Client *client = NULL;
  char *text;

  g_return_val_if_fail (ANSHIN_IS_MOCK_EVENTS (self), FALSE);

  for (GList *l = self->clients; l != NULL && client == NULL; l = l->next)
    {
      Client *candidate = l->data;

      if (candidate->connection == NULL && candidate->handshake == handshake)
        client = candidate;
    }

  if (client == NULL)
    return FALSE;

  g_object_weak_unref (G_OBJECT (client->handshake), on_handshake_finalized, client);
  client->handshake = NULL;
  client->connection = g_object_ref (connection);
  g_object_set_data (G_OBJECT (connection), "anshin-mock-events", self);
  g_signal_connect (connection, "closed", G_CALLBACK (on_closed_cb), client);

  while ((text = g_queue_pop_head (&client->waiting)) != NULL)
    {
      soup_websocket_connection_send_text (connection, text);
      g_free (text);
    }

  return TRUE;
}

/**
 * anshin_mock_events_send:
 * @self: a #AnshinMockEvents
 * @member_id: (nullable): the member to tell, or %NULL for everyone
 * @event: the event object
 */
void
anshin_mock_events_send (AnshinMockEvents *self,
                         const char       *member_id,
                         JsonObject       *event)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  g_return_if_fail (ANSHIN_IS_MOCK_EVENTS (self));

  if (self->clients == NULL)
    return;

  json_node_set_object (node, event);
  text = anshin_mock_json_to_string (node);

  for (GList *l = self->clients; l != NULL; l = l->next)
    {
      Client *client = l->data;

      if (member_id != NULL && g_strcmp0 (member_id, client->member_id) != 0)
        continue;
      if (client->connection == NULL)
        {
          g_queue_push_tail (&client->waiting, g_strdup (text));
          continue;
        }
      if (soup_websocket_connection_get_state (client->connection) != SOUP_WEBSOCKET_STATE_OPEN)
        continue;

      soup_websocket_connection_send_text (client->connection, text);
    }
}

guint
anshin_mock_events_get_count (AnshinMockEvents *self)
{
  guint count = 0;

  g_return_val_if_fail (ANSHIN_IS_MOCK_EVENTS (self), 0);

  for (GList *l = self->clients; l != NULL; l = l->next)
    count += ((Client *)l->data)->connection != NULL;

  return count;
}

void
anshin_mock_events_close_all (AnshinMockEvents *self)
{
  g_return_if_fail (ANSHIN_IS_MOCK_EVENTS (self));

  while (self->clients != NULL)
    {
      Client *client = self->clients->data;

      self->clients = g_list_delete_link (self->clients, self->clients);
      if (client->connection != NULL &&
          soup_websocket_connection_get_state (client->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (client->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      client_free (client);
    }
}
