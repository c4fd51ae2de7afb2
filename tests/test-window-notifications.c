/* test-window-notifications.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A notice that arrives while the app runs becomes a desktop notification
 * whose title is the plain headline, not the issuer's raw title, and
 * clicking it opens that notice. The test runs a D-Bus bus of its own (a
 * dbus-daemon it starts, the app's session bus) with a small
 * org.freedesktop.Notifications server on it, written with plain GDBus:
 * GLib's freedesktop notification backend talks to it, and the server
 * records every call, answers each Notify with a new id and can send
 * ActionInvoked as a notification daemon does when a notification is
 * clicked.
 *
 * (Not GTestDBus, nor libglib-testing's GtDBusQueue, which uses it:
 * GTestDBus forks a watcher process from the threaded test, and under
 * LeakSanitizer that copy reported the memory of the threads it does not
 * have, GDBus's worker among them, as leaked when it exits.)
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>

#include "anshin-explainer.h"
#include "window-test-util.h"

#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH "/org/freedesktop/Notifications"

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' name='id' direction='in'/>"
  "    </method>"
  "    <signal name='ActionInvoked'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='s' name='action_key'/>"
  "    </signal>"
  "    <signal name='NotificationClosed'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='u' name='reason'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

/* The bus: a dbus-daemon that only this test uses, anyone may own any
 * name on it (as GTestDBus configures its own) */
static const char bus_config[] =
  "<busconfig>\n"
  "  <type>session</type>\n"
  "  <listen>unix:tmpdir=/tmp</listen>\n"
  "  <policy context='default'>\n"
  "    <allow send_destination='*' eavesdrop='true'/>\n"
  "    <allow eavesdrop='true'/>\n"
  "    <allow own='*'/>\n"
  "  </policy>\n"
  "</busconfig>\n";

/* One method call the notification server answered. */
typedef struct {
  char     *object_path;
  char     *method_name;
  GVariant *parameters;
  guint32   id;          /* Notify: the id it was given */
} ServerCall;

static void
server_call_free (ServerCall *call)
{
  g_free (call->object_path);
  g_free (call->method_name);
  g_variant_unref (call->parameters);
  g_free (call);
}

static AnshinApplication *app;
static GDBusConnection *server;  /* the notification server's connection */
static guint server_object;
static GPtrArray *calls;         /* ServerCall, in the order they came */
static guint next_call;          /* the first call the test has not looked at */
static guint32 last_id;

static void
server_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  ServerCall *call = g_new0 (ServerCall, 1);

  call->object_path = g_strdup (object_path);
  call->method_name = g_strdup (method_name);
  call->parameters = g_variant_ref (parameters);
  g_ptr_array_add (calls, call);

  if (g_str_equal (method_name, "Notify"))
    {
      guint32 replaces_id;

      /* a new notification gets a new id; a replacement keeps its own */
      g_variant_get_child (parameters, 1, "u", &replaces_id);
      call->id = replaces_id != 0 ? replaces_id : ++last_id;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", call->id));
    }
  else
    {
      guint32 id;

      /* CloseNotification: closed, as the daemon says (reason 3) */
      g_variant_get (parameters, "(u)", &id);
      g_dbus_connection_emit_signal (connection, NULL, NOTIFICATIONS_PATH, NOTIFICATIONS_NAME,
                                     "NotificationClosed", g_variant_new ("(uu)", id, 3), NULL);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static const GDBusInterfaceVTable server_vtable = { server_method_call, NULL, NULL, { 0 } };

static void
bus_child_setup (gpointer user_data)
{
  /* the bus goes when the test does, however it ends */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts the test's own bus and makes it the session bus (the kernel ends
 * it when the test process ends). */
static void
start_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GInputStream) out = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  const char *argv[] = { "dbus-daemon", "--nofork", "--nopidfile", "--print-address",
                         "--config-file", NULL, NULL };
  int fd, out_fd;
  GPid pid;

  fd = g_file_open_tmp ("anshin-test-bus-XXXXXX.conf", &config, &error);
  g_assert_no_error (error);
  g_assert_true (g_close (fd, NULL));
  g_assert_true (g_file_set_contents (config, bus_config, -1, &error));
  g_assert_no_error (error);

  argv[5] = config;
  /* not reaped by GLib: that would start it from an intermediate process,
   * whose end would end the bus at once (bus_child_setup()) */
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                           bus_child_setup, NULL, &pid, NULL, &out_fd, NULL,
                                           &error));
  g_assert_no_error (error);

  out = g_unix_input_stream_new (out_fd, TRUE);
  lines = g_data_input_stream_new (out);
  address = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_unlink (config);

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
}

