/* anshin-enum-util.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer API spells values with underscores ("not_set_up"); GEnum nicks
 * made by glib-mkenums use dashes ("not-set-up"). These two functions are the
 * only place that knows it, shared by the client, the mock issuer and tests.
 */

#include "config.h"

#include <string.h>

#include "anshin-enum-util.h"

static char *
api_to_nick (const char *api_name)
{
  return g_strdelimit (g_strdup (api_name), "_", '-');
}

/**
 * anshin_enum_from_api:
 * @enum_type: a registered enum type
 * @api_name: the API's name of a value, e.g. "renewal_migration_pending"
 * @out_value: (out): where to store the value
 *
 * Returns: %TRUE if @api_name names a value of @enum_type
 */
gboolean
anshin_enum_from_api (GType       enum_type,
                      const char *api_name,
                      int        *out_value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *nick = NULL;
  GEnumValue *value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (api_name == NULL || *api_name == '\0' || strchr (api_name, '-') != NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  nick = api_to_nick (api_name);
  value = g_enum_get_value_by_nick (klass, nick);
  if (value == NULL)
    return FALSE;

  *out_value = value->value;
  return TRUE;
}

/**
 * anshin_enum_to_api:
 * @enum_type: a registered enum type
 * @value: one of its values
 *
 * Returns: (transfer none) (nullable): the API's name of @value, interned
 */
const char *
anshin_enum_to_api (GType enum_type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *api_name = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value (klass, value);
  if (enum_value == NULL)
    return NULL;

  api_name = g_strdelimit (g_strdup (enum_value->value_nick), "-", '_');
  return g_intern_string (api_name);
}
