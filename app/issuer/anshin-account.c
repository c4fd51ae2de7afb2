/* anshin-account.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signed-in card and everything the views bind to: one AnshinCard
 * updated in place, list models of payment methods, notices (newest first,
 * with an unread count), programmes and charge cards. The account owns the
 * issuer client; it signs in and out, resumes a session from the keyring
 * on start, keeps the keyring in step with the issuer's rotating refresh
 * tokens, refreshes the models and writes the offline cache after each
 * good refresh. When the issuer cannot be reached it keeps (or loads) the
 * last known state, says "as of" when, and tries again by itself until the
 * issuer is back. Changes (freeze, reissue, charge cards, top-up) are in
 * anshin-account-changes.c; merging answers into the models and the
 * cache in anshin-account-models.c; both use the account one way. It
 * follows the issuer's live events (AnshinIssuerEvents)
 * while signed in, and knows whether adding a charge card is locked (it
 * asks with the card, and again when the lock's end passes).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-account-private.h"
#include "anshin-backoff.h"
#include "anshin-issuer-cache.h"
#include "anshin-issuer-secret.h"
#include "anshin-moment.h"
#include "anshin-time.h"

G_DEFINE_FINAL_TYPE (AnshinAccount, anshin_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CARD,
  PROP_HAS_CARD,
  PROP_PAYMENT_METHODS,
  PROP_NOTICES,
  PROP_PROGRAMS,
  PROP_CHARGE_CARDS,
  PROP_UNREAD_COUNT,
  PROP_SIGNED_IN,
  PROP_ONLINE,
  PROP_LIVE,
  PROP_AS_OF,
  PROP_NOW,
  PROP_CHALLENGE_PENDING,
  PROP_ISSUER_INFO,
  PROP_REGISTRATION_LOCKED_UNTIL,
  N_PROPS
};

enum {
  NOTICE_ADDED,
  CHANGED,
  REMEMBER_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_boolean (AnshinAccount *self,
             gboolean      *field,
             gboolean       value,
             guint          prop_id)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Keyring */

static void schedule_recovery       (AnshinAccount *self);
static void queue_changed           (AnshinAccount *self);
static void secret_kick             (AnshinAccount *self);
static void secret_resolve_waiters  (AnshinAccount *self);
static void load_registration_lock  (AnshinAccount *self);
static void check_registration_lock (AnshinAccount *self);

static void
on_secret_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AnshinAccount) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean store = g_task_get_source_tag (G_TASK (result)) == anshin_issuer_secret_store_async;

  if (store)
    anshin_issuer_secret_store_finish (result, &error);
  else
    anshin_issuer_secret_clear_finish (result, &error);

  /* The session goes on without the keyring; the next start asks again.
   * A failed store says so (remember-failed); a failed clear is kept for
   * the sign-out to report (and retry). */
  g_clear_error (&self->secret_error);
  if (error != NULL)
    {
      g_debug ("Keyring update failed: %s", error->message);
      self->secret_error = g_error_copy (error);
      if (store)
        g_signal_emit (self, signals[REMEMBER_FAILED], 0, error);
    }

  self->secret_busy = FALSE;
  secret_kick (self);
}

static void
secret_resolve_waiters (AnshinAccount *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->secret_waiters);

  self->secret_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    g_task_return_boolean (g_ptr_array_index (waiters, i), TRUE);
}

/* One keyring operation at a time, always for the latest token: two
 * stores racing could leave an older (already rotated) token behind. */
static void
secret_kick (AnshinAccount *self)
{
  const char *url = anshin_issuer_client_get_base_url (self->client);

  if (self->secret_busy)
    return;

  /* Nothing (more) to write, no member to write it for, or a sign-in
   * that is not to be remembered */
  if (!self->secret_dirty || self->member_id == NULL || self->forget_sign_in)
    {
      self->secret_dirty = FALSE;
      secret_resolve_waiters (self);
      return;
    }

  self->secret_busy = TRUE;
  self->secret_dirty = FALSE;

  if (self->wanted_token != NULL)
    anshin_issuer_secret_store_async (url, self->member_id, self->wanted_token, NULL,
                                      on_secret_done_cb, g_object_ref (self));
  else
    anshin_issuer_secret_clear_async (url, self->member_id, NULL, on_secret_done_cb,
                                      g_object_ref (self));
}

/* Completes @task once the keyring holds what the client holds. */
void
_anshin_account_secret_sync (AnshinAccount *self,
                            GTask         *task)
{
  if (!self->secret_busy && !self->secret_dirty)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  g_ptr_array_add (self->secret_waiters, task);
}

static void
on_settle_refreshing_cb (AnshinIssuerClient *client,
                         GParamSpec         *pspec,
                         GTask              *task)
{
  if (anshin_issuer_client_get_refreshing (client))
    return;

  g_signal_handlers_disconnect_by_data (client, task);
  _anshin_account_secret_sync (g_task_get_source_object (task), task);
}

/**
 * anshin_account_settle_async:
 *
 * Finishes once the keyring holds the newest refresh token: after a
 * refresh of the session in flight (the issuer may already have rotated
 * the token) and the keyring's update. A process that is about to end
 * waits for it, or the next start would find a token the issuer no
 * longer takes and ask for the password again.
 */
void
anshin_account_settle_async (AnshinAccount       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_account_settle_async);

  if (anshin_issuer_client_get_refreshing (self->client))
    {
      /* the task goes with the handler */
      g_signal_connect (self->client, "notify::refreshing", G_CALLBACK (on_settle_refreshing_cb), task);
      return;
    }

  _anshin_account_secret_sync (self, task);
}

