/* anshin-watcher.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The background watcher: a GApplication without GTK that follows the
 * holder's account (app/issuer's AnshinAccount: the live event stream,
 * polling with backoff when it is down) while Anshin Wallet is closed and
 * notifies through an AnshinNotifier. While the app runs (its bus name has
 * an owner) the watcher lets go of the account: the app notifies, and only
 * one process at a time uses the refresh token, which rotates. It quits
 * when watching is turned off, when the holder signs out (the token is
 * gone from the keyring) and on SIGTERM.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <glib-unix.h>

#include "anshin-account.h"
#include "anshin-issuer-error.h"
#include "anshin-issuer-secret.h"
#include "anshin-issuer-url.h"
#include "anshin-notifier.h"
#include "anshin-watcher.h"

#define SETTINGS_SCHEMA_ID "io.github.anshin.Wallet"
/* Sessions live 30 minutes after the last request: renewed well before. */
#define KEEPALIVE_S (20 * 60)
/* the longest a quit waits for the keyring to take a rotated token */
#define QUIT_SETTLE_S 3

/* what the watcher last said about the keyring while waiting for it */
typedef enum {
  KEYRING_READ,
  KEYRING_EMPTY,
  KEYRING_LOCKED,
  KEYRING_UNREADABLE,
} KeyringState;

struct _AnshinWatcher
{
  GApplication     parent_instance;

  char            *app_id;     /* the app's application ID */
  GSettings       *settings;
  char            *issuer_url;
  guint            timings[3];
  gint             keyring_retry_s;

  AnshinNotifier  *notifier;
  AnshinAccount   *account;
  GCancellable    *cancellable;
  GNetworkMonitor *network;
  GDBusConnection *system_bus;
  guint            sleep_subscription;
  guint            app_watch;
  guint            keyring_source;
  guint            keepalive_source;
  guint            signal_sources[2];

  gboolean         app_running;
  gboolean         had_token;
  KeyringState     said_keyring;
  gboolean         said_offline;
  gboolean         holding;
  gboolean         quitting;
  guint            quit_source;
};

G_DEFINE_FINAL_TYPE (AnshinWatcher, anshin_watcher, G_TYPE_APPLICATION)

static void look_up_token (AnshinWatcher *self);

static void
stop_following (AnshinWatcher *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->keyring_source, g_source_remove);
  g_clear_handle_id (&self->keepalive_source, g_source_remove);
  if (self->notifier != NULL)
    anshin_notifier_set_account (self->notifier, NULL);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
}

static void
finish_quit (AnshinWatcher *self)
{
  g_clear_handle_id (&self->quit_source, g_source_remove);
  stop_following (self);
  g_application_quit (G_APPLICATION (self));
}

static void
on_settled_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AnshinWatcher) self = user_data;

  anshin_account_settle_finish (ANSHIN_ACCOUNT (object), result, NULL);
  if (self->quit_source != 0)
    finish_quit (self);
}

static gboolean
on_quit_timeout_cb (gpointer user_data)
{
  AnshinWatcher *self = user_data;

  self->quit_source = 0;
  g_debug ("Watcher: quitting before the keyring was updated");
  finish_quit (self);

  return G_SOURCE_REMOVE;
}

/* A refresh of the session in flight may already have rotated the refresh
 * token at the issuer: while signed in, the watcher ends once the keyring
 * holds the new one (or after a few seconds), or the next start would ask
 * for the password again. (A sign-in the issuer refused is left as it is:
 * the next start finds it refused again and stops without asking twice.) */
static void
quit (AnshinWatcher *self)
{
  if (self->quitting)
    return;

  self->quitting = TRUE;
  if (self->account == NULL || !anshin_account_get_signed_in (self->account))
    {
      finish_quit (self);
      return;
    }

  self->quit_source = g_timeout_add_seconds (QUIT_SETTLE_S, on_quit_timeout_cb, self);
  anshin_account_settle_async (self->account, NULL, on_settled_cb, g_object_ref (self));
}

