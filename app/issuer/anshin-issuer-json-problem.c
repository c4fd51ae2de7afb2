/* anshin-issuer-json-problem.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A failed answer to an ANSHIN_ISSUER_ERROR: the problem+json `code` picks
 * the error code, its extension members become the typed facts of an
 * AnshinIssuerProblem; a body that is no problem (an HTML error page, none)
 * gives the error of its HTTP status.
 */

#include "config.h"

#include <string.h>

#include "anshin-core-enum-types.h"

#include "anshin-issuer-json.h"
#include "anshin-issuer-json-private.h"

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
