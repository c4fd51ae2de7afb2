/* anshin-notice.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A notice the issuer sent (`GET /v1/notices`). title and body are the
 * issuer's own text, shown as received; params holds the code's extra
 * values (dates, last digits, amounts) as strings, NULL when there are none.
 */

#include "config.h"

#include "anshin-notice.h"
#include "anshin-core-enum-types.h"
#include "anshin-model-private.h"

struct _AnshinNotice
{
  GObject parent_instance;

  char *id;
  AnshinNoticeCode code;
  GDateTime *issued_at;
  AnshinNoticeChannel channel;
  char *title;
  char *body;
  gboolean read;
  GHashTable *params;
};

G_DEFINE_FINAL_TYPE (AnshinNotice, anshin_notice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_ISSUED_AT,
  PROP_CHANNEL,
  PROP_TITLE,
  PROP_BODY,
  PROP_READ,
  PROP_PARAMS,
  N_PROPS
};

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static GParamSpec *properties[N_PROPS];

static const gsize field_offsets[N_PROPS] = {
  [PROP_ID] = G_STRUCT_OFFSET (AnshinNotice, id),
  [PROP_CODE] = G_STRUCT_OFFSET (AnshinNotice, code),
  [PROP_ISSUED_AT] = G_STRUCT_OFFSET (AnshinNotice, issued_at),
  [PROP_CHANNEL] = G_STRUCT_OFFSET (AnshinNotice, channel),
  [PROP_TITLE] = G_STRUCT_OFFSET (AnshinNotice, title),
  [PROP_BODY] = G_STRUCT_OFFSET (AnshinNotice, body),
  [PROP_READ] = G_STRUCT_OFFSET (AnshinNotice, read),
};

/* The params are kept as an immutable snapshot: a table handed out by
 * anshin_notice_get_params() or g_object_get() never changes under its
 * holder; anshin_notice_set_param() replaces the table instead. */
static GHashTable *
params_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static GHashTable *
params_copy (GHashTable *params)
{
  GHashTable *copy = params_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));

  return copy;
}

static gboolean
params_equal (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a == NULL || b == NULL)
    return a == b;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer other_value;

      if (!g_hash_table_lookup_extended (b, key, NULL, &other_value) ||
          g_strcmp0 (value, other_value) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Takes ownership of @params; an empty table is stored as NULL. */
static void
take_params (AnshinNotice *self,
             GHashTable   *params)
{
  if (params != NULL && g_hash_table_size (params) == 0)
    g_clear_pointer (&params, g_hash_table_unref);

  if (params_equal (self->params, params))
    {
      g_clear_pointer (&params, g_hash_table_unref);
      return;
    }

  g_clear_pointer (&self->params, g_hash_table_unref);
  self->params = params;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARAMS]);
}

static void
anshin_notice_finalize (GObject *object)
{
  AnshinNotice *self = (AnshinNotice *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->issued_at, g_date_time_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->params, g_hash_table_unref);

  G_OBJECT_CLASS (anshin_notice_parent_class)->finalize (object);
}

static void
anshin_notice_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AnshinNotice *self = ANSHIN_NOTICE (object);

  if (prop_id == PROP_PARAMS)
    g_value_set_boxed (value, self->params);
  else
    anshin_model_get_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_notice_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AnshinNotice *self = ANSHIN_NOTICE (object);

  if (prop_id == PROP_PARAMS)
    anshin_notice_set_params (self, g_value_get_boxed (value));
  else
    anshin_model_set_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_notice_class_init (AnshinNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_notice_finalize;
  object_class->get_property = anshin_notice_get_property;
  object_class->set_property = anshin_notice_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_CODE] =
    g_param_spec_enum ("code", NULL, NULL,
                       ANSHIN_TYPE_NOTICE_CODE, ANSHIN_NOTICE_CODE_UNKNOWN, PARAM_FLAGS);
  properties[PROP_ISSUED_AT] =
    g_param_spec_boxed ("issued-at", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       ANSHIN_TYPE_NOTICE_CHANNEL, ANSHIN_NOTICE_CHANNEL_APP, PARAM_FLAGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE, PARAM_FLAGS);
  /**
   * AnshinNotice:params: (type GLib.HashTable(utf8,utf8))
   *
   * The code's extra values, keyed by their API names; %NULL when there
   * are none (an empty table is stored as %NULL).
   */
  properties[PROP_PARAMS] =
    g_param_spec_boxed ("params", NULL, NULL, G_TYPE_HASH_TABLE, PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_notice_init (AnshinNotice *self)
{
  self->channel = ANSHIN_NOTICE_CHANNEL_APP;
}

AnshinNotice *
anshin_notice_new (void)
{
  return g_object_new (ANSHIN_TYPE_NOTICE, NULL);
}

/**
 * anshin_notice_update_from:
 * @self: the notice views are bound to
 * @other: a freshly fetched copy
 *
 * Copies every property of @other into @self, notifying only the
 * properties whose value changed, once each, after all are copied.
 */
void
anshin_notice_update_from (AnshinNotice *self,
                           AnshinNotice *other)
{
  g_return_if_fail (ANSHIN_IS_NOTICE (self));
  g_return_if_fail (ANSHIN_IS_NOTICE (other));

  anshin_model_update_from (G_OBJECT (self), G_OBJECT (other));
}

const char *
anshin_notice_get_id (AnshinNotice *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE (self), NULL);

  return self->id;
}

