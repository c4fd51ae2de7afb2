/* anshin-notifier.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows an AnshinAccount and turns what changes into desktop
 * notifications (GNotification, through a GApplication), each exactly
 * once: what was notified is kept in a small key file in the state
 * directory (event keys and method states, no secrets), shared by the app
 * and the background watcher, whichever of them notifies. What deserves a
 * notification, and its words, is app/core's (anshin-alert.h).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>

#include <glib/gstdio.h>

#include "anshin-alert.h"
#include "anshin-notifier.h"

/* Notices older than this when first seen are history, not news. */
#define STALE_NOTICE_AGE (3 * G_TIME_SPAN_DAY)
/* How many notified events are remembered per issuer. */
#define MAX_REMEMBERED 500
/* The longest wait before looking at a reminder again (the issuer's clock
 * can be moved, so it is checked now and then against the issuer's now). */
#define REMINDER_RECHECK_S (15 * 60)

struct _AnshinNotifier
{
  GObject        parent_instance;

  GApplication  *application;  /* weak */
  char          *state_path;   /* NULL: remembered in memory only */
  GKeyFile      *state;
  char          *group;
  char          *peer_id;

  AnshinAccount *account;
  GCancellable  *cancellable;
  gboolean       enabled;
  gboolean       refreshing;
  gboolean       caught_up;      /* the first look at this account is done */
  gboolean       reminder_pending;
  guint          scan_source;
  guint          reminder_source;
  guint          sent_count;

  GHashTable    *refreshed_for;  /* notice ids a refresh was made for */
  GHashTable    *seen_unread;    /* notice ids seen unread by this process */
};

G_DEFINE_FINAL_TYPE (AnshinNotifier, anshin_notifier, G_TYPE_OBJECT)

static void schedule_scan (AnshinNotifier *self);

/* The state file */

static void
load_state (AnshinNotifier *self)
{
  g_autoptr(GError) error = NULL;

  if (self->state_path == NULL)
    return;

  g_key_file_free (self->state);
  self->state = g_key_file_new ();
  if (!g_key_file_load_from_file (self->state, self->state_path, G_KEY_FILE_NONE, &error)
      && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("Notifications: starting a new record (%s)", error->message);
}

static void
save_state (AnshinNotifier *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (self->state_path == NULL)
    return;

  dir = g_path_get_dirname (self->state_path);
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_key_file_save_to_file (self->state, self->state_path, &error))
    g_debug ("Notifications: the record could not be saved (%s)",
             error != NULL ? error->message : g_strerror (errno));
}

static gboolean
is_recorded (AnshinNotifier *self,
             const char     *key)
{
  g_auto(GStrv) keys = NULL;

  keys = g_key_file_get_string_list (self->state, self->group, "notified", NULL, NULL);
  return keys != NULL && g_strv_contains ((const char * const *) keys, key);
}

static void
record (AnshinNotifier *self,
        const char     *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) kept = NULL;
  gsize n = 0;

  keys = g_key_file_get_string_list (self->state, self->group, "notified", &n, NULL);
  for (gsize i = n > MAX_REMEMBERED ? n - MAX_REMEMBERED : 0; i < n; i++)
    if (!g_str_equal (keys[i], key))
      g_strv_builder_add (builder, keys[i]);
  g_strv_builder_add (builder, key);
  kept = g_strv_builder_end (builder);
  g_key_file_set_string_list (self->state, self->group, "notified",
                              (const char * const *) kept, g_strv_length (kept));
}

static void
forget (AnshinNotifier *self,
        const char     *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) kept = NULL;

  keys = g_key_file_get_string_list (self->state, self->group, "notified", NULL, NULL);
  if (keys == NULL || !g_strv_contains ((const char * const *) keys, key))
    return;
  for (guint i = 0; keys[i] != NULL; i++)
    if (!g_str_equal (keys[i], key))
      g_strv_builder_add (builder, keys[i]);
  kept = g_strv_builder_end (builder);
  g_key_file_set_string_list (self->state, self->group, "notified",
                              (const char * const *) kept, g_strv_length (kept));
}

