/* anshin-application.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-application.h"
#include "anshin-format.h"
#include "anshin-issuer-url.h"
#include "anshin-mock-thread.h"
#include "anshin-notifier.h"
#include "anshin-preferences-window.h"
#include "anshin-window.h"

struct _AnshinApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;
  gint64            start_time;

  /* command-line options */
  gboolean          demo_requested;
  char             *demo_scenario;
  int               demo_step;        /* --step N: 1-based, 0 if not given */
  char             *issuer_url;
  gboolean          measure_startup;

  /* the embedded demo issuer, while in demo mode */
  AnshinMockThread *mock;

  /* desktop notifications for the account the window shows (the
   * background watcher is silent while this process owns its bus name) */
  AnshinNotifier   *notifier;
  guint             present_source;

  /* weak pointers: one of each at a time */
  GtkWindow        *preferences_window;
  GtkWindow        *shortcuts_window;
};

G_DEFINE_FINAL_TYPE (AnshinApplication, anshin_application, ADW_TYPE_APPLICATION)

/* How long a new window may wait for the card before it shows anyway */
#define PRESENT_DELAY_MS 400

typedef struct {
  const char *action;
  const char *accels[3];
} AnshinAccel;

/* Keep ui/anshin-shortcuts-window.ui in step with this table; the tests
 * check that both list the same accelerators. win.refresh belongs to the
 * window once it shows the issuer's data. */
static const AnshinAccel accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-page('card')", { "<Alt>1", NULL } },
  { "win.show-page('payment-methods')", { "<Alt>2", NULL } },
  { "win.show-page('notices')", { "<Alt>3", NULL } },
  { "win.show-page('top-up')", { "<Alt>4", NULL } },
  { "win.show-page('activity')", { "<Alt>5", NULL } },
  { "win.refresh", { "F5", "<Control>r", NULL } },
};

