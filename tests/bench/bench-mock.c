/* bench-mock.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Throughput of the mock issuer against a plain SoupServer, both loaded by
 * `wrk -t2 -c50 -d10s` on loopback: the mock answers GET /v1/card with a
 * valid session cookie; the plain server answers a small json-glib
 * document. Three runs each; prints both rates, their ratio (target: at
 * least 0.8), errors (target: none) and each server's resident memory after
 * every run (target: no growth from run to run).
 *
 *   bench-mock PATH-TO-anshin-mock-issuer
 *   bench-mock --plain-server        (the baseline, spawned by the above)
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#define RUNS 3

typedef struct
{
  double  rate;
  guint64 errors;
  gint64  rss_kib;
} Run;

static void
on_plain_request_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "card_1");
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, "active");
  json_builder_set_member_name (builder, "exp_year");
  json_builder_add_int_value (builder, 2030);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, length);
}

static int
plain_server (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *url = NULL;

  soup_server_add_handler (server, NULL, on_plain_request_cb, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_printerr ("bench-mock: %s\n", error->message);
      return EXIT_FAILURE;
    }

  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  printf ("listening on %s\n", url);
  fflush (stdout);
  g_main_loop_run (loop);

  return EXIT_SUCCESS;
}

/* The servers must not outlive the benchmark, even when it fails. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts a server whose stdout goes to a file; returns its URL. */
static GSubprocess *
start_server (const char * const  *argv,
              const char          *log_path,
              char               **out_url)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_stdout_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *contents = NULL;
      char *newline;

      g_usleep (10 * 1000);
      if (!g_file_get_contents (log_path, &contents, NULL, NULL))
        continue;
      newline = strchr (contents, '\n');
      if (newline == NULL || !g_str_has_prefix (contents, "listening on "))
        continue;

      *newline = '\0';
      *out_url = g_strdup (contents + strlen ("listening on "));
      return process;
    }

  g_printerr ("bench-mock: %s did not start\n", argv[0]);
  exit (EXIT_FAILURE);
}

static char *
session_cookie (const char *url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (url, "v1/session", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  static const char login[] = "{\"member_id\": \"demo\", \"password\": \"demo\"}";
  g_autoptr(GBytes) body = g_bytes_new_static (login, strlen (login));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *set_cookie;

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 201);

  set_cookie = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Set-Cookie");
  return g_strndup (set_cookie, strcspn (set_cookie, ";"));
}

static gint64
rss_kib (GSubprocess *process)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (process));
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL) || (line = strstr (contents, "VmRSS:")) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10);
}

static guint64
count_after (const char *output,
             const char *label)
{
  const char *found = strstr (output, label);
  guint64 total = 0;

  if (found == NULL)
    return 0;

  /* "Socket errors: connect 0, read 0, write 0, timeout 0" or "Non-2xx or 3xx responses: 12" */
  for (const char *p = found + strlen (label); *p != '\0' && *p != '\n'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          char *end;

          total += g_ascii_strtoull (p, &end, 10);
          p = end - 1;
        }
    }

  return total;
}

static Run
run_wrk (const char  *url,
         const char  *cookie,
         GSubprocess *server)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) wrk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const char *rate;
  Run run = { 0, };

  g_ptr_array_add (args, g_strdup ("wrk"));
  g_ptr_array_add (args, g_strdup ("-t2"));
  g_ptr_array_add (args, g_strdup ("-c50"));
  g_ptr_array_add (args, g_strdup ("-d10s"));
  if (cookie != NULL)
    {
      g_ptr_array_add (args, g_strdup ("-H"));
      g_ptr_array_add (args, g_strdup_printf ("Cookie: %s", cookie));
    }
  g_ptr_array_add (args, g_strdup (url));
  g_ptr_array_add (args, NULL);

  wrk = g_subprocess_newv ((const char * const *)args->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (wrk, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);

  rate = strstr (output, "Requests/sec:");
  run.rate = rate != NULL ? g_ascii_strtod (rate + strlen ("Requests/sec:"), NULL) : 0;
  run.errors = count_after (output, "Socket errors:") + count_after (output, "Non-2xx or 3xx responses:");
  run.rss_kib = rss_kib (server);

  return run;
}

