/* anshin-account-changes.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinAccount's changes: freezing and unfreezing the card, reissuing it,
 * registering and removing charge cards, topping up. Each sends the issuer
 * call, applies the issuer's answer to the account's own models (a refresh
 * only of the parts the answer does not carry), and keeps the call's
 * idempotency key while its outcome is unknown (the answer was lost), so
 * that doing the same again replays the request instead of charging,
 * registering or reissuing twice. Uses the account one way, through
 * anshin-account-private.h.
 */

#include "config.h"

#include "anshin-account-private.h"

static gboolean
finish_boolean (AnshinAccount  *self,
                GAsyncResult   *result,
                gpointer        source_tag,
                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static GTask *
start_task (AnshinAccount       *self,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static gpointer
finish_pointer (AnshinAccount  *self,
                GAsyncResult   *result,
                gpointer        source_tag,
                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A new idempotency key, unless @reuse and there is one to replay. */
static const char *
ensure_key (char     **key,
            gboolean   reuse)
{
  if (!reuse || *key == NULL)
    {
      g_free (*key);
      *key = anshin_issuer_client_new_idempotency_key ();
    }

  return *key;
}

/* Keeps @key for a replay only when the issuer may have done it. */
static void
settle_key (char         **key,
            const GError  *error)
{
  if (error == NULL || !anshin_issuer_error_outcome_unknown (error))
    g_clear_pointer (key, g_free);
}

static void
refresh_after (AnshinAccount *self,
               RefreshParts   parts)
{
  /* what the answer did not carry; a failure shows as "as of" */
  _anshin_account_refresh_parts (self, parts, self->cancellable, NULL, NULL);
}

/* Freeze and unfreeze */

static void
on_frozen_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinAccount *self = g_task_get_source_object (task);
  g_autoptr(AnshinCard) card = NULL;
  GError *error = NULL;

  card = anshin_issuer_client_set_card_frozen_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  if (card == NULL)
    {
      /* the issuer may have done it: show what it says now */
      if (anshin_issuer_error_outcome_unknown (error))
        refresh_after (self, REFRESH_ALL);
      g_task_return_error (task, error);
      return;
    }

  anshin_card_update_from (self->card, card);
  _anshin_account_save_cache (self);
  refresh_after (self, REFRESH_METHODS | REFRESH_NOTICES);
  g_task_return_boolean (task, TRUE);
}

/**
 * anshin_account_set_card_frozen_async:
 * @frozen: %TRUE to freeze the card, %FALSE to unfreeze it
 *
 * Freezes or unfreezes the card; the card shows the issuer's answer, and
 * the payment methods follow.
 */
void
anshin_account_set_card_frozen_async (AnshinAccount       *self,
                                      gboolean             frozen,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  task = start_task (self, anshin_account_set_card_frozen_async, cancellable, callback, user_data);
  anshin_issuer_client_set_card_frozen_async (self->client, frozen, cancellable, on_frozen_cb, task);
}

gboolean
anshin_account_set_card_frozen_finish (AnshinAccount  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return finish_boolean (self, result, anshin_account_set_card_frozen_async, error);
}

/* Reissue */

static void
on_reissued_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinAccount *self = g_task_get_source_object (task);
  GError *error = NULL;

  /* the answer's reissue goes straight into the card */
  if (!anshin_issuer_client_reissue_finish (ANSHIN_ISSUER_CLIENT (object), result, self->card, &error))
    {
      settle_key (&self->reissue_key, error);
      if (anshin_issuer_error_outcome_unknown (error))
        refresh_after (self, REFRESH_ALL);
      g_task_return_error (task, error);
      return;
    }

  settle_key (&self->reissue_key, NULL);
  /* the card's state and the methods change with it */
  refresh_after (self, REFRESH_CARD | REFRESH_METHODS | REFRESH_NOTICES);
  g_task_return_boolean (task, TRUE);
}

/**
 * anshin_account_reissue_async:
 *
 * Reissues the card with a new number (QUICPay does not work on the old
 * one). Asking again after an answer was lost replays the same request,
 * so the card is reissued once at most.
 */
void
anshin_account_reissue_async (AnshinAccount       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  task = start_task (self, anshin_account_reissue_async, cancellable, callback, user_data);
  anshin_issuer_client_reissue_async (self->client, TRUE, ANSHIN_REISSUE_REASON_NETWORK_UNAVAILABLE,
                                      ensure_key (&self->reissue_key, TRUE), cancellable,
                                      on_reissued_cb, task);
}

gboolean
anshin_account_reissue_finish (AnshinAccount  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return finish_boolean (self, result, anshin_account_reissue_async, error);
}

/* Charge cards */

static void
add_charge_card (AnshinAccount    *self,
                 AnshinChargeCard *card)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->charge_cards));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnshinChargeCard) known = g_list_model_get_item (G_LIST_MODEL (self->charge_cards), i);

      if (g_strcmp0 (anshin_charge_card_get_id (known), anshin_charge_card_get_id (card)) == 0)
        {
          anshin_charge_card_update_from (known, card);
          return;
        }
    }

  g_list_store_append (self->charge_cards, card);
  _anshin_account_save_cache (self);
}

