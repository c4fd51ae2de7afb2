/* anshin-issuer-json.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions from the issuer's JSON documents to app/core objects and
 * from problem+json answers to ANSHIN_ISSUER_ERROR errors. Nothing here
 * trusts the document: its size, nesting, encoding, root type and every
 * member's type are checked, optional members have defaults, and anything
 * that does not match ISSUER-API.md is ANSHIN_ISSUER_ERROR_PROTOCOL (never
 * a CRITICAL: json-glib's plain getters are not used on members that may
 * be missing or have another type).
 */

#include "config.h"

#include <string.h>

#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"
#include "anshin-time.h"

#include "anshin-issuer-json.h"
#include "anshin-issuer-json-private.h"

/* Member lookup with the sticky-error reader of anshin-issuer-json-private.h. */

void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->times, g_ptr_array_unref);
  g_clear_error (&r->error);
}

void
reader_fail (Reader     *r,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (r->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  r->error = g_error_new (ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                          "%s: %s", r->what, message);
}

gboolean
reader_finish (Reader  *r,
               GError **error)
{
  if (r->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->error));
      return FALSE;
    }

  return TRUE;
}

/* Returns the member's node, or NULL when it is missing or null (allowed by
 * @flags) or when the reader failed. */
JsonNode *
reader_member (Reader     *r,
               JsonObject *object,
               const char *name,
               ReadFlags   flags)
{
  JsonNode *node;

  if (r->error != NULL || object == NULL)
    return NULL;

  node = json_object_get_member (object, name);
  if (node == NULL)
    {
      if (!(flags & READ_OPTIONAL))
        reader_fail (r, "member “%s” is missing", name);
      return NULL;
    }

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (!(flags & READ_NULLABLE))
        reader_fail (r, "member “%s” is null", name);
      return NULL;
    }

  return node;
}

static gboolean
node_holds (JsonNode *node,
            GType     value_type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;
}

/**
 * anshin_issuer_json_member_string:
 * @object: an object of a document that may be hostile
 * @name: a member's name
 *
 * For a quick look before the mapping proper: unlike
 * json_object_get_string_member_with_default(), never critical about an
 * object or an array where a string was hoped for.
 *
 * Returns: (nullable): the member's string, or %NULL when it is missing or
 *   not a string
 */
