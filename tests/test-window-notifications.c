/* test-window-notifications.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A notice that arrives while the app runs becomes a desktop notification
 * whose title is the plain headline, not the issuer's raw title. A
 * GtDBusQueue stands in for org.freedesktop.Notifications on a private
 * bus; GLib's freedesktop notification backend talks to it.
 */

#include "config.h"

#include <libglib-testing/dbus-queue.h>

#include "anshin-explainer.h"
#include "window-test-util.h"

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

static AnshinApplication *app;
static GtDBusQueue *queue;

static gboolean
has_message (WindowTest *test)
{
  return gt_dbus_queue_get_n_messages (queue) > 0;
}

static gboolean
activation_arrived (WindowTest *test)
{
  return window_test_notice (test, ANSHIN_NOTICE_CODE_CARD_ACTIVATED) != NULL;
}

static void
test_notification_for_new_notice (void)
{
  g_autoptr(WindowTest) test = NULL;
  g_autoptr(GDBusMethodInvocation) invocation = NULL;
  g_autoptr(AnshinExplanation) explanation = NULL;
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_autofree char *headline = NULL;
  const char *app_name, *app_icon, *summary, *body;
  g_autofree const char **actions = NULL;
  g_autoptr(GVariant) hints = NULL;
  guint32 replaces_id;
  gint32 timeout;
  gboolean seen = FALSE;
  AnshinNotice *notice;

  g_settings_set_boolean (settings, "notifications-enabled", TRUE);
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);

  /* the notices of the first load are not announced */
  g_assert_cmpuint (gt_dbus_queue_get_n_messages (queue), ==, 0);

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
      g_assert_true (gt_dbus_queue_pop_message (queue, &invocation));
      g_assert_cmpstr (g_dbus_method_invocation_get_object_path (invocation), ==,
                       "/org/freedesktop/Notifications");
      g_assert_cmpstr (g_dbus_method_invocation_get_method_name (invocation), ==, "Notify");

      g_variant_get (g_dbus_method_invocation_get_parameters (invocation), "(&su&s&s&s^a&s@a{sv}i)",
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
        }

      g_dbus_method_invocation_return_value (g_steal_pointer (&invocation), g_variant_new ("(u)", 1));
      g_clear_pointer (&actions, g_free);
      g_clear_pointer (&hints, g_variant_unref);
    }

  /* the notification's default action opens that notice */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-notice",
                                  g_variant_new_string (anshin_notice_get_id (notice)));
  g_assert_cmpstr (anshin_window_get_visible_page (test->window), ==, "notices");
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

/* LeakSanitizer, in the sanitizer build only: the registered application
 * keeps its session-bus connection until the process ends, so GDBus's
 * shared worker thread is still running at exit and the thread-local data
 * of its main loop (context stack, dispatch state, a queued message's
 * strings) is reported, with no frame of ours in any stack. Those come
 * from libgio's worker thread; the window code this test drives is
 * leak-checked by test-window and test-window-story, which have no such
 * thread. Memory errors are still checked here. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libgio-2.0.so\n";
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  /* GLib's notification backend for org.freedesktop.Notifications, on the
   * private bus that the queue sets up as the session bus */
  g_setenv ("GNOTIFICATION_BACKEND", "freedesktop", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  queue = gt_dbus_queue_new ();
  g_assert_true (gt_dbus_queue_connect (queue, &error));
  g_assert_no_error (error);
  node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  gt_dbus_queue_own_name (queue, "org.freedesktop.Notifications");
  gt_dbus_queue_export_object (queue, "/org/freedesktop/Notifications", node->interfaces[0], &error);
  g_assert_no_error (error);

  app = anshin_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window-notifications/new-notice", test_notification_for_new_notice);
  g_test_add_func ("/window-notifications/switched-off", test_notification_switched_off);

  ret = g_test_run ();

  /* The registered application keeps its bus connection (and itself)
   * until the process ends, so the private bus cannot be taken down
   * cleanly here; GTestDBus's watcher stops the bus when we exit. */
  g_object_unref (app);

  return ret;
}
