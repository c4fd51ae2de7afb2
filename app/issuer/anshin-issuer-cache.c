/* anshin-issuer-cache.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The offline cache: the last known card, payment methods, programmes,
 * notices and charge cards of one member, as one JSON document under
 * $XDG_CACHE_HOME/anshin/, replaced atomically (write to a temporary file,
 * then rename) and readable only by the user. It holds no secrets: no
 * tokens, and of card numbers only the last four digits. Its members use
 * the issuer's own shapes, so the checking mapping that reads the issuer
 * reads the cache too; a damaged or foreign file is a protocol error, and
 * the account then simply has no last known state.
 */

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "anshin-time.h"

#include "anshin-issuer-cache.h"
#include "anshin-issuer-json.h"

#define CACHE_VERSION 1

typedef JsonNode *(*WriteFunc) (gpointer object);
typedef GPtrArray *(*ReadListFunc) (JsonNode *root, GError **error);

AnshinIssuerSnapshot *
anshin_issuer_snapshot_new (void)
{
  AnshinIssuerSnapshot *self = g_new0 (AnshinIssuerSnapshot, 1);

  self->payment_methods = g_ptr_array_new_with_free_func (g_object_unref);
  self->programs = g_ptr_array_new_with_free_func (g_object_unref);
  self->notices = g_ptr_array_new_with_free_func (g_object_unref);
  self->charge_cards = g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

void
anshin_issuer_snapshot_free (AnshinIssuerSnapshot *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->saved_at, g_date_time_unref);
  g_clear_object (&self->card);
  g_clear_pointer (&self->payment_methods, g_ptr_array_unref);
  g_clear_pointer (&self->programs, g_ptr_array_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->charge_cards, g_ptr_array_unref);
  g_clear_pointer (&self->activity, anshin_transaction_page_free);
  g_free (self);
}

static void
add_list (JsonBuilder *builder,
          const char  *name,
          GPtrArray   *objects,
          WriteFunc    write_func)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; objects != NULL && i < objects->len; i++)
    json_builder_add_value (builder, write_func (g_ptr_array_index (objects, i)));
  json_builder_end_array (builder);
}

/**
 * anshin_issuer_snapshot_to_json:
 * @out_length: (out) (optional): the length of the document
 *
 * Returns: (transfer full): the snapshot as a cache document
 */
char *
anshin_issuer_snapshot_to_json (const AnshinIssuerSnapshot *self,
                                gsize                      *out_length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *saved_at = NULL;

  g_return_val_if_fail (self != NULL && self->card != NULL && self->saved_at != NULL, NULL);

  saved_at = anshin_time_to_string (self->saved_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CACHE_VERSION);
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_string_value (builder, saved_at);
  json_builder_set_member_name (builder, "card");
  json_builder_add_value (builder, anshin_issuer_json_from_card (self->card));
  add_list (builder, "networks", self->payment_methods,
            (WriteFunc)anshin_issuer_json_from_payment_method);
  add_list (builder, "programs", self->programs, (WriteFunc)anshin_issuer_json_from_program);
  add_list (builder, "notices", self->notices, (WriteFunc)anshin_issuer_json_from_notice);
  add_list (builder, "charge_cards", self->charge_cards,
            (WriteFunc)anshin_issuer_json_from_charge_card);
  if (self->activity != NULL)
    {
      json_builder_set_member_name (builder, "activity");
      json_builder_add_value (builder, anshin_issuer_json_from_transaction_page (self->activity));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, out_length);
}

static gboolean
read_list (JsonNode      *root,
           ReadListFunc   read_func,
           GPtrArray    **slot,
           GError       **error)
{
  GPtrArray *list = read_func (root, error);

  if (list == NULL)
    return FALSE;

  g_clear_pointer (slot, g_ptr_array_unref);
  *slot = list;
  return TRUE;
}

/**
 * anshin_issuer_snapshot_from_json:
 * @data: (array length=length): a cache document
 *
 * Returns: (transfer full) (nullable): the snapshot, or %NULL with an error
 *   when the document is not a cache document of this version
 */