void
anshin_notice_set_id (AnshinNotice *self,
                      const char   *id)
{
  g_return_if_fail (ANSHIN_IS_NOTICE (self));

  anshin_model_set_string (self, &self->id, id, properties[PROP_ID]);
}

AnshinNoticeCode
anshin_notice_get_code (AnshinNotice *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE (self), ANSHIN_NOTICE_CODE_UNKNOWN);

  return self->code;
}

void
anshin_notice_set_code (AnshinNotice     *self,
                        AnshinNoticeCode  code)
{
  g_return_if_fail (ANSHIN_IS_NOTICE (self));

  anshin_model_set_enum (self, (int *) &self->code, code, properties[PROP_CODE]);
}

GDateTime *
anshin_notice_get_issued_at (AnshinNotice *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE (self), NULL);

  return self->issued_at;
}

void
anshin_notice_set_issued_at (AnshinNotice *self,
                             GDateTime    *issued_at)
{
  g_return_if_fail (ANSHIN_IS_NOTICE (self));

  anshin_model_set_date_time (self, &self->issued_at, issued_at, properties[PROP_ISSUED_AT]);
}

AnshinNoticeChannel
anshin_notice_get_channel (AnshinNotice *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE (self), ANSHIN_NOTICE_CHANNEL_APP);

  return self->channel;
}

void
anshin_notice_set_channel (AnshinNotice        *self,
                           AnshinNoticeChannel  channel)
{
  g_return_if_fail (ANSHIN_IS_NOTICE (self));

  anshin_model_set_enum (self, (int *) &self->channel, channel, properties[PROP_CHANNEL]);
}

const char *
anshin_notice_get_title (AnshinNotice *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE (self), NULL);

  return self->title;
}

void
anshin_notice_set_title (AnshinNotice *self,
                         const char   *title)
{
  g_return_if_fail (ANSHIN_IS_NOTICE (self));

  anshin_model_set_string (self, &self->title, title, properties[PROP_TITLE]);
}

const char *
anshin_notice_get_body (AnshinNotice *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE (self), NULL);

  return self->body;
}

void
anshin_notice_set_body (AnshinNotice *self,
                        const char   *body)
{
  g_return_if_fail (ANSHIN_IS_NOTICE (self));

  anshin_model_set_string (self, &self->body, body, properties[PROP_BODY]);
}

gboolean
anshin_notice_get_read (AnshinNotice *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE (self), FALSE);

  return self->read;
}

void
anshin_notice_set_read (AnshinNotice *self,
                        gboolean      read)
{
  g_return_if_fail (ANSHIN_IS_NOTICE (self));

  anshin_model_set_boolean (self, &self->read, read, properties[PROP_READ]);
}

/**
 * anshin_notice_get_params:
 * @self: a notice
 *
 * Returns: (transfer none) (nullable) (element-type utf8 utf8): the
 *   params, which the notice never changes in place
 */
GHashTable *
anshin_notice_get_params (AnshinNotice *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE (self), NULL);

  return self->params;
}

/**
 * anshin_notice_set_params:
 * @self: a notice
 * @params: (nullable) (element-type utf8 utf8): the params
 *
 * Stores a copy of @params.
 */
void
anshin_notice_set_params (AnshinNotice *self,
                          GHashTable   *params)
{
  g_return_if_fail (ANSHIN_IS_NOTICE (self));

  take_params (self, params != NULL ? params_copy (params) : NULL);
}

/**
 * anshin_notice_get_param:
 * @self: a notice
 * @key: the API name of a param, e.g. "renewal_date"
 *
 * Returns: (nullable): the value of @key, or %NULL when the notice has none
 */
const char *
anshin_notice_get_param (AnshinNotice *self,
                         const char   *key)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->params == NULL)
    return NULL;

  return g_hash_table_lookup (self->params, key);
}

/**
 * anshin_notice_set_param:
 * @self: a notice
 * @key: the API name of a param
 * @value: (nullable): its value, or %NULL to remove it
 *
 * Sets one param, notifying #AnshinNotice:params if that changed them.
 */
void
anshin_notice_set_param (AnshinNotice *self,
                         const char   *key,
                         const char   *value)
{
  g_autoptr(GHashTable) params = NULL;

  g_return_if_fail (ANSHIN_IS_NOTICE (self));
  g_return_if_fail (key != NULL);

  if (g_strcmp0 (anshin_notice_get_param (self, key), value) == 0)
    return;

  params = self->params != NULL ? params_copy (self->params) : params_new ();
  if (value != NULL)
    g_hash_table_insert (params, g_strdup (key), g_strdup (value));
  else
    g_hash_table_remove (params, key);

  take_params (self, g_steal_pointer (&params));
}
