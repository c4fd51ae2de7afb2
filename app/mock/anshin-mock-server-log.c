/* anshin-mock-server-log.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The request log: "METHOD /path STATUS" kept for the thread API (tests,
 * the app's demo) and, for anshin-mock-issuer, one line per request on
 * stdout with the time taken. Never bodies, cookies, tokens or queries.
 */

#include "config.h"

#include <stdio.h>

#include "anshin-mock-server-private.h"

#define REQUEST_LOG_MAX 10000

static gboolean
on_flush_cb (gpointer user_data)
{
  AnshinMockServer *self = user_data;

  fflush (stdout);
  g_clear_pointer (&self->flush_source, g_source_unref);

  return G_SOURCE_REMOVE;
}

/* Log lines reach stdout within 50 ms, in one write however many there
 * are, instead of one write per request under load. */
static void
schedule_flush (AnshinMockServer *self)
{
  if (self->flush_source != NULL)
    return;

  self->flush_source = g_timeout_source_new (50);
  g_source_set_callback (self->flush_source, on_flush_cb, self, NULL);
  g_source_set_name (self->flush_source, "[anshin-mock] flush log");
  g_source_attach (self->flush_source, self->context);
}

void
anshin_mock_server_log (AnshinMockServer  *self,
                        AnshinMockRequest *request,
                        const char        *status)
{
  double ms = (g_get_monotonic_time () - request->started) / 1000.0;

  g_mutex_lock (&self->log_lock);
  g_queue_push_tail (&self->log, g_strdup_printf ("%s %s %s", request->method, request->path, status));
  if (self->log.length > REQUEST_LOG_MAX)
    g_free (g_queue_pop_head (&self->log));
  g_mutex_unlock (&self->log_lock);

  if (self->print_log)
    {
      printf ("%s %s %s %.1fms\n", request->method, request->path, status, ms);
      schedule_flush (self);
    }
}

/**
 * anshin_mock_server_flush_log:
 * @self: a #AnshinMockServer
 *
 * Writes out the log lines not yet on stdout.
 */
void
anshin_mock_server_flush_log (AnshinMockServer *self)
{
  if (self->flush_source != NULL)
    {
      g_source_destroy (self->flush_source);
      g_clear_pointer (&self->flush_source, g_source_unref);
    }

  if (self->print_log)
    fflush (stdout);
}

/**
 * anshin_mock_server_dup_request_log:
 * @self: a #AnshinMockServer
 *
 * Thread-safe.
 *
 * Returns: (transfer full): "METHOD /path STATUS" for each request, oldest
 *   first (at most the last 10000)
 */
GStrv
anshin_mock_server_dup_request_log (AnshinMockServer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ANSHIN_IS_MOCK_SERVER (self), NULL);

  g_mutex_lock (&self->log_lock);
  for (GList *l = self->log.head; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  g_mutex_unlock (&self->log_lock);

  return g_strv_builder_end (builder);
}

/**
 * anshin_mock_server_clear_request_log:
 * @self: a #AnshinMockServer
 *
 * Thread-safe.
 */
void
anshin_mock_server_clear_request_log (AnshinMockServer *self)
{
  g_return_if_fail (ANSHIN_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->log_lock);
  g_queue_clear_full (&self->log, g_free);
  g_queue_init (&self->log);
  g_mutex_unlock (&self->log_lock);
}
