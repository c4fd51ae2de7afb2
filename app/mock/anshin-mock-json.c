/* anshin-mock-json.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small JSON helpers shared by the mock issuer's state: times in the
 * issuer's zone, copies, lookup by "id".
 */

#include "config.h"

#include "anshin-mock-json.h"
#include "anshin-time.h"

void
anshin_mock_json_set_time (JsonObject *object,
                           const char *member,
                           GDateTime  *time)
{
  static GTimeZone *zone;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    {
      json_object_set_null_member (object, member);
      return;
    }

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, anshin_issuer_time_zone ());

  local = g_date_time_to_timezone (time, zone);
  text = anshin_time_to_string (local);
  json_object_set_string_member (object, member, text);
}

void
anshin_mock_json_set_unix (JsonObject *object,
                           const char *member,
                           gint64      unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  anshin_mock_json_set_time (object, member, time);
}

/**
 * anshin_mock_json_array_of_objects:
 * @node: (nullable): a JSON node
 *
 * Returns: whether @node is an array whose elements are all objects
 */
gboolean
anshin_mock_json_array_of_objects (JsonNode *node)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
        return FALSE;
    }

  return TRUE;
}

static GDateTime *
dup_time (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return anshin_time_parse (json_node_get_string (node));
}

/**
 * anshin_mock_json_is_time:
 * @node: (nullable): a JSON node
 *
 * Returns: whether @node is an RFC 3339 time (one at the Unix epoch too,
 *   which anshin_mock_json_get_unix() cannot tell from none)
 */
gboolean
anshin_mock_json_is_time (JsonNode *node)
{
  g_autoptr(GDateTime) time = dup_time (node);

  return time != NULL;
}

/* Returns 0 when the member is null, missing or not a time. */
gint64
anshin_mock_json_get_unix (JsonObject *object,
                           const char *member)
{
  g_autoptr(GDateTime) time = dup_time (json_object_get_member (object, member));

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/**
 * anshin_mock_json_node_copy:
 * @node: a JSON node
 *
 * json_node_copy() shares objects and arrays; this copies them, so that the
 * copy can be changed without touching @node (which may be immutable).
 *
 * Returns: (transfer full): a deep, mutable copy of @node
 */
JsonNode *
anshin_mock_json_node_copy (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, anshin_mock_json_object_copy (json_node_get_object (node)));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, anshin_mock_json_array_copy (json_node_get_array (node)));
    }
  else
    {
      copy = json_node_copy (node);
    }

  return copy;
}

JsonObject *
anshin_mock_json_object_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    json_object_set_member (copy, name, anshin_mock_json_node_copy (value));

  return copy;
}

JsonArray *
anshin_mock_json_array_copy (JsonArray *array)
{
  guint length = json_array_get_length (array);
  JsonArray *copy = json_array_sized_new (length);

  for (guint i = 0; i < length; i++)
    json_array_add_element (copy, anshin_mock_json_node_copy (json_array_get_element (array, i)));

  return copy;
}

JsonObject *
anshin_mock_json_find_by_id (JsonArray  *array,
                             const char *id,
                             guint      *out_index)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      object = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "id", NULL), id) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return object;
        }
    }

  return NULL;
}
