/* anshin-background.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turning "Watch in the Background" on and off: outside a sandbox an
 * autostart entry, `$XDG_CONFIG_HOME/autostart/<app-id>.Watcher.desktop`
 * with NoDisplay=true; inside Flatpak (/.flatpak-info) the Background
 * portal's RequestBackground with autostart and the watcher's command line,
 * over raw GDBus (GLib 2.74 has no wrapper), subscribed to the request's
 * Response signal before the call so that a quick answer is not missed.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-background.h"

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

typedef struct {
  GDBusConnection *connection;
  char            *handle;
  guint            subscription;
  gboolean         enabled;
} PortalRequest;

static void
portal_request_free (PortalRequest *request)
{
  if (request->subscription != 0)
    g_dbus_connection_signal_unsubscribe (request->connection, request->subscription);
  g_clear_object (&request->connection);
  g_free (request->handle);
  g_free (request);
}

/* the file Flatpak puts in every sandbox (a test may point elsewhere) */
static char *flatpak_info_path;

/**
 * anshin_background_in_flatpak:
 *
 * Returns: whether this process runs inside a Flatpak sandbox
 */
gboolean
anshin_background_in_flatpak (void)
{
  return g_file_test (flatpak_info_path != NULL ? flatpak_info_path : "/.flatpak-info",
                      G_FILE_TEST_EXISTS);
}

/**
 * anshin_background_set_flatpak_info_path:
 * @path: (nullable): a file standing in for `/.flatpak-info`, or %NULL
 *
 * For the tests only: the sandbox is detected by @path, so that the
 * portal's way can be taken outside one.
 */
void
anshin_background_set_flatpak_info_path (const char *path)
{
  g_free (flatpak_info_path);
  flatpak_info_path = g_strdup (path);
}

/**
 * anshin_background_dup_watcher_path:
 *
 * Returns: (transfer full): the watcher's executable: `$ANSHIN_WATCHER`
 *   (the build tree's, for ./run and the tests) or the installed one
 */
char *
anshin_background_dup_watcher_path (void)
{
  const char *path = g_getenv ("ANSHIN_WATCHER");

  if (path != NULL && *path != '\0')
    return g_strdup (path);
  if (anshin_background_in_flatpak ())
    return g_strdup ("anshin-watcher");
  return g_build_filename (BINDIR, "anshin-watcher", NULL);
}

/**
 * anshin_background_dup_autostart_path:
 * @app_id: the app's application ID
 *
 * Returns: (transfer full): where the autostart entry goes
 */
char *
anshin_background_dup_autostart_path (const char *app_id)
{
  g_autofree char *name = g_strconcat (app_id, ".Watcher.desktop", NULL);

  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

/**
 * anshin_background_autostart_contents:
 *
 * Returns: (transfer full): the autostart entry that starts @watcher_path
 *   at login, hidden from menus
 */
char *
anshin_background_autostart_contents (const char *app_id,
                                      const char *watcher_path)
{
  g_autofree char *quoted = g_shell_quote (watcher_path);
  g_autofree char *exec = NULL;

  /* the desktop entry spec's quoting is the shell's for plain paths, but
   * it wants double quotes: quote only when needed */
  if (strpbrk (watcher_path, " \t\"'\\$`") == NULL)
    exec = g_strdup (watcher_path);
  else
    exec = g_strdup_printf ("\"%s\"", watcher_path);

  return g_strdup_printf ("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=%s\n"
                          "Comment=%s\n"
                          "Exec=%s\n"
                          "Icon=%s\n"
                          "Terminal=false\n"
                          "NoDisplay=true\n"
                          "X-GNOME-Autostart-enabled=true\n"
                          "X-GNOME-UsesNotifications=true\n",
                          _("Anshin Wallet"),
                          _("Tells you about your prepaid card while Anshin Wallet is closed"),
                          exec, app_id);
}

/* Outside a sandbox: the autostart entry */

static void
on_autostart_written_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_autostart_deleted_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_delete_finish (G_FILE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_autostart (GTask      *task,
               const char *app_id,
               gboolean    enabled)
{
  g_autofree char *path = anshin_background_dup_autostart_path (app_id);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (enabled)
    {
      g_autofree char *watcher = anshin_background_dup_watcher_path ();
      g_autofree char *dir = g_path_get_dirname (path);
      char *contents = anshin_background_autostart_contents (app_id, watcher);
      g_autoptr(GBytes) bytes = g_bytes_new_take (contents, strlen (contents));

      /* one mkdir of the user's own config directory */
      g_mkdir_with_parents (dir, 0700);
      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                           g_task_get_cancellable (task),
                                           on_autostart_written_cb, g_object_ref (task));
    }
  else
    g_file_delete_async (file, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                         on_autostart_deleted_cb, g_object_ref (task));
}

/* Inside Flatpak: the Background portal */

static void
on_portal_response_cb (GDBusConnection *connection,
                       const char      *sender,
                       const char      *path,
                       const char      *interface,
                       const char      *signal,
                       GVariant        *parameters,
                       gpointer         user_data)
{
  GTask *task = user_data;
  PortalRequest *request = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  guint32 response = 2;
  gboolean autostart = FALSE;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "autostart", "b", &autostart);

  g_dbus_connection_signal_unsubscribe (connection, request->subscription);
  request->subscription = 0;

  if (response != 0)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             "%s", _("Running in the background was not allowed"));
  else if (request->enabled && !autostart)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             "%s", _("Starting at login was not allowed"));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
