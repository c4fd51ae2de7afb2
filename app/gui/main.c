/* main.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "anshin-application.h"

int
main (int   argc,
      char *argv[])
{
  gint64 start_time = g_get_monotonic_time ();
  g_autoptr(AnshinApplication) app = NULL;
  const char *localedir;

  /* ANSHIN_LOCALEDIR lets ./run and the tests use the build tree's
   * translations (build/po/ja/LC_MESSAGES/anshin.mo). */
  localedir = g_getenv ("ANSHIN_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Anshin Wallet"));

  app = anshin_application_new (APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS);
  anshin_application_set_start_time (app, start_time);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