gboolean
anshin_account_settle_finish (AnshinAccount  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anshin_account_settle_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_anshin_account_set_member_id (AnshinAccount *self,
                              const char    *member_id)
{
  if (member_id == NULL || g_strcmp0 (self->member_id, member_id) == 0)
    return;

  g_free (self->member_id);
  self->member_id = g_strdup (member_id);
  secret_kick (self);
}

void
_anshin_account_note_token (AnshinAccount *self,
                           const char    *token)
{
  _anshin_account_set_member_id (self, anshin_issuer_client_get_member_id (self->client));

  g_free (self->wanted_token);
  self->wanted_token = g_strdup (token);
  self->secret_dirty = TRUE;
  secret_kick (self);
}

static void
on_client_signed_in_changed_cb (AnshinIssuerClient *client,
                                GParamSpec         *pspec,
                                AnshinAccount      *self)
{
  if (!anshin_issuer_client_get_signed_in (client))
    anshin_issuer_events_stop (self->events);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

void
_anshin_account_set_online (AnshinAccount *self,
                           gboolean       online)
{
  /* reached: the next time it cannot be, the waits start short again */
  if (online)
    self->recover_attempt = 0;
  set_boolean (self, &self->online, online, PROP_ONLINE);
}

void
_anshin_account_notify_signed_in (AnshinAccount *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

/* Refresh */

static void
refresh_data_free (gpointer data)
{
  RefreshData *refresh = data;

  g_clear_error (&refresh->error);
  g_clear_object (&refresh->card);
  g_clear_pointer (&refresh->methods, g_ptr_array_unref);
  g_clear_pointer (&refresh->programs, g_ptr_array_unref);
  g_clear_pointer (&refresh->notices, g_ptr_array_unref);
  g_clear_pointer (&refresh->charge_cards, g_ptr_array_unref);
  g_free (refresh);
}

static gboolean
is_unreachable (const GError *error)
{
  return g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_NETWORK) ||
         g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_TIMEOUT) ||
         g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SERVER) ||
         g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_TLS_FAILED) ||
         g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
}

static void
refresh_part_done (GTask   *task,
                   GError  *error)
{
  AnshinAccount *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr(GDateTime) now = NULL;

  if (error != NULL && data->error == NULL)
    data->error = g_error_copy (error);

  if (--data->pending > 0)
    {
      g_object_unref (task);
      return;
    }

  /* Signed out meanwhile: these answers belong to a session that is gone. */
  if (data->generation != self->generation)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "the session ended during the refresh");
      g_object_unref (task);
      return;
    }

  /* Apply what arrived; whatever failed keeps its last known state. */
  _anshin_account_apply_parts (self, data->card, data->methods, data->programs, data->notices,
                              data->charge_cards, TRUE);

  if (data->error != NULL)
    {
      g_debug ("Refresh failed: %s", data->error->message);
      if (is_unreachable (data->error))
        {
          _anshin_account_set_online (self, FALSE);
          schedule_recovery (self);
        }
      g_task_return_error (task, g_steal_pointer (&data->error));
      g_object_unref (task);
      return;
    }

  _anshin_account_set_online (self, TRUE);
  now = anshin_issuer_client_dup_now (self->client);
  _anshin_account_set_as_of (self, now);
  _anshin_account_save_cache (self);

  /* with the card, whether adding a charge card is locked (after the
   * refresh, so that it neither delays nor fails it) */
  if (data->parts & REFRESH_CARD)
    load_registration_lock (self);

  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

#define DEFINE_REFRESH_CB(name, field, finish)                                        \
static void                                                                           \
on_refresh_##name##_cb (GObject      *object,                                         \
                        GAsyncResult *result,                                         \
                        gpointer      user_data)                                      \
{                                                                                     \
  GTask *task = user_data;                                                            \
  RefreshData *data = g_task_get_task_data (task);                                    \
  g_autoptr(GError) error = NULL;                                                     \
                                                                                      \
  data->field = finish (ANSHIN_ISSUER_CLIENT (object), result, &error);               \
  refresh_part_done (task, error);                                                    \
}

DEFINE_REFRESH_CB (card, card, anshin_issuer_client_get_card_finish)
DEFINE_REFRESH_CB (methods, methods, anshin_issuer_client_list_payment_methods_finish)
DEFINE_REFRESH_CB (programs, programs, anshin_issuer_client_list_programs_finish)
DEFINE_REFRESH_CB (notices, notices, anshin_issuer_client_list_notices_finish)
DEFINE_REFRESH_CB (charge_cards, charge_cards, anshin_issuer_client_list_charge_cards_finish)

static void
on_issuer_info_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AnshinIssuerInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  AnshinAccount *self;

  info = anshin_issuer_client_get_issuer_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANSHIN_ACCOUNT (user_data);
  if (info == NULL)
    {
      /* asked again with the next full refresh */
      g_debug ("Cannot get the issuer's names and support desk: %s", error->message);
      return;
    }

  self->issuer_info_loaded = TRUE;
  anshin_issuer_info_update_from (self->issuer_info, info);
  queue_changed (self);
}

void
_anshin_account_refresh_parts (AnshinAccount       *self,
                              RefreshParts         parts,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RefreshData *data = g_new0 (RefreshData, 1);

  g_task_set_source_tag (task, anshin_account_refresh_async);
  data->generation = self->generation;
  data->parts = parts;
  g_task_set_task_data (task, data, refresh_data_free);

  /* the newest page of the activity, beside (it keeps its own state) */
  if (parts == REFRESH_ALL)
    anshin_activity_reload_async (self->activity, self->cancellable, NULL, NULL);

  /* how the issuer names itself and its support desk: once, beside */
  if (parts == REFRESH_ALL && !self->issuer_info_loaded)
    anshin_issuer_client_get_issuer_async (self->client, self->cancellable, on_issuer_info_cb, self);

  /* One reference on the task per call in flight */
  if (parts & REFRESH_CARD)
    {
      data->pending++;
      anshin_issuer_client_get_card_async (self->client, cancellable, on_refresh_card_cb,
                                           g_object_ref (task));
    }
  if (parts & REFRESH_METHODS)
    {
      data->pending++;
      anshin_issuer_client_list_payment_methods_async (self->client, cancellable,
                                                       on_refresh_methods_cb, g_object_ref (task));
    }
  if (parts & REFRESH_PROGRAMS)
    {
      data->pending++;
      anshin_issuer_client_list_programs_async (self->client, cancellable, on_refresh_programs_cb,
                                                g_object_ref (task));
    }
  if (parts & REFRESH_NOTICES)
    {
      data->pending++;
      anshin_issuer_client_list_notices_async (self->client, NULL, cancellable,
                                               on_refresh_notices_cb, g_object_ref (task));
    }
  if (parts & REFRESH_CHARGE_CARDS)
    {
      data->pending++;
      anshin_issuer_client_list_charge_cards_async (self->client, cancellable,
                                                    on_refresh_charge_cards_cb,
                                                    g_object_ref (task));
    }
}

