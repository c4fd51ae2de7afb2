/* test-application.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "anshin-application.h"
#include "anshin-preferences-window.h"
#include "anshin-window.h"
#include "window-test-util.h"

static AnshinApplication *app;

static AnshinWindow *
open_main_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (ANSHIN_IS_WINDOW (window));

  return g_object_ref (ANSHIN_WINDOW (window));
}

static void
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* the toplevel of @type that is transient for @parent, if exactly one */
static GtkWindow *
find_transient (GtkWindow *parent,
                GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_window_get_transient_for (window) == parent)
        {
          g_assert_null (found);
          found = window;
        }
    }

  return found;
}

static char *
normalize_accel (const char *accel)
{
  guint key = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));

  return gtk_accelerator_name (key, mods);
}

static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      parts = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        g_hash_table_add (accels, normalize_accel (parts[i]));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, accels);
}

static void
test_application_actions (void)
{
  const char *names[] = { "quit", "about", "preferences", "shortcuts" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_test_message ("app.%s", names[i]);
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), names[i]));
      g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), names[i]));
    }
}

static void
test_application_shortcuts_window_lists_every_accel (void)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = NULL;
  AnshinWindow *window;
  GtkWindow *shortcuts;
  guint n_accels = 0;
  const char *demo_accels[] = { "<Alt>n", "<Alt>p" };
  GtkWidget *bar;

  window = open_main_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);

  shortcuts = find_transient (GTK_WINDOW (window), GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  collect_shortcuts (GTK_WIDGET (shortcuts), listed);

  /* opening it again shows the same window */
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  g_assert_true (find_transient (GTK_WINDOW (window), GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);

  /* every accelerator the application sets is in the window ... */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_autofree char *accel = normalize_accel (accels[j]);

          g_test_message ("%s: %s", actions[i], accel);
          g_assert_true (g_hash_table_contains (listed, accel));
          n_accels++;
        }
    }

  /* ... and so are the demo bar's steps, window-wide ... */
  bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), ANSHIN_TYPE_WINDOW, "demo_bar"));
  for (guint i = 0; i < G_N_ELEMENTS (demo_accels); i++)
    {
      g_assert_nonnull (window_test_demo_shortcut (bar, demo_accels[i]));
      g_assert_true (g_hash_table_contains (listed, demo_accels[i]));
    }

  /* ... and the window lists nothing else */
  g_assert_cmpuint (g_hash_table_size (listed), ==, n_accels + G_N_ELEMENTS (demo_accels));
  g_assert_cmpuint (n_accels, ==, 11);

  gtk_window_destroy (shortcuts);
  destroy_window (window);
}

static void
test_application_preferences (void)
{
  AnshinWindow *window;
  GtkWindow *preferences;

  window = open_main_window ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_transient (GTK_WINDOW (window), ANSHIN_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_modal (preferences));

  /* Ctrl+comma again does not open a second one */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (find_transient (GTK_WINDOW (window), ANSHIN_TYPE_PREFERENCES_WINDOW)
                 == preferences);

  gtk_window_destroy (preferences);
  destroy_window (window);
}

static void
test_application_about (void)
{
  AnshinWindow *window;
  GtkWindow *about;
  GtkIconTheme *icon_theme;

  window = open_main_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  about = find_transient (GTK_WINDOW (window), ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   "Anshin Wallet");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==,
                   PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_developer_name (ADW_ABOUT_WINDOW (about)), ==,
                   "The Anshin Wallet authors");
  /* no placeholder website */
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==, "");

  /* the app icon comes from the GResource, so it shows even uninstalled */
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==,
                   APPLICATION_ID);
  icon_theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about)));
  g_assert_true (gtk_icon_theme_has_icon (icon_theme, APPLICATION_ID));

  gtk_window_destroy (about);
  destroy_window (window);
}

static void
test_application_quit_saves_window_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  AnshinWindow *window;

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");

  window = open_main_window ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);

  /* Ctrl+Q closes the window, which stores its size on the way out */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  app = anshin_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/application/actions", test_application_actions);
  g_test_add_func ("/application/shortcuts-window-lists-every-accel",
                   test_application_shortcuts_window_lists_every_accel);
  g_test_add_func ("/application/preferences", test_application_preferences);
  g_test_add_func ("/application/about", test_application_about);
  g_test_add_func ("/application/quit-saves-window-state",
                   test_application_quit_saves_window_state);

  ret = g_test_run ();

  /* a registered GtkApplication keeps a reference to itself until it is
   * run and shut down, so it is not checked for finalization */
  g_object_unref (app);

  return ret;
}
