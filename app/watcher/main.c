/* main.c: anshin-watcher, the background watcher
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "anshin-watcher.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AnshinWatcher) watcher = NULL;
  const char *localedir;

  localedir = g_getenv ("ANSHIN_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* notifications say "Anshin Wallet" */
  g_set_application_name (_("Anshin Wallet"));

  watcher = anshin_watcher_new (APPLICATION_ID ".Watcher", APPLICATION_ID);

  return g_application_run (G_APPLICATION (watcher), argc, argv);
}
