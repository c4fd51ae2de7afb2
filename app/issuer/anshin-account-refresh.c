/* anshin-account-refresh.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Refreshing AnshinAccount's models from the issuer, all of them or the
 * parts an event names; a failure to reach the issuer turns the account
 * offline (keeping the last known state) and starts its recovery.
 */

#include "config.h"

#include "anshin-account-private.h"

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
  anshin_account_apply_parts (self, data->card, data->methods, data->programs, data->notices,
                              data->charge_cards, TRUE);

  if (data->error != NULL)
    {
      g_debug ("Refresh failed: %s", data->error->message);
      if (is_unreachable (data->error))
        {
          anshin_account_set_online (self, FALSE);
          anshin_account_schedule_recovery (self);
        }
      g_task_return_error (task, g_steal_pointer (&data->error));
      g_object_unref (task);
      return;
    }

  anshin_account_set_online (self, TRUE);
  now = anshin_issuer_client_dup_now (self->client);
  anshin_account_set_as_of (self, now);
  anshin_account_save_cache (self);

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

void
anshin_account_refresh_parts (AnshinAccount       *self,
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

  anshin_account_refresh_parts (self, REFRESH_ALL, cancellable, callback, user_data);
}

gboolean
anshin_account_refresh_finish (AnshinAccount  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
