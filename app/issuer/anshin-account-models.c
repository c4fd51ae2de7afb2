/* anshin-account-models.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinAccount's models: fresh answers are merged into the objects the
 * views already show (updated in place, matched by id), so that a refresh
 * never rebuilds a row that did not change identity; the unread count;
 * the snapshot written to and read from the offline cache.
 */

#include "config.h"

#include "anshin-account-private.h"
#include "anshin-time.h"

void
_anshin_account_set_as_of (AnshinAccount *self,
                          GDateTime     *as_of)
{
  if (anshin_time_equal (self->as_of, as_of))
    return;

  g_clear_pointer (&self->as_of, g_date_time_unref);
  self->as_of = as_of != NULL ? g_date_time_ref (as_of) : NULL;
  g_object_notify (G_OBJECT (self), "as-of");
}

static void
update_unread_count (AnshinAccount *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->notices));
  guint unread = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnshinNotice) notice = g_list_model_get_item (G_LIST_MODEL (self->notices), i);

      if (!anshin_notice_get_read (notice))
        unread++;
    }

  if (unread == self->unread_count)
    return;

  self->unread_count = unread;
  g_object_notify (G_OBJECT (self), "unread-count");
}

static void
on_notice_read_changed_cb (AnshinNotice  *notice,
                           GParamSpec    *pspec,
                           AnshinAccount *self)
{
  update_unread_count (self);
}

/* Models */

typedef gboolean (*SameFunc)   (gpointer a, gpointer b);
typedef void     (*UpdateFunc) (gpointer self, gpointer other);

static gboolean
same_method (gpointer a,
             gpointer b)
{
  return anshin_payment_method_get_kind (a) == anshin_payment_method_get_kind (b);
}

static gboolean
same_program (gpointer a,
              gpointer b)
{
  return g_strcmp0 (anshin_program_get_id (a), anshin_program_get_id (b)) == 0;
}

static gboolean
same_notice (gpointer a,
             gpointer b)
{
  return g_strcmp0 (anshin_notice_get_id (a), anshin_notice_get_id (b)) == 0;
}

static gboolean
same_charge_card (gpointer a,
                  gpointer b)
{
  return g_strcmp0 (anshin_charge_card_get_id (a), anshin_charge_card_get_id (b)) == 0;
}

static gpointer
find_item (GListStore *store,
           gpointer    item,
           SameFunc    same)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) existing = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (same (existing, item))
        return existing;
    }

  return NULL;
}

static gboolean
same_sequence (GListStore *store,
               GPtrArray  *items)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) != items->len)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GObject) existing = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (existing != g_ptr_array_index (items, i))
        return FALSE;
    }

  return TRUE;
}

/* Replaces the store's contents with @fresh, keeping (and updating in
 * place) the objects the views already show. Returns the items that are
 * new. */
static GPtrArray *
replace_items (GListStore *store,
               GPtrArray  *fresh,
               SameFunc    same,
               UpdateFunc  update)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < fresh->len; i++)
    {
      gpointer item = g_ptr_array_index (fresh, i);
      gpointer existing = find_item (store, item, same);

      if (existing != NULL)
        {
          update (existing, item);
          g_ptr_array_add (items, g_object_ref (existing));
        }
      else
        {
          g_ptr_array_add (items, g_object_ref (item));
          g_ptr_array_add (added, g_object_ref (item));
        }
    }

  /* Same objects in the same order: the views keep their rows (and, say,
   * an expanded row stays open across a refresh). */
  if (!same_sequence (store, items))
    g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                         items->pdata, items->len);
  return added;
}

static void
apply_notices (AnshinAccount *self,
               GPtrArray     *notices,
               gboolean       announce)
{
  g_autoptr(GPtrArray) added = replace_items (self->notices, notices, same_notice,
                                              (UpdateFunc)anshin_notice_update_from);

  for (guint i = 0; i < added->len; i++)
    g_signal_connect_object (g_ptr_array_index (added, i), "notify::read",
                             G_CALLBACK (on_notice_read_changed_cb), self, 0);

  update_unread_count (self);

  /* Oldest first, so that notifications arrive in the order of events. */
  for (guint i = added->len; announce && self->notices_loaded && i > 0; i--)
    g_signal_emit_by_name (self, "notice-added", g_ptr_array_index (added, i - 1));

  self->notices_loaded = TRUE;
}

void
_anshin_account_add_notice (AnshinAccount *self,
                           AnshinNotice  *notice)
{
  AnshinNotice *existing = find_item (self->notices, notice, same_notice);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->notices));
  guint position = 0;

  if (existing != NULL)
    {
      anshin_notice_update_from (existing, notice);
      return;
    }

  /* Newest first */
  while (position < n)
    {
      g_autoptr(AnshinNotice) other = g_list_model_get_item (G_LIST_MODEL (self->notices), position);
      GDateTime *a = anshin_notice_get_issued_at (other);
      GDateTime *b = anshin_notice_get_issued_at (notice);

      if (a == NULL || b == NULL || g_date_time_compare (a, b) <= 0)
        break;
      position++;
    }

  g_list_store_insert (self->notices, position, notice);
  g_signal_connect_object (notice, "notify::read", G_CALLBACK (on_notice_read_changed_cb), self, 0);
  update_unread_count (self);
  g_signal_emit_by_name (self, "notice-added", notice);
}