/* The notification server's own connection to the bus, owning the name
 * before the app sends anything. */
static void
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *address = NULL;
  guint32 result;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  server = g_dbus_connection_new_for_address_sync (address,
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                   | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);

  node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  calls = g_ptr_array_new_with_free_func ((GDestroyNotify) server_call_free);
  server_object = g_dbus_connection_register_object (server, NOTIFICATIONS_PATH,
                                                     node->interfaces[0], &server_vtable,
                                                     NULL, NULL, &error);
  g_assert_no_error (error);

  reply = g_dbus_connection_call_sync (server, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", NOTIFICATIONS_NAME,
                                                      0x4 /* DBUS_NAME_FLAG_DO_NOT_QUEUE */),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1 /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */);
}

static void
stop_server (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_dbus_connection_unregister_object (server, server_object));
  g_dbus_connection_close_sync (server, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server);
  g_clear_pointer (&calls, g_ptr_array_unref);
}

/* the notification's action @key clicked, as a notification daemon says it */
static void
server_invoke_action (guint32     id,
                      const char *key)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_dbus_connection_emit_signal (server, NULL, NOTIFICATIONS_PATH,
                                                NOTIFICATIONS_NAME, "ActionInvoked",
                                                g_variant_new ("(us)", id, key), &error));
  g_assert_no_error (error);
}

static gboolean
has_message (WindowTest *test)
{
  return next_call < calls->len;
}

/* the next call the server answered (owned by calls) */
static ServerCall *
pop_message (void)
{
  g_assert_cmpuint (next_call, <, calls->len);
  return g_ptr_array_index (calls, next_call++);
}

static gboolean
activation_arrived (WindowTest *test)
{
  return window_test_notice (test, ANSHIN_NOTICE_CODE_CARD_ACTIVATED) != NULL;
}

static gboolean
notices_shown (WindowTest *test)
{
  return g_strcmp0 (anshin_window_get_visible_page (test->window), "notices") == 0;
}

static void
test_notification_for_new_notice (void)
{
  g_autoptr(WindowTest) test = NULL;
  g_autoptr(AnshinExplanation) explanation = NULL;
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_autofree char *headline = NULL;
  const char *app_name, *app_icon, *summary, *body;
  g_autofree const char **actions = NULL;
  g_autoptr(GVariant) hints = NULL;
  guint32 replaces_id, activation_id = 0;
  gint32 timeout;
  gboolean seen = FALSE;
  AnshinNotice *notice;
  ServerCall *call;

  g_settings_set_boolean (settings, "notifications-enabled", TRUE);
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);

  /* the notices of the first load are not announced */
  g_assert_cmpuint (calls->len - next_call, ==, 0);

  /* announced, then renewal day brings "card activation complete" */
  window_test_next_step (test);
  window_test_next_step (test);
  g_assert_true (window_test_wait (test, activation_arrived, 5000));
  notice = window_test_notice (test, ANSHIN_NOTICE_CODE_CARD_ACTIVATED);
  explanation = anshin_explain_notice (notice, anshin_account_get_card (test->account),
                                       anshin_account_get_payment_methods (test->account),
                                       anshin_account_get_programs (test->account),
                                       anshin_window_get_now (test->window));
  headline = g_strdup (anshin_explanation_get_headline (explanation));
  g_assert_cmpstr (headline, !=, anshin_notice_get_title (notice));

  /* one Notify per new notice: find the one for the activation */
  while (!seen)
    {
      g_assert_true (window_test_wait (test, has_message, 5000));
      call = pop_message ();
      g_assert_cmpstr (call->object_path, ==, "/org/freedesktop/Notifications");
      g_assert_cmpstr (call->method_name, ==, "Notify");

      g_variant_get (call->parameters, "(&su&s&s&s^a&s@a{sv}i)",
                     &app_name, &replaces_id, &app_icon, &summary, &body, &actions, &hints,
                     &timeout);
      seen = g_str_equal (summary, headline);
      if (seen)
        {
          /* the body says what to do (in plain words, not the issuer's
           * text; its wording depends on the payment methods known when
           * the notice arrived); clicking opens the notice */
          g_assert_cmpstr (body, !=, "");
          g_assert_cmpstr (body, !=, anshin_notice_get_body (notice));
          g_assert_true (g_strv_contains (actions, "default"));
          activation_id = call->id;
        }

      g_clear_pointer (&actions, g_free);
      g_clear_pointer (&hints, g_variant_unref);
    }

  /* the notification's default action (the daemon says it was clicked)
   * opens that notice */
  g_assert_cmpstr (anshin_window_get_visible_page (test->window), !=, "notices");
  server_invoke_action (activation_id, "default");
  g_assert_true (window_test_wait (test, notices_shown, 5000));
  g_assert_cmpstr (anshin_window_get_visible_page (test->window), ==, "notices");
}

