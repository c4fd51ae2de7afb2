/* fault-front.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fault-front.h"
#include "issuer-test-util.h"

struct _FaultFront
{
  SoupServer     *server;
  GObject        *listener;
  SoupSession    *forward;
  GCancellable   *cancellable;
  char           *target_url;
  char           *url;
  char           *prefix;      /* armed, or NULL */
  FaultFrontKind  kind;
  guint           hits;
  GPtrArray      *held;        /* of SoupServerMessage, answered and paused */
};

/* A request on its way to the mock issuer and back */
typedef struct {
  SoupServerMessage *msg;
  SoupMessage       *forwarded;
  FaultFront        *front;
  gboolean           hold;
} Forward;

static void
forward_free (Forward *forward)
{
  g_clear_object (&forward->msg);
  g_clear_object (&forward->forwarded);
  g_free (forward);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Forward, forward_free)

static const char html_page[] = "<html><body><h1>Sorry</h1><p>{}</p></body></html>";
static const char retry_page[] = "<html><body><h1>429 Too Many Requests</h1></body></html>";

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  SoupMessageHeaders *to = user_data;

  if (g_ascii_strcasecmp (name, "Connection") == 0 ||
      g_ascii_strcasecmp (name, "Content-Length") == 0 ||
      g_ascii_strcasecmp (name, "Transfer-Encoding") == 0 ||
      g_ascii_strcasecmp (name, "Keep-Alive") == 0 ||
      g_ascii_strcasecmp (name, "Host") == 0)
    return;

  soup_message_headers_append (to, name, value);
}

static void
serve_fault (FaultFront        *front,
             SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  front->hits++;

  switch (front->kind)
    {
    case FAULT_FRONT_HUGE:
      {
        char *filler = g_malloc (FAULT_FRONT_HUGE_SIZE);

        memset (filler, ' ', FAULT_FRONT_HUGE_SIZE);
        filler[0] = '{';
        filler[FAULT_FRONT_HUGE_SIZE - 1] = '}';
        soup_server_message_set_status (msg, 200, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, filler,
                                          FAULT_FRONT_HUGE_SIZE);
      }
      break;

    case FAULT_FRONT_CONTENT_TYPE:
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        html_page, strlen (html_page));
      break;

    case FAULT_FRONT_RETRY_AFTER:
      soup_server_message_set_status (msg, 429, NULL);
      soup_message_headers_replace (headers, "Retry-After", G_STRINGIFY (FAULT_FRONT_RETRY_AFTER_SECONDS));
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        retry_page, strlen (retry_page));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_forwarded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Forward) forward = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  /* the front is going away with its server */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_assert_no_error (error);

  soup_server_message_set_status (forward->msg, soup_message_get_status (forward->forwarded), NULL);
  soup_message_headers_foreach (soup_message_get_response_headers (forward->forwarded), copy_header,
                                soup_server_message_get_response_headers (forward->msg));
  if (g_bytes_get_size (body) > 0)
    soup_message_body_append_bytes (soup_server_message_get_response_body (forward->msg), body);

  if (forward->hold)
    {
      forward->front->hits++;
      g_ptr_array_add (forward->front->held, g_steal_pointer (&forward->msg));
      return;
    }
  soup_server_message_unpause (forward->msg);
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  FaultFront *front = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query_string = g_uri_get_query (uri);
  g_autofree char *url = NULL;
  g_autoptr(GBytes) request_body = NULL;
  Forward *forward;

  gboolean armed = front->prefix != NULL && g_str_has_prefix (path, front->prefix);

  if (armed && front->kind != FAULT_FRONT_HOLD)
    {
      serve_fault (front, msg);
      return;
    }

  /* no upgrades through here: the client polls instead */
  if (g_str_equal (path, "/v1/events"))
    {
      soup_server_message_set_status (msg, 501, NULL);
      return;
    }

  url = g_strdup_printf ("%s%s%s%s", front->target_url, path + 1,
                         query_string != NULL ? "?" : "", query_string != NULL ? query_string : "");
  forward = g_new0 (Forward, 1);
  forward->front = front;
  forward->hold = armed;
  forward->msg = g_object_ref (msg);
  forward->forwarded = soup_message_new (soup_server_message_get_method (msg), url);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header,
                                soup_message_get_request_headers (forward->forwarded));
  request_body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (request_body) > 0)
    soup_message_set_request_body_from_bytes (forward->forwarded, NULL, request_body);

  soup_server_message_pause (msg);
  soup_session_send_and_read_async (front->forward, forward->forwarded, G_PRIORITY_DEFAULT,
                                    front->cancellable, on_forwarded_cb, forward);
}

/**
 * fault_front_new:
 * @target_url: the mock issuer's base URL, ending in "/"
 *
 * Returns: a front listening on loopback, passing everything through
 */
FaultFront *
fault_front_new (const char *target_url)
{
  FaultFront *front = g_new0 (FaultFront, 1);

  front->target_url = g_strdup (target_url);
  front->cancellable = g_cancellable_new ();
  front->held = g_ptr_array_new_with_free_func (g_object_unref);
  front->forward = soup_session_new ();
  front->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (front->server, NULL, on_request_cb, front, NULL);
  front->listener = issuer_test_listen_local (front->server, NULL, &front->url);

  return front;
}

const char *
fault_front_get_url (FaultFront *front)
{
  return front->url;
}

/* Every request whose path starts with @path_prefix gets @kind, until
 * fault_front_disarm(). */
void
fault_front_arm (FaultFront     *front,
                 const char     *path_prefix,
                 FaultFrontKind  kind)
{
  g_free (front->prefix);
  front->prefix = g_strdup (path_prefix);
  front->kind = kind;
}

void
fault_front_disarm (FaultFront *front)
{
  g_clear_pointer (&front->prefix, g_free);
}

/* How many answers are held (FAULT_FRONT_HOLD) */
guint
fault_front_get_held (FaultFront *front)
{
  return front->held->len;
}

/* Lets the held answers go to their clients, in the order they came */
void
fault_front_release (FaultFront *front)
{
  g_autoptr(GPtrArray) held = g_steal_pointer (&front->held);

  front->held = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < held->len; i++)
    soup_server_message_unpause (g_ptr_array_index (held, i));
}

/* How many requests got a fault */
guint
fault_front_get_hits (FaultFront *front)
{
  return front->hits;
}

void
fault_front_free (FaultFront *front)
{
  g_cancellable_cancel (front->cancellable);
  g_clear_pointer (&front->held, g_ptr_array_unref);
  soup_server_disconnect (front->server);
  g_clear_object (&front->listener);
  g_clear_object (&front->server);
  soup_session_abort (front->forward);
  g_clear_object (&front->forward);
  g_clear_object (&front->cancellable);
  g_free (front->prefix);
  g_free (front->target_url);
  g_free (front->url);
  g_free (front);
}
