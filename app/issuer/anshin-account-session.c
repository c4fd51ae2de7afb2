/* anshin-account-session.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinAccount's sessions: start (resume from the keyring, or the last
 * known state from the cache when the issuer cannot be reached), sign in,
 * sign out, and the recovery that retries until the issuer is back.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-account-private.h"
#include "anshin-issuer-secret.h"

/* Recovery: while the issuer cannot be reached, try again every poll
 * interval, first resuming the session if it was never resumed. */

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
  if (!anshin_account_events_is_running (self))
    anshin_account_events_start (self);
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
          anshin_account_note_token (self, NULL);
          anshin_account_notify_signed_in (self);
        }
      else
        anshin_account_schedule_recovery (self);
      return;
    }

  g_clear_pointer (&self->resume_token, g_free);
  anshin_account_refresh_parts (self, REFRESH_ALL, self->cancellable, on_recovered_refresh_cb,
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
    anshin_account_refresh_parts (self, REFRESH_ALL, self->cancellable, on_recovered_refresh_cb,
                                  NULL);

  return G_SOURCE_REMOVE;
}

void
anshin_account_schedule_recovery (AnshinAccount *self)
{
  if (self->recover_source != 0)
    return;

  self->recover_source = g_timeout_add (self->events.poll_ms, on_recover_timeout_cb, self);
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
    anshin_account_events_start (self);

  anshin_account_secret_sync (self, g_steal_pointer (&task));
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
  anshin_account_set_online (self, FALSE);
  anshin_account_schedule_recovery (self);

  if (snapshot == NULL)
    {
      g_debug ("No last known state: %s", error->message);
      g_task_return_error (task, g_error_copy (unreachable));
      return;
    }

  anshin_account_apply_snapshot (self, snapshot);
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
      anshin_account_refresh_parts (self, REFRESH_ALL, cancellable,
                                    on_flow_refresh_cb, g_steal_pointer (&task));
      return;
    }

  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT))
    {
      /* The stored token is dead: forget it. */
      g_clear_pointer (&self->resume_token, g_free);
      anshin_account_note_token (self, NULL);
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
  path = anshin_account_dup_cache_path (self);
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

  anshin_account_set_member_id (self, member_id);
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
  anshin_account_set_member_id (self, session->member_id);
  anshin_account_notify_signed_in (self);
  anshin_account_refresh_parts (self, REFRESH_ALL, cancellable,
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
  anshin_account_secret_sync (self, sync);
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
  anshin_account_note_token (self, NULL);

  sign_out->cache_path = anshin_account_dup_cache_path (self);
  anshin_account_reset_models (self);
  anshin_account_set_online (self, TRUE);
  anshin_account_notify_signed_in (self);

  if (sign_out->cache_path == NULL)
    {
      sign_out_sync_secret (task);
      return;
    }

  /* Delete the last known state only after any write of it in flight. */
  anshin_account_after_cache_saves (self, task, delete_cache);
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
  anshin_account_events_stop (self);
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