/* Sending */

static void
send_alert (AnshinNotifier *self,
            AnshinAlert    *alert)
{
  g_autoptr(GNotification) notification = NULL;

  record (self, alert->key);
  if (self->application == NULL)
    return;

  notification = g_notification_new (alert->title);
  if (alert->body != NULL)
    g_notification_set_body (notification, alert->body);
  g_notification_set_priority (notification, alert->urgent ? G_NOTIFICATION_PRIORITY_URGENT
                                                           : G_NOTIFICATION_PRIORITY_NORMAL);
  if (alert->notice_id != NULL)
    g_notification_set_default_action_and_target (notification, "app.show-notice", "s",
                                                  alert->notice_id);
  else
    g_notification_set_default_action_and_target (notification, "app.show-page", "s",
                                                  alert->page);
  if (alert->offer_freeze)
    g_notification_add_button (notification, C_("action", "Freeze Card"), "app.freeze-card");

  g_debug ("Notifications: sending %s", alert->key);
  g_application_send_notification (self->application, alert->id, notification);
  self->sent_count++;
}

static void
withdraw_at_peer (AnshinNotifier *self,
                  const char     *id)
{
  GDBusConnection *connection;
  g_autofree char *path = NULL;

  if (self->peer_id == NULL || self->application == NULL)
    return;
  connection = g_application_get_dbus_connection (self->application);
  if (connection == NULL)
    return;

  path = g_strconcat ("/", self->peer_id, NULL);
  g_strdelimit (path, ".", '/');
  g_dbus_connection_call (connection, self->peer_id, path, "org.freedesktop.Application",
                          "ActivateAction",
                          g_variant_new_parsed ("('withdraw-notice', [<%s>], @a{sv} {})", id),
                          NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
}

/* Following the account */

static void
on_refreshed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnshinNotifier) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anshin_account_refresh_finish (ANSHIN_ACCOUNT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* explained against what is known */
      g_debug ("Notifications: refresh for new notices failed: %s", error->message);
    }

  self->refreshing = FALSE;
  schedule_scan (self);
}

static void
scan_notices (AnshinNotifier *self,
              GDateTime      *now,
              gboolean        baseline)
{
  GListModel *notices = anshin_account_get_notices (self->account);
  guint n = g_list_model_get_n_items (notices);
  gboolean need_refresh = FALSE;

  /* oldest first: the notifications arrive in the order things happened */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(AnshinNotice) notice = g_list_model_get_item (notices, i);
      const char *id = anshin_notice_get_id (notice);
      GDateTime *issued_at = anshin_notice_get_issued_at (notice);
      g_autofree char *key = NULL;
      g_autoptr(AnshinAlert) alert = NULL;

      if (id == NULL)
        continue;

      if (anshin_notice_get_read (notice))
        {
          /* read in the app: its notification has done its job */
          if (g_hash_table_remove (self->seen_unread, id))
            {
              g_autofree char *notification_id = anshin_alert_dup_notice_notification_id (id);

              if (self->application != NULL)
                g_application_withdraw_notification (self->application, notification_id);
              withdraw_at_peer (self, notification_id);
            }
          continue;
        }

      g_hash_table_add (self->seen_unread, g_strdup (id));
      key = g_strconcat ("notice:", id, NULL);
      if (is_recorded (self, key))
        continue;

      /* on the first look (after a start, or a gap) old notices are
       * history; what arrives while following is news, however the
       * issuer dates it */
      if (baseline || (!self->caught_up && issued_at != NULL && now != NULL
                       && g_date_time_difference (now, issued_at) > STALE_NOTICE_AGE))
        {
          g_debug ("Notifications: %s is history", key);
          record (self, key);
          continue;
        }

      /* The issuer sends a notice before the change it announces reaches
       * the card: a notice is explained after a refresh, or a notice for
       * what the holder just did would read as unexpected. */
      if (!g_hash_table_contains (self->refreshed_for, id))
        {
          g_hash_table_add (self->refreshed_for, g_strdup (id));
          need_refresh = TRUE;
          continue;
        }
      if (self->refreshing)
        continue;

      alert = anshin_alert_for_notice (notice, anshin_account_get_card (self->account),
                                       anshin_account_get_payment_methods (self->account),
                                       anshin_account_get_programs (self->account), now);
      if (alert != NULL)
        send_alert (self, alert);
      else
        {
          g_debug ("Notifications: %s deserves none", key);
          record (self, key);
        }
    }

  if (need_refresh && !self->refreshing)
    {
      self->refreshing = TRUE;
      anshin_account_refresh_async (self->account, self->cancellable, on_refreshed_cb,
                                    g_object_ref (self));
    }
}