AnshinIssuerSnapshot *
anshin_issuer_snapshot_from_json (const char  *data,
                                  gsize        length,
                                  GError     **error)
{
  g_autoptr(AnshinIssuerSnapshot) snapshot = anshin_issuer_snapshot_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *card_node;
  const char *saved_at;

  root = anshin_issuer_json_parse (data, length, error);
  if (root == NULL)
    return NULL;

  object = json_node_get_object (root);
  saved_at = anshin_issuer_json_member_string (object, "saved_at");
  card_node = json_object_get_member (object, "card");

  if (anshin_issuer_json_member_int (object, "version", 0) != CACHE_VERSION ||
      saved_at == NULL || card_node == NULL)
    {
      g_set_error_literal (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                           "not a cache document of this version");
      return NULL;
    }

  snapshot->saved_at = anshin_time_parse (saved_at);
  if (snapshot->saved_at == NULL)
    {
      g_set_error_literal (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                           "cache: bad “saved_at”");
      return NULL;
    }

  snapshot->card = anshin_issuer_json_to_card (card_node, error);
  if (snapshot->card == NULL ||
      !read_list (root, anshin_issuer_json_to_payment_methods, &snapshot->payment_methods, error) ||
      !read_list (root, anshin_issuer_json_to_programs, &snapshot->programs, error) ||
      !read_list (root, anshin_issuer_json_to_notices, &snapshot->notices, error) ||
      !read_list (root, anshin_issuer_json_to_charge_cards, &snapshot->charge_cards, error))
    return NULL;

  /* optional: a cache written before the activity existed has none */
  if (json_object_has_member (object, "activity"))
    {
      snapshot->activity = anshin_issuer_json_to_transaction_page (json_object_get_member (object, "activity"),
                                                                   error);
      if (snapshot->activity == NULL)
        return NULL;
    }

  return g_steal_pointer (&snapshot);
}

/**
 * anshin_issuer_cache_dup_path:
 *
 * Returns: (transfer full): the cache file of @member_id at @issuer_url:
 *   $XDG_CACHE_HOME/anshin/<hash>.json (the name reveals neither)
 */
char *
anshin_issuer_cache_dup_path (const char *issuer_url,
                              const char *member_id)
{
  g_autofree char *source = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (issuer_url != NULL && member_id != NULL, NULL);

  source = g_strdup_printf ("%s\n%s", issuer_url, member_id);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, source, -1);
  name = g_strdup_printf ("%.32s.json", digest);

  return g_build_filename (g_get_user_cache_dir (), "anshin", name, NULL);
}

typedef struct {
  char   *path;
  GBytes *contents;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->path);
  g_clear_pointer (&save->contents, g_bytes_unref);
  g_free (save);
}

/* In a worker thread: every blocking call happens here. */
static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autofree char *dirname = g_path_get_dirname (save->path);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (save->contents, &length);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (g_mkdir_with_parents (dirname, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "cannot create the cache directory: %s", g_strerror (saved_errno));
      return;
    }

  /* Written to a temporary file, synced, then renamed over the old one. */
  if (!g_file_set_contents_full (save->path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0600, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * anshin_issuer_cache_save_async:
 * @path: from anshin_issuer_cache_dup_path()
 * @snapshot: the state to keep; must have a card and a time
 *
 * Replaces the cache file atomically, readable by the user only. The
 * snapshot is serialized here; the file is written in a worker thread.
 */
void
anshin_issuer_cache_save_async (const char                 *path,
                                const AnshinIssuerSnapshot *snapshot,
                                GCancellable               *cancellable,
                                GAsyncReadyCallback         callback,
                                gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;
  char *data;
  gsize length;

  g_return_if_fail (path != NULL && snapshot != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_cache_save_async);

  data = anshin_issuer_snapshot_to_json (snapshot, &length);
  save = g_new0 (SaveData, 1);
  save->path = g_strdup (path);
  save->contents = g_bytes_new_take (data, length);
  g_task_set_task_data (task, save, save_data_free);

  g_task_run_in_thread (task, save_in_thread);
}

gboolean
anshin_issuer_cache_save_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anshin_issuer_cache_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* In a worker thread; a file larger than any real cache is not read. */
static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  AnshinIssuerSnapshot *snapshot;
  GStatBuf st;
  gsize length;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "no cache: %s", g_strerror (saved_errno));
      return;
    }

  if (st.st_size > ANSHIN_ISSUER_JSON_MAX_SIZE)
    {
      g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                               "the cache file is too large");
      return;
    }

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  snapshot = anshin_issuer_snapshot_from_json (data, length, &error);
  if (snapshot == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, snapshot, (GDestroyNotify)anshin_issuer_snapshot_free);
}

void
anshin_issuer_cache_load_async (const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_cache_load_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * anshin_issuer_cache_load_finish:
 *
 * Returns: (transfer full) (nullable): the last known state; no file is
 *   %G_IO_ERROR_NOT_FOUND, a damaged one %ANSHIN_ISSUER_ERROR_PROTOCOL
 */
AnshinIssuerSnapshot *
anshin_issuer_cache_load_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anshin_issuer_cache_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_deleted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_delete_finish (G_FILE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * anshin_issuer_cache_delete_async:
 *
 * Deletes the cache file (on sign-out); a missing file is not an error.
 */
void
anshin_issuer_cache_delete_async (const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GFile) file = NULL;
  GTask *task;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_cache_delete_async);

  file = g_file_new_for_path (path);
  g_file_delete_async (file, G_PRIORITY_DEFAULT, cancellable, on_deleted_cb, task);
}

gboolean
anshin_issuer_cache_delete_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anshin_issuer_cache_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