/* Keeping the session and following the network */

static void
on_refreshed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!anshin_account_refresh_finish (ANSHIN_ACCOUNT (object), result, &error))
    g_debug ("Watcher: refresh failed: %s", error->message);
}

static void
refresh_now (AnshinWatcher *self,
             const char    *why)
{
  if (self->account == NULL)
    return;

  g_debug ("Watcher: refreshing (%s)", why);
  anshin_account_refresh_async (self->account, self->cancellable, on_refreshed_cb, NULL);
}

static gboolean
on_keepalive_cb (gpointer user_data)
{
  refresh_now (user_data, "keeping the session");
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed_cb (GNetworkMonitor *monitor,
                       gboolean         available,
                       AnshinWatcher   *self)
{
  if (available && self->account != NULL && !anshin_account_get_online (self->account))
    refresh_now (self, "the network is back");
}

static void
on_prepare_for_sleep_cb (GDBusConnection *connection,
                         const char      *sender,
                         const char      *path,
                         const char      *interface,
                         const char      *signal,
                         GVariant        *parameters,
                         gpointer         user_data)
{
  gboolean sleeping = FALSE;

  g_variant_get (parameters, "(b)", &sleeping);
  if (!sleeping)
    refresh_now (user_data, "resumed from suspend");
}

static void
on_system_bus_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AnshinWatcher) self = user_data;
  g_autoptr(GError) error = NULL;

  self->system_bus = g_bus_get_finish (result, &error);
  if (self->system_bus == NULL)
    {
      g_debug ("Watcher: no system bus, so no word of suspend: %s", error->message);
      return;
    }

  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (self->system_bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_prepare_for_sleep_cb,
                                        self, NULL);
}

/* Following the account */

static void
on_online_changed_cb (AnshinAccount *account,
                      GParamSpec    *pspec,
                      AnshinWatcher *self)
{
  if (!anshin_account_get_online (account))
    {
      if (!self->said_offline)
        {
          g_autofree char *retries = anshin_account_dup_retry_description (account);

          /* TRANSLATORS: %s says when, e.g. "after 1 s, 2 s, 4 s, 8 s, …,
           * 256 s, then about every 300 s" */
          g_print (_("The card issuer can’t be reached; trying again %s\n"), retries);
        }
      self->said_offline = TRUE;
    }
  else if (self->said_offline)
    {
      g_print ("%s\n", _("The card issuer can be reached again"));
      self->said_offline = FALSE;
    }
}

static void
on_live_changed_cb (AnshinAccount *account,
                    GParamSpec    *pspec,
                    AnshinWatcher *self)
{
  /* the stream dropped: a refresh catches up, or finds the issuer gone
   * (the account is then offline and recovers by itself) */
  if (!anshin_account_get_live (account))
    refresh_now (self, "the event stream dropped");
}

static void
on_signed_in_changed_cb (AnshinAccount *account,
                         GParamSpec    *pspec,
                         AnshinWatcher *self)
{
  if (anshin_account_get_signed_in (account))
    return;

  /* The app is not running (it would hold the account otherwise): the
   * issuer refused the stored sign-in. */
  g_print ("%s\n", _("The card issuer no longer accepts the sign-in; stopping"));
  anshin_notifier_notify_sign_in_again (self->notifier);
  quit (self);
}

static void
on_started_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AnshinWatcher) self = user_data;
  AnshinAccount *account = ANSHIN_ACCOUNT (object);
  g_autoptr(GError) error = NULL;

  if (!anshin_account_start_finish (account, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || account != self->account)
        return;
      if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT))
        {
          g_print ("%s\n", _("The card issuer no longer accepts the sign-in; stopping"));
          anshin_notifier_notify_sign_in_again (self->notifier);
          quit (self);
          return;
        }
      g_debug ("Watcher: start failed: %s", error->message);
    }

  if (account != self->account)
    return;

  g_print (_("Watching %s\n"), anshin_issuer_client_get_base_url (anshin_account_get_client (account)));
  g_signal_connect_object (account, "notify::signed-in", G_CALLBACK (on_signed_in_changed_cb),
                           self, 0);
  anshin_notifier_set_account (self->notifier, account);
  self->keepalive_source = g_timeout_add_seconds (KEEPALIVE_S, on_keepalive_cb, self);
}