static void
scan_methods (AnshinNotifier *self)
{
  GListModel *methods = anshin_account_get_payment_methods (self->account);
  guint n = g_list_model_get_n_items (methods);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);
      g_autofree char *name = g_strdup_printf ("method-%d", anshin_payment_method_get_kind (method));
      g_autofree gint *old = NULL;
      gint now[2] = { anshin_payment_method_get_state (method),
                      anshin_payment_method_get_reason (method) };
      gsize len = 0;

      old = g_key_file_get_integer_list (self->state, self->group, name, &len, NULL);
      if (old != NULL && len == 2)
        {
          g_autoptr(AnshinAlert) alert = NULL;

          alert = anshin_alert_for_method_change (method, old[0], old[1]);
          if (alert != NULL && !is_recorded (self, alert->key))
            send_alert (self, alert);
        }
      g_key_file_set_integer_list (self->state, self->group, name, now, 2);
    }
}

static gboolean
on_reminder_timeout_cb (gpointer user_data)
{
  AnshinNotifier *self = user_data;

  self->reminder_source = 0;
  /* the issuer's now, and the lock, as the issuer sees them */
  if (self->account != NULL && !self->refreshing)
    {
      self->refreshing = TRUE;
      anshin_account_refresh_async (self->account, self->cancellable, on_refreshed_cb,
                                    g_object_ref (self));
    }
  return G_SOURCE_REMOVE;
}

static void
scan_reminders (AnshinNotifier *self,
                GDateTime      *now)
{
  g_autofree char *at_text = NULL;
  g_autoptr(GDateTime) at = NULL;
  GTimeSpan left;

  g_clear_handle_id (&self->reminder_source, g_source_remove);
  self->reminder_pending = FALSE;
  at_text = g_key_file_get_string (self->state, self->group, "registration-reminder", NULL);
  if (at_text == NULL || (at = g_date_time_new_from_iso8601 (at_text, NULL)) == NULL)
    return;

  left = g_date_time_difference (at, now);
  if (left <= 0)
    {
      g_autoptr(AnshinAlert) alert = anshin_alert_for_registration_opens (at);

      g_key_file_remove_key (self->state, self->group, "registration-reminder", NULL);
      if (!is_recorded (self, alert->key))
        send_alert (self, alert);
      return;
    }

  self->reminder_pending = TRUE;
  self->reminder_source = g_timeout_add_seconds (MIN (left / G_TIME_SPAN_SECOND + 1,
                                                      REMINDER_RECHECK_S),
                                                 on_reminder_timeout_cb, self);
}

static void
scan (AnshinNotifier *self)
{
  g_autoptr(GDateTime) now = NULL;
  gboolean baseline;

  if (self->account == NULL || !self->enabled || anshin_account_get_as_of (self->account) == NULL)
    return;

  load_state (self);
  now = anshin_issuer_client_dup_now (anshin_account_get_client (self->account));

  /* The first time this issuer is followed, what is there already is
   * history: only what changes from now on is news. */
  baseline = !g_key_file_has_key (self->state, self->group, "notified", NULL);
  if (baseline)
    g_key_file_set_string_list (self->state, self->group, "notified", NULL, 0);

  /* signed in and loaded: a sign-in that ended before may be told again */
  if (anshin_account_get_signed_in (self->account))
    forget (self, "sign-in-again");

  scan_notices (self, now, baseline);
  self->caught_up = TRUE;
  scan_methods (self);
  scan_reminders (self, now);
  save_state (self);
}

