/* test-background-switch.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Watch in the Background" in Preferences: off by default; turning it on
 * installs the autostart entry (hidden, starting the watcher; valid for
 * desktop-file-validate) and stores the setting; turning it off removes
 * the entry. Inside Flatpak (a stand-in for /.flatpak-info) it asks the
 * Background portal instead: a portal double on the test's private bus
 * checks what is asked (autostart, the command line, the request's token)
 * and answers before its reply, as a quick portal may; a refusal leaves
 * the switch off and says so.
 */

#include "config.h"

#include <adwaita.h>

#include "anshin-application.h"
#include "anshin-background.h"
#include "anshin-preferences-window.h"
#include "private-bus.h"

/* The Background portal, as xdg-desktop-portal offers it */
static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct {
  GDBusConnection *connection;
  guint            registration;
  guint32          response;   /* 0 granted, 1 denied by the holder */
  GPtrArray       *calls;      /* the options of each call */
} PortalDouble;

static void
on_portal_method_call_cb (GDBusConnection       *connection,
                          const char            *sender,
                          const char            *object_path,
                          const char            *interface_name,
                          const char            *method_name,
                          GVariant              *parameters,
                          GDBusMethodInvocation *invocation,
                          gpointer               user_data)
{
  PortalDouble *portal = user_data;
  g_autoptr(GVariant) options = NULL;
  g_autofree char *caller = g_strdup (sender + 1);
  g_autofree char *handle = NULL;
  const char *token = NULL;
  gboolean autostart = FALSE;
  GVariantBuilder results;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &options);
  g_ptr_array_add (portal->calls, g_variant_ref (options));
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_variant_lookup (options, "autostart", "b", &autostart);

  /* the request's path, as the portal makes it */
  g_strdelimit (caller, ".", '_');
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", caller, token);

  /* answered at once, before the reply: only a caller that subscribed
   * before calling hears it */
  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background",
                         g_variant_new_boolean (portal->response == 0));
  g_variant_builder_add (&results, "{sv}", "autostart",
                         g_variant_new_boolean (portal->response == 0 && autostart));
  g_dbus_connection_emit_signal (connection, NULL, handle, "org.freedesktop.portal.Request",
                                 "Response",
                                 g_variant_new ("(u@a{sv})", portal->response,
                                                g_variant_builder_end (&results)),
                                 NULL);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));
}

static PortalDouble *
portal_double_new (guint32 response)
{
  static const GDBusInterfaceVTable vtable = { .method_call = on_portal_method_call_cb };
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;
  PortalDouble *portal = g_new0 (PortalDouble, 1);

  portal->response = response;
  portal->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  portal->connection = private_bus_connect ();
  node = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_assert_no_error (error);
  portal->registration =
    g_dbus_connection_register_object (portal->connection, "/org/freedesktop/portal/desktop",
                                       node->interfaces[0], &vtable, portal, NULL, &error);
  g_assert_no_error (error);
  private_bus_own (portal->connection, "org.freedesktop.portal.Desktop");
  return portal;
}

static void
portal_double_free (PortalDouble *portal)
{
  g_dbus_connection_unregister_object (portal->connection, portal->registration);
  g_dbus_connection_close_sync (portal->connection, NULL, NULL);
  g_object_unref (portal->connection);
  g_ptr_array_unref (portal->calls);
  g_free (portal);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortalDouble, portal_double_free)

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

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0
      && gtk_widget_is_visible (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
pretend_flatpak (void)
{
  g_autofree char *info = g_build_filename (g_get_user_cache_dir (), "flatpak-info", NULL);

  g_assert_false (anshin_background_in_flatpak ());
  g_assert_true (g_file_set_contents (info, "[Application]\nname=" APPLICATION_ID "\n", -1, NULL));
  anshin_background_set_flatpak_info_path (info);
  g_assert_true (anshin_background_in_flatpak ());
}

static GtkSwitch *
watch_switch_of (AnshinPreferencesWindow *window)
{
  return GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                    ANSHIN_TYPE_PREFERENCES_WINDOW,
                                                    "watch_switch"));
}