static GtkWindow *
get_main_window (AnshinApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (ANSHIN_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* The main window, opened (or made) first: for the actions that reach it
 * from a notification, possibly with no window yet */
static AnshinWindow *
activate_main_window (AnshinApplication *self)
{
  g_application_activate (G_APPLICATION (self));

  return (AnshinWindow *) get_main_window (self);
}

/* The issuer: the embedded demo issuer, or the one configured */

/* Returns the account for the configured issuer, or for the embedded
 * demo issuer (started here) with its controller in @out_controller */
static AnshinAccount *
new_account (AnshinApplication     *self,
             AnshinDemoController **out_controller,
             char                 **out_problem)
{
  g_autofree char *configured = g_settings_get_string (self->settings, "issuer-url");
  const char *url = self->issuer_url != NULL ? self->issuer_url : configured;
  g_autoptr(AnshinAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  *out_controller = NULL;
  *out_problem = NULL;

  if (self->demo_requested || url == NULL || *url == '\0')
    {
      if (self->mock == NULL)
        self->mock = anshin_mock_thread_start (self->demo_scenario, TRUE, &error);
      g_debug ("Startup: demo issuer started after %" G_GINT64_FORMAT " ms",
               (g_get_monotonic_time () - self->start_time) / 1000);
      if (self->mock == NULL)
        {
          g_printerr ("%s: %s\n", _("The demo issuer could not be started"), error->message);
          *out_problem = g_strdup (_("The demo issuer built into Anshin Wallet could not be started. Restart Anshin Wallet; if it happens again, set the address of your card issuer in Preferences."));
          return NULL;
        }

      url = anshin_mock_thread_get_url (self->mock);
      *out_controller = anshin_demo_controller_new (url);

      /* --step N: the first window starts the story there */
      if (self->demo_step > 0)
        anshin_demo_controller_set_start_step (*out_controller, (guint) self->demo_step - 1);
      self->demo_step = 0;
    }
  else
    {
      /* the demo issuer is only needed in demo mode */
      g_clear_pointer (&self->mock, anshin_mock_thread_free);

      if (!anshin_issuer_url_is_allowed (url, &error))
        {
          g_printerr ("%s: %s\n", _("The issuer address can’t be used"), error->message);
          *out_problem = g_strdup (error->message);
          return NULL;
        }
    }

  account = anshin_account_new_for_url (url, &error);
  if (account == NULL)
    {
      g_printerr ("%s: %s\n", _("The issuer address can’t be used"), error->message);
      *out_problem = g_strdup (_("The issuer address can’t be used. Check it in Preferences."));
      g_clear_object (out_controller);
      return NULL;
    }

  /* the demo issuer is new on every run: nothing of it goes to the keyring */
  anshin_account_set_remember_sign_in (account, *out_controller == NULL);

  return g_steal_pointer (&account);
}

/* The notifier follows the window's account. What it notified is
 * remembered in the state directory, shared with the background watcher;
 * for the throw-away demo issuer only in memory. */
static void
follow_account (AnshinApplication *self,
                AnshinAccount     *account,
                gboolean           demo)
{
  g_autofree char *path = demo ? NULL : anshin_notifier_dup_default_path ();

  if (self->notifier != NULL)
    anshin_notifier_set_account (self->notifier, NULL);
  g_clear_object (&self->notifier);
  if (account == NULL)
    return;

  self->notifier = anshin_notifier_new (G_APPLICATION (self), path);
  anshin_notifier_set_peer (self->notifier, APPLICATION_ID ".Watcher");
  anshin_notifier_set_enabled (self->notifier,
                               g_settings_get_boolean (self->settings, "notifications-enabled"));
  anshin_notifier_set_account (self->notifier, account);
}

/* Whichever account the main window shows, a demo's restarted one too */
static void
on_window_account_cb (AnshinWindow      *window,
                      GParamSpec        *pspec,
                      AnshinApplication *self)
{
  follow_account (self, anshin_window_get_account (window),
                  anshin_window_get_demo_controller (window) != NULL);
}

static void
on_window_added_cb (AnshinApplication *self,
                    GtkWindow         *window)
{
  if (!ANSHIN_IS_WINDOW (window))
    return;

  g_signal_connect_object (window, "notify::account", G_CALLBACK (on_window_account_cb), self, 0);
  on_window_account_cb (ANSHIN_WINDOW (window), NULL, self);
}

/* The (one) main window is gone, and its account with it */
static void
on_window_removed_cb (AnshinApplication *self,
                      GtkWindow         *window)
{
  if (ANSHIN_IS_WINDOW (window))
    follow_account (self, NULL, FALSE);
}

static void
on_notifications_enabled_changed_cb (AnshinApplication *self)
{
  if (self->notifier != NULL)
    anshin_notifier_set_enabled (self->notifier,
                                 g_settings_get_boolean (self->settings, "notifications-enabled"));
}

static void
on_issuer_url_changed_cb (AnshinApplication *self)
{
  GtkWindow *window = get_main_window (self);

  /* Preferences changed the issuer: the command line no longer decides */
  g_clear_pointer (&self->issuer_url, g_free);
  self->demo_requested = FALSE;

  if (window != NULL)
    {
      g_autoptr(AnshinDemoController) controller = NULL;
      g_autofree char *problem = NULL;
      g_autoptr(AnshinAccount) account = new_account (self, &controller, &problem);

      anshin_window_set_demo_controller (ANSHIN_WINDOW (window), controller);
      anshin_window_set_account (ANSHIN_WINDOW (window), account);
      if (problem != NULL)
        anshin_window_show_problem (ANSHIN_WINDOW (window), problem);
    }
}

static void present_main_window (AnshinApplication *self);

/* --measure-startup: print the time from main() to the first frame that
 * shows the issuer's card, then quit */

static void
on_after_paint_cb (GdkFrameClock     *frame_clock,
                   AnshinApplication *self)
{
  gint64 elapsed = g_get_monotonic_time () - self->start_time;

  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint_cb, self);
  g_print ("startup-ms %" G_GINT64_FORMAT "\n", elapsed / 1000);
  g_application_quit (G_APPLICATION (self));
}

static void
on_window_loaded_cb (AnshinWindow      *window,
                     GParamSpec        *pspec,
                     AnshinApplication *self)
{
  GdkFrameClock *frame_clock;

  if (!anshin_window_get_loaded (window))
    return;

  g_signal_handlers_disconnect_by_func (window, on_window_loaded_cb, self);
  g_debug ("Startup: card loaded after %" G_GINT64_FORMAT " ms",
           (g_get_monotonic_time () - self->start_time) / 1000);
  /* shown with the card, if it was waiting for it */
  present_main_window (self);
  g_debug ("Startup: window presented after %" G_GINT64_FORMAT " ms",
           (g_get_monotonic_time () - self->start_time) / 1000);
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

static void on_window_view_cb (AnshinWindow      *window,
                               GParamSpec        *pspec,
                               AnshinApplication *self);

static void
present_main_window (AnshinApplication *self)
{
  GtkWindow *window = get_main_window (self);

  g_clear_handle_id (&self->present_source, g_source_remove);
  if (window == NULL)
    return;

  g_signal_handlers_disconnect_by_func (window, on_window_view_cb, self);
  gtk_window_present (window);
}

static gboolean
on_present_timeout_cb (gpointer user_data)
{
  AnshinApplication *self = user_data;

  self->present_source = 0;
  present_main_window (self);
  return G_SOURCE_REMOVE;
}

static void
on_window_view_cb (AnshinWindow      *window,
                   GParamSpec        *pspec,
                   AnshinApplication *self)
{
  /* the wallet is presented with the card (the loaded property), the
   * sign-in and "can't reach" pages at once */
  if (g_strcmp0 (anshin_window_get_view (window), "loading") == 0)
    return;

  if (g_strcmp0 (anshin_window_get_view (window), "wallet") == 0
      && !anshin_window_get_loaded (window))
    {
      g_signal_connect_object (window, "notify::loaded", G_CALLBACK (on_window_view_cb), self, 0);
      return;
    }

  present_main_window (self);
}

static void
anshin_application_show_notice_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  AnshinWindow *window = activate_main_window (user_data);

  if (window != NULL)
    anshin_window_show_notice (window, g_variant_get_string (parameter, NULL));
}

/* A notification's default action: the window at a page */
static void
anshin_application_show_page_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  AnshinWindow *window = activate_main_window (user_data);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                g_variant_get_string (parameter, NULL));
}