static gboolean
on_scan_idle_cb (gpointer user_data)
{
  AnshinNotifier *self = user_data;

  self->scan_source = 0;
  scan (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_scan (AnshinNotifier *self)
{
  if (self->scan_source == 0)
    self->scan_source = g_idle_add_full (G_PRIORITY_LOW, on_scan_idle_cb, self, NULL);
}

static void
on_changed_cb (AnshinNotifier *self)
{
  /* the first look, at once: what is there when the account first loads
   * is history, what comes after (however soon) is news */
  if (!self->caught_up)
    {
      g_clear_handle_id (&self->scan_source, g_source_remove);
      scan (self);
      return;
    }

  schedule_scan (self);
}

/* The issuer's clock moved (a demo, or this computer's clock): a reminder
 * may be due */
static void
on_clock_offset_cb (AnshinNotifier *self)
{
  if (self->reminder_pending)
    schedule_scan (self);
}

/* GObject */

static void
anshin_notifier_dispose (GObject *object)
{
  AnshinNotifier *self = ANSHIN_NOTIFIER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->scan_source, g_source_remove);
  g_clear_handle_id (&self->reminder_source, g_source_remove);
  g_clear_object (&self->account);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (anshin_notifier_parent_class)->dispose (object);
}

static void
anshin_notifier_finalize (GObject *object)
{
  AnshinNotifier *self = ANSHIN_NOTIFIER (object);

  g_key_file_free (self->state);
  g_free (self->state_path);
  g_free (self->group);
  g_free (self->peer_id);
  g_hash_table_unref (self->refreshed_for);
  g_hash_table_unref (self->seen_unread);

  G_OBJECT_CLASS (anshin_notifier_parent_class)->finalize (object);
}

static void
anshin_notifier_class_init (AnshinNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anshin_notifier_dispose;
  object_class->finalize = anshin_notifier_finalize;
}

static void
anshin_notifier_init (AnshinNotifier *self)
{
  self->state = g_key_file_new ();
  self->group = g_strdup ("none");
  self->enabled = TRUE;
  self->cancellable = g_cancellable_new ();
  self->refreshed_for = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->seen_unread = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

/**
 * anshin_notifier_new:
 * @application: the application that sends the notifications
 * @state_path: (nullable): the file that remembers what was notified, or
 *   %NULL to remember it in memory only (a throw-away demo issuer)
 *
 * Returns: (transfer full): a new notifier
 */
AnshinNotifier *
anshin_notifier_new (GApplication *application,
                     const char   *state_path)
{
  AnshinNotifier *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);

  self = g_object_new (ANSHIN_TYPE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->state_path = g_strdup (state_path);
  return self;
}

/**
 * anshin_notifier_dup_default_path:
 *
 * Returns: (transfer full): the record shared by the app and the watcher,
 *   `$XDG_STATE_HOME/anshin/notified.ini`
 */
char *
anshin_notifier_dup_default_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "anshin", "notified.ini", NULL);
}

/**
 * anshin_notifier_set_account:
 * @account: (nullable): the account to follow
 *
 * Follows @account: new notices, methods that work again, reminders.
 */