static void
assert_asked (PortalDouble *portal,
              guint         call,
              gboolean      autostart)
{
  GVariant *options;
  g_autofree char *printed = NULL;
  g_autofree const char **commandline = NULL;
  const char *token = NULL;
  const char *reason = NULL;
  gboolean asked_autostart = !autostart;
  gboolean activatable = TRUE;

  g_assert_cmpuint (portal->calls->len, >, call);
  options = g_ptr_array_index (portal->calls, call);
  printed = g_variant_print (options, TRUE);
  g_test_message ("RequestBackground %s", printed);
  g_assert_true (g_variant_lookup (options, "autostart", "b", &asked_autostart));
  g_assert_cmpint (asked_autostart, ==, autostart);
  /* the watcher, started at login without the app's window */
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &commandline));
  g_assert_cmpuint (g_strv_length ((char **) commandline), ==, 1);
  g_assert_cmpstr (commandline[0], ==, g_getenv ("ANSHIN_WATCHER"));
  g_assert_true (g_variant_lookup (options, "dbus-activatable", "b", &activatable));
  g_assert_false (activatable);
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_assert_true (g_str_has_prefix (token, "anshin"));
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, !=, "");
}

/* Inside Flatpak, turning watching on asks the portal (no autostart file);
 * granted, the setting follows; off, the portal is asked to drop it. */
static void
test_portal_granted (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_autoptr(PortalDouble) portal = portal_double_new (0);
  g_autofree char *path = anshin_background_dup_autostart_path (APPLICATION_ID);
  AnshinPreferencesWindow *window;
  GtkSwitch *watch_switch;

  pretend_flatpak ();
  window = g_object_ref (anshin_preferences_window_new (NULL));
  watch_switch = watch_switch_of (window);

  gtk_switch_set_active (watch_switch, TRUE);
  while (!g_settings_get_boolean (settings, "watch-in-background"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (portal->calls->len, ==, 1);
  assert_asked (portal, 0, TRUE);
  g_assert_true (gtk_switch_get_state (watch_switch));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_switch_set_active (watch_switch, FALSE);
  while (g_settings_get_boolean (settings, "watch-in-background"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (portal->calls->len, ==, 2);
  assert_asked (portal, 1, FALSE);
  g_assert_false (gtk_switch_get_state (watch_switch));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  anshin_background_set_flatpak_info_path (NULL);
}

/* The holder says no in the portal's dialog (response 1): the switch goes
 * back off, the setting stays off, and the window says why. */
static void
test_portal_denied (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_autoptr(PortalDouble) portal = portal_double_new (1);
  const char *message = "Anshin Wallet can’t start at login to watch in the background. Check the Background Apps settings and try again.";
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  AnshinPreferencesWindow *window;
  GtkSwitch *watch_switch;

  pretend_flatpak ();
  window = g_object_ref (anshin_preferences_window_new (NULL));
  watch_switch = watch_switch_of (window);
  gtk_window_present (GTK_WINDOW (window));

  gtk_switch_set_active (watch_switch, TRUE);
  while (!shows_text (GTK_WIDGET (window), message))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (portal->calls->len, ==, 1);
  assert_asked (portal, 0, TRUE);
  g_assert_false (gtk_switch_get_active (watch_switch));
  g_assert_false (gtk_switch_get_state (watch_switch));
  g_assert_false (g_settings_get_boolean (settings, "watch-in-background"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  anshin_background_set_flatpak_info_path (NULL);
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
  int ret;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* what the entry starts; the switch starts it too, once turned on */
  g_setenv ("ANSHIN_WATCHER", "/bin/true", TRUE);
  /* the watcher this starts finds watching off in its own settings and
   * stops at once; nothing else is started */
  /* a session bus of the test's own, for the portal double */
  private_bus_start ();
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add_func ("/background/switch-installs-autostart", test_switch_installs_autostart);
  g_test_add_func ("/background/autostart-contents-quote", test_autostart_contents_quote);
  g_test_add_func ("/background/portal-granted", test_portal_granted);
  g_test_add_func ("/background/portal-denied", test_portal_denied);

  ret = g_test_run ();
  /* the kernel ends the bus with the test (private_bus_start()) */
  return ret;
}