static void
start_following (AnshinWatcher *self)
{
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = anshin_issuer_client_new (self->issuer_url, &error);
  if (client == NULL)
    {
      g_printerr ("%s: %s\n", _("The issuer address can’t be used"), error->message);
      quit (self);
      return;
    }

  self->account = anshin_account_new (client);
  anshin_account_set_timings (self->account, self->timings[0], self->timings[1], self->timings[2]);
  g_signal_connect_object (self->account, "notify::online", G_CALLBACK (on_online_changed_cb),
                           self, 0);
  g_signal_connect_object (self->account, "notify::live", G_CALLBACK (on_live_changed_cb),
                           self, 0);
  anshin_account_start_async (self->account, self->cancellable, on_started_cb,
                              g_object_ref (self));
}

static gboolean
on_keyring_retry_cb (gpointer user_data)
{
  AnshinWatcher *self = user_data;

  self->keyring_source = 0;
  look_up_token (self);
  return G_SOURCE_REMOVE;
}

static void
on_token_looked_up_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AnshinWatcher) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *member_id = NULL;
  g_autofree char *token = NULL;
  KeyringState state;

  token = anshin_issuer_secret_lookup_finish (result, &member_id, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->app_running)
    return;

  if (token != NULL)
    {
      self->had_token = TRUE;
      self->said_keyring = KEYRING_READ;
      start_following (self);
      return;
    }

  if (error == NULL && self->had_token)
    {
      /* the holder signed out in the app */
      g_print ("%s\n", _("Signed out of the card issuer; stopping"));
      quit (self);
      return;
    }

  /* Not signed in yet, or the keyring is locked: wait quietly (no prompt:
   * there is no window to ask from), say so once, and look again now and
   * then. */
  if (error == NULL)
    state = KEYRING_EMPTY;
  else if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    state = KEYRING_LOCKED;
  else
    state = KEYRING_UNREADABLE;

  if (state != self->said_keyring)
    {
      if (state == KEYRING_EMPTY)
        g_print ("%s\n", _("No sign-in in the keyring yet; waiting until you sign in to Anshin Wallet"));
      else if (state == KEYRING_LOCKED)
        g_print ("%s\n", _("The keyring is locked; waiting until it is unlocked"));
      else
        g_print (_("The keyring can’t be read (%s); waiting until it can\n"), error->message);
      self->said_keyring = state;
    }
  else if (error != NULL)
    g_debug ("Watcher: the keyring still can’t be read: %s", error->message);
  self->keyring_source = g_timeout_add_seconds ((guint) self->keyring_retry_s, on_keyring_retry_cb, self);
}

static void
look_up_token (AnshinWatcher *self)
{
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  anshin_issuer_secret_peek_async (self->issuer_url, self->cancellable, on_token_looked_up_cb,
                                   g_object_ref (self));
}

/* The app, while it runs, notifies by itself */

static void
on_app_appeared_cb (GDBusConnection *connection,
                    const char      *name,
                    const char      *owner,
                    gpointer         user_data)
{
  AnshinWatcher *self = user_data;

  self->app_running = TRUE;
  g_print ("%s\n", _("Anshin Wallet is open and tells you itself; waiting until it closes"));
  stop_following (self);
}

static void
on_app_vanished_cb (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  AnshinWatcher *self = user_data;

  if (self->app_running)
    g_print ("%s\n", _("Anshin Wallet closed; watching again"));
  self->app_running = FALSE;
  if (self->account == NULL && self->keyring_source == 0)
    look_up_token (self);
}

