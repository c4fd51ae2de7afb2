/* anshin-model-private.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The domain objects are long-lived: the account keeps one object per card,
 * method, programme or notice, views bind to it, and every refresh updates it
 * in place. So a property notifies only when its value really changed, and an
 * update from a fresh copy notifies only the properties that differ.
 */

#include "config.h"

#include "anshin-core-enums.h"
#include "anshin-model-private.h"
#include "anshin-time.h"

/* Enum-typed fields are read and written through int pointers. */
G_STATIC_ASSERT (sizeof (AnshinCardState) == sizeof (int));
G_STATIC_ASSERT (sizeof (AnshinWallet) == sizeof (guint));

static inline void
notify (gpointer    object,
        GParamSpec *pspec)
{
  g_object_notify_by_pspec (G_OBJECT (object), pspec);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

gboolean
anshin_model_set_string (gpointer     object,
                         char       **field,
                         const char  *value,
                         GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  notify (object, pspec);
  return TRUE;
}

gboolean
anshin_model_set_strv (gpointer             object,
                       char              ***field,
                       const char * const  *value,
                       GParamSpec          *pspec)
{
  if (strv_equal ((const char * const *) *field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  notify (object, pspec);
  return TRUE;
}

gboolean
anshin_model_set_date_time (gpointer     object,
                            GDateTime  **field,
                            GDateTime   *value,
                            GParamSpec  *pspec)
{
  if (anshin_time_equal (*field, value))
    return FALSE;

  if (value != NULL)
    g_date_time_ref (value);
  g_clear_pointer (field, g_date_time_unref);
  *field = value;
  notify (object, pspec);
  return TRUE;
}

gboolean
anshin_model_set_boolean (gpointer    object,
                          gboolean   *field,
                          gboolean    value,
                          GParamSpec *pspec)
{
  value = !!value;
  if (*field == value)
    return FALSE;

  *field = value;
  notify (object, pspec);
  return TRUE;
}

gboolean
anshin_model_set_uint (gpointer    object,
                       guint      *field,
                       guint       value,
                       GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  notify (object, pspec);
  return TRUE;
}

gboolean
anshin_model_set_int64 (gpointer    object,
                        gint64     *field,
                        gint64      value,
                        GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  notify (object, pspec);
  return TRUE;
}

gboolean
anshin_model_set_enum (gpointer    object,
                       int        *field,
                       int         value,
                       GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  notify (object, pspec);
  return TRUE;
}

gboolean
anshin_model_set_flags (gpointer    object,
                        guint      *field,
                        guint       value,
                        GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  notify (object, pspec);
  return TRUE;
}

/* The field of @prop_id, or %NULL (with a critical) when it has none. */
static gpointer
property_field (GObject     *object,
                const gsize *field_offsets,
                guint        n_props,
                guint        prop_id,
                GParamSpec  *pspec)
{
  if (prop_id == 0 || prop_id >= n_props || field_offsets[prop_id] == 0)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return NULL;
    }

  return G_STRUCT_MEMBER_P (object, field_offsets[prop_id]);
}

/**
 * anshin_model_get_property:
 * @object: a domain object
 * @field_offsets: (array length=n_props): the struct offset of each
 *   property's field, 0 for none
 * @n_props: the number of entries in @field_offsets
 * @prop_id: the property
 * @value: where to store its value
 * @pspec: the property's #GParamSpec
 *
 * A #GObjectClass.get_property for properties kept in plain fields of the
 * matching C type: char * (string), char ** (strv), GDateTime *, gboolean,
 * guint, gint64, an enum, or flags.
 */
void
anshin_model_get_property (GObject     *object,
                           const gsize *field_offsets,
                           guint        n_props,
                           guint        prop_id,
                           GValue      *value,
                           GParamSpec  *pspec)
{
  gpointer field = property_field (object, field_offsets, n_props, prop_id, pspec);
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (field == NULL)
    return;

  if (type == G_TYPE_DATE_TIME || type == G_TYPE_STRV)
    {
      g_value_set_boxed (value, *(gpointer *) field);
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *(char **) field);
      break;

    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) field);
      break;

    case G_TYPE_UINT:
      g_value_set_uint (value, *(guint *) field);
      break;

    case G_TYPE_INT64:
      g_value_set_int64 (value, *(gint64 *) field);
      break;

    case G_TYPE_ENUM:
      g_value_set_enum (value, *(int *) field);
      break;

    case G_TYPE_FLAGS:
      g_value_set_flags (value, *(guint *) field);
      break;

    default:
      g_critical ("%s: property %s of type %s has no field handler",
                  G_OBJECT_TYPE_NAME (object), pspec->name, g_type_name (type));
      break;
    }
}

/**
 * anshin_model_set_property:
 * @object: a domain object
 * @field_offsets: (array length=n_props): as for anshin_model_get_property()
 * @n_props: the number of entries in @field_offsets
 * @prop_id: the property
 * @value: its new value
 * @pspec: the property's #GParamSpec
 *
 * The #GObjectClass.set_property matching anshin_model_get_property(). It
 * notifies @pspec only when the value changed, as the properties are
 * %G_PARAM_EXPLICIT_NOTIFY.
 */
void
anshin_model_set_property (GObject      *object,
                           const gsize  *field_offsets,
                           guint         n_props,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  gpointer field = property_field (object, field_offsets, n_props, prop_id, pspec);
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (field == NULL)
    return;

  if (type == G_TYPE_DATE_TIME)
    {
      anshin_model_set_date_time (object, field, g_value_get_boxed (value), pspec);
      return;
    }

  if (type == G_TYPE_STRV)
    {
      anshin_model_set_strv (object, field, g_value_get_boxed (value), pspec);
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      anshin_model_set_string (object, field, g_value_get_string (value), pspec);
      break;

    case G_TYPE_BOOLEAN:
      anshin_model_set_boolean (object, field, g_value_get_boolean (value), pspec);
      break;

    case G_TYPE_UINT:
      anshin_model_set_uint (object, field, g_value_get_uint (value), pspec);
      break;

    case G_TYPE_INT64:
      anshin_model_set_int64 (object, field, g_value_get_int64 (value), pspec);
      break;

    case G_TYPE_ENUM:
      anshin_model_set_enum (object, field, g_value_get_enum (value), pspec);
      break;

    case G_TYPE_FLAGS:
      anshin_model_set_flags (object, field, g_value_get_flags (value), pspec);
      break;

    default:
      g_critical ("%s: property %s of type %s has no field handler",
                  G_OBJECT_TYPE_NAME (object), pspec->name, g_type_name (type));
      break;
    }
}

/**
 * anshin_model_update_from:
 * @self: a domain object
 * @other: another object of the same type
 *
 * Copies every read-write property of @other into @self. Notifications are
 * held until the end, and only the properties whose value changed notify.
 */
void
anshin_model_update_from (GObject *self,
                          GObject *other)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_if_fail (G_IS_OBJECT (self));
  g_return_if_fail (G_IS_OBJECT (other));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other));

  if (self == other)
    return;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);

  g_object_freeze_notify (self);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (other, pspec->name, &value);
      g_object_set_property (self, pspec->name, &value);
    }

  g_object_thaw_notify (self);
}
