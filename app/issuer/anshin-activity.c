/* anshin-activity.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The holder's activity as a GListModel of AnshinTransaction, newest
 * first, paged from GET /v1/transactions. A reload asks for the newest
 * page and merges it: entries the model already holds keep their object
 * (updated in place), so rows bound to them stay; when the new page
 * reaches an entry already loaded the older pages below it are kept,
 * otherwise they are dropped (the issuer's history changed under us).
 * Older pages are fetched one at a time by the cursor the issuer gave;
 * an answer that repeats entries, or a cursor that does not move, ends
 * the paging instead of looping. A reload that fails keeps what was
 * shown and its "as of" time.
 */

#include "config.h"

#include "anshin-activity.h"
#include "anshin-issuer-error.h"
#include "anshin-time.h"

struct _AnshinActivity
{
  GObject             parent_instance;

  AnshinIssuerClient *client;
  GPtrArray          *items;          /* AnshinTransaction, newest first */
  GHashTable         *by_id;          /* id -> AnshinTransaction (borrowed) */
  char               *next_before;
  guint               page_size;
  gboolean            complete;
  GDateTime          *as_of;
  guint               reloads;        /* in flight */
  GTask              *older;          /* the older page in flight */
  guint               generation;     /* bumped by clear */
};

static void anshin_activity_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnshinActivity, anshin_activity, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      anshin_activity_list_model_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOADING,
  PROP_COMPLETE,
  PROP_AS_OF,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  guint  generation;
  char  *before;
} OlderData;

static void
older_data_free (gpointer data)
{
  OlderData *older = data;

  g_free (older->before);
  g_free (older);
}

/* GListModel */

static GType
anshin_activity_get_item_type (GListModel *model)
{
  return ANSHIN_TYPE_TRANSACTION;
}

static guint
anshin_activity_get_n_items (GListModel *model)
{
  return ANSHIN_ACTIVITY (model)->items->len;
}

