/* test-window-notifications.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A notice that arrives while the app runs becomes a desktop notification
 * whose title is the plain headline, not the issuer's raw title, and
 * clicking it opens that notice. The test runs a D-Bus bus of its own
 * (private-bus.h, the app's session bus) with a small
 * org.freedesktop.Notifications server on it (notify-server.h), which
 * records every call, answers each Notify with a new id and can send
 * ActionInvoked as a notification daemon does when a notification is
 * clicked.
 */

#include "config.h"

#include "anshin-explainer.h"
#include "notify-server.h"
#include "private-bus.h"
#include "window-test-util.h"

static AnshinApplication *app;
static NotifyServer *server;

static gboolean
has_message (WindowTest *test)
{
  return notify_server_get_n_pending (server) > 0;
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
  NotifyCall *call;

  g_settings_set_boolean (settings, "notifications-enabled", TRUE);
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);

  /* the notices of the first load are not announced */
  g_assert_cmpuint (notify_server_get_n_pending (server), ==, 0);

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
      call = notify_server_pop (server);
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
  notify_server_invoke_action (server, activation_id, "default");
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
  NotifyCall *call;

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
      call = notify_server_pop (server);
      g_assert_cmpstr (call->method_name, ==, "Notify");
      g_variant_get_child (call->parameters, 3, "&s", &summary);
      if (g_str_equal (summary, anshin_explanation_get_headline (explanation)))
        activation_id = call->id;
    }

  /* opened on the Notices page: read, and its notification closed */
  g_assert_false (anshin_notice_get_read (notice));
  g_assert_true (anshin_window_show_notice (test->window, anshin_notice_get_id (notice)));
  g_assert_true (window_test_wait (test, has_message, 5000));
  call = notify_server_pop (server);
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
  private_bus_start ();

  gtk_test_init (&argc, &argv, NULL);

  server = notify_server_new ();

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
   * ends it with the test (private_bus_start()). */
  g_object_unref (app);
  notify_server_free (server);

  return ret;
}