void
anshin_notifier_set_account (AnshinNotifier *self,
                             AnshinAccount  *account)
{
  g_return_if_fail (ANSHIN_IS_NOTIFIER (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  if (self->account != NULL)
    {
      g_signal_handlers_disconnect_by_data (anshin_account_get_client (self->account), self);
      g_signal_handlers_disconnect_by_data (self->account, self);
      g_signal_handlers_disconnect_by_data (anshin_account_get_notices (self->account), self);
      g_signal_handlers_disconnect_by_data (anshin_account_get_payment_methods (self->account), self);
    }

  /* answers for the account followed before are of no use */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->refreshing = FALSE;
  self->caught_up = FALSE;
  self->reminder_pending = FALSE;
  g_hash_table_remove_all (self->refreshed_for);
  g_hash_table_remove_all (self->seen_unread);
  g_clear_handle_id (&self->reminder_source, g_source_remove);

  g_set_object (&self->account, account);
  if (account == NULL)
    return;

  g_free (self->group);
  self->group = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                               anshin_issuer_client_get_base_url (anshin_account_get_client (account)),
                                               -1);

  g_signal_connect_object (account, "notify::as-of", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (account, "notify::unread-count", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (account, "notice-added", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (anshin_account_get_client (account), "notify::clock-offset",
                           G_CALLBACK (on_clock_offset_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (anshin_account_get_notices (account), "items-changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (anshin_account_get_payment_methods (account), "items-changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  schedule_scan (self);
}

AnshinAccount *
anshin_notifier_get_account (AnshinNotifier *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTIFIER (self), NULL);
  return self->account;
}

/**
 * anshin_notifier_set_peer:
 * @application_id: (nullable): the other process that may have sent
 *   notifications for the same account (the watcher, for the app)
 *
 * When a notice is read, its notification is withdrawn there too.
 */
void
anshin_notifier_set_peer (AnshinNotifier *self,
                          const char     *application_id)
{
  g_return_if_fail (ANSHIN_IS_NOTIFIER (self));

  g_free (self->peer_id);
  self->peer_id = g_strdup (application_id);
}

/**
 * anshin_notifier_set_enabled:
 *
 * Off: nothing is sent and nothing is recorded (so the other process, or
 * this one later, still tells the holder).
 */
void
anshin_notifier_set_enabled (AnshinNotifier *self,
                             gboolean        enabled)
{
  g_return_if_fail (ANSHIN_IS_NOTIFIER (self));

  self->enabled = !!enabled;
  if (self->enabled)
    schedule_scan (self);
}

guint
anshin_notifier_get_sent_count (AnshinNotifier *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTIFIER (self), 0);
  return self->sent_count;
}

/**
 * anshin_notifier_remind_registration:
 * @opens_at: when charge-card registration opens again (issuer time)
 *
 * "Remind Me When Registration Opens": one notification at @opens_at,
 * from whichever process is notifying then.
 */
void
anshin_notifier_remind_registration (AnshinNotifier *self,
                                     GDateTime      *opens_at)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ANSHIN_IS_NOTIFIER (self));
  g_return_if_fail (opens_at != NULL);

  load_state (self);
  text = g_date_time_format_iso8601 (opens_at);
  g_key_file_set_string (self->state, self->group, "registration-reminder", text);
  save_state (self);
  schedule_scan (self);
}

/**
 * anshin_notifier_notify_sign_in_again:
 *
 * The issuer refused the stored sign-in: one notification asking the
 * holder to sign in again (not repeated until a sign-in succeeded).
 *
 * Returns: whether it was sent now
 */
gboolean
anshin_notifier_notify_sign_in_again (AnshinNotifier *self)
{
  g_autoptr(AnshinAlert) alert = anshin_alert_for_sign_in_again ();

  g_return_val_if_fail (ANSHIN_IS_NOTIFIER (self), FALSE);

  load_state (self);
  if (is_recorded (self, alert->key))
    return FALSE;
  send_alert (self, alert);
  save_state (self);
  return TRUE;
}

/**
 * anshin_notifier_withdraw:
 * @id: a notification id (a notice's id for a notice)
 */
void
anshin_notifier_withdraw (AnshinNotifier *self,
                          const char     *id)
{
  g_return_if_fail (ANSHIN_IS_NOTIFIER (self));
  g_return_if_fail (id != NULL);

  if (self->application != NULL)
    g_application_withdraw_notification (self->application, id);
}