/* "Freeze Card" on the notification of an activation nobody announced:
 * the window's freeze, with its confirmation and undo */
static void
anshin_application_freeze_card_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  AnshinWindow *window = activate_main_window (user_data);

  if (window != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "card");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.freeze-card", NULL);
    }
}

/* "Remind Me When Registration Opens": the parameter is the issuer time
 * the lock ends (ISO 8601), as the lock's callout knows it */
static void
anshin_application_remind_registration_action (GSimpleAction *action,
                                               GVariant      *parameter,
                                               gpointer       user_data)
{
  AnshinApplication *self = user_data;
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (g_variant_get_string (parameter, NULL),
                                                          NULL);
  GtkWindow *window = get_main_window (self);

  if (at == NULL || self->notifier == NULL)
    return;

  anshin_notifier_remind_registration (self->notifier, at);

  /* said where the button was clicked */
  if (window != NULL)
    {
      g_autofree char *when = anshin_format_date_time (at);
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      if (g_settings_get_boolean (self->settings, "notifications-enabled"))
        /* TRANSLATORS: after "Remind Me" on "adding a charge card is paused
         * until …"; %s is a date and time, e.g. "4 Dec 2025, 08:00" */
        text = g_strdup_printf (_("You’ll get a notification at %s, when you can add a charge card again"),
                                when);
      else
        /* TRANSLATORS: as above, with notifications turned off in Preferences */
        text = g_strdup_printf (_("Reminder set for %s; turn on notifications in Preferences to get it"),
                                when);
      escaped = g_markup_escape_text (text, -1);
      anshin_window_add_toast (ANSHIN_WINDOW (window), adw_toast_new (escaped));
    }
}

static void
anshin_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  AnshinApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close the windows rather than just leaving the main loop, so that each
   * one stores its size and page through its close-request handler. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
anshin_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  AnshinApplication *self = user_data;
  static const char *developers[] = { "The Anshin Wallet authors", NULL };
  const char *translators = _("translator-credits");
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_main_window (self),
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Anshin Wallet"),
                        "comments", _("Understand your prepaid card at a glance"),
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Anshin Wallet authors",
                        "developers", developers,
                        "copyright", "© 2026 The Anshin Wallet authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);

  /* The untranslated msgid means there is no translation to credit. */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);

  gtk_window_present (GTK_WINDOW (about));
}

static void
anshin_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  AnshinApplication *self = user_data;

  if (self->preferences_window == NULL)
    {
      GtkWindow *window = GTK_WINDOW (anshin_preferences_window_new (get_main_window (self)));

      g_set_weak_pointer (&self->preferences_window, window);
    }

  gtk_window_present (self->preferences_window);
}