/**
 * anshin_account_refresh_async:
 *
 * Refreshes every model from the issuer (and the offline cache after).
 */
void
anshin_account_refresh_async (AnshinAccount       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  _anshin_account_refresh_parts (self, REFRESH_ALL, cancellable, callback, user_data);
}

gboolean
anshin_account_refresh_finish (AnshinAccount  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The registration lock: the account asks the issuer itself, with the
 * card, rather than waiting for a view to fetch the registration form.
 * A GET of the form uses no attempt; the client keeps the newest form
 * token for the next submission (anshin-issuer-registration.c). When the
 * lock's end passes on the issuer's clock, the account asks again (at
 * most every few seconds, should the issuer still say no). A failed
 * question keeps what was known. */

#define LOCK_CHECK_INTERVAL (5 * G_TIME_SPAN_SECOND)

static void
on_registration_lock_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(GError) error = NULL;
  AnshinAccount *self;

  form = anshin_issuer_client_get_registration_form_finish (ANSHIN_ISSUER_CLIENT (object), result,
                                                            &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANSHIN_ACCOUNT (user_data);

  /* (an answer for a session signed out meanwhile is not this one's) */
  if (form == NULL)
    g_debug ("Cannot ask the issuer whether adding a charge card is locked: %s", error->message);
  else if (self->lock_generation == self->generation)
    _anshin_account_note_registration (self, form);

  self->lock_loading = FALSE;
  if (self->lock_again)
    {
      self->lock_again = FALSE;
      load_registration_lock (self);
      return;
    }

  check_registration_lock (self);
}

static void
load_registration_lock (AnshinAccount *self)
{
  if (!anshin_issuer_client_get_signed_in (self->client))
    return;

  if (self->lock_loading)
    {
      self->lock_again = TRUE;
      return;
    }

  self->lock_loading = TRUE;
  self->lock_generation = self->generation;
  anshin_issuer_client_get_registration_form_async (self->client, self->cancellable,
                                                    on_registration_lock_cb, self);
}

static gboolean
on_lock_check_cb (gpointer user_data)
{
  AnshinAccount *self = user_data;

  self->lock_source = 0;
  check_registration_lock (self);

  return G_SOURCE_REMOVE;
}

/* Asks again once the issuer's clock has passed the lock's end, or looks
 * again when it will have. */
static void
check_registration_lock (AnshinAccount *self)
{
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan wait;

  g_clear_handle_id (&self->lock_source, g_source_remove);

  /* the answer in flight looks again; while the issuer cannot be reached,
   * the recovery's refresh asks */
  if (self->locked_until == NULL || self->lock_loading || !self->online ||
      !anshin_issuer_client_get_signed_in (self->client))
    return;

  now = anshin_issuer_client_dup_now (self->client);
  wait = g_date_time_difference (self->locked_until, now);
  if (wait <= 0)
    {
      GTimeSpan since = g_get_monotonic_time () - self->lock_checked_at;

      if (self->lock_checked_at == 0 || since >= LOCK_CHECK_INTERVAL)
        {
          self->lock_checked_at = g_get_monotonic_time ();
          load_registration_lock (self);
          return;
        }
      wait = LOCK_CHECK_INTERVAL - since;
    }

  /* the clock runs at real speed; a move of it looks again (notify::now) */
  self->lock_source = g_timeout_add ((guint) MIN (wait / 1000 + 1, G_MAXINT), on_lock_check_cb, self);
  g_source_set_name_by_id (self->lock_source, "[anshin] registration lock's end");
}

static void
forget_registration_lock (AnshinAccount *self)
{
  g_clear_handle_id (&self->lock_source, g_source_remove);
  self->max_attempts = 0;
  if (self->locked_until == NULL)
    return;

  g_clear_pointer (&self->locked_until, g_date_time_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRATION_LOCKED_UNTIL]);
  queue_changed (self);
}

static void
on_mark_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinNotice *notice = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!anshin_issuer_client_mark_notice_read_finish (ANSHIN_ISSUER_CLIENT (object), result,
                                                     &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  anshin_notice_set_read (notice, TRUE);
  g_task_return_boolean (task, TRUE);
}

/**
 * anshin_account_mark_notice_read_async:
 * @notice: a notice of #AnshinAccount:notices
 *
 * Tells the issuer the holder has read @notice; the notice and the unread
 * count follow when the issuer agrees.
 */
void
anshin_account_mark_notice_read_async (AnshinAccount       *self,
                                       AnshinNotice        *notice,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));
  g_return_if_fail (ANSHIN_IS_NOTICE (notice));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_account_mark_notice_read_async);
  g_task_set_task_data (task, g_object_ref (notice), g_object_unref);

  anshin_issuer_client_mark_notice_read_async (self->client, anshin_notice_get_id (notice),
                                               cancellable, on_mark_read_cb, task);
}

gboolean
anshin_account_mark_notice_read_finish (AnshinAccount  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Recovery: while the issuer cannot be reached, try again after a wait
 * that doubles with each failed try, up to the longest of the reconnect
 * and polling intervals (no storm of retries when it is down for hours),
 * first resuming the session if it was never resumed. */

static void
on_recovered_refresh_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  AnshinAccount *self = ANSHIN_ACCOUNT (object);
  g_autoptr(GError) error = NULL;

  if (!anshin_account_refresh_finish (self, result, &error))
    return;

  g_debug ("The issuer is reachable again");
  anshin_issuer_events_start (self->events);
}

static void
on_recovered_resume_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(AnshinAccount) self = user_data;
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = anshin_issuer_client_resume_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  if (session == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Resuming the session failed: %s", error->message);
      if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT))
        {
          g_clear_pointer (&self->resume_token, g_free);
          _anshin_account_note_token (self, NULL);
          _anshin_account_notify_signed_in (self);
        }
      else
        schedule_recovery (self);
      return;
    }

  g_clear_pointer (&self->resume_token, g_free);
  _anshin_account_refresh_parts (self, REFRESH_ALL, self->cancellable, on_recovered_refresh_cb,
                                NULL);
}

