/* anshin-mock-idempotency.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Idempotency keys, per member: the first answer to a request is kept under
 * its key; the same key with the same method, path and body gets that
 * answer again, the same key with anything else is refused.
 */

#include "config.h"

#include "anshin-mock-idempotency.h"

typedef struct
{
  char               *fingerprint;
  AnshinMockResponse *response;
} Entry;

struct _AnshinMockIdempotency
{
  GObject     parent_instance;

  GHashTable *entries; /* member id + key -> Entry */
};

G_DEFINE_FINAL_TYPE (AnshinMockIdempotency, anshin_mock_idempotency, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->fingerprint);
  anshin_mock_response_unref (entry->response);
  g_free (entry);
}

static char *
make_key (const char *member_id,
          const char *key)
{
  return g_strconcat (member_id, "\n", key, NULL);
}

static char *
make_fingerprint (const char *method,
                  const char *path,
                  GBytes     *body)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize size = 0;
  const guchar *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  g_checksum_update (checksum, (const guchar *)method, -1);
  g_checksum_update (checksum, (const guchar *)" ", 1);
  g_checksum_update (checksum, (const guchar *)path, -1);
  g_checksum_update (checksum, (const guchar *)"\n", 1);
  if (data != NULL)
    g_checksum_update (checksum, data, size);

  return g_strdup (g_checksum_get_string (checksum));
}

static void
anshin_mock_idempotency_finalize (GObject *object)
{
  AnshinMockIdempotency *self = (AnshinMockIdempotency *)object;

  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (anshin_mock_idempotency_parent_class)->finalize (object);
}

static void
anshin_mock_idempotency_class_init (AnshinMockIdempotencyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_mock_idempotency_finalize;
}

static void
anshin_mock_idempotency_init (AnshinMockIdempotency *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
}

AnshinMockIdempotency *
anshin_mock_idempotency_new (void)
{
  return g_object_new (ANSHIN_TYPE_MOCK_IDEMPOTENCY, NULL);
}

void
anshin_mock_idempotency_clear (AnshinMockIdempotency *self)
{
  g_return_if_fail (ANSHIN_IS_MOCK_IDEMPOTENCY (self));

  g_hash_table_remove_all (self->entries);
}

/**
 * anshin_mock_idempotency_lookup:
 * @self: a #AnshinMockIdempotency
 * @member_id: the member
 * @key: the Idempotency-Key
 * @method: the request method
 * @path: the request path
 * @body: (nullable): the request body
 * @out_response: (out) (transfer full) (optional): the first answer, on a replay
 *
 * Returns: whether @key is new, a replay, or reused for another request
 */
AnshinMockIdempotencyResult
anshin_mock_idempotency_lookup (AnshinMockIdempotency  *self,
                                const char             *member_id,
                                const char             *key,
                                const char             *method,
                                const char             *path,
                                GBytes                 *body,
                                AnshinMockResponse    **out_response)
{
  g_autofree char *full_key = make_key (member_id, key);
  g_autofree char *fingerprint = NULL;
  Entry *entry;

  g_return_val_if_fail (ANSHIN_IS_MOCK_IDEMPOTENCY (self), ANSHIN_MOCK_IDEMPOTENCY_NEW);

  entry = g_hash_table_lookup (self->entries, full_key);
  if (entry == NULL)
    return ANSHIN_MOCK_IDEMPOTENCY_NEW;

  fingerprint = make_fingerprint (method, path, body);
  if (!g_str_equal (fingerprint, entry->fingerprint))
    return ANSHIN_MOCK_IDEMPOTENCY_REUSED;

  if (out_response != NULL)
    *out_response = anshin_mock_response_ref (entry->response);

  return ANSHIN_MOCK_IDEMPOTENCY_REPLAY;
}

void
anshin_mock_idempotency_store (AnshinMockIdempotency *self,
                               const char            *member_id,
                               const char            *key,
                               const char            *method,
                               const char            *path,
                               GBytes                *body,
                               AnshinMockResponse    *response)
{
  Entry *entry;

  g_return_if_fail (ANSHIN_IS_MOCK_IDEMPOTENCY (self));

  /* A demo never gets near this; a runaway client must not exhaust memory. */
  if (g_hash_table_size (self->entries) >= 100000)
    g_hash_table_remove_all (self->entries);

  entry = g_new0 (Entry, 1);
  entry->fingerprint = make_fingerprint (method, path, body);
  entry->response = anshin_mock_response_ref (response);
  g_hash_table_replace (self->entries, make_key (member_id, key), entry);
}