static void
anshin_application_shortcuts_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  AnshinApplication *self = user_data;

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;
      GtkWindow *window;

      builder = gtk_builder_new_from_resource (RESOURCE_BASE "/anshin-shortcuts-window.ui");
      window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_window_set_transient_for (window, get_main_window (self));
      g_set_weak_pointer (&self->shortcuts_window, window);
    }

  gtk_window_present (self->shortcuts_window);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = anshin_application_quit_action },
  { .name = "about", .activate = anshin_application_about_action },
  { .name = "preferences", .activate = anshin_application_preferences_action },
  { .name = "shortcuts", .activate = anshin_application_shortcuts_action },
  { .name = "show-notice", .activate = anshin_application_show_notice_action, .parameter_type = "s" },
  { .name = "show-page", .activate = anshin_application_show_page_action, .parameter_type = "s" },
  { .name = "freeze-card", .activate = anshin_application_freeze_card_action },
  { .name = "remind-registration", .activate = anshin_application_remind_registration_action,
    .parameter_type = "s" },
};

/* The icon theme's first lookup reads the theme's index and the caches of
 * all its icon directories: about 10 ms before the first frame. A
 * GtkIconTheme is set up on the main thread and may then be searched from
 * any thread (its lookups take its lock), so a worker makes that first
 * lookup while the window is built and the card is fetched. */
static void
warm_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (GTK_ICON_THEME (task_data), "open-menu-symbolic", NULL,
                                     16, 1, GTK_TEXT_DIR_NONE, 0);
}

static void
warm_icon_theme (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, warm_icon_theme);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)),
                        g_object_unref);
  g_task_run_in_thread (task, warm_icon_theme_thread);
}