static gboolean
on_recover_timeout_cb (gpointer user_data)
{
  AnshinAccount *self = user_data;

  self->recover_source = 0;

  if (self->resume_token != NULL)
    anshin_issuer_client_resume_async (self->client, self->resume_token, self->cancellable,
                                       on_recovered_resume_cb, g_object_ref (self));
  else if (anshin_issuer_client_get_signed_in (self->client))
    _anshin_account_refresh_parts (self, REFRESH_ALL, self->cancellable, on_recovered_refresh_cb,
                                  NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_recovery (AnshinAccount *self)
{
  guint delay;

  if (self->recover_source != 0)
    return;

  delay = anshin_backoff_next (self->recover_base_ms, self->recover_max_ms, self->recover_attempt,
                               g_random_double_range (0.0, 1.0));
  if (self->recover_attempt < G_MAXUINT)
    self->recover_attempt++;
  g_debug ("Trying the issuer again in %u ms", delay);
  self->recover_source = g_timeout_add (delay, on_recover_timeout_cb, self);
}

/* Sessions */

static void
on_flow_refresh_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinAccount *self = ANSHIN_ACCOUNT (object);
  g_autoptr(GError) error = NULL;

  /* Signed in either way; the online property tells whether the models are fresh. */
  if (!anshin_account_refresh_finish (self, result, &error))
    g_debug ("First refresh failed: %s", error->message);

  if (anshin_issuer_client_get_signed_in (self->client))
    anshin_issuer_events_start (self->events);

  _anshin_account_secret_sync (self, g_steal_pointer (&task));
}

static void
on_cache_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinAccount *self = g_task_get_source_object (task);
  GError *unreachable = g_task_get_task_data (task);
  g_autoptr(AnshinIssuerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = anshin_issuer_cache_load_finish (result, &error);
  _anshin_account_set_online (self, FALSE);
  schedule_recovery (self);

  if (snapshot == NULL)
    {
      g_debug ("No last known state: %s", error->message);
      g_task_return_error (task, g_error_copy (unreachable));
      return;
    }

  _anshin_account_apply_snapshot (self, snapshot);
  g_task_return_boolean (task, TRUE);
}

static void
on_start_resume_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  AnshinAccount *self = g_task_get_source_object (task);
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  session = anshin_issuer_client_resume_finish (self->client, result, &error);
  if (session != NULL)
    {
      g_clear_pointer (&self->resume_token, g_free);
      _anshin_account_refresh_parts (self, REFRESH_ALL, cancellable,
                                    on_flow_refresh_cb, g_steal_pointer (&task));
      return;
    }

  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT))
    {
      /* The stored token is dead: forget it. */
      g_clear_pointer (&self->resume_token, g_free);
      _anshin_account_note_token (self, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The issuer cannot be reached: show the last known state meanwhile. */
  g_debug ("Starting offline: %s", error->message);
  path = _anshin_account_dup_cache_path (self);
  g_task_set_task_data (task, g_steal_pointer (&error), (GDestroyNotify)g_error_free);
  anshin_issuer_cache_load_async (path, cancellable, on_cache_loaded_cb,
                                  g_steal_pointer (&task));
}

static void
on_start_lookup_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  AnshinAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *member_id = NULL;
  g_autofree char *token = NULL;

  token = anshin_issuer_secret_lookup_finish (result, &member_id, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (token == NULL)
    {
      g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT,
                               "no stored sign-in for this issuer");
      return;
    }

  _anshin_account_set_member_id (self, member_id);
  g_free (self->resume_token);
  self->resume_token = g_strdup (token);
  anshin_issuer_client_resume_async (self->client, token, cancellable,
                                     on_start_resume_cb, g_steal_pointer (&task));
}

/**
 * anshin_account_start_async:
 *
 * Resumes the session stored in the keyring for the client's issuer. When
 * the issuer cannot be reached, the last known state is loaded from the
 * cache (#AnshinAccount:online is then %FALSE) and the account recovers by
 * itself. Without a stored sign-in, or with one the issuer refuses, it
 * finishes with %ANSHIN_ISSUER_ERROR_SIGNED_OUT.
 */
void
anshin_account_start_async (AnshinAccount       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_account_start_async);
  anshin_issuer_secret_lookup_async (anshin_issuer_client_get_base_url (self->client),
                                     cancellable, on_start_lookup_cb, task);
}

gboolean
anshin_account_start_finish (AnshinAccount  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_sign_in_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  AnshinAccount *self = g_task_get_source_object (task);
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = anshin_issuer_client_sign_in_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  if (session == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&self->resume_token, g_free);
  _anshin_account_set_member_id (self, session->member_id);
  _anshin_account_notify_signed_in (self);
  _anshin_account_refresh_parts (self, REFRESH_ALL, cancellable,
                                on_flow_refresh_cb, g_steal_pointer (&task));
}

/**
 * anshin_account_sign_in_async:
 * @member_id: the member ID
 * @password: the password (sent to the issuer, never stored)
 *
 * Signs in, stores the refresh token in the keyring and loads the models.
 */
void
anshin_account_sign_in_async (AnshinAccount       *self,
                              const char          *member_id,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_account_sign_in_async);
  anshin_issuer_client_sign_in_async (self->client, member_id, password, cancellable,
                                      on_sign_in_cb, task);
}

gboolean
anshin_account_sign_in_finish (AnshinAccount  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

G_DEFINE_QUARK (anshin-sign-out-error-quark, anshin_sign_out_error)

/* Sign-out: end the session at the issuer, then delete what this computer
 * keeps of it (the refresh token in the keyring, the last known state in
 * the cache). Whatever could not be removed is reported, never only
 * logged: a refresh token left in the keyring behind a signed-out screen
 * would sign the holder in again at the next start. */

typedef struct {
  char               *cache_path;
  AnshinSignOutError  left;
} SignOutData;

static void
sign_out_data_free (gpointer data)
{
  SignOutData *sign_out = data;

  g_free (sign_out->cache_path);
  g_free (sign_out);
}

static GError *
sign_out_error_new (AnshinSignOutError left)
{
  g_autoptr(GString) message = g_string_new (NULL);

  if (left & ANSHIN_SIGN_OUT_ERROR_KEYRING)
    g_string_append (message, _("Your sign-in is still saved in the keyring, which could not be "
                                "changed. Unlock the keyring, then sign out again."));

  if (left & ANSHIN_SIGN_OUT_ERROR_CACHE)
    {
      if (message->len > 0)
        g_string_append_c (message, ' ');
      g_string_append (message, _("The last known state of your card could not be deleted from "
                                  "this computer. Sign out again to retry."));
    }

  if (left & ANSHIN_SIGN_OUT_ERROR_ISSUER_SESSION)
    {
      if (message->len > 0)
        g_string_append_c (message, ' ');
      g_string_append (message, _("The issuer could not be told that you signed out; your session "
                                  "there ends by itself when it expires."));
    }

  return g_error_new_literal (ANSHIN_SIGN_OUT_ERROR, left, message->str);
}

static void
on_sign_out_synced_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinAccount *self = ANSHIN_ACCOUNT (object);
  SignOutData *sign_out = g_task_get_task_data (task);

  g_task_propagate_boolean (G_TASK (result), NULL);

  if (self->secret_error != NULL)
    {
      g_debug ("Cannot delete the sign-in from the keyring: %s", self->secret_error->message);
      sign_out->left |= ANSHIN_SIGN_OUT_ERROR_KEYRING;
    }

  if (sign_out->left == 0)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, sign_out_error_new (sign_out->left));
}