static void
on_registration_form_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinRegistrationForm *form;
  GError *error = NULL;

  form = anshin_issuer_client_get_registration_form_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  if (form == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  _anshin_account_note_registration (g_task_get_source_object (task), form);
  g_task_return_pointer (task, form, (GDestroyNotify) anshin_registration_form_free);
}

/**
 * anshin_account_get_registration_form_async:
 *
 * Asks the issuer for a charge-card registration form: the attempts left
 * today, and until when adding a card is locked.
 */
void
anshin_account_get_registration_form_async (AnshinAccount       *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  task = start_task (self, anshin_account_get_registration_form_async, cancellable, callback, user_data);
  anshin_issuer_client_get_registration_form_async (self->client, cancellable,
                                                    on_registration_form_cb, task);
}

/**
 * anshin_account_get_registration_form_finish:
 *
 * Returns: (transfer full): the form, or %NULL with @error set
 */
AnshinRegistrationForm *
anshin_account_get_registration_form_finish (AnshinAccount  *self,
                                             GAsyncResult   *result,
                                             GError        **error)
{
  return finish_pointer (self, result, anshin_account_get_registration_form_async, error);
}

static void
on_registered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinAccount *self = g_task_get_source_object (task);
  g_autoptr(AnshinChargeCard) card = NULL;
  AnshinChallenge *challenge = NULL;
  GError *error = NULL;

  if (!anshin_issuer_client_register_charge_card_finish (ANSHIN_ISSUER_CLIENT (object), result,
                                                         &card, &challenge, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (card != NULL)
    {
      g_clear_pointer (&self->register_key, g_free);
      add_charge_card (self, card);
      g_task_set_task_data (task, g_steal_pointer (&card), g_object_unref);
    }
  _anshin_account_set_challenge_pending (self, challenge != NULL);

  g_task_return_pointer (task, challenge, (GDestroyNotify) anshin_challenge_free);
}

/**
 * anshin_account_register_charge_card_async:
 * @details: what the holder typed (the secrets go to the issuer only)
 * @retry: %TRUE to send the same submission again (its answer was lost or
 *   refused for a passing reason), %FALSE for a new submission
 *
 * Registers a charge card; once the issuer accepts it, it is in
 * #AnshinAccount:charge-cards. The issuer may ask for a 3-D Secure
 * one-time code first: then anshin_account_answer_challenge_async().
 */
void
anshin_account_register_charge_card_async (AnshinAccount                 *self,
                                           const AnshinChargeCardDetails *details,
                                           gboolean                       retry,
                                           GCancellable                  *cancellable,
                                           GAsyncReadyCallback            callback,
                                           gpointer                       user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));
  g_return_if_fail (details != NULL);

  task = start_task (self, anshin_account_register_charge_card_async, cancellable, callback, user_data);
  anshin_issuer_client_register_charge_card_async (self->client, details,
                                                   ensure_key (&self->register_key, retry),
                                                   cancellable, on_registered_cb, task);
}

