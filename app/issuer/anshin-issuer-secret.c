/* anshin-issuer-secret.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer's refresh token in the Secret Service, under the schema
 * "io.github.anshin.Wallet" with the issuer URL and the member ID as
 * attributes. Nothing else about a session is stored anywhere; the
 * password never is.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-issuer-secret.h"

#define ATTRIBUTE_ISSUER_URL "issuer-url"
#define ATTRIBUTE_MEMBER_ID  "member-id"

typedef struct {
  char     *member_id;
  gboolean  unlock;
} LookupData;

/**
 * anshin_issuer_secret_get_schema:
 *
 * Returns: (transfer none): the schema of Anshin Wallet's secrets
 */
const SecretSchema *
anshin_issuer_secret_get_schema (void)
{
  static const SecretSchema schema = {
    .name = "io.github.anshin.Wallet",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { .name = ATTRIBUTE_ISSUER_URL, .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = ATTRIBUTE_MEMBER_ID, .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = NULL, .type = 0 },
    },
  };

  return &schema;
}

static void
on_store_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * anshin_issuer_secret_store_async:
 * @issuer_url: the issuer
 * @member_id: the member signed in
 * @refresh_token: the token; replaces the one stored for this member
 */
void
anshin_issuer_secret_store_async (const char          *issuer_url,
                                  const char          *member_id,
                                  const char          *refresh_token,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (issuer_url != NULL && member_id != NULL && refresh_token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_secret_store_async);

  /* TRANSLATORS: the label of the stored sign-in in the keyring (Passwords and Keys);
   * %s is the issuer's address */
  label = g_strdup_printf (_("Anshin Wallet sign-in at %s"), issuer_url);
  secret_password_store (anshin_issuer_secret_get_schema (), SECRET_COLLECTION_DEFAULT, label,
                         refresh_token, cancellable, on_store_cb, task,
                         ATTRIBUTE_ISSUER_URL, issuer_url,
                         ATTRIBUTE_MEMBER_ID, member_id,
                         NULL);
}

gboolean
anshin_issuer_secret_store_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anshin_issuer_secret_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_data_free (gpointer data)
{
  LookupData *lookup = data;

  g_free (lookup->member_id);
  g_free (lookup);
}

static void
on_retrieve_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  text = value != NULL ? secret_value_get_text (value) : NULL;
  g_task_return_pointer (task, g_strdup (text), g_free);
}

static void
on_search_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *lookup = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GCancellable *cancellable;
  GList *items;
  SecretRetrievable *item;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (items == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  /* without unlocking: an unlocked item if there is one; a token only in a
   * locked collection is there, but cannot be read now */
  item = items->data;
  for (GList *l = items; l != NULL; l = l->next)
    {
      if (!SECRET_IS_ITEM (l->data) || !secret_item_get_locked (l->data))
        {
          item = l->data;
          break;
        }
    }
  if (!lookup->unlock && SECRET_IS_ITEM (item) && secret_item_get_locked (SECRET_ITEM (item)))
    {
      g_list_free_full (items, g_object_unref);
      g_task_return_new_error (task, SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                               "the keyring is locked");
      return;
    }

  cancellable = g_task_get_cancellable (task);
  attributes = secret_retrievable_get_attributes (item);
  lookup->member_id = g_strdup (g_hash_table_lookup (attributes, ATTRIBUTE_MEMBER_ID));
  secret_retrievable_retrieve_secret (item, cancellable, on_retrieve_cb, g_steal_pointer (&task));

  g_list_free_full (items, g_object_unref);
}

static void
lookup_async (const char          *issuer_url,
              gboolean             unlock,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  LookupData *lookup = g_new0 (LookupData, 1);
  GTask *task;

  g_return_if_fail (issuer_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  /* one finish for both ways of looking */
  g_task_set_source_tag (task, anshin_issuer_secret_lookup_async);
  lookup->unlock = unlock;
  g_task_set_task_data (task, lookup, lookup_data_free);

  secret_password_search (anshin_issuer_secret_get_schema (),
                          unlock ? SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS
                                 : SECRET_SEARCH_ALL,
                          cancellable, on_search_cb, task,
                          ATTRIBUTE_ISSUER_URL, issuer_url,
                          NULL);
}

/**
 * anshin_issuer_secret_lookup_async:
 * @issuer_url: the issuer
 *
 * Looks up the refresh token stored for @issuer_url, whichever member it
 * belongs to (asking the holder to unlock the keyring if it is locked).
 */
void
anshin_issuer_secret_lookup_async (const char          *issuer_url,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  lookup_async (issuer_url, TRUE, cancellable, callback, user_data);
}

/**
 * anshin_issuer_secret_peek_async:
 * @issuer_url: the issuer
 *
 * Looks up the refresh token as anshin_issuer_secret_lookup_async() does,
 * but never asks to unlock the keyring (for the background watcher, which
 * has no window to ask from): a token in a locked keyring finishes with
 * %SECRET_ERROR_IS_LOCKED. Finish with anshin_issuer_secret_lookup_finish().
 */
void
anshin_issuer_secret_peek_async (const char          *issuer_url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  lookup_async (issuer_url, FALSE, cancellable, callback, user_data);
}

/**
 * anshin_issuer_secret_lookup_finish:
 * @out_member_id: (out) (optional) (transfer full): the member the token is for
 *
 * Returns: (transfer full) (nullable): the refresh token, or %NULL (without
 *   an error) when none is stored
 */
char *
anshin_issuer_secret_lookup_finish (GAsyncResult  *result,
                                    char         **out_member_id,
                                    GError       **error)
{
  LookupData *lookup;
  char *token;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anshin_issuer_secret_lookup_async, NULL);

  lookup = g_task_get_task_data (G_TASK (result));
  token = g_task_propagate_pointer (G_TASK (result), error);

  if (out_member_id != NULL)
    *out_member_id = token != NULL ? g_strdup (lookup->member_id) : NULL;

  return token;
}

static void
on_clear_checked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (items != NULL)
    {
      g_list_free_full (items, g_object_unref);
      g_task_return_new_error (task, SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                               "the keyring is locked: the stored sign-in is still there");
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_clear_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error says "nothing cleared": nothing there, or only
   * items in a locked collection, which libsecret passes over. Look again,
   * locked items included, so that a token left behind is an error. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  secret_password_searchv (anshin_issuer_secret_get_schema (), g_task_get_task_data (task),
                           SECRET_SEARCH_ALL, g_task_get_cancellable (task),
                           on_clear_checked_cb, g_object_ref (task));
}

/**
 * anshin_issuer_secret_clear_async:
 * @issuer_url: the issuer
 * @member_id: (nullable): the member, or %NULL for every member of @issuer_url
 *
 * Deletes the stored sign-in. Finishes with an error unless nothing of it
 * is left: an item in a locked collection is %SECRET_ERROR_IS_LOCKED.
 */
void
anshin_issuer_secret_clear_async (const char          *issuer_url,
                                  const char          *member_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GHashTable *attributes;
  GTask *task;

  g_return_if_fail (issuer_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_secret_clear_async);

  attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (attributes, (gpointer)ATTRIBUTE_ISSUER_URL, g_strdup (issuer_url));
  if (member_id != NULL)
    g_hash_table_insert (attributes, (gpointer)ATTRIBUTE_MEMBER_ID, g_strdup (member_id));
  g_task_set_task_data (task, attributes, (GDestroyNotify)g_hash_table_unref);

  secret_password_clearv (anshin_issuer_secret_get_schema (), attributes, cancellable,
                          on_clear_cb, task);
}

gboolean
anshin_issuer_secret_clear_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anshin_issuer_secret_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
