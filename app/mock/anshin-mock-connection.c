/* anshin-mock-connection.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One accepted client connection as the mock's SoupServer sees it: the
 * socket connection, with an input stream in between that works around a
 * libsoup 3.2 leak.
 *
 * libsoup 3.2 (3.2.3 in Debian 12) keeps a connection open after a response
 * and waits for the next request. If the client closes the connection then
 * (every keep-alive client does so in the end: a browser, SoupSession after
 * its idle timeout, wrk at the end of a run), the server's read fails before
 * a request has started; libsoup then drops its read source and never
 * disconnects the connection (later versions do, in
 * soup_server_message_io_http1_finished()). The socket stays in CLOSE_WAIT
 * with its descriptor open, and the SoupServerConnection, its message,
 * streams and closures (about 1.9 KiB of heap) stay in the server's list of
 * clients for as long as the server lives.
 *
 * libsoup does disconnect a connection whose request had started when the
 * read failed. So when a read between two requests ends (end of stream or
 * an error such as a reset), this stream hands libsoup one byte of a
 * request first and the end of the stream on the next read: libsoup starts
 * a request, sees it cut short, and closes the connection and frees it. (An
 * error is passed on as the end of the stream: libsoup keeps a lone byte
 * to itself when the read after it fails, and would not start the request
 * then; the connection is gone either way.) Nothing is written back
 * (the request never got as far as its headers), and the mock's handlers
 * never see it. "Between two requests" is told by the server
 * (anshin_mock_connection_set_between_requests(), from SoupServer's
 * request-finished and request-started), so a read that ends in the middle
 * of a request, or on a WebSocket, is passed on untouched.
 */

#include "config.h"

#include "anshin-mock-connection.h"

/* A filter over the socket's input stream; private to this file. */
#define ANSHIN_TYPE_MOCK_CONNECTION_INPUT (anshin_mock_connection_input_get_type ())
G_DECLARE_FINAL_TYPE (AnshinMockConnectionInput, anshin_mock_connection_input,
                      ANSHIN, MOCK_CONNECTION_INPUT, GFilterInputStream)

struct _AnshinMockConnectionInput
{
  GFilterInputStream    parent_instance;

  AnshinMockConnection *connection;    /* unowned: it owns this stream */
  GSocket              *socket;        /* the base stream's */
  gboolean              ended;         /* the byte was handed out; end next */
};

struct _AnshinMockConnection
{
  GIOStream                  parent_instance;

  GSocketConnection         *base;
  AnshinMockConnectionInput *input;
  GSocketAddress            *remote;
  gboolean                   between_requests;
};

static void anshin_mock_connection_input_pollable_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnshinMockConnectionInput, anshin_mock_connection_input,
                               G_TYPE_FILTER_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      anshin_mock_connection_input_pollable_init))
G_DEFINE_FINAL_TYPE (AnshinMockConnection, anshin_mock_connection, G_TYPE_IO_STREAM)

/* Looked up twice a request: not by its name each time */
static GQuark
connection_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("anshin-mock-connection"));

  return quark;
}

/* What libsoup reads in place of the end of the stream: one byte of a
 * request line that never ends. */
#define CUT_SHORT_REQUEST 'X'

static GInputStream *
input_base (AnshinMockConnectionInput *self)
{
  return g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (self));
}

/* TRUE once, after the byte was handed out: the read then ends the stream. */
static gboolean
take_end (AnshinMockConnectionInput *self)
{
  gboolean ended = self->ended;

  self->ended = FALSE;
  return ended;
}

/* @n and @local_error are what the socket answered. */
static gssize
finish_read (AnshinMockConnectionInput  *self,
             void                       *buffer,
             gsize                       count,
             gssize                      n,
             GError                     *local_error,
             GError                    **error)
{
  AnshinMockConnection *connection = self->connection;

  if (n > 0 || count == 0 ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      connection == NULL || !connection->between_requests)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return n;
    }

  g_debug ("A client closed a kept-alive connection (%s); ending it for libsoup",
           local_error != NULL ? local_error->message : "end of stream");
  g_clear_error (&local_error);
  connection->between_requests = FALSE;
  self->ended = TRUE;
  ((char *)buffer)[0] = CUT_SHORT_REQUEST;

  return 1;
}