/* Actions: a notification's actions open the app (D-Bus activation) */

static void
forward_to_app (AnshinWatcher *self,
                const char    *action,
                GVariant      *parameter)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  g_autofree char *path = g_strconcat ("/", self->app_id, NULL);
  GVariantBuilder params;

  if (connection == NULL)
    return;

  g_strdelimit (path, ".", '/');
  g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&params, "v", parameter);

  /* starts the app through its D-Bus service file if it is not running */
  g_dbus_connection_call (connection, self->app_id, path, "org.freedesktop.Application",
                          "ActivateAction",
                          g_variant_new ("(sav@a{sv})", action, &params,
                                         g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
}

static void
forward_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  forward_to_app (user_data, g_action_get_name (G_ACTION (action)), parameter);
}

static void
withdraw_notice_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  AnshinWatcher *self = user_data;

  anshin_notifier_withdraw (self->notifier, g_variant_get_string (parameter, NULL));
}

static void
remind_registration_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  AnshinWatcher *self = user_data;
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (g_variant_get_string (parameter, NULL),
                                                          NULL);

  if (at != NULL)
    anshin_notifier_remind_registration (self->notifier, at);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  quit (user_data);
}

static const GActionEntry watcher_actions[] = {
  { .name = "show-notice", .activate = forward_action, .parameter_type = "s" },
  { .name = "show-page", .activate = forward_action, .parameter_type = "s" },
  { .name = "freeze-card", .activate = forward_action },
  { .name = "withdraw-notice", .activate = withdraw_notice_action, .parameter_type = "s" },
  { .name = "remind-registration", .activate = remind_registration_action, .parameter_type = "s" },
  { .name = "quit", .activate = quit_action },
};

static gboolean
on_unix_signal_cb (gpointer user_data)
{
  AnshinWatcher *self = user_data;

  g_print ("%s\n", _("Stopping"));
  quit (self);
  /* both sources go at shutdown */
  return G_SOURCE_CONTINUE;
}

static void
on_watch_changed_cb (AnshinWatcher *self)
{
  if (!g_settings_get_boolean (self->settings, "watch-in-background"))
    {
      g_print ("%s\n", _("Watching in the background was turned off; stopping"));
      quit (self);
    }
}

/* GApplication */

static int
anshin_watcher_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  AnshinWatcher *self = ANSHIN_WATCHER (application);
  const char *timings = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("anshin-watcher %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "issuer", "s", &self->issuer_url);
  if (g_variant_dict_lookup (options, "timings", "&s", &timings)
      && sscanf (timings, "%u,%u,%u", &self->timings[0], &self->timings[1], &self->timings[2]) != 3)
    {
      g_printerr ("--timings BASE,MAX,POLL\n");
      return 1;
    }
  if (g_variant_dict_lookup (options, "keyring-retry", "i", &self->keyring_retry_s)
      && self->keyring_retry_s < 1)
    self->keyring_retry_s = 1;

  return -1;
}

static void
anshin_watcher_startup (GApplication *application)
{
  AnshinWatcher *self = ANSHIN_WATCHER (application);
  g_autofree char *state_path = anshin_notifier_dup_default_path ();
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (anshin_watcher_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), watcher_actions,
                                   G_N_ELEMENTS (watcher_actions), self);
  self->notifier = anshin_notifier_new (application, state_path);

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  if (!g_settings_get_boolean (self->settings, "watch-in-background"))
    {
      g_print ("%s\n", _("Watching in the background is off in Preferences; stopping"));
      return;
    }
  g_signal_connect_object (self->settings, "changed::watch-in-background",
                           G_CALLBACK (on_watch_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->issuer_url == NULL)
    self->issuer_url = g_settings_get_string (self->settings, "issuer-url");
  if (self->issuer_url == NULL || *self->issuer_url == '\0')
    {
      g_print ("%s\n", _("No card issuer is set up (the demo issuer is not watched); stopping"));
      return;
    }
  if (!anshin_issuer_url_is_allowed (self->issuer_url, &error))
    {
      g_printerr ("%s: %s\n", _("The issuer address can’t be used"), error->message);
      return;
    }

  /* from here on it runs until told to stop */
  g_application_hold (application);
  self->holding = TRUE;

  self->signal_sources[0] = g_unix_signal_add (SIGTERM, on_unix_signal_cb, self);
  self->signal_sources[1] = g_unix_signal_add (SIGINT, on_unix_signal_cb, self);

  self->network = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect_object (self->network, "network-changed", G_CALLBACK (on_network_changed_cb),
                           self, 0);
  g_bus_get (G_BUS_TYPE_SYSTEM, NULL, on_system_bus_cb, g_object_ref (self));

  /* following starts when the app is found not running */
  self->app_watch = g_bus_watch_name (G_BUS_TYPE_SESSION, self->app_id,
                                      G_BUS_NAME_WATCHER_FLAGS_NONE,
                                      on_app_appeared_cb, on_app_vanished_cb, self, NULL);
}

