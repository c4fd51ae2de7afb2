/* test-window-reminder.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Remind Me" on the lock moment (locked-out: adding a charge card is
 * paused until 08:00 tomorrow), clicked as the holder would: the window
 * says when the reminder will come, nothing is sent while the lock lasts,
 * and once the issuer's clock passes the lock's end one desktop
 * notification says registration is open again, once. The test runs a
 * D-Bus bus of its own (private-bus.h, the app's session bus) with the
 * small org.freedesktop.Notifications server of notify-server.h on it,
 * which records every call; no LeakSanitizer suppression.
 */

#include "config.h"

#include "anshin-card-page.h"
#include "anshin-moment-callout.h"
#include "notify-server.h"
#include "pages-test-util.h"
#include "private-bus.h"
#include "window-test-util.h"

static AnshinApplication *app;
static NotifyServer *server;
static const char *toast_text;

static gboolean
has_message (WindowTest *test)
{
  return notify_server_get_n_pending (server) > 0;
}

static gboolean
shows_lock (WindowTest *test)
{
  GtkWidget *card_page = window_test_child (test, "card_page");
  GtkWidget *callout = pages_test_template_child (card_page, ANSHIN_TYPE_CARD_PAGE, "first_moment");
  AnshinMoment *moment = anshin_moment_callout_get_moment (ANSHIN_MOMENT_CALLOUT (callout));

  return moment != NULL && pages_test_is_shown (callout)
         && anshin_moment_get_kind (moment) == ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED;
}

static gboolean
has_two_messages (WindowTest *test)
{
  return notify_server_get_n_pending (server) > 1;
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0
      && gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
shows_toast (WindowTest *test)
{
  return shows_text (GTK_WIDGET (test->window), toast_text);
}

/* Every Notify so far (each answered already), as "summary | body"; the
 * other calls popped too */
static GPtrArray *
pop_notifications (void)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);

  while (notify_server_get_n_pending (server) > 0)
    {
      NotifyCall *call = notify_server_pop (server);
      const char *summary = NULL;
      const char *body = NULL;

      if (!g_str_equal (call->method_name, "Notify"))
        continue;
      g_variant_get (call->parameters, "(&su&s&s&s@as@a{sv}i)", NULL, NULL, NULL, &summary,
                     &body, NULL, NULL, NULL);
      g_test_message ("Notify: %s | %s", summary, body);
      g_ptr_array_add (notes, g_strdup_printf ("%s | %s", summary, body));
    }
  return notes;
}

static void
test_remind_me (void)
{
  g_autoptr(WindowTest) test = NULL;
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_autoptr(GPtrArray) notes = NULL;
  GtkWidget *card_page;
  GtkWidget *callout;
  GtkWidget *button;
  AnshinMoment *moment;

  window_test_reset_settings ();
  g_settings_set_boolean (settings, "notifications-enabled", TRUE);
  test = window_test_new (app, "locked-out", FALSE);
  window_test_start (test);

  /* the lock's callout, at the top of the Card page, with its button
   * (08:00 in Tokyo is 23:00 in the tests' UTC) */
  g_assert_true (window_test_wait (test, shows_lock, 5000));
  card_page = window_test_child (test, "card_page");
  callout = pages_test_template_child (card_page, ANSHIN_TYPE_CARD_PAGE, "first_moment");
  moment = anshin_moment_callout_get_moment (ANSHIN_MOMENT_CALLOUT (callout));
  g_assert_cmpint (anshin_moment_get_kind (moment), ==, ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED);
  g_assert_cmpstr (anshin_moment_get_title (moment), ==,
                   "Adding a charge card is paused until 3 Dec 2025, 23:00");
  button = pages_test_template_child (callout, ANSHIN_TYPE_MOMENT_CALLOUT, "action_button");
  g_assert_true (pages_test_is_shown (button));
  g_assert_cmpstr (gtk_label_get_label (pages_test_template_child (callout, ANSHIN_TYPE_MOMENT_CALLOUT,
                                                                   "action_button_label")),
                   ==, "Remind Me");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "app.remind-registration");

  /* clicked: the window says when; nothing is sent yet */
  g_signal_emit_by_name (button, "clicked");
  toast_text = "You’ll get a notification at 3 Dec 2025, 23:00, when you can add a charge card again";
  g_assert_true (window_test_wait (test, shows_toast, 5000));
  g_assert_false (window_test_wait (test, has_message, 1000));

  /* an hour before the lock ends, still nothing */
  window_test_advance_clock (test, 22 * 3600);
  g_assert_false (window_test_wait (test, has_message, 1000));

  /* past the lock's end (08:00 on 4 December): one notification, in the
   * app's words */
  window_test_advance_clock (test, 3600 + 60);
  g_assert_true (window_test_wait (test, has_message, 5000));
  g_assert_false (window_test_wait (test, has_two_messages, 1000));
  notes = pop_notifications ();
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (notes, 0), ==,
                   "You can add a charge card again | "
                   "The pause on registering a charge card has ended; register it in Top-up when you're ready.");

  /* once: the clock moves on, the account refreshes, nothing again */
  window_test_advance_clock (test, 3600);
  window_test_settle (test);
  g_assert_false (window_test_wait (test, has_message, 1500));
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

  g_test_add_func ("/window-reminder/remind-me", test_remind_me);

  ret = g_test_run ();

  /* as in test-window-notifications.c: the registered application keeps
   * its bus connection until the process ends; the kernel ends the bus
   * with the test (private_bus_start()) */
  g_object_unref (app);
  notify_server_free (server);

  return ret;
}