static gssize
anshin_mock_connection_input_read (GInputStream  *stream,
                                   void          *buffer,
                                   gsize          count,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  AnshinMockConnectionInput *self = ANSHIN_MOCK_CONNECTION_INPUT (stream);
  GError *local_error = NULL;
  gssize n;

  if (take_end (self))
    return 0;

  n = g_input_stream_read (input_base (self), buffer, count, cancellable, &local_error);
  return finish_read (self, buffer, count, n, local_error, error);
}

static gssize
anshin_mock_connection_input_read_nonblocking (GPollableInputStream  *stream,
                                               void                  *buffer,
                                               gsize                  count,
                                               GError               **error)
{
  AnshinMockConnectionInput *self = ANSHIN_MOCK_CONNECTION_INPUT (stream);
  GError *local_error = NULL;
  gssize n;

  if (take_end (self))
    return 0;

  n = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (input_base (self)),
                                                buffer, count, NULL, &local_error);
  return finish_read (self, buffer, count, n, local_error, error);
}

static gboolean
anshin_mock_connection_input_can_poll (GPollableInputStream *stream)
{
  AnshinMockConnectionInput *self = ANSHIN_MOCK_CONNECTION_INPUT (stream);

  return g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (input_base (self)));
}

static gboolean
anshin_mock_connection_input_is_readable (GPollableInputStream *stream)
{
  AnshinMockConnectionInput *self = ANSHIN_MOCK_CONNECTION_INPUT (stream);

  return self->ended ||
         g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (input_base (self)));
}

/* libsoup asks for a source before every read that would block: one per
 * request at least. Built as GSocketInputStream builds its own (a pollable
 * source over the socket's), not over the base stream's source, which
 * would nest a third source whose every dispatch wakes the main context
 * up once more. */
static GSource *
anshin_mock_connection_input_create_source (GPollableInputStream *stream,
                                            GCancellable         *cancellable)
{
  AnshinMockConnectionInput *self = ANSHIN_MOCK_CONNECTION_INPUT (stream);
  g_autoptr(GSource) socket_source = NULL;

  /* After the byte, the socket is still at its end, hence readable. */
  socket_source = g_socket_create_source (self->socket, G_IO_IN, cancellable);

  return g_pollable_source_new_full (stream, socket_source, NULL);
}

static void
anshin_mock_connection_input_finalize (GObject *object)
{
  AnshinMockConnectionInput *self = ANSHIN_MOCK_CONNECTION_INPUT (object);

  g_clear_object (&self->socket);

  G_OBJECT_CLASS (anshin_mock_connection_input_parent_class)->finalize (object);
}

static void
anshin_mock_connection_input_class_init (AnshinMockConnectionInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *input_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = anshin_mock_connection_input_finalize;
  input_class->read_fn = anshin_mock_connection_input_read;
}

static void
anshin_mock_connection_input_pollable_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = anshin_mock_connection_input_can_poll;
  iface->is_readable = anshin_mock_connection_input_is_readable;
  iface->create_source = anshin_mock_connection_input_create_source;
  iface->read_nonblocking = anshin_mock_connection_input_read_nonblocking;
}

static void
anshin_mock_connection_input_init (AnshinMockConnectionInput *self)
{
}

static GInputStream *
anshin_mock_connection_get_input_stream (GIOStream *stream)
{
  return G_INPUT_STREAM (ANSHIN_MOCK_CONNECTION (stream)->input);
}

static GOutputStream *
anshin_mock_connection_get_output_stream (GIOStream *stream)
{
  return g_io_stream_get_output_stream (G_IO_STREAM (ANSHIN_MOCK_CONNECTION (stream)->base));
}

static gboolean
anshin_mock_connection_close_fn (GIOStream     *stream,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  AnshinMockConnection *self = ANSHIN_MOCK_CONNECTION (stream);

  /* The filter leaves the socket's stream open: closing the socket
   * connection closes both directions and the descriptor. */
  g_input_stream_close (G_INPUT_STREAM (self->input), NULL, NULL);

  return g_io_stream_close (G_IO_STREAM (self->base), cancellable, error);
}