/* A notice read in the app, not from its notification: the notification
 * has done its job and goes from the desktop. */
static void
test_notification_withdrawn_when_read (void)
{
  g_autoptr(WindowTest) test = NULL;
  g_autoptr(AnshinExplanation) explanation = NULL;
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  guint32 activation_id = 0, closed_id;
  AnshinNotice *notice;
  ServerCall *call;

  g_settings_set_boolean (settings, "notifications-enabled", TRUE);
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);

  window_test_next_step (test);
  window_test_next_step (test);
  g_assert_true (window_test_wait (test, activation_arrived, 5000));
  notice = window_test_notice (test, ANSHIN_NOTICE_CODE_CARD_ACTIVATED);
  explanation = anshin_explain_notice (notice, anshin_account_get_card (test->account),
                                       anshin_account_get_payment_methods (test->account),
                                       anshin_account_get_programs (test->account),
                                       anshin_window_get_now (test->window));

  while (activation_id == 0)
    {
      const char *summary;

      g_assert_true (window_test_wait (test, has_message, 5000));
      call = pop_message ();
      g_assert_cmpstr (call->method_name, ==, "Notify");
      g_variant_get_child (call->parameters, 3, "&s", &summary);
      if (g_str_equal (summary, anshin_explanation_get_headline (explanation)))
        activation_id = call->id;
    }

  /* opened on the Notices page: read, and its notification closed */
  g_assert_false (anshin_notice_get_read (notice));
  g_assert_true (anshin_window_show_notice (test->window, anshin_notice_get_id (notice)));
  g_assert_true (window_test_wait (test, has_message, 5000));
  call = pop_message ();
  g_assert_cmpstr (call->method_name, ==, "CloseNotification");
  g_variant_get (call->parameters, "(u)", &closed_id);
  g_assert_cmpuint (closed_id, ==, activation_id);
  g_assert_true (anshin_notice_get_read (notice));
}

static void
test_notification_switched_off (void)
{
  g_autoptr(WindowTest) test = NULL;
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);

  g_settings_set_boolean (settings, "notifications-enabled", FALSE);
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);

  window_test_next_step (test);
  window_test_next_step (test);
  g_assert_true (window_test_wait (test, activation_arrived, 5000));

  /* give a notification time to arrive: none does */
  g_assert_false (window_test_wait (test, has_message, 1000));
  g_settings_reset (settings, "notifications-enabled");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  /* GLib's notification backend for org.freedesktop.Notifications, on
   * the test's own bus, as the app's session bus */
  g_setenv ("GNOTIFICATION_BACKEND", "freedesktop", TRUE);
  start_bus ();

  gtk_test_init (&argc, &argv, NULL);

  start_server ();

  app = anshin_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window-notifications/new-notice", test_notification_for_new_notice);
  g_test_add_func ("/window-notifications/withdrawn-when-read",
                   test_notification_withdrawn_when_read);
  g_test_add_func ("/window-notifications/switched-off", test_notification_switched_off);

  ret = g_test_run ();

  /* The registered application keeps its bus connection (and itself)
   * until the process ends, so the bus stays up until then; the kernel
   * ends it with the test (bus_child_setup()). */
  g_object_unref (app);
  stop_server ();

  return ret;
}