static gpointer
anshin_activity_get_item (GListModel *model,
                          guint       position)
{
  AnshinActivity *self = ANSHIN_ACTIVITY (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
anshin_activity_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = anshin_activity_get_item_type;
  iface->get_n_items = anshin_activity_get_n_items;
  iface->get_item = anshin_activity_get_item;
}

/* Helpers */

static gboolean
get_loading (AnshinActivity *self)
{
  return self->reloads > 0 || self->older != NULL;
}

static void
notify_loading_after (AnshinActivity *self,
                      gboolean        was_loading)
{
  if (get_loading (self) != was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_complete (AnshinActivity *self,
              gboolean        complete)
{
  complete = !!complete;
  if (self->complete == complete)
    return;

  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
set_cursor (AnshinActivity *self,
            const char     *next_before)
{
  g_free (self->next_before);
  self->next_before = g_strdup (next_before);
  set_complete (self, next_before == NULL);
}

static void
set_as_of (AnshinActivity *self,
           GDateTime      *as_of)
{
  if (anshin_time_equal (self->as_of, as_of))
    return;

  g_clear_pointer (&self->as_of, g_date_time_unref);
  self->as_of = as_of != NULL ? g_date_time_ref (as_of) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

static gboolean
usable (AnshinTransaction *transaction)
{
  return transaction != NULL && anshin_transaction_get_id (transaction) != NULL;
}

/* Replaces the items with @items (objects already owned by the model are
 * reused); one items-changed for the part that differs. */
static void
replace_items (AnshinActivity *self,
               GPtrArray      *items)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->items);
  guint prefix = 0, suffix = 0;

  self->items = items;
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < items->len; i++)
    {
      AnshinTransaction *t = g_ptr_array_index (items, i);

      g_hash_table_insert (self->by_id, (gpointer) anshin_transaction_get_id (t), t);
    }

  while (prefix < old->len && prefix < items->len &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (items, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < items->len - prefix &&
         g_ptr_array_index (old, old->len - 1 - suffix) ==
         g_ptr_array_index (items, items->len - 1 - suffix))
    suffix++;

  if (old->len - prefix - suffix == 0 && items->len - prefix - suffix == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                              items->len - prefix - suffix);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Merges the newest page: known entries keep their objects; when the page
 * reaches a loaded entry the older ones below it stay. */
static void
merge_first_page (AnshinActivity        *self,
                  AnshinTransactionPage *page)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gint joined_at = -1;

  for (guint i = 0; i < page->transactions->len; i++)
    {
      AnshinTransaction *t = g_ptr_array_index (page->transactions, i);
      AnshinTransaction *known;
      const char *id;

      if (!usable (t))
        continue;
      id = anshin_transaction_get_id (t);
      if (g_hash_table_contains (seen, id))
        {
          g_debug ("The issuer repeated %s in one page; shown once", id);
          continue;
        }

      known = g_hash_table_lookup (self->by_id, id);
      if (known != NULL)
        {
          anshin_transaction_update_from (known, t);
          g_ptr_array_add (items, g_object_ref (known));
        }
      else
        g_ptr_array_add (items, g_object_ref (t));
      g_hash_table_add (seen, (gpointer) anshin_transaction_get_id (g_ptr_array_index (items, items->len - 1)));
    }

  /* the last entry of the new page among the loaded ones: older pages
   * below it still hold */
  if (items->len > 0 && page->next_before != NULL)
    {
      AnshinTransaction *last = g_ptr_array_index (items, items->len - 1);

      for (guint i = 0; i < self->items->len; i++)
        if (g_ptr_array_index (self->items, i) == last)
          {
            joined_at = i;
            break;
          }
    }

  if (joined_at >= 0)
    {
      for (guint i = joined_at + 1; i < self->items->len; i++)
        {
          AnshinTransaction *t = g_ptr_array_index (self->items, i);

          if (!g_hash_table_contains (seen, anshin_transaction_get_id (t)))
            g_ptr_array_add (items, g_object_ref (t));
        }
      replace_items (self, g_steal_pointer (&items));
      /* the cursor of the older pages stays */
      set_complete (self, self->next_before == NULL);
    }
  else
    {
      replace_items (self, g_steal_pointer (&items));
      set_cursor (self, page->next_before);
    }
}

/* Callbacks */

static void
on_reload_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinActivity *self = g_task_get_source_object (task);
  guint generation = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(AnshinTransactionPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean was_loading = get_loading (self);

  page = anshin_issuer_client_list_transactions_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  self->reloads--;

  if (generation != self->generation)
    {
      notify_loading_after (self, was_loading);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the activity was cleared");
      return;
    }

  if (page == NULL)
    {
      /* what was shown stays, with its time */
      g_debug ("Cannot reload the activity: %s", error->message);
      notify_loading_after (self, was_loading);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  merge_first_page (self, page);
  now = anshin_issuer_client_dup_now (self->client);
  set_as_of (self, now);
  notify_loading_after (self, was_loading);
  g_task_return_boolean (task, TRUE);
}

static void
on_older_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinActivity *self = g_task_get_source_object (task);
  OlderData *data = g_task_get_task_data (task);
  g_autoptr(AnshinTransactionPage) page = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_loading = get_loading (self);
  guint added = 0, position;

  page = anshin_issuer_client_list_transactions_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  if (self->older == task)
    g_clear_object (&self->older);

  if (page == NULL)
    {
      g_debug ("Cannot load older activity: %s", error->message);
      notify_loading_after (self, was_loading);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A reload or clear replaced the list meanwhile: this page doesn't
   * follow it any more. */
  if (data->generation != self->generation || g_strcmp0 (self->next_before, data->before) != 0)
    {
      notify_loading_after (self, was_loading);
      g_task_return_boolean (task, FALSE);
      return;
    }

  position = self->items->len;
  for (guint i = 0; i < page->transactions->len; i++)
    {
      AnshinTransaction *t = g_ptr_array_index (page->transactions, i);

      if (!usable (t) || g_hash_table_contains (self->by_id, anshin_transaction_get_id (t)))
        {
          g_debug ("The issuer's older page repeats or lacks an entry; skipped");
          continue;
        }
      g_ptr_array_add (self->items, g_object_ref (t));
      g_hash_table_insert (self->by_id, (gpointer) anshin_transaction_get_id (t), t);
      added++;
    }

  /* a cursor that doesn't move would page forever */
  if (added == 0 || g_strcmp0 (page->next_before, data->before) == 0)
    set_cursor (self, NULL);
  else
    set_cursor (self, page->next_before);

  if (added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  notify_loading_after (self, was_loading);
  g_task_return_boolean (task, added > 0);
}

/* GObject */

static void
anshin_activity_dispose (GObject *object)
{
  AnshinActivity *self = (AnshinActivity *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (anshin_activity_parent_class)->dispose (object);
}

static void
anshin_activity_finalize (GObject *object)
{
  AnshinActivity *self = (AnshinActivity *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->next_before, g_free);
  g_clear_pointer (&self->as_of, g_date_time_unref);

  G_OBJECT_CLASS (anshin_activity_parent_class)->finalize (object);
}

static void
anshin_activity_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AnshinActivity *self = ANSHIN_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, get_loading (self));
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    case PROP_AS_OF:
      g_value_set_boxed (value, self->as_of);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_activity_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AnshinActivity *self = ANSHIN_ACTIVITY (object);

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
anshin_activity_class_init (AnshinActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = anshin_activity_dispose;
  object_class->finalize = anshin_activity_finalize;
  object_class->get_property = anshin_activity_get_property;
  object_class->set_property = anshin_activity_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANSHIN_TYPE_ISSUER_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* a page is on its way (the newest or an older one) */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  /* the oldest entry is loaded: there is no older page */
  properties[PROP_COMPLETE] = g_param_spec_boolean ("complete", NULL, NULL, FALSE, ro);
  /* when the newest page was last loaded, issuer time (NULL: never) */
  properties[PROP_AS_OF] = g_param_spec_boxed ("as-of", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_activity_init (AnshinActivity *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->page_size = ANSHIN_ACTIVITY_PAGE_SIZE;
}

/* Public API */

AnshinActivity *
anshin_activity_new (AnshinIssuerClient *client)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (client), NULL);

  return g_object_new (ANSHIN_TYPE_ACTIVITY, "client", client, NULL);
}

gboolean
anshin_activity_get_loading (AnshinActivity *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTIVITY (self), FALSE);

  return get_loading (self);
}

gboolean
anshin_activity_get_complete (AnshinActivity *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTIVITY (self), FALSE);

  return self->complete;
}

/**
 * anshin_activity_get_as_of:
 *
 * Returns: (transfer none) (nullable): when the newest page was loaded
 */
GDateTime *
anshin_activity_get_as_of (AnshinActivity *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTIVITY (self), NULL);

  return self->as_of;
}

void
anshin_activity_set_page_size (AnshinActivity *self,
                               guint           page_size)
{
  g_return_if_fail (ANSHIN_IS_ACTIVITY (self));

  self->page_size = CLAMP (page_size, 1, ANSHIN_ISSUER_TRANSACTIONS_LIMIT_MAX);
}

/**
 * anshin_activity_reload_async:
 *
 * Asks for the newest page and merges it into the model. On failure the
 * model and its #AnshinActivity:as-of stay as they were.
 */
void
anshin_activity_reload_async (AnshinActivity      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean was_loading;

  g_return_if_fail (ANSHIN_IS_ACTIVITY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_activity_reload_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (self->generation), NULL);

  was_loading = get_loading (self);
  self->reloads++;
  anshin_issuer_client_list_transactions_async (self->client, NULL, self->page_size, cancellable,
                                                on_reload_cb, g_steal_pointer (&task));
  notify_loading_after (self, was_loading);
}

gboolean
anshin_activity_reload_finish (AnshinActivity  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anshin_activity_reload_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * anshin_activity_load_older_async:
 *
 * Loads the page older than the last entry. One at a time: while one is
 * in flight this fails with %G_IO_ERROR_PENDING. Finishes with %FALSE
 * (no error) when there was nothing to add: complete, not loaded yet, or
 * the list was reloaded meanwhile.
 */
void
anshin_activity_load_older_async (AnshinActivity      *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OlderData *data;
  gboolean was_loading;

  g_return_if_fail (ANSHIN_IS_ACTIVITY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_activity_load_older_async);

  if (self->older != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "an older page is already on its way");
      return;
    }
  if (self->next_before == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  data = g_new0 (OlderData, 1);
  data->generation = self->generation;
  data->before = g_strdup (self->next_before);
  g_task_set_task_data (task, data, older_data_free);

  was_loading = get_loading (self);
  self->older = g_object_ref (task);
  anshin_issuer_client_list_transactions_async (self->client, data->before, self->page_size,
                                                cancellable, on_older_cb, g_steal_pointer (&task));
  notify_loading_after (self, was_loading);
}

gboolean
anshin_activity_load_older_finish (AnshinActivity  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anshin_activity_load_older_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * anshin_activity_dup_first_page:
 *
 * Returns: (transfer full) (nullable): the newest page as loaded (at most
 *   a page), for the offline cache; %NULL when nothing is loaded
 */
AnshinTransactionPage *
anshin_activity_dup_first_page (AnshinActivity *self)
{
  AnshinTransactionPage *page;
  guint n;

  g_return_val_if_fail (ANSHIN_IS_ACTIVITY (self), NULL);

  if (self->as_of == NULL)
    return NULL;

  page = anshin_transaction_page_new ();
  n = MIN (self->items->len, ANSHIN_ACTIVITY_PAGE_SIZE);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->transactions, g_object_ref (g_ptr_array_index (self->items, i)));
  if (n < self->items->len)
    page->next_before = g_strdup (anshin_transaction_get_id (g_ptr_array_index (self->items, n - 1)));
  else
    page->next_before = g_strdup (self->next_before);

  return page;
}

/**
 * anshin_activity_restore:
 * @page: (nullable): a page from the offline cache
 * @as_of: (nullable): when it was loaded
 *
 * Shows the cached page, unless something was loaded already.
 */
void
anshin_activity_restore (AnshinActivity              *self,
                         const AnshinTransactionPage *page,
                         GDateTime                   *as_of)
{
  g_autoptr(AnshinTransactionPage) copy = NULL;

  g_return_if_fail (ANSHIN_IS_ACTIVITY (self));

  if (page == NULL || self->as_of != NULL || self->items->len > 0)
    return;

  copy = anshin_transaction_page_copy (page);
  merge_first_page (self, copy);
  set_as_of (self, as_of);
}

/* Empties the activity (signed out); answers in flight are dropped. */
void
anshin_activity_clear (AnshinActivity *self)
{
  g_return_if_fail (ANSHIN_IS_ACTIVITY (self));

  self->generation++;
  replace_items (self, g_ptr_array_new_with_free_func (g_object_unref));
  g_clear_pointer (&self->next_before, g_free);
  set_complete (self, FALSE);
  set_as_of (self, NULL);
}
