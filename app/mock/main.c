/* main.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * anshin-mock-issuer: the mock issuer as a program, for walkthroughs across
 * processes and for scripts. The first line on stdout is
 * "listening on http://127.0.0.1:PORT/"; then one line per request.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>
#include <glib-unix.h>

#include "anshin-mock-server.h"

static gboolean
on_signal_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_CONTINUE;
}

static int
list_scenarios (void)
{
  g_auto(GStrv) names = anshin_mock_scenario_list_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(AnshinMockScenario) scenario = anshin_mock_scenario_load (names[i], NULL);

      if (scenario != NULL)
        printf ("%s\t%s\n", names[i], anshin_mock_scenario_get_title (scenario));
    }

  return EXIT_SUCCESS;
}

static gboolean
address_allowed (const char  *address,
                 gboolean     allow_remote,
                 GError     **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address"), address);
      return FALSE;
    }

  if (!g_inet_address_get_is_loopback (inet) && !allow_remote)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Refusing to listen on %s, which other computers can reach: "
                     "add --allow-remote if that is what you want"), address);
      return FALSE;
    }

  return TRUE;
}

static AnshinMockState *
open_state (const char  *scenario_name,
            const char  *state_file,
            GError     **error)
{
  g_autoptr(AnshinMockScenario) scenario = NULL;
  g_autoptr(AnshinMockState) state = NULL;

  if (state_file != NULL && g_file_test (state_file, G_FILE_TEST_EXISTS))
    return anshin_mock_state_new_from_file (state_file, error);

  scenario = anshin_mock_scenario_load (scenario_name, error);
  if (scenario == NULL)
    return NULL;

  state = anshin_mock_state_new (scenario);
  if (state_file != NULL && !anshin_mock_state_save_file (state, state_file, error))
    return NULL;

  return g_steal_pointer (&state);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AnshinMockState) state = NULL;
  g_autoptr(AnshinMockServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scenario = NULL;
  g_autofree char *state_file = NULL;
  g_autofree char *address = NULL;
  g_autofree char *url = NULL;
  gboolean admin = FALSE;
  gboolean allow_remote = FALSE;
  gboolean list = FALSE;
  gboolean version = FALSE;
  int port = 0;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      N_("Port to listen on (0, the default, picks a free one)"), N_("PORT") },
    { "scenario", 's', 0, G_OPTION_ARG_FILENAME, &scenario,
      N_("Scenario to play, by name or file (default: seed-story)"), N_("NAME|FILE") },
    { "admin", 0, 0, G_OPTION_ARG_NONE, &admin,
      N_("Serve the /admin demo control (loopback clients only)"), NULL },
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &state_file,
      N_("Keep the issuer’s state in FILE and continue from it on restart"), N_("FILE") },
    { "listen-address", 0, 0, G_OPTION_ARG_STRING, &address,
      N_("IP address to listen on (default: 127.0.0.1)"), N_("ADDR") },
    { "allow-remote", 0, 0, G_OPTION_ARG_NONE, &allow_remote,
      N_("Allow a listen address that other computers can reach"), NULL },
    { "list-scenarios", 0, 0, G_OPTION_ARG_NONE, &list,
      N_("List the scenarios and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };
  guint sigint, sigterm;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANSHIN_LOCALEDIR") ? g_getenv ("ANSHIN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("A mock card issuer for Anshin Wallet."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("anshin-mock-issuer: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      printf ("anshin-mock-issuer %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (list)
    return list_scenarios ();

  if (address == NULL)
    address = g_strdup ("127.0.0.1");
  if (port < 0 || port > 65535 || !address_allowed (address, allow_remote, &error))
    {
      g_printerr ("anshin-mock-issuer: %s\n", error != NULL ? error->message : _("Invalid port"));
      return 2;
    }

  state = open_state (scenario, state_file, &error);
  if (state == NULL)
    {
      g_printerr ("anshin-mock-issuer: %s\n", error->message);
      return EXIT_FAILURE;
    }

  server = anshin_mock_server_new (state, admin);
  anshin_mock_server_set_state_file (server, state_file);
  if (!anshin_mock_server_listen (server, address, port, &error))
    {
      g_printerr ("anshin-mock-issuer: %s\n", error->message);
      return EXIT_FAILURE;
    }

  url = anshin_mock_server_dup_url (server);
  printf ("listening on %s\n", url);
  fflush (stdout);
  anshin_mock_server_set_print_log (server, TRUE);

  loop = g_main_loop_new (NULL, FALSE);
  sigint = g_unix_signal_add (SIGINT, on_signal_cb, loop);
  sigterm = g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);

  anshin_mock_server_shutdown (server);
  if (!anshin_mock_server_save_state (server, &error))
    {
      g_printerr ("anshin-mock-issuer: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