/* Takes @task: completes it once the keyring holds nothing of the session. */
static void
sign_out_sync_secret (GTask *task)
{
  AnshinAccount *self = g_task_get_source_object (task);
  GTask *sync = g_task_new (self, NULL, on_sign_out_synced_cb, task);

  g_task_set_source_tag (sync, sign_out_sync_secret);
  _anshin_account_secret_sync (self, sync);
}

static void
on_cache_deleted_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  SignOutData *sign_out = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!anshin_issuer_cache_delete_finish (result, &error))
    {
      g_debug ("Cannot delete the offline cache: %s", error->message);
      sign_out->left |= ANSHIN_SIGN_OUT_ERROR_CACHE;
    }

  sign_out_sync_secret (task);
}

/* Takes @task */
static void
delete_cache (GTask *task)
{
  SignOutData *sign_out = g_task_get_task_data (task);

  anshin_issuer_cache_delete_async (sign_out->cache_path, NULL, on_cache_deleted_cb, task);
}

/* Takes @task: the issuer part is done (or was not needed); remove what
 * this computer keeps. */
static void
sign_out_locally (GTask *task)
{
  AnshinAccount *self = g_task_get_source_object (task);
  SignOutData *sign_out = g_task_get_task_data (task);

  g_clear_pointer (&self->resume_token, g_free);

  /* Clear the keyring whether or not the client announced a token change:
   * a sign-out retried after a failed clear has no new token to announce.
   * (Clearing what is not there is fine.) */
  if (!self->secret_busy)
    g_clear_error (&self->secret_error);
  _anshin_account_note_token (self, NULL);

  sign_out->cache_path = _anshin_account_dup_cache_path (self);
  _anshin_account_reset_models (self);
  /* the lock is the member's */
  forget_registration_lock (self);
  _anshin_account_set_online (self, TRUE);
  _anshin_account_notify_signed_in (self);

  if (sign_out->cache_path == NULL)
    {
      sign_out_sync_secret (task);
      return;
    }

  /* Delete the last known state only after any write of it in flight. */
  _anshin_account_after_cache_saves (self, task, delete_cache);
}

static void
on_sign_out_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  SignOutData *sign_out = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The client has forgotten the session whatever the issuer said (an
   * issuer that already ended it is a success there). */
  if (!anshin_issuer_client_sign_out_finish (ANSHIN_ISSUER_CLIENT (object), result, &error))
    {
      g_debug ("The issuer did not confirm the sign-out: %s", error->message);
      sign_out->left |= ANSHIN_SIGN_OUT_ERROR_ISSUER_SESSION;
    }

  sign_out_locally (task);
}

/**
 * anshin_account_sign_out_async:
 *
 * Signs out: ends the session at the issuer, deletes the refresh token
 * from the keyring and the last known state from the cache. The account
 * is signed out (and its models empty) in every case; what could not be
 * removed is an %ANSHIN_SIGN_OUT_ERROR, and calling this again retries the
 * keyring and the cache.
 */
void
anshin_account_sign_out_async (AnshinAccount       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_account_sign_out_async);
  g_task_set_task_data (task, g_new0 (SignOutData, 1), sign_out_data_free);

  self->generation++;
  anshin_issuer_events_stop (self->events);
  g_clear_handle_id (&self->recover_source, g_source_remove);

  /* A session to end at the issuer: the client's, or the stored one an
   * offline start has not resumed yet. A retry after a failed sign-out
   * has none. */
  if (anshin_issuer_client_get_signed_in (self->client) || self->resume_token != NULL)
    anshin_issuer_client_sign_out_async (self->client, cancellable, on_sign_out_cb, task);
  else
    sign_out_locally (task);
}

gboolean
anshin_account_sign_out_finish (AnshinAccount  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What the views show */

static gboolean
on_changed_idle_cb (gpointer user_data)
{
  AnshinAccount *self = user_data;

  self->changed_source = 0;
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

/* Once per main-loop turn, however many things changed together */
static void
queue_changed (AnshinAccount *self)
{
  if (self->changed_source != 0)
    return;

  self->changed_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_changed_idle_cb, self, NULL);
  g_source_set_name_by_id (self->changed_source, "[anshin] account changed");
}

static void
on_items_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     AnshinAccount *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_signal_connect_object (item, "notify", G_CALLBACK (queue_changed), self, G_CONNECT_SWAPPED);
    }

  queue_changed (self);
}

static void
on_now_changed_cb (AnshinAccount *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
  queue_changed (self);
  check_registration_lock (self);
}

/* Live events */

static void
on_events_refreshed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!anshin_account_refresh_finish (ANSHIN_ACCOUNT (object), result, &error))
    g_debug ("Refresh after an event failed: %s", error->message);
}

static void
refresh_for_events (AnshinAccount *self,
                    RefreshParts   parts)
{
  _anshin_account_refresh_parts (self, parts, self->cancellable, on_events_refreshed_cb, NULL);
}

/* What the issuer said changed: a new notice is added and announced, a
 * changed card or list is asked for again. */
