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
#include <string.h>

#include "anshin-mock-server-private.h"

#define REQUEST_LOG_MAX 10000

/* One request of the log as the thread API shows it, "METHOD /path STATUS",
 * kept in parts and put together only when asked for: formatting it costs
 * more than the rest of a GET /v1/card. */
struct _AnshinMockLogEntry
{
  const char *method; /* interned */
  char       *path;   /* a GRefString, shared by a run of the same path */
  char        status[12];
};

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

/* Appends @value's decimal digits at @p; returns the end. */
static char *
append_uint (char    *p,
             guint64  value)
{
  char digits[24];
  guint n = 0;

  do
    {
      digits[n++] = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);

  while (n > 0)
    *p++ = digits[--n];

  return p;
}

/**
 * anshin_mock_server_format_status:
 * @status: an HTTP status
 * @buffer: (out caller-allocates): at least 12 bytes
 *
 * Returns: @buffer, holding @status in decimal
 */
const char *
anshin_mock_server_format_status (guint  status,
                                  char  *buffer)
{
  *append_uint (buffer, status) = '\0';

  return buffer;
}

/* "METHOD /path STATUS 0.3ms\n": what printf ("%s %s %s %.1fms\n") would
 * write (the time to a tenth of a millisecond, half up), for a tenth of
 * its cost */
static void
print_line (const char *method,
            const char *path,
            const char *status,
            gint64      us)
{
  gsize method_length = strlen (method);
  gsize path_length = strlen (path);
  gsize status_length = strlen (status);
  g_autofree char *heap = NULL;
  char stack[256];
  char *line = stack;
  char *p;
  guint64 tenths = (guint64)(MAX (us, 0) + 50) / 100;

  /* the lengths, three spaces, 20 digits, ".Dms\n" */
  if (method_length + path_length + status_length + 3 + 20 + 5 > sizeof stack)
    line = heap = g_malloc (method_length + path_length + status_length + 3 + 20 + 5);

  p = line;
  memcpy (p, method, method_length);
  p += method_length;
  *p++ = ' ';
  memcpy (p, path, path_length);
  p += path_length;
  *p++ = ' ';
  memcpy (p, status, status_length);
  p += status_length;
  *p++ = ' ';
  p = append_uint (p, tenths / 10);
  *p++ = '.';
  *p++ = '0' + tenths % 10;
  *p++ = 'm';
  *p++ = 's';
  *p++ = '\n';

  fwrite (line, 1, p - line, stdout);
}

static void
log_entry_clear (AnshinMockLogEntry *entry)
{
  g_clear_pointer (&entry->path, g_ref_string_release);
}

void
anshin_mock_server_log (AnshinMockServer  *self,
                        AnshinMockRequest *request,
                        const char        *status)
{
  AnshinMockLogEntry *last = NULL;
  AnshinMockLogEntry *entry;
  const char *method;
  char *path;

  g_mutex_lock (&self->log_lock);
  if (self->log == NULL)
    self->log = g_new0 (AnshinMockLogEntry, REQUEST_LOG_MAX);
  else if (self->log_length > 0)
    last = &self->log[(self->log_start + self->log_length - 1) % REQUEST_LOG_MAX];

  if (last != NULL && strcmp (last->method, request->method) == 0)
    method = last->method;
  else
    method = g_intern_string (request->method);

  /* one allocation for a run of requests to the same path, not one each */
  if (last != NULL && strcmp (last->path, request->path) == 0)
    path = g_ref_string_acquire (last->path);
  else
    path = g_ref_string_new (request->path);

  /* a ring: the oldest entry makes room once it is full */
  entry = &self->log[(self->log_start + self->log_length) % REQUEST_LOG_MAX];
  if (self->log_length == REQUEST_LOG_MAX)
    {
      log_entry_clear (entry);
      self->log_start = (self->log_start + 1) % REQUEST_LOG_MAX;
    }
  else
    self->log_length++;
  entry->method = method;
  entry->path = path;
  g_strlcpy (entry->status, status, sizeof entry->status);
  g_mutex_unlock (&self->log_lock);

  if (self->print_log)
    {
      print_line (method, request->path, status, g_get_monotonic_time () - request->started);
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
  for (guint i = 0; i < self->log_length; i++)
    {
      const AnshinMockLogEntry *entry = &self->log[(self->log_start + i) % REQUEST_LOG_MAX];
      g_autofree char *line = g_strconcat (entry->method, " ", entry->path, " ", entry->status, NULL);

      g_strv_builder_add (builder, line);
    }
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
  anshin_mock_server_free_log (self);
  g_mutex_unlock (&self->log_lock);
}

/* With the log lock held, or when the server is finalized */
void
anshin_mock_server_free_log (AnshinMockServer *self)
{
  if (self->log != NULL)
    {
      for (guint i = 0; i < self->log_length; i++)
        log_entry_clear (&self->log[(self->log_start + i) % REQUEST_LOG_MAX]);
      g_clear_pointer (&self->log, g_free);
    }
  self->log_start = 0;
  self->log_length = 0;
}