static void
set_has_card (AnshinAccount *self,
              gboolean       has_card)
{
  if (self->has_card == has_card)
    return;

  self->has_card = has_card;
  g_object_notify (G_OBJECT (self), "has-card");
}

static void
apply_list (GListStore *store,
            GPtrArray  *fresh,
            SameFunc    same,
            UpdateFunc  update)
{
  g_ptr_array_unref (replace_items (store, fresh, same, update));
}

/* Applies what arrived (NULL: not refreshed, keep the last known state). */
void
_anshin_account_apply_parts (AnshinAccount *self,
                            AnshinCard    *card,
                            GPtrArray     *methods,
                            GPtrArray     *programs,
                            GPtrArray     *notices,
                            GPtrArray     *charge_cards,
                            gboolean       announce)
{
  if (card != NULL)
    {
      anshin_card_update_from (self->card, card);
      set_has_card (self, TRUE);
    }
  if (methods != NULL)
    apply_list (self->payment_methods, methods, same_method,
                (UpdateFunc)anshin_payment_method_update_from);
  if (programs != NULL)
    apply_list (self->programs, programs, same_program, (UpdateFunc)anshin_program_update_from);
  if (charge_cards != NULL)
    apply_list (self->charge_cards, charge_cards, same_charge_card,
                (UpdateFunc)anshin_charge_card_update_from);
  if (notices != NULL)
    apply_notices (self, notices, announce);
}

void
_anshin_account_apply_snapshot (AnshinAccount        *self,
                               AnshinIssuerSnapshot *snapshot)
{
  _anshin_account_apply_parts (self, snapshot->card, snapshot->payment_methods, snapshot->programs,
                              snapshot->notices, snapshot->charge_cards, FALSE);
  _anshin_account_set_as_of (self, snapshot->saved_at);
  anshin_activity_restore (self->activity, snapshot->activity, snapshot->saved_at);
}

static GPtrArray *
store_to_array (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (G_LIST_MODEL (store), i));

  return array;
}

char *
_anshin_account_dup_cache_path (AnshinAccount *self)
{
  if (self->member_id == NULL)
    return NULL;

  return anshin_issuer_cache_dup_path (anshin_issuer_client_get_base_url (self->client),
                                       self->member_id);
}

static void
on_cache_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AnshinAccount) self = user_data;
  g_autoptr(GError) error = NULL;
  GTask *after;

  if (!anshin_issuer_cache_save_finish (result, &error))
    g_debug ("Cannot write the offline cache: %s", error->message);

  /* A sign-out waits for the writes in flight before deleting the file. */
  if (--self->saves_in_flight == 0 && self->after_saves != NULL)
    {
      after = g_steal_pointer (&self->after_saves);
      self->after_saves_func (after);
    }
}

/* Runs @func (@task) once no cache write is in flight. */
void
_anshin_account_after_cache_saves (AnshinAccount *self,
                                  GTask         *task,
                                  void         (*func) (GTask *task))
{
  g_assert (self->after_saves == NULL);

  if (self->saves_in_flight == 0)
    {
      func (task);
      return;
    }

  self->after_saves = task;
  self->after_saves_func = func;
}

void
_anshin_account_save_cache (AnshinAccount *self)
{
  g_autoptr(AnshinIssuerSnapshot) snapshot = anshin_issuer_snapshot_new ();
  g_autofree char *path = _anshin_account_dup_cache_path (self);

  if (path == NULL || !self->has_card)
    return;

  snapshot->saved_at = g_date_time_ref (self->as_of);
  snapshot->card = g_object_ref (self->card);
  g_ptr_array_unref (snapshot->payment_methods);
  snapshot->payment_methods = store_to_array (self->payment_methods);
  g_ptr_array_unref (snapshot->programs);
  snapshot->programs = store_to_array (self->programs);
  g_ptr_array_unref (snapshot->notices);
  snapshot->notices = store_to_array (self->notices);
  g_ptr_array_unref (snapshot->charge_cards);
  snapshot->charge_cards = store_to_array (self->charge_cards);
  snapshot->activity = anshin_activity_dup_first_page (self->activity);

  self->saves_in_flight++;
  anshin_issuer_cache_save_async (path, snapshot, NULL, on_cache_saved_cb, g_object_ref (self));
}

void
_anshin_account_reset_models (AnshinAccount *self)
{
  g_autoptr(AnshinCard) empty = anshin_card_new ();

  anshin_card_update_from (self->card, empty);
  set_has_card (self, FALSE);
  g_list_store_remove_all (self->payment_methods);
  g_list_store_remove_all (self->programs);
  g_list_store_remove_all (self->charge_cards);
  g_list_store_remove_all (self->notices);
  self->notices_loaded = FALSE;
  update_unread_count (self);
  anshin_activity_clear (self->activity);
  _anshin_account_set_as_of (self, NULL);
}