static void
on_event_cb (AnshinAccount     *self,
             AnshinIssuerEvent *event)
{
  switch (event->type)
    {
    case ANSHIN_ISSUER_EVENT_NOTICE_CREATED:
      _anshin_account_add_notice (self, event->notice);
      /* locked from elsewhere (the issuer's own site): until when */
      if (anshin_notice_get_code (event->notice) == ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTRATION_LOCKED)
        load_registration_lock (self);
      break;
    case ANSHIN_ISSUER_EVENT_CARD_UPDATED:
      refresh_for_events (self, REFRESH_CARD);
      break;
    case ANSHIN_ISSUER_EVENT_NETWORKS_UPDATED:
      refresh_for_events (self, REFRESH_METHODS);
      break;
    case ANSHIN_ISSUER_EVENT_CHARGE_CARDS_UPDATED:
      refresh_for_events (self, REFRESH_CHARGE_CARDS);
      break;
    case ANSHIN_ISSUER_EVENT_TRANSACTIONS_UPDATED:
      anshin_activity_reload_async (self->activity, self->cancellable, NULL, NULL);
      break;
    case ANSHIN_ISSUER_EVENT_CLOCK_CHANGED:
    case ANSHIN_ISSUER_EVENT_UNKNOWN:
    default:
      break;
    }
}