static void
anshin_application_startup (GApplication *application)
{
  AnshinApplication *self = ANSHIN_APPLICATION (application);

  g_debug ("Startup: GTK starting after %" G_GINT64_FORMAT " ms",
           (g_get_monotonic_time () - self->start_time) / 1000);
  G_APPLICATION_CLASS (anshin_application_parent_class)->startup (application);
  g_debug ("Startup: GTK started after %" G_GINT64_FORMAT " ms",
           (g_get_monotonic_time () - self->start_time) / 1000);
  warm_icon_theme ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_signal_connect (self, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  g_signal_connect (self, "window-removed", G_CALLBACK (on_window_removed_cb), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
anshin_application_activate (GApplication *application)
{
  AnshinApplication *self = ANSHIN_APPLICATION (application);
  GtkWindow *window;

  window = get_main_window (self);
  if (window == NULL)
    {
      g_autoptr(AnshinDemoController) controller = NULL;
      g_autoptr(AnshinAccount) account = NULL;
      g_autofree char *problem = NULL;

      g_debug ("Startup: activated after %" G_GINT64_FORMAT " ms",
               (g_get_monotonic_time () - self->start_time) / 1000);

      /* the demo issuer and its scenario files load meanwhile the window
       * is built */
      account = new_account (self, &controller, &problem);
      window = GTK_WINDOW (anshin_window_new (self));
      g_debug ("Startup: window built after %" G_GINT64_FORMAT " ms",
               (g_get_monotonic_time () - self->start_time) / 1000);
      if (self->measure_startup)
        g_signal_connect_object (window, "notify::loaded", G_CALLBACK (on_window_loaded_cb),
                                 self, 0);
      anshin_window_set_demo_controller (ANSHIN_WINDOW (window), controller);
      anshin_window_set_account (ANSHIN_WINDOW (window), account);
      if (problem != NULL)
        anshin_window_show_problem (ANSHIN_WINDOW (window), problem);

      /* A new window shows up with the card rather than with a spinner
       * that flashes for a moment: it is presented once the account
       * settles, or after a short wait at most. */
      if (g_strcmp0 (anshin_window_get_view (ANSHIN_WINDOW (window)), "loading") == 0)
        {
          g_signal_connect_object (window, "notify::view", G_CALLBACK (on_window_view_cb),
                                   self, 0);
          self->present_source = g_timeout_add (PRESENT_DELAY_MS, on_present_timeout_cb, self);
          return;
        }
    }

  gtk_window_present (window);
}

/* The application whose command line is parsed (one per process) */
static AnshinApplication *option_target;

static gboolean
on_demo_option_cb (const char  *option_name,
                   const char  *value,
                   gpointer     data,
                   GError     **error)
{
  AnshinApplication *self = option_target;

  g_return_val_if_fail (ANSHIN_IS_APPLICATION (self), FALSE);

  self->demo_requested = TRUE;
  g_free (self->demo_scenario);
  self->demo_scenario = g_strdup (value);
  return TRUE;
}

static int
anshin_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  AnshinApplication *self = ANSHIN_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("anshin %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "issuer", "s", &self->issuer_url)
      && !anshin_issuer_url_is_allowed (self->issuer_url, &error))
    {
      g_printerr ("%s: %s\n", _("The issuer address can’t be used"), error->message);
      return 1;
    }

  if (g_variant_dict_lookup (options, "step", "i", &self->demo_step))
    {
      if (self->demo_step < 1)
        {
          /* TRANSLATORS: --step is a command-line option; keep it as is */
          g_printerr ("%s\n", _("--step needs a step number of 1 or more"));
          return 1;
        }
      self->demo_requested = TRUE;
    }

  self->measure_startup = g_variant_dict_contains (options, "measure-startup");
  if (self->measure_startup)
    {
      /* a run of its own, not a message to an instance already running */
      GApplicationFlags flags = g_application_get_flags (application);

      g_application_set_flags (application, flags | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (anshin_application_parent_class)->handle_local_options (application, options);
}

static void
anshin_application_shutdown (GApplication *application)
{
  AnshinApplication *self = ANSHIN_APPLICATION (application);

  G_APPLICATION_CLASS (anshin_application_parent_class)->shutdown (application);

  follow_account (self, NULL, FALSE);
  g_clear_pointer (&self->mock, anshin_mock_thread_free);
}

static void
anshin_application_dispose (GObject *object)
{
  AnshinApplication *self = ANSHIN_APPLICATION (object);

  g_clear_weak_pointer (&self->preferences_window);
  g_clear_weak_pointer (&self->shortcuts_window);
  if (option_target == self)
    option_target = NULL;
  g_clear_handle_id (&self->present_source, g_source_remove);
  g_clear_pointer (&self->mock, anshin_mock_thread_free);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (anshin_application_parent_class)->dispose (object);
}

static void
anshin_application_finalize (GObject *object)
{
  AnshinApplication *self = ANSHIN_APPLICATION (object);

  g_free (self->demo_scenario);
  g_free (self->issuer_url);

  G_OBJECT_CLASS (anshin_application_parent_class)->finalize (object);
}

static void
anshin_application_class_init (AnshinApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = anshin_application_dispose;
  object_class->finalize = anshin_application_finalize;

  app_class->startup = anshin_application_startup;
  app_class->activate = anshin_application_activate;
  app_class->handle_local_options = anshin_application_handle_local_options;
  app_class->shutdown = anshin_application_shutdown;
}

static void
anshin_application_init (AnshinApplication *self)
{
  const GOptionEntry entries[] = {
    /* --demo takes an optional value, which only a callback can receive;
     * the main group passes it no data, hence option_target */
    { "demo", 'd', G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, on_demo_option_cb,
      N_("Use the built-in demo issuer, optionally with scenario NAME"), N_("NAME") },
    { "step", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
      N_("Start the demo at step N of its scenario (the last step if it has fewer)"), N_("N") },
    { "issuer", 'i', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Use the card issuer at URL"), N_("URL") },
    { "measure-startup", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Print the milliseconds until the card is shown, then quit"), NULL },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and quit"), NULL },
    { NULL }
  };

  self->start_time = g_get_monotonic_time ();
  self->settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::issuer-url",
                           G_CALLBACK (on_issuer_url_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::notifications-enabled",
                           G_CALLBACK (on_notifications_enabled_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  option_target = self;
}

/**
 * anshin_application_set_start_time:
 * @start_time: g_get_monotonic_time() at the start of main()
 *
 * The start of the process, for `--measure-startup`.
 */
void
anshin_application_set_start_time (AnshinApplication *self,
                                   gint64             start_time)
{
  g_return_if_fail (ANSHIN_IS_APPLICATION (self));

  self->start_time = start_time;
}

/**
 * anshin_application_new:
 * @application_id: the application ID, normally %APPLICATION_ID
 * @flags: flags; %G_APPLICATION_DEFAULT_FLAGS for a single instance
 *
 * Returns: (transfer full): a new application
 */
AnshinApplication *
anshin_application_new (const char        *application_id,
                        GApplicationFlags  flags)
{
  g_return_val_if_fail (g_application_id_is_valid (application_id), NULL);

  /* The resource base is fixed: the development profile's ID would
   * otherwise make GApplication look under .../Wallet/Devel/. */
  return g_object_new (ANSHIN_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