/**
 * anshin_account_register_charge_card_finish:
 * @out_card: (out) (transfer full) (optional): the registered card, or
 *   %NULL when a one-time code is asked for
 * @out_challenge: (out) (transfer full) (optional): the 3-D Secure
 *   challenge when the issuer asks for a one-time code, or %NULL when the
 *   card is registered
 *
 * Returns: %TRUE if the card is registered or a one-time code is asked for
 */
gboolean
anshin_account_register_charge_card_finish (AnshinAccount     *self,
                                            GAsyncResult      *result,
                                            AnshinChargeCard **out_card,
                                            AnshinChallenge  **out_challenge,
                                            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  AnshinChallenge *challenge;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anshin_account_register_charge_card_async, FALSE);

  challenge = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_card != NULL)
    {
      AnshinChargeCard *card = g_task_get_task_data (G_TASK (result));

      *out_card = card != NULL ? g_object_ref (card) : NULL;
    }
  if (out_challenge != NULL)
    *out_challenge = challenge;
  else if (challenge != NULL)
    anshin_challenge_free (challenge);

  return TRUE;
}

static void
on_challenge_answered_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinAccount *self = g_task_get_source_object (task);
  g_autoptr(AnshinChargeCard) card = NULL;
  GError *error = NULL;

  card = anshin_issuer_client_complete_challenge_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  if (card == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_clear_pointer (&self->challenge_key, g_free);
  g_clear_pointer (&self->register_key, g_free);
  _anshin_account_set_challenge_pending (self, FALSE);
  add_charge_card (self, card);
  g_task_return_pointer (task, g_steal_pointer (&card), g_object_unref);
}

/**
 * anshin_account_answer_challenge_async:
 * @challenge_id: the issuer's 3-D Secure challenge
 * @code: the one-time code the holder typed
 * @retry: %TRUE to send the same answer again after it was lost
 *
 * Answers a 3-D Secure challenge; the card is then registered.
 */
void
anshin_account_answer_challenge_async (AnshinAccount       *self,
                                       const char          *challenge_id,
                                       const char          *code,
                                       gboolean             retry,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));
  g_return_if_fail (challenge_id != NULL);
  g_return_if_fail (code != NULL);

  task = start_task (self, anshin_account_answer_challenge_async, cancellable, callback, user_data);
  anshin_issuer_client_complete_challenge_async (self->client, challenge_id, code,
                                                 ensure_key (&self->challenge_key, retry),
                                                 cancellable, on_challenge_answered_cb, task);
}

/**
 * anshin_account_answer_challenge_finish:
 *
 * Returns: (transfer full): the registered card, or %NULL with @error set
 */
AnshinChargeCard *
anshin_account_answer_challenge_finish (AnshinAccount  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return finish_pointer (self, result, anshin_account_answer_challenge_async, error);
}

static void
remove_charge_card (AnshinAccount *self,
                    const char    *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->charge_cards));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnshinChargeCard) known = g_list_model_get_item (G_LIST_MODEL (self->charge_cards), i);

      if (g_strcmp0 (anshin_charge_card_get_id (known), id) == 0)
        {
          g_list_store_remove (self->charge_cards, i);
          _anshin_account_save_cache (self);
          return;
        }
    }
}

static void
on_removed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinAccount *self = g_task_get_source_object (task);
  const char *id = g_task_get_task_data (task);
  GError *error = NULL;

  if (!anshin_issuer_client_delete_charge_card_finish (ANSHIN_ISSUER_CLIENT (object), result, &error))
    {
      /* gone already: the list says so too */
      if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_NOT_FOUND))
        remove_charge_card (self, id);
      g_task_return_error (task, error);
      return;
    }

  remove_charge_card (self, id);
  g_task_return_boolean (task, TRUE);
}