static double
median_rate (const Run *runs)
{
  double rates[RUNS];

  for (guint i = 0; i < RUNS; i++)
    rates[i] = runs[i].rate;
  for (guint i = 0; i < RUNS; i++)
    for (guint j = i + 1; j < RUNS; j++)
      if (rates[j] < rates[i])
        {
          double swap = rates[i];

          rates[i] = rates[j];
          rates[j] = swap;
        }

  return rates[RUNS / 2];
}

static void
stop (GSubprocess *process)
{
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *wrk_path = g_find_program_in_path ("wrk");
  g_autofree char *dir = NULL;
  g_autofree char *mock_log = NULL;
  g_autofree char *plain_log = NULL;
  g_autofree char *mock_url = NULL;
  g_autofree char *plain_url = NULL;
  g_autofree char *card_url = NULL;
  g_autofree char *cookie = NULL;
  g_autofree char *self = NULL;
  g_autoptr(GSubprocess) mock = NULL;
  g_autoptr(GSubprocess) plain = NULL;
  Run mock_runs[RUNS];
  Run plain_runs[RUNS];
  guint64 errors = 0;
  double ratio;

  if (argc > 1 && g_str_equal (argv[1], "--plain-server"))
    return plain_server ();

  if (argc < 2)
    {
      g_printerr ("usage: bench-mock PATH-TO-anshin-mock-issuer\n");
      return EXIT_FAILURE;
    }

  if (wrk_path == NULL)
    {
      printf ("wrk is not installed; skipping the benchmark\n");
      return 77;
    }

  dir = g_dir_make_tmp ("anshin-bench-XXXXXX", NULL);
  mock_log = g_build_filename (dir, "mock.log", NULL);
  plain_log = g_build_filename (dir, "plain.log", NULL);
  self = g_file_read_link ("/proc/self/exe", NULL);

  {
    const char *mock_argv[] = { argv[1], "--port", "0", NULL };
    const char *plain_argv[] = { self, "--plain-server", NULL };

    mock = start_server (mock_argv, mock_log, &mock_url);
    plain = start_server (plain_argv, plain_log, &plain_url);
  }

  cookie = session_cookie (mock_url);
  card_url = g_strconcat (mock_url, "v1/card", NULL);

  printf ("wrk -t2 -c50 -d10s, %d runs each, alternating\n", RUNS);
  printf ("run  mock GET /v1/card (req/s, errors, RSS)   plain SoupServer (req/s, errors, RSS)\n");
  for (guint i = 0; i < RUNS; i++)
    {
      plain_runs[i] = run_wrk (plain_url, NULL, plain);
      mock_runs[i] = run_wrk (card_url, cookie, mock);
      errors += mock_runs[i].errors + plain_runs[i].errors;
      printf ("%u    %9.0f %6" G_GUINT64_FORMAT " %7" G_GINT64_FORMAT " KiB        %9.0f %6" G_GUINT64_FORMAT " %7" G_GINT64_FORMAT " KiB\n",
              i + 1,
              mock_runs[i].rate, mock_runs[i].errors, mock_runs[i].rss_kib,
              plain_runs[i].rate, plain_runs[i].errors, plain_runs[i].rss_kib);
      fflush (stdout);
    }

  ratio = median_rate (plain_runs) > 0 ? median_rate (mock_runs) / median_rate (plain_runs) : 0;
  printf ("median: mock %.0f req/s, plain %.0f req/s, ratio %.2f (target >= 0.80)\n",
          median_rate (mock_runs), median_rate (plain_runs), ratio);
  printf ("mock RSS across runs: %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT " KiB\n",
          mock_runs[0].rss_kib, mock_runs[1].rss_kib, mock_runs[2].rss_kib);
  printf ("errors: %" G_GUINT64_FORMAT "\n", errors);

  stop (mock);
  stop (plain);
  g_remove (mock_log);
  g_remove (plain_log);
  g_rmdir (dir);

  /* Noisy figures on a shared machine: report them, fail only on errors. */
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