/* Closing a socket does not block: close in place, as GSocketConnection
 * does, rather than on a worker thread (GIOStream's default). */
static void
anshin_mock_connection_close_async (GIOStream           *stream,
                                    int                  io_priority,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (stream, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, anshin_mock_connection_close_async);
  if (anshin_mock_connection_close_fn (stream, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
anshin_mock_connection_close_finish (GIOStream     *stream,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
anshin_mock_connection_dispose (GObject *object)
{
  AnshinMockConnection *self = ANSHIN_MOCK_CONNECTION (object);

  if (self->input != NULL)
    self->input->connection = NULL;
  if (self->remote != NULL)
    g_object_set_qdata (G_OBJECT (self->remote), connection_quark (), NULL);

  /* GIOStream's dispose closes the stream if nobody did */
  G_OBJECT_CLASS (anshin_mock_connection_parent_class)->dispose (object);

  g_clear_object (&self->input);
  g_clear_object (&self->base);
  g_clear_object (&self->remote);
}

static void
anshin_mock_connection_class_init (AnshinMockConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GIOStreamClass *stream_class = G_IO_STREAM_CLASS (klass);

  object_class->dispose = anshin_mock_connection_dispose;
  stream_class->get_input_stream = anshin_mock_connection_get_input_stream;
  stream_class->get_output_stream = anshin_mock_connection_get_output_stream;
  stream_class->close_fn = anshin_mock_connection_close_fn;
  stream_class->close_async = anshin_mock_connection_close_async;
  stream_class->close_finish = anshin_mock_connection_close_finish;
}

static void
anshin_mock_connection_init (AnshinMockConnection *self)
{
}

/**
 * anshin_mock_connection_new:
 * @base: an accepted socket connection
 * @remote: the address of its peer, handed to libsoup with the stream
 *
 * Returns: (transfer full): a stream for soup_server_accept_iostream(),
 *   found again from @remote with anshin_mock_connection_for_remote_address()
 */
AnshinMockConnection *
anshin_mock_connection_new (GSocketConnection *base,
                            GSocketAddress    *remote)
{
  AnshinMockConnection *self;

  g_return_val_if_fail (G_IS_SOCKET_CONNECTION (base), NULL);
  g_return_val_if_fail (G_IS_SOCKET_ADDRESS (remote), NULL);

  self = g_object_new (ANSHIN_TYPE_MOCK_CONNECTION, NULL);
  self->base = g_object_ref (base);
  self->remote = g_object_ref (remote);
  self->input = g_object_new (ANSHIN_TYPE_MOCK_CONNECTION_INPUT,
                              "base-stream", g_io_stream_get_input_stream (G_IO_STREAM (base)),
                              "close-base-stream", FALSE,
                              NULL);
  self->input->connection = self;
  self->input->socket = g_object_ref (g_socket_connection_get_socket (base));
  g_object_set_qdata (G_OBJECT (remote), connection_quark (), self);

  return self;
}

/**
 * anshin_mock_connection_for_remote_address:
 * @remote: the peer address of a SoupServerMessage
 *
 * libsoup keeps the peer address it was handed with the stream and returns
 * that same object from soup_server_message_get_remote_address().
 *
 * Returns: (transfer none) (nullable): the connection, if it still exists
 */
AnshinMockConnection *
anshin_mock_connection_for_remote_address (GSocketAddress *remote)
{
  if (remote == NULL)
    return NULL;

  return g_object_get_qdata (G_OBJECT (remote), connection_quark ());
}

/**
 * anshin_mock_connection_set_between_requests:
 * @self: a #AnshinMockConnection
 * @between_requests: %TRUE once a response is done and the connection is
 *   kept for the next request, %FALSE when a request starts
 */
void
anshin_mock_connection_set_between_requests (AnshinMockConnection *self,
                                             gboolean              between_requests)
{
  g_return_if_fail (ANSHIN_IS_MOCK_CONNECTION (self));

  self->between_requests = !!between_requests;
}
