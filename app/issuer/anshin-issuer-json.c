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

/* Problems */

typedef struct {
  const char        *code;
  AnshinIssuerError  error;
} ProblemCode;

static const ProblemCode problem_codes[] = {
  { "invalid_credentials", ANSHIN_ISSUER_ERROR_INVALID_CREDENTIALS },
  { "too_many_login_attempts", ANSHIN_ISSUER_ERROR_RATE_LIMITED },
  { "session_expired", ANSHIN_ISSUER_ERROR_SIGNED_OUT },
  { "no_session", ANSHIN_ISSUER_ERROR_SIGNED_OUT },
  { "refresh_token_invalid", ANSHIN_ISSUER_ERROR_SIGNED_OUT },
  { "validation_failed", ANSHIN_ISSUER_ERROR_VALIDATION },
  { "card_declined", ANSHIN_ISSUER_ERROR_DECLINED },
  { "form_expired", ANSHIN_ISSUER_ERROR_FORM_EXPIRED },
  { "registration_locked", ANSHIN_ISSUER_ERROR_LOCKED },
  { "already_registered", ANSHIN_ISSUER_ERROR_CONFLICT },
  { "too_many_charge_cards", ANSHIN_ISSUER_ERROR_CONFLICT },
  { "invalid_state_transition", ANSHIN_ISSUER_ERROR_CONFLICT },
  { "reissue_in_progress", ANSHIN_ISSUER_ERROR_CONFLICT },
  { "idempotency_key_reused", ANSHIN_ISSUER_ERROR_CONFLICT },
  { "clock_backwards", ANSHIN_ISSUER_ERROR_CONFLICT },
  { "challenge_failed", ANSHIN_ISSUER_ERROR_CHALLENGE_FAILED },
  { "challenge_expired", ANSHIN_ISSUER_ERROR_CHALLENGE_EXPIRED },
  { "amount_out_of_range", ANSHIN_ISSUER_ERROR_AMOUNT_OUT_OF_RANGE },
  { "limit_exceeded", ANSHIN_ISSUER_ERROR_LIMIT_EXCEEDED },
  { "not_found", ANSHIN_ISSUER_ERROR_NOT_FOUND },
  { "malformed_json", ANSHIN_ISSUER_ERROR_PROTOCOL },
  { "invalid_request", ANSHIN_ISSUER_ERROR_PROTOCOL },
  { "body_too_large", ANSHIN_ISSUER_ERROR_PROTOCOL },
  { "method_not_allowed", ANSHIN_ISSUER_ERROR_PROTOCOL },
  { "idempotency_key_missing", ANSHIN_ISSUER_ERROR_PROTOCOL },
};

static AnshinIssuerError
error_for_status (guint status)
{
  if (status >= 500)
    return ANSHIN_ISSUER_ERROR_SERVER;

  switch (status)
    {
    case 401:
      return ANSHIN_ISSUER_ERROR_SIGNED_OUT;
    case 404:
      return ANSHIN_ISSUER_ERROR_NOT_FOUND;
    case 409:
      return ANSHIN_ISSUER_ERROR_CONFLICT;
    case 429:
      return ANSHIN_ISSUER_ERROR_RATE_LIMITED;
    default:
      return ANSHIN_ISSUER_ERROR_PROTOCOL;
    }
}

static gint64
parse_retry_after (const char *header)
{
  g_autofree char *text = NULL;
  guint64 seconds;

  /* Only delta-seconds; the issuer API does not send HTTP dates. */
  if (header == NULL)
    return -1;

  text = g_strstrip (g_strdup (header));
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &seconds, NULL))
    return -1;

  return (gint64)seconds;
}

static GTimeSpan
parse_window (const char *window)
{
  g_autofree char *number = NULL;
  guint64 hours;

  if (window == NULL || !g_str_has_suffix (window, "h"))
    return 0;

  number = g_strndup (window, strlen (window) - 1);
  if (!g_ascii_string_to_unsigned (number, 10, 1, 24 * 366, &hours, NULL))
    return 0;

  return (GTimeSpan)hours * G_TIME_SPAN_HOUR;
}

/* Extension members are facts about an error the issuer already reported;
 * one of the wrong type is dropped (with a debug message), not turned into
 * a protocol error that would hide the real reason. */