/**
 * anshin_account_remove_charge_card_async:
 * @card: one of #AnshinAccount:charge-cards
 *
 * Removes a charge card at the issuer, then from the account's list.
 */
void
anshin_account_remove_charge_card_async (AnshinAccount       *self,
                                         AnshinChargeCard    *card,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD (card));

  task = start_task (self, anshin_account_remove_charge_card_async, cancellable, callback, user_data);
  g_task_set_task_data (task, g_strdup (anshin_charge_card_get_id (card)), g_free);
  anshin_issuer_client_delete_charge_card_async (self->client, anshin_charge_card_get_id (card),
                                                 cancellable, on_removed_cb, task);
}

gboolean
anshin_account_remove_charge_card_finish (AnshinAccount  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  return finish_boolean (self, result, anshin_account_remove_charge_card_async, error);
}

/* Top-up */

static void
on_charged_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinAccount *self = g_task_get_source_object (task);
  AnshinCharge *charge;
  GError *error = NULL;

  charge = anshin_issuer_client_charge_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  if (charge == NULL)
    {
      settle_key (&self->top_up_key, error);
      g_task_return_error (task, error);
      return;
    }

  settle_key (&self->top_up_key, NULL);
  if (charge->balance >= 0)
    {
      anshin_card_set_balance (self->card, charge->balance);
      _anshin_account_save_cache (self);
    }
  g_task_return_pointer (task, charge, (GDestroyNotify) anshin_charge_free);
}

/**
 * anshin_account_top_up_async:
 * @charge_card_id: the charge card to charge
 * @amount: in yen
 *
 * Tops the card up; the balance follows the issuer's answer. Asking again
 * for the same card and amount after an answer was lost replays the same
 * request, so the issuer charges it once at most.
 */
void
anshin_account_top_up_async (AnshinAccount       *self,
                             const char          *charge_card_id,
                             gint64               amount,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));
  g_return_if_fail (charge_card_id != NULL);

  task = start_task (self, anshin_account_top_up_async, cancellable, callback, user_data);

  if (self->top_up_key == NULL ||
      g_strcmp0 (self->top_up_card_id, charge_card_id) != 0 ||
      self->top_up_amount != amount)
    {
      g_free (self->top_up_key);
      self->top_up_key = anshin_issuer_client_new_idempotency_key ();
      g_free (self->top_up_card_id);
      self->top_up_card_id = g_strdup (charge_card_id);
      self->top_up_amount = amount;
    }

  anshin_issuer_client_charge_async (self->client, charge_card_id, amount, self->top_up_key,
                                     cancellable, on_charged_cb, task);
}

/**
 * anshin_account_top_up_finish:
 *
 * Returns: (transfer full): the charge, or %NULL with @error set
 */
AnshinCharge *
anshin_account_top_up_finish (AnshinAccount  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return finish_pointer (self, result, anshin_account_top_up_async, error);
}

static void
on_charges_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GPtrArray *charges;
  GError *error = NULL;

  charges = anshin_issuer_client_list_charges_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  if (charges == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, charges, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * anshin_account_list_charges_async:
 *
 * Lists the top-ups made (newest first), against which the limits count.
 */
void
anshin_account_list_charges_async (AnshinAccount       *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  task = start_task (self, anshin_account_list_charges_async, cancellable, callback, user_data);
  anshin_issuer_client_list_charges_async (self->client, cancellable, on_charges_cb, task);
}

/**
 * anshin_account_list_charges_finish:
 *
 * Returns: (transfer container) (element-type AnshinCharge): the top-ups
 */
GPtrArray *
anshin_account_list_charges_finish (AnshinAccount  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return finish_pointer (self, result, anshin_account_list_charges_async, error);
}
