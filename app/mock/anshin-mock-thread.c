/* anshin-mock-thread.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs an AnshinMockServer on 127.0.0.1 (a free port) in its own thread
 * with its own GMainContext, so that a blocking client or a busy UI never
 * stalls it. Starting returns once the server listens; stopping disconnects
 * it and joins the thread.
 */

#include "config.h"

#include "anshin-mock-server.h"
#include "anshin-mock-thread.h"

struct _AnshinMockThread
{
  GThread          *thread;
  GMainContext     *context;
  GMainLoop        *loop;
  AnshinMockServer *server;
  char             *scenario;
  gboolean          admin;
  char             *url;

  GMutex            lock;
  GCond             cond;
  gboolean          ready;
  GError           *error;
};

static gpointer
thread_main (gpointer data)
{
  AnshinMockThread *self = data;
  g_autoptr(AnshinMockScenario) scenario = NULL;
  g_autoptr(AnshinMockState) state = NULL;
  g_autoptr(AnshinMockServer) server = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (self->context);

  scenario = anshin_mock_scenario_load (self->scenario, &error);
  if (scenario != NULL)
    {
      state = anshin_mock_state_new (scenario);
      server = anshin_mock_server_new (state, self->admin);
      if (!anshin_mock_server_listen (server, "127.0.0.1", 0, &error))
        g_clear_object (&server);
    }

  g_mutex_lock (&self->lock);
  if (server != NULL)
    {
      self->server = g_object_ref (server);
      self->url = anshin_mock_server_dup_url (server);
    }
  else
    self->error = g_steal_pointer (&error);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  if (server != NULL)
    {
      g_main_loop_run (self->loop);
      anshin_mock_server_shutdown (server);

      /* Let libsoup finish closing connections before the context goes. */
      while (g_main_context_iteration (self->context, FALSE))
        ;
    }

  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/**
 * anshin_mock_thread_start:
 * @scenario: (nullable): a scenario name or path, or %NULL for seed-story
 * @admin: whether to serve /admin
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the running server, listening on
 *   127.0.0.1, or %NULL if the scenario cannot be loaded or no port is free
 */
AnshinMockThread *
anshin_mock_thread_start (const char  *scenario,
                          gboolean     admin,
                          GError     **error)
{
  AnshinMockThread *self = g_new0 (AnshinMockThread, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->scenario = g_strdup (scenario);
  self->admin = admin;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("anshin-mock-issuer", thread_main, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      anshin_mock_thread_free (self);
      return NULL;
    }

  return self;
}

/**
 * anshin_mock_thread_get_url:
 * @self: a running #AnshinMockThread
 *
 * Returns: the base URL, "http://127.0.0.1:PORT/"
 */
const char *
anshin_mock_thread_get_url (AnshinMockThread *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->url;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/**
 * anshin_mock_thread_stop:
 * @self: a #AnshinMockThread
 *
 * Stops the server and joins its thread; the port is free afterwards.
 * Calling it again does nothing.
 */
void
anshin_mock_thread_stop (AnshinMockThread *self)
{
  g_return_if_fail (self != NULL);

  if (self->thread == NULL)
    return;

  g_main_context_invoke_full (self->context, G_PRIORITY_HIGH, quit_cb,
                              g_main_loop_ref (self->loop),
                              (GDestroyNotify)g_main_loop_unref);
  g_thread_join (g_steal_pointer (&self->thread));
}

/**
 * anshin_mock_thread_free:
 * @self: (transfer full): a #AnshinMockThread
 *
 * Stops the server if it runs, and frees @self.
 */
void
anshin_mock_thread_free (AnshinMockThread *self)
{
  if (self == NULL)
    return;

  anshin_mock_thread_stop (self);
  g_clear_object (&self->server);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->scenario, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

/**
 * anshin_mock_thread_dup_request_log:
 * @self: a #AnshinMockThread
 *
 * Returns: (transfer full): "METHOD /path STATUS" lines, oldest first;
 *   no bodies, cookies or tokens
 */
GStrv
anshin_mock_thread_dup_request_log (AnshinMockThread *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return anshin_mock_server_dup_request_log (self->server);
}

void
anshin_mock_thread_clear_request_log (AnshinMockThread *self)
{
  g_return_if_fail (self != NULL);
  anshin_mock_server_clear_request_log (self->server);
}
