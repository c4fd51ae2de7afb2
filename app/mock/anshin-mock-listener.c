/* anshin-mock-listener.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accepts the mock's TCP connections itself and hands each one to the
 * SoupServer with soup_server_accept_iostream(), instead of
 * soup_server_listen(), to keep libsoup 3.2's leaks out of a server that
 * runs for hours:
 *
 * - libsoup 3.2's own listener never drops the reference g_socket_accept()
 *   gives it (SoupListener's listen_watch()): one GSocket, 336 bytes, stays
 *   allocated for every connection ever accepted, long after it closed.
 * - a kept-alive connection that the client closes between two requests is
 *   never disconnected by libsoup 3.2: see anshin-mock-connection.c, whose
 *   stream this listener wraps every connection in, and which it tells when
 *   a connection is between requests.
 *
 * libsoup keeps a connection alive after a response only while the server
 * has a listener of its own (request_finished() in soup-server.c checks
 * it); connections handed over by soup_server_accept_iostream() would all
 * be closed after their first response. So the server also gets a Unix
 * socket listener that nobody is told about (on an abstract address with
 * a random name), which only keeps that check true.
 */

#include "config.h"

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <gio/gunixsocketaddress.h>

#include "anshin-mock-connection.h"
#include "anshin-mock-listener.h"

struct _AnshinMockListener
{
  GObject         parent_instance;

  SoupServer     *soup;
  GSocketService *service;
};

G_DEFINE_FINAL_TYPE (AnshinMockListener, anshin_mock_listener, G_TYPE_OBJECT)

static AnshinMockConnection *
connection_for_message (SoupServerMessage *msg)
{
  return anshin_mock_connection_for_remote_address (soup_server_message_get_remote_address (msg));
}

static void
on_request_started_cb (SoupServer        *soup,
                       SoupServerMessage *msg,
                       gpointer           user_data)
{
  AnshinMockConnection *connection = connection_for_message (msg);

  if (connection != NULL)
    anshin_mock_connection_set_between_requests (connection, FALSE);
}

/* Emitted before libsoup decides whether to keep the connection; when it
 * does not, it closes the stream and nothing more is read from it. */
static void
on_request_finished_cb (SoupServer        *soup,
                        SoupServerMessage *msg,
                        gpointer           user_data)
{
  AnshinMockConnection *connection = connection_for_message (msg);

  if (connection != NULL)
    anshin_mock_connection_set_between_requests (connection, TRUE);
}

static gboolean
on_incoming_cb (GSocketService    *service,
                GSocketConnection *base,
                GObject           *source_object,
                gpointer           user_data)
{
  AnshinMockListener *self = user_data;
  g_autoptr(AnshinMockConnection) connection = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GError) error = NULL;

  local = g_socket_connection_get_local_address (base, &error);
  if (local != NULL)
    remote = g_socket_connection_get_remote_address (base, &error);
  if (remote == NULL)
    {
      /* the client hung up already: an ordinary event for a server */
      g_debug ("Dropping a connection whose peer is gone: %s", error->message);
      g_io_stream_close (G_IO_STREAM (base), NULL, NULL);
      return TRUE;
    }

  /* As libsoup does for the connections it accepts: a response's headers
   * and body go out in two writes, which Nagle's algorithm would hold. */
  g_socket_set_option (g_socket_connection_get_socket (base), IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);

  connection = anshin_mock_connection_new (base, remote);
  if (!soup_server_accept_iostream (self->soup, G_IO_STREAM (connection), local, remote, &error))
    g_debug ("libsoup refused a connection: %s", error->message);

  return TRUE;
}

/* The listener libsoup's keep-alive check needs (see the top). */
static gboolean
add_keep_alive_listener (AnshinMockListener  *self,
                         GError             **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strconcat ("anshin-mock-issuer/keep-alive/", uuid, NULL);

  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);
  if (socket == NULL)
    return FALSE;

  /* Not an anonymous address (the kernel would pick a name): valgrind
   * takes the empty name for uninitialised memory. */
  address = g_unix_socket_address_new_with_type (name, -1, G_UNIX_SOCKET_ADDRESS_ABSTRACT);

  return g_socket_bind (socket, address, FALSE, error) &&
         g_socket_listen (socket, error) &&
         soup_server_listen_socket (self->soup, socket, 0, error);
}

static void
anshin_mock_listener_dispose (GObject *object)
{
  AnshinMockListener *self = ANSHIN_MOCK_LISTENER (object);

  anshin_mock_listener_stop (self);
  g_clear_object (&self->service);
  g_clear_object (&self->soup);

  G_OBJECT_CLASS (anshin_mock_listener_parent_class)->dispose (object);
}

static void
anshin_mock_listener_class_init (AnshinMockListenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anshin_mock_listener_dispose;
}

static void
anshin_mock_listener_init (AnshinMockListener *self)
{
}

/**
 * anshin_mock_listener_new:
 * @soup: the server to hand connections to
 *
 * Returns: (transfer full): a listener, not yet listening
 */
AnshinMockListener *
anshin_mock_listener_new (SoupServer *soup)
{
  AnshinMockListener *self;

  g_return_val_if_fail (SOUP_IS_SERVER (soup), NULL);

  self = g_object_new (ANSHIN_TYPE_MOCK_LISTENER, NULL);
  self->soup = g_object_ref (soup);
  g_signal_connect_object (soup, "request-started", G_CALLBACK (on_request_started_cb), self, 0);
  g_signal_connect_object (soup, "request-finished", G_CALLBACK (on_request_finished_cb), self, 0);

  return self;
}

/**
 * anshin_mock_listener_listen:
 * @self: a #AnshinMockListener
 * @address: the address to listen on
 * @port: a port, or 0 for a free one
 * @out_port: (out): the port listened on
 * @error: return location for a #GError
 *
 * Starts accepting connections in the thread-default main context of the
 * caller.
 *
 * Returns: %TRUE if it listens
 */
gboolean
anshin_mock_listener_listen (AnshinMockListener  *self,
                             GInetAddress        *address,
                             guint                port,
                             guint               *out_port,
                             GError             **error)
{
  g_autoptr(GSocketService) service = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocketAddress) effective = NULL;

  g_return_val_if_fail (ANSHIN_IS_MOCK_LISTENER (self), FALSE);
  g_return_val_if_fail (G_IS_INET_ADDRESS (address), FALSE);
  g_return_val_if_fail (self->service == NULL, FALSE);

  if (!add_keep_alive_listener (self, error))
    return FALSE;

  service = g_socket_service_new ();
  socket_address = g_inet_socket_address_new (address, port);
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (service), socket_address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &effective, error))
    {
      soup_server_disconnect (self->soup);
      return FALSE;
    }

  g_signal_connect_object (service, "incoming", G_CALLBACK (on_incoming_cb), self, 0);
  g_socket_service_start (service);
  self->service = g_steal_pointer (&service);

  if (out_port != NULL)
    *out_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));

  return TRUE;
}

/**
 * anshin_mock_listener_stop:
 * @self: a #AnshinMockListener
 *
 * Stops accepting and closes the listening socket. The connections already
 * handed over belong to the SoupServer (soup_server_disconnect()).
 */
void
anshin_mock_listener_stop (AnshinMockListener *self)
{
  g_return_if_fail (ANSHIN_IS_MOCK_LISTENER (self));

  if (self->service == NULL)
    return;

  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
}