static void
on_events_live_cb (AnshinAccount *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

static void
on_events_stale_cb (AnshinAccount *self)
{
  /* a poll while the issuer cannot be reached: the recovery's waits say
   * when to try again (a stream that came back is news, though) */
  if (!self->online && self->recover_source != 0 && !anshin_issuer_events_get_live (self->events))
    return;

  refresh_for_events (self, REFRESH_ALL);
}

/* the session expired while the stream was down: a call renews it (or
 * finds the holder signed out, which stops the events) */
static void
on_events_session_lost_cb (AnshinAccount *self)
{
  refresh_for_events (self, REFRESH_CARD);
}

static void
on_activity_loaded_cb (AnshinAccount *self)
{
  /* a page restored from the cache is already there */
  if (self->online && self->as_of != NULL && anshin_activity_get_as_of (self->activity) != NULL)
    _anshin_account_save_cache (self);
}

static void
anshin_account_constructed (GObject *object)
{
  AnshinAccount *self = (AnshinAccount *)object;

  G_OBJECT_CLASS (anshin_account_parent_class)->constructed (object);

  g_signal_connect_object (self->client, "refresh-token-changed",
                           G_CALLBACK (_anshin_account_note_token), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "notify::signed-in",
                           G_CALLBACK (on_client_signed_in_changed_cb), self, 0);
  _anshin_account_set_member_id (self, anshin_issuer_client_get_member_id (self->client));

  /* the cache keeps the newest page of activity too */
  self->activity = anshin_activity_new (self->client);
  g_signal_connect_object (self->activity, "notify::as-of", G_CALLBACK (on_activity_loaded_cb),
                           self, G_CONNECT_SWAPPED);

  self->events = anshin_issuer_events_new (self->client);
  g_signal_connect_object (self->events, "event", G_CALLBACK (on_event_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "stale", G_CALLBACK (on_events_stale_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "session-lost", G_CALLBACK (on_events_session_lost_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "notify::live", G_CALLBACK (on_events_live_cb), self,
                           G_CONNECT_SWAPPED);

  self->clock = anshin_issuer_clock_new (self->client);
  g_signal_connect_object (self->clock, "notify::now", G_CALLBACK (on_now_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->card, "notify", G_CALLBACK (queue_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->payment_methods, "items-changed", G_CALLBACK (on_items_changed_cb),
                           self, 0);
  g_signal_connect_object (self->programs, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
  g_signal_connect_object (self->notices, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
}

static void
anshin_account_dispose (GObject *object)
{
  AnshinAccount *self = (AnshinAccount *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->events != NULL)
    anshin_issuer_events_stop (self->events);
  g_clear_object (&self->events);
  g_clear_handle_id (&self->recover_source, g_source_remove);
  g_clear_handle_id (&self->changed_source, g_source_remove);
  g_clear_handle_id (&self->lock_source, g_source_remove);
  g_clear_object (&self->clock);
  g_clear_object (&self->activity);

  G_OBJECT_CLASS (anshin_account_parent_class)->dispose (object);
}

static void
anshin_account_finalize (GObject *object)
{
  AnshinAccount *self = (AnshinAccount *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->card);
  g_clear_object (&self->payment_methods);
  g_clear_object (&self->notices);
  g_clear_object (&self->programs);
  g_clear_object (&self->charge_cards);
  g_clear_object (&self->issuer_info);
  g_clear_pointer (&self->locked_until, g_date_time_unref);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->member_id, g_free);
  g_clear_pointer (&self->resume_token, g_free);
  g_clear_pointer (&self->wanted_token, g_free);
  g_clear_pointer (&self->secret_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->reissue_key, g_free);
  g_clear_pointer (&self->register_key, g_free);
  g_clear_pointer (&self->challenge_key, g_free);
  g_clear_pointer (&self->top_up_key, g_free);
  g_clear_pointer (&self->top_up_card_id, g_free);
  g_clear_error (&self->secret_error);

  G_OBJECT_CLASS (anshin_account_parent_class)->finalize (object);
}

static void
anshin_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnshinAccount *self = ANSHIN_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_CARD:
      g_value_set_object (value, self->card);
      break;
    case PROP_HAS_CARD:
      g_value_set_boolean (value, self->has_card);
      break;
    case PROP_PAYMENT_METHODS:
      g_value_set_object (value, self->payment_methods);
      break;
    case PROP_NOTICES:
      g_value_set_object (value, self->notices);
      break;
    case PROP_PROGRAMS:
      g_value_set_object (value, self->programs);
      break;
    case PROP_CHARGE_CARDS:
      g_value_set_object (value, self->charge_cards);
      break;
    case PROP_UNREAD_COUNT:
      g_value_set_uint (value, self->unread_count);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, anshin_account_get_signed_in (self));
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_LIVE:
      g_value_set_boolean (value, anshin_account_get_live (self));
      break;
    case PROP_AS_OF:
      g_value_set_boxed (value, self->as_of);
      break;
    case PROP_NOW:
      g_value_set_boxed (value, anshin_account_get_now (self));
      break;
    case PROP_CHALLENGE_PENDING:
      g_value_set_boolean (value, self->challenge_pending);
      break;
    case PROP_ISSUER_INFO:
      g_value_set_object (value, self->issuer_info);
      break;
    case PROP_REGISTRATION_LOCKED_UNTIL:
      g_value_set_boxed (value, self->locked_until);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_account_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AnshinAccount *self = ANSHIN_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_account_class_init (AnshinAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = anshin_account_constructed;
  object_class->dispose = anshin_account_dispose;
  object_class->finalize = anshin_account_finalize;
  object_class->get_property = anshin_account_get_property;
  object_class->set_property = anshin_account_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANSHIN_TYPE_ISSUER_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The same object for the account's life, updated in place. */
  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL, ANSHIN_TYPE_CARD, ro);
  properties[PROP_HAS_CARD] =
    g_param_spec_boolean ("has-card", NULL, NULL, FALSE, ro);
  properties[PROP_PAYMENT_METHODS] =
    g_param_spec_object ("payment-methods", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  /* Newest first */
  properties[PROP_NOTICES] =
    g_param_spec_object ("notices", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_PROGRAMS] =
    g_param_spec_object ("programs", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_CHARGE_CARDS] =
    g_param_spec_object ("charge-cards", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_UNREAD_COUNT] =
    g_param_spec_uint ("unread-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE, ro);
  /* FALSE while the issuer cannot be reached: the models are as of #AnshinAccount:as-of */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE, ro);
  /* TRUE while live events arrive over the WebSocket (else: polling) */
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, FALSE, ro);
  /* The issuer time of the state shown */
  properties[PROP_AS_OF] =
    g_param_spec_boxed ("as-of", NULL, NULL, G_TYPE_DATE_TIME, ro);
  /* The issuer's clock (AnshinIssuerClock): changes once a minute, and
   * when the issuer's clock moves */
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME, ro);
  /* TRUE while a charge-card registration waits for a 3-D Secure
   * one-time code (what the demo bar shows, as an SMS would) */
  properties[PROP_CHALLENGE_PENDING] =
    g_param_spec_boolean ("challenge-pending", NULL, NULL, FALSE, ro);
  /* How the issuer names itself and its support desk (GET /v1/issuer):
   * the same object for the account's life, updated in place */
  properties[PROP_ISSUER_INFO] =
    g_param_spec_object ("issuer-info", NULL, NULL, ANSHIN_TYPE_ISSUER_INFO, ro);
  /* Until when adding a charge card is locked, as the issuer last said;
   * %NULL when it is not (or not known yet) */
  properties[PROP_REGISTRATION_LOCKED_UNTIL] =
    g_param_spec_boxed ("registration-locked-until", NULL, NULL, G_TYPE_DATE_TIME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnshinAccount::notice-added:
   * @notice: the new notice
   *
   * A notice arrived (live or found by a refresh); the GUI turns it into a
   * desktop notification. Not emitted for the notices of the first load.
   */
  signals[NOTICE_ADDED] =
    g_signal_new ("notice-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANSHIN_TYPE_NOTICE);

  /**
   * AnshinAccount::changed:
   *
   * Something the views show changed: the card, a payment method, a
   * programme, a notice, or the time (#AnshinAccount:now). Emitted once
   * per main-loop turn, however many changed together.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AnshinAccount::remember-failed:
   * @error: why the keyring did not take the sign-in
   *
   * "Keep me signed in" did not take: the keyring refused to store the
   * refresh token (locked, or no Secret Service). The session goes on;
   * the next start of the app asks for the password.
   */
  signals[REMEMBER_FAILED] =
    g_signal_new ("remember-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
anshin_account_init (AnshinAccount *self)
{
  self->cancellable = g_cancellable_new ();
  self->card = anshin_card_new ();
  self->payment_methods = g_list_store_new (ANSHIN_TYPE_PAYMENT_METHOD);
  self->notices = g_list_store_new (ANSHIN_TYPE_NOTICE);
  self->programs = g_list_store_new (ANSHIN_TYPE_PROGRAM);
  self->charge_cards = g_list_store_new (ANSHIN_TYPE_CHARGE_CARD);
  self->issuer_info = anshin_issuer_info_new ();
  self->online = TRUE;
  self->recover_base_ms = 1000;
  self->recover_max_ms = 60 * 1000;
  self->secret_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * anshin_account_new:
 * @client: the issuer client the account owns
 *
 * Returns: (transfer full): a new account
 */
AnshinAccount *
anshin_account_new (AnshinIssuerClient *client)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (client), NULL);

  return g_object_new (ANSHIN_TYPE_ACCOUNT, "client", client, NULL);
}

/**
 * anshin_account_new_for_url:
 * @issuer_url: the issuer's base URL
 *
 * Returns: (transfer full) (nullable): a new account with its own issuer
 *   client, or %NULL if @issuer_url can't be used
 */
AnshinAccount *
anshin_account_new_for_url (const char  *issuer_url,
                            GError     **error)
{
  g_autoptr(AnshinIssuerClient) client = anshin_issuer_client_new (issuer_url, error);

  if (client == NULL)
    return NULL;

  return anshin_account_new (client);
}

/**
 * anshin_account_get_issuer_url:
 *
 * Returns: the issuer's base URL
 */
const char *
anshin_account_get_issuer_url (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return anshin_issuer_client_get_base_url (self->client);
}

AnshinIssuerClient *
anshin_account_get_client (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return self->client;
}

AnshinCard *
anshin_account_get_card (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return self->card;
}

/**
 * anshin_account_get_card_if_any:
 *
 * Returns: (transfer none) (nullable): the card, or %NULL while the issuer
 *   has sent none
 */
AnshinCard *
anshin_account_get_card_if_any (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return self->has_card ? self->card : NULL;
}

gboolean
anshin_account_get_has_card (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), FALSE);
  return self->has_card;
}

GListModel *
anshin_account_get_payment_methods (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->payment_methods);
}

GListModel *
anshin_account_get_notices (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->notices);
}

GListModel *
anshin_account_get_programs (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->programs);
}

GListModel *
anshin_account_get_charge_cards (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->charge_cards);
}

/**
 * anshin_account_get_activity:
 *
 * Returns: (transfer none): the holder's payments and top-ups, newest
 *   first, reloaded with each full refresh and when the issuer says they
 *   changed; views follow it directly
 */
AnshinActivity *
anshin_account_get_activity (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return self->activity;
}

guint
anshin_account_get_unread_count (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), 0);
  return self->unread_count;
}

gboolean
anshin_account_get_signed_in (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), FALSE);

  /* Offline with a stored session counts as signed in: it resumes by itself. */
  return anshin_issuer_client_get_signed_in (self->client) || self->resume_token != NULL;
}