static void
anshin_watcher_activate (GApplication *application)
{
  /* nothing to show: started again while running, it goes on watching */
}

static void
anshin_watcher_shutdown (GApplication *application)
{
  AnshinWatcher *self = ANSHIN_WATCHER (application);

  stop_following (self);
  g_clear_handle_id (&self->app_watch, g_bus_unwatch_name);
  g_clear_handle_id (&self->signal_sources[0], g_source_remove);
  g_clear_handle_id (&self->signal_sources[1], g_source_remove);
  if (self->system_bus != NULL && self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);

  G_APPLICATION_CLASS (anshin_watcher_parent_class)->shutdown (application);
}

static void
anshin_watcher_dispose (GObject *object)
{
  AnshinWatcher *self = ANSHIN_WATCHER (object);

  g_clear_handle_id (&self->quit_source, g_source_remove);
  stop_following (self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  g_clear_object (&self->network);
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (anshin_watcher_parent_class)->dispose (object);
}

static void
anshin_watcher_finalize (GObject *object)
{
  AnshinWatcher *self = ANSHIN_WATCHER (object);

  g_free (self->app_id);
  g_free (self->issuer_url);

  G_OBJECT_CLASS (anshin_watcher_parent_class)->finalize (object);
}

static void
anshin_watcher_class_init (AnshinWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = anshin_watcher_dispose;
  object_class->finalize = anshin_watcher_finalize;

  app_class->handle_local_options = anshin_watcher_handle_local_options;
  app_class->startup = anshin_watcher_startup;
  app_class->activate = anshin_watcher_activate;
  app_class->shutdown = anshin_watcher_shutdown;
}

static void
anshin_watcher_init (AnshinWatcher *self)
{
  const GOptionEntry entries[] = {
    { "issuer", 'i', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Watch the card issuer at URL instead of the one in Preferences"), N_("URL") },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and quit"), NULL },
    /* for the tests: shorter waits */
    { "timings", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
    { "keyring-retry", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, NULL, NULL, NULL },
    { NULL }
  };

  self->timings[0] = 1000;
  self->timings[1] = 5 * 60 * 1000;
  self->timings[2] = 60 * 1000;
  self->keyring_retry_s = 60;
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

/**
 * anshin_watcher_new:
 * @application_id: the watcher's own ID (the app's, + ".Watcher")
 * @app_id: the app's ID: while it has an owner on the bus, the app notifies
 *
 * Returns: (transfer full): a new watcher
 */
AnshinWatcher *
anshin_watcher_new (const char *application_id,
                    const char *app_id)
{
  AnshinWatcher *self;

  g_return_val_if_fail (g_application_id_is_valid (application_id), NULL);
  g_return_val_if_fail (g_application_id_is_valid (app_id), NULL);

  self = g_object_new (ANSHIN_TYPE_WATCHER,
                       "application-id", application_id,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
  self->app_id = g_strdup (app_id);
  return self;
}