static void
read_problem_extensions (AnshinIssuerProblem *problem,
                         JsonObject          *object)
{
  g_auto(Reader) r = { .what = "problem" };
  JsonArray *fields;
  gint64 value;
  GDateTime *time;

  value = reader_int (&r, object, "attempts_remaining", READ_OPTIONAL, 0, G_MAXINT, -1);
  anshin_issuer_problem_set_attempts_remaining (problem, (int)value);
  g_clear_error (&r.error);

  time = reader_time (&r, object, "locked_until", READ_OPTIONAL);
  anshin_issuer_problem_set_locked_until (problem, time);
  g_clear_error (&r.error);

  time = reader_time (&r, object, "resets_at", READ_OPTIONAL);
  anshin_issuer_problem_set_resets_at (problem, time);
  g_clear_error (&r.error);

  anshin_issuer_problem_set_window (problem,
                                    parse_window (reader_string (&r, object, "window",
                                                                 READ_OPTIONAL)));
  g_clear_error (&r.error);

  value = reader_int (&r, object, "limit", READ_OPTIONAL, 0, G_MAXINT64, -1);
  anshin_issuer_problem_set_limit (problem, value);
  g_clear_error (&r.error);

  value = reader_int (&r, object, "remaining", READ_OPTIONAL, 0, G_MAXINT64, -1);
  anshin_issuer_problem_set_remaining (problem, value);
  g_clear_error (&r.error);

  {
    gint64 min = reader_int (&r, object, "min", READ_OPTIONAL, 0, G_MAXINT64, -1);
    gint64 max = reader_int (&r, object, "max", READ_OPTIONAL, 0, G_MAXINT64, -1);

    if (r.error != NULL)
      min = max = -1;
    anshin_issuer_problem_set_range (problem, min, max);
    g_clear_error (&r.error);
  }

  fields = reader_array (&r, object, "fields", READ_OPTIONAL);
  g_clear_error (&r.error);
  for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
    {
      JsonNode *element = json_array_get_element (fields, i);
      JsonObject *field_object;
      const char *code;
      int field;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      field_object = json_node_get_object (element);
      field = reader_enum (&r, field_object, "field", READ_REQUIRED,
                           ANSHIN_TYPE_CARD_FIELD, -1);
      code = reader_string (&r, field_object, "code", READ_REQUIRED);
      if (r.error == NULL)
        anshin_issuer_problem_add_field (problem, field, code);
      else
        g_debug ("Dropping a malformed field error: %s", r.error->message);
      g_clear_error (&r.error);
    }
}

/**
 * anshin_issuer_json_to_error:
 * @status: the HTTP status, 400 or above
 * @content_type: (nullable): the answer's media type, without parameters
 * @data: (nullable) (array length=length): the body
 * @length: its length
 * @retry_after: (nullable): the `Retry-After` header
 *
 * Maps a failed answer to an error. A problem+json body gives the error
 * of its `code` with its facts (anshin_issuer_error_get_problem()); any
 * other body (an HTML error page, nothing) gives an error for the status.
 *
 * Returns: (transfer full): an error in %ANSHIN_ISSUER_ERROR
 */
GError *
anshin_issuer_json_to_error (guint       status,
                             const char *content_type,
                             const char *data,
                             gsize       length,
                             const char *retry_after)
{
  g_autoptr(AnshinIssuerProblem) problem = anshin_issuer_problem_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *message = NULL;
  AnshinIssuerError code = error_for_status (status);
  gboolean is_json;

  anshin_issuer_problem_set_status (problem, status);
  anshin_issuer_problem_set_retry_after (problem, parse_retry_after (retry_after));

  is_json = content_type != NULL &&
            (g_ascii_strcasecmp (content_type, "application/problem+json") == 0 ||
             g_ascii_strcasecmp (content_type, "application/json") == 0);

  if (is_json)
    root = anshin_issuer_json_parse (data, length, &parse_error);

  if (root != NULL)
    {
      g_auto(Reader) r = { .what = "problem" };
      JsonObject *object = json_node_get_object (root);
      const char *api_code = reader_string (&r, object, "code", READ_OPTIONAL);

      g_clear_error (&r.error);
      anshin_issuer_problem_set_code (problem, api_code);
      anshin_issuer_problem_set_title (problem, reader_string (&r, object, "title", READ_OPTIONAL));
      g_clear_error (&r.error);
      anshin_issuer_problem_set_detail (problem, reader_string (&r, object, "detail", READ_OPTIONAL));
      g_clear_error (&r.error);
      read_problem_extensions (problem, object);

      for (guint i = 0; api_code != NULL && i < G_N_ELEMENTS (problem_codes); i++)
        {
          if (g_str_equal (api_code, problem_codes[i].code))
            {
              code = problem_codes[i].error;
              break;
            }
        }

      message = g_strdup_printf ("HTTP %u %s", status, api_code != NULL ? api_code : "(no code)");
    }
  else
    {
      message = g_strdup_printf ("HTTP %u with a %s body%s%s", status,
                                 content_type != NULL ? content_type : "untyped",
                                 parse_error != NULL ? ": " : "",
                                 parse_error != NULL ? parse_error->message : "");
    }

  return anshin_issuer_error_new_problem (code, problem, message);
}