gboolean
anshin_account_get_online (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), FALSE);
  return self->online;
}

gboolean
anshin_account_get_live (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), FALSE);
  return self->events != NULL && anshin_issuer_events_get_live (self->events);
}

/**
 * anshin_account_get_as_of:
 *
 * Returns: (transfer none) (nullable): the issuer time of the state shown
 */
GDateTime *
anshin_account_get_as_of (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return self->as_of;
}

/**
 * anshin_account_set_timings:
 * @reconnect_base_ms: the first wait before reconnecting the event stream
 * @reconnect_max_ms: the longest wait (the waits double up to it)
 * @poll_ms: the polling interval without live events
 *
 * The defaults are 1 s, 60 s and 60 s; tests shorten them. While the
 * issuer cannot be reached the account tries again after
 * @reconnect_base_ms, doubling up to the longer of @reconnect_max_ms and
 * @poll_ms.
 */
void
anshin_account_set_timings (AnshinAccount *self,
                            guint          reconnect_base_ms,
                            guint          reconnect_max_ms,
                            guint          poll_ms)
{
  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));
  g_return_if_fail (reconnect_base_ms > 0 && reconnect_max_ms >= reconnect_base_ms && poll_ms > 0);

  anshin_issuer_events_set_timings (self->events, reconnect_base_ms, reconnect_max_ms, poll_ms);
  self->recover_base_ms = reconnect_base_ms;
  self->recover_max_ms = MAX (reconnect_max_ms, poll_ms);
}

/**
 * anshin_account_dup_retry_description:
 *
 * Returns: (transfer full): how the account tries the issuer again while
 *   it cannot be reached, for the log: "after 1 s, 2 s, 4 s, 8 s, …,
 *   32 s, then about every 60 s"
 */
char *
anshin_account_dup_retry_description (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);

  return anshin_backoff_describe (self->recover_base_ms, self->recover_max_ms);
}

/**
 * anshin_account_set_remember_sign_in:
 * @self: an account
 * @remember: whether to keep the sign-in in the keyring
 *
 * By default the refresh token goes into the Secret Service, so the next
 * start signs in by itself. A throw-away issuer (the embedded demo issuer,
 * on a new port each run) turns that off: nothing is written to the
 * keyring for it.
 */
void
anshin_account_set_remember_sign_in (AnshinAccount *self,
                                     gboolean       remember)
{
  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  self->forget_sign_in = !remember;
  if (self->forget_sign_in)
    g_clear_pointer (&self->wanted_token, g_free);
}

/**
 * anshin_account_get_now:
 *
 * Returns: (transfer none): the time on the issuer's clock, as the views
 *   count from it
 */
GDateTime *
anshin_account_get_now (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return anshin_issuer_clock_get_now (self->clock);
}

/**
 * anshin_account_dup_exact_now:
 *
 * For a countdown to the second: #AnshinAccount:now changes only once a
 * minute.
 *
 * Returns: (transfer full): the time on the issuer's clock, this moment
 */
GDateTime *
anshin_account_dup_exact_now (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return anshin_issuer_client_dup_now (self->client);
}

/**
 * _anshin_account_set_challenge_pending:
 *
 * Says whether a registration waits for a one-time code.
 */
void
_anshin_account_set_challenge_pending (AnshinAccount *self,
                                       gboolean       pending)
{
  set_boolean (self, &self->challenge_pending, pending, PROP_CHALLENGE_PENDING);
}

/**
 * anshin_account_forget_challenge:
 *
 * The holder gave up on the one-time code: the registration no longer
 * waits for it.
 */
void
anshin_account_forget_challenge (AnshinAccount *self)
{
  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));
  _anshin_account_set_challenge_pending (self, FALSE);
}

/**
 * anshin_account_get_issuer_info:
 *
 * Returns: (transfer none): how the issuer names itself and how to reach
 *   its support desk, from the issuer's own service (empty until known)
 */
AnshinIssuerInfo *
anshin_account_get_issuer_info (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return self->issuer_info;
}

/**
 * anshin_account_get_registration_locked_until:
 *
 * Returns: (transfer none) (nullable): until when adding a charge card is
 *   locked, as the issuer last said, or %NULL
 */
GDateTime *
anshin_account_get_registration_locked_until (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return self->locked_until;
}

/**
 * anshin_account_get_registration_max_attempts:
 *
 * Returns: the failed attempts a day that lock adding a charge card, as
 *   the issuer last said, or 0 until it said
 */
int
anshin_account_get_registration_max_attempts (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), 0);
  return self->max_attempts;
}

/**
 * anshin_account_dup_moments:
 *
 * The holder's moments as app/core chooses them (anshin_moment_list_for())
 * from all the account knows, on the issuer's clock.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #AnshinMoment, or
 *   %NULL before there is a card
 */
GListModel *
anshin_account_dup_moments (AnshinAccount *self)
{
  AnshinCard *card;

  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);

  card = anshin_account_get_card_if_any (self);
  if (card == NULL)
    return NULL;

  return anshin_moment_list_for (card,
                                 G_LIST_MODEL (self->payment_methods),
                                 G_LIST_MODEL (self->notices),
                                 G_LIST_MODEL (self->programs),
                                 G_LIST_MODEL (self->charge_cards),
                                 self->locked_until,
                                 self->max_attempts,
                                 self->issuer_info,
                                 anshin_account_get_now (self));
}

/**
 * _anshin_account_note_registration:
 *
 * Keeps what a registration form said of the lock (whoever asked for the
 * form), for the views that explain it (the Card page's moment, the
 * Top-up page), and looks again when its end passes.
 */
void
_anshin_account_note_registration (AnshinAccount                *self,
                                   const AnshinRegistrationForm *form)
{
  GDateTime *locked_until = form->locked_until;

  if (form->max_attempts > 0 && form->max_attempts != self->max_attempts)
    {
      self->max_attempts = form->max_attempts;
      queue_changed (self);
    }

  if (!anshin_time_equal (self->locked_until, locked_until))
    {
      g_clear_pointer (&self->locked_until, g_date_time_unref);
      if (locked_until != NULL)
        self->locked_until = g_date_time_ref (locked_until);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRATION_LOCKED_UNTIL]);
      queue_changed (self);
    }

  check_registration_lock (self);
}