const char *
anshin_issuer_json_member_string (JsonObject *object,
                                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && node_holds (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

/**
 * anshin_issuer_json_member_int:
 * @object: an object of a document that may be hostile
 * @name: a member's name
 * @fallback: what a missing member, or one that is not an integer, gives
 *
 * Returns: the member's integer, or @fallback
 */
gint64
anshin_issuer_json_member_int (JsonObject *object,
                               const char *name,
                               gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && node_holds (node, G_TYPE_INT64) ? json_node_get_int (node) : fallback;
}

const char *
reader_string (Reader     *r,
               JsonObject *object,
               const char *name,
               ReadFlags   flags)
{
  JsonNode *node = reader_member (r, object, name, flags);

  if (node == NULL)
    return NULL;

  if (!node_holds (node, G_TYPE_STRING))
    {
      reader_fail (r, "member “%s” is not a string", name);
      return NULL;
    }

  return json_node_get_string (node);
}

gint64
reader_int (Reader     *r,
            JsonObject *object,
            const char *name,
            ReadFlags   flags,
            gint64      min,
            gint64      max,
            gint64      fallback)
{
  JsonNode *node = reader_member (r, object, name, flags);
  gint64 value;

  if (node == NULL)
    return fallback;

  if (!node_holds (node, G_TYPE_INT64))
    {
      reader_fail (r, "member “%s” is not an integer", name);
      return fallback;
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      reader_fail (r, "member “%s” is out of range", name);
      return fallback;
    }

  return value;
}

gboolean
reader_boolean (Reader     *r,
                JsonObject *object,
                const char *name,
                ReadFlags   flags,
                gboolean    fallback)
{
  JsonNode *node = reader_member (r, object, name, flags);

  if (node == NULL)
    return fallback;

  if (!node_holds (node, G_TYPE_BOOLEAN))
    {
      reader_fail (r, "member “%s” is not a boolean", name);
      return fallback;
    }

  return json_node_get_boolean (node);
}

static GDateTime *
reader_keep (Reader    *r,
             GDateTime *time)
{
  if (r->times == NULL)
    r->times = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  g_ptr_array_add (r->times, time);
  return time;
}

/* Times are owned by the reader until reader_clear(). */
GDateTime *
reader_time (Reader     *r,
             JsonObject *object,
             const char *name,
             ReadFlags   flags)
{
  const char *text = reader_string (r, object, name, flags);
  GDateTime *time = NULL;

  if (text == NULL)
    return NULL;

  if ((flags & READ_DATE) != 0)
    time = anshin_date_parse (text);
  if (time == NULL && (flags & READ_DATE_ONLY) == 0)
    time = anshin_time_parse (text);

  /* No issuer date is that old; and such years would not round-trip as four digits. */
  if (time != NULL && (g_date_time_get_year (time) < 1900 || g_date_time_get_year (time) > 9999))
    g_clear_pointer (&time, g_date_time_unref);

  if (time == NULL)
    {
      reader_fail (r, "member “%s” is not a valid time", name);
      return NULL;
    }

  return reader_keep (r, time);
}

int
reader_enum (Reader     *r,
             JsonObject *object,
             const char *name,
             ReadFlags   flags,
             GType       enum_type,
             int         fallback)
{
  const char *text = reader_string (r, object, name, flags);
  int value;

  if (text == NULL)
    return fallback;

  if (!anshin_enum_from_api (enum_type, text, &value))
    {
      if ((flags & READ_UNKNOWN_OK) != 0)
        return fallback;
      reader_fail (r, "member “%s” has an unknown value", name);
      return fallback;
    }

  return value;
}

JsonObject *
reader_object (Reader     *r,
               JsonObject *object,
               const char *name,
               ReadFlags   flags)
{
  JsonNode *node = reader_member (r, object, name, flags);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_fail (r, "member “%s” is not an object", name);
      return NULL;
    }

  return json_node_get_object (node);
}

JsonArray *
reader_array (Reader     *r,
              JsonObject *object,
              const char *name,
              ReadFlags   flags)
{
  JsonNode *node = reader_member (r, object, name, flags);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      reader_fail (r, "member “%s” is not an array", name);
      return NULL;
    }

  return json_node_get_array (node);
}

JsonObject *
reader_root (Reader   *r,
             JsonNode *node)
{
  if (r->error != NULL)
    return NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_fail (r, "not an object");
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
is_last4 (const char *text)
{
  if (text == NULL || strlen (text) != 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

const char *
reader_last4 (Reader     *r,
              JsonObject *object,
              const char *name)
{
  const char *text = reader_string (r, object, name, READ_REQUIRED);

  /* Never accept more of a card number than its last four digits. */
  if (text != NULL && !is_last4 (text))
    {
      reader_fail (r, "member “%s” is not four digits", name);
      return NULL;
    }

  return text;
}

/* Documents */

static gboolean
check_nesting (const char *data,
               gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > ANSHIN_ISSUER_JSON_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * anshin_issuer_json_parse:
 * @data: (array length=length): the document
 * @length: its length in bytes
 *
 * Parses a JSON document whose root must be an object, refusing documents
 * larger than %ANSHIN_ISSUER_JSON_MAX_SIZE, nested deeper than
 * %ANSHIN_ISSUER_JSON_MAX_DEPTH, or not valid UTF-8.
 *
 * Returns: (transfer full): the root node, an object
 */
JsonNode *
anshin_issuer_json_parse (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL || length == 0)
    {
      g_set_error_literal (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                           "empty document");
      return NULL;
    }

  if (length > ANSHIN_ISSUER_JSON_MAX_SIZE)
    {
      g_set_error_literal (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                           "document too large");
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                           "document is not UTF-8");
      return NULL;
    }

  if (!check_nesting (data, length))
    {
      g_set_error_literal (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                           "document nested too deeply");
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                   "malformed JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                           "the document is not a JSON object");
      return NULL;
    }

  return json_node_ref (root);
}