on_portal_called_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      PortalRequest *request = g_task_get_task_data (task);

      /* the Response came first and the call failed after it (cancelled:
       * the Preferences window closed before the reply was dispatched): the
       * task has its result and the signal's reference is gone already */
      if (request->subscription == 0)
        return;

      /* no Response will come: the reference the signal held is ours */
      g_dbus_connection_signal_unsubscribe (request->connection, request->subscription);
      request->subscription = 0;
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
    }
}

static void
request_background (GTask      *task,
                    gboolean    enabled,
                    const char *reason)
{
  PortalRequest *request = g_new0 (PortalRequest, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *token = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *watcher = anshin_background_dup_watcher_path ();
  const char *commandline[] = { watcher, NULL };
  GVariantBuilder options;

  g_task_set_task_data (task, request, (GDestroyNotify) portal_request_free);
  request->enabled = enabled;
  request->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (request->connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* the request's object path is known before the call: subscribe first */
  sender = g_strdup (g_dbus_connection_get_unique_name (request->connection) + 1);
  g_strdelimit (sender, ".", '_');
  token = g_strdup_printf ("anshin%u", g_random_int ());
  request->handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
  request->subscription =
    g_dbus_connection_signal_subscribe (request->connection, PORTAL_BUS_NAME,
                                        "org.freedesktop.portal.Request", "Response",
                                        request->handle, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NO_MATCH_RULE,
                                        on_portal_response_cb, g_object_ref (task), NULL);
  rule = g_strdup_printf ("type='signal',sender='" PORTAL_BUS_NAME "',"
                          "interface='org.freedesktop.portal.Request',"
                          "member='Response',path='%s'", request->handle);
  g_dbus_connection_call (request->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "AddMatch", g_variant_new ("(s)", rule),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason", g_variant_new_string (reason));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (request->connection, PORTAL_BUS_NAME, PORTAL_PATH,
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, g_task_get_cancellable (task),
                          on_portal_called_cb, g_object_ref (task));
}

/**
 * anshin_background_set_enabled_async:
 * @app_id: the app's application ID
 * @enabled: whether the watcher starts at login
 * @reason: why, for the portal's question to the holder
 *
 * Installs or removes the autostart entry (or asks the Background portal).
 */
void
anshin_background_set_enabled_async (const char          *app_id,
                                     gboolean             enabled,
                                     const char          *reason,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (g_application_id_is_valid (app_id));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_background_set_enabled_async);

  if (anshin_background_in_flatpak ())
    request_background (task, enabled, reason != NULL ? reason : "");
  else
    set_autostart (task, app_id, enabled);
}

gboolean
anshin_background_set_enabled_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anshin_background_set_enabled_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * anshin_background_start_watcher:
 *
 * Starts the watcher now (not only at the next login). A watcher already
 * running takes this as a no-op (it is a unique GApplication).
 */
void
anshin_background_start_watcher (void)
{
  g_autofree char *watcher = anshin_background_dup_watcher_path ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_INHERIT, &error, watcher, NULL);
  if (process == NULL)
    g_debug ("The background watcher could not be started: %s", error->message);
  else
    g_subprocess_wait_async (process, NULL, NULL, NULL);
}

/**
 * anshin_background_stop_watcher:
 * @connection: the session bus
 * @app_id: the app's application ID
 *
 * Asks a running watcher to quit (app.quit); starts none.
 */
void
anshin_background_stop_watcher (GDBusConnection *connection,
                                const char      *app_id)
{
  g_autofree char *name = g_strconcat (app_id, ".Watcher", NULL);
  g_autofree char *path = g_strconcat ("/", name, NULL);

  g_return_if_fail (G_IS_DBUS_CONNECTION (connection));

  g_strdelimit (path, ".", '/');
  g_dbus_connection_call (connection, name, path, "org.freedesktop.Application", "ActivateAction",
                          g_variant_new_parsed ("('quit', @av [], @a{sv} {})"),
                          NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
}
