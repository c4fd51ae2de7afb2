/* test-background-switch.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Watch in the Background" in Preferences: off by default; turning it on
 * installs the autostart entry (hidden, starting the watcher; valid for
 * desktop-file-validate) and stores the setting; turning it off removes
 * the entry. Outside a sandbox only (inside Flatpak it is the portal's).
 */

#include "config.h"

#include <adwaita.h>

#include "anshin-application.h"
#include "anshin-background.h"
#include "anshin-preferences-window.h"

static void
wait_for_file (const char *path,
               gboolean    exists)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (g_file_test (path, G_FILE_TEST_EXISTS) != exists)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
validate (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "desktop-file-validate", path, NULL };
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("desktop-file-validate %s: %s%s", path, out, err);
}

static void
test_switch_installs_autostart (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_autofree char *path = anshin_background_dup_autostart_path (APPLICATION_ID);
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *exec = NULL;
  AnshinPreferencesWindow *window;
  GtkSwitch *watch_switch;

  if (anshin_background_in_flatpak ())
    {
      g_test_skip ("inside Flatpak the Background portal starts the watcher");
      return;
    }

  g_assert_true (g_str_has_suffix (path, "/autostart/" APPLICATION_ID ".Watcher.desktop"));
  g_assert_false (g_settings_get_boolean (settings, "watch-in-background"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  window = g_object_ref (anshin_preferences_window_new (NULL));
  watch_switch = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                            ANSHIN_TYPE_PREFERENCES_WINDOW,
                                                            "watch_switch"));
  g_assert_false (gtk_switch_get_active (watch_switch));

  /* on: the entry appears, then the setting */
  gtk_switch_set_active (watch_switch, TRUE);
  wait_for_file (path, TRUE);
  while (!g_settings_get_boolean (settings, "watch-in-background"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_switch_get_state (watch_switch));

  validate (path);
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, NULL));
  g_assert_true (g_key_file_get_boolean (entry, "Desktop Entry", "NoDisplay", NULL));
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", NULL);
  g_assert_cmpstr (exec, ==, g_getenv ("ANSHIN_WATCHER"));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_null (strstr (contents, "--"));

  /* off: the entry goes, and the setting */
  gtk_switch_set_active (watch_switch, FALSE);
  wait_for_file (path, FALSE);
  while (g_settings_get_boolean (settings, "watch-in-background"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_switch_get_state (watch_switch));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_autostart_contents_quote (void)
{
  g_autofree char *plain = anshin_background_autostart_contents ("io.github.anshin.Wallet",
                                                                 "/usr/bin/anshin-watcher");
  g_autofree char *spaced = anshin_background_autostart_contents ("io.github.anshin.Wallet",
                                                                  "/opt/my apps/anshin-watcher");

  g_assert_nonnull (strstr (plain, "\nExec=/usr/bin/anshin-watcher\n"));
  g_assert_nonnull (strstr (spaced, "\nExec=\"/opt/my apps/anshin-watcher\"\n"));
  g_assert_nonnull (strstr (plain, "\nNoDisplay=true\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* what the entry starts; the switch starts it too, once turned on */
  g_setenv ("ANSHIN_WATCHER", "/bin/true", TRUE);
  /* the watcher this starts finds watching off in its own settings and
   * stops at once; nothing else is started */
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add_func ("/background/switch-installs-autostart", test_switch_installs_autostart);
  g_test_add_func ("/background/autostart-contents-quote", test_autostart_contents_quote);

  return g_test_run ();
}
