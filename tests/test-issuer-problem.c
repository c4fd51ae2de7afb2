/* test-issuer-problem.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every problem code to its ANSHIN_ISSUER_ERROR code with its typed facts;
 * bodies that are no problem to the error of their status.
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-json.h"
#include "anshin-time.h"

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autoptr(GDateTime) want = anshin_time_parse (expected);

  g_assert_nonnull (time);
  g_assert_nonnull (want);
  g_assert_true (g_date_time_equal (time, want));
}

typedef struct {
  const char        *name;
  guint              status;
  const char        *content_type;
  const char        *body;
  const char        *retry_after;
  AnshinIssuerError  code;
  const char        *api_code;
  int                attempts_remaining;
  const char        *locked_until;
  gint64             retry_after_seconds;
} ProblemCase;

static void
test_problems (void)
{
  const ProblemCase cases[] = {
    { "validation", 400, "application/problem+json",
      "{\"type\": \"about:blank\", \"title\": \"t\", \"status\": 400, \"detail\": \"カード番号が正しくありません\","
      " \"code\": \"validation_failed\", \"attempts_remaining\": 3,"
      " \"fields\": [{\"field\": \"number\", \"code\": \"luhn\"}, {\"field\": \"cvc\", \"code\": \"cvc_length\"},"
      " {\"field\": \"pin\", \"code\": \"x\"}, 7]}",
      NULL, ANSHIN_ISSUER_ERROR_VALIDATION, "validation_failed", 3, NULL, -1 },
    { "declined", 402, "application/problem+json",
      "{\"code\": \"card_declined\", \"attempts_remaining\": 2}",
      NULL, ANSHIN_ISSUER_ERROR_DECLINED, "card_declined", 2, NULL, -1 },
    { "locked", 429, "application/problem+json",
      "{\"code\": \"registration_locked\", \"attempts_remaining\": 0,"
      " \"locked_until\": \"2025-09-01T10:00:00+09:00\"}",
      "86400", ANSHIN_ISSUER_ERROR_LOCKED, "registration_locked", 0,
      "2025-09-01T10:00:00+09:00", 86400 },
    { "login rate limited", 429, "application/problem+json",
      "{\"code\": \"too_many_login_attempts\"}", " 30 ",
      ANSHIN_ISSUER_ERROR_RATE_LIMITED, "too_many_login_attempts", -1, NULL, 30 },
    { "session expired", 401, "application/problem+json", "{\"code\": \"session_expired\"}",
      NULL, ANSHIN_ISSUER_ERROR_SIGNED_OUT, "session_expired", -1, NULL, -1 },
    { "bad credentials", 401, "application/problem+json", "{\"code\": \"invalid_credentials\"}",
      NULL, ANSHIN_ISSUER_ERROR_INVALID_CREDENTIALS, "invalid_credentials", -1, NULL, -1 },
    { "form expired", 403, "application/problem+json", "{\"code\": \"form_expired\"}",
      NULL, ANSHIN_ISSUER_ERROR_FORM_EXPIRED, "form_expired", -1, NULL, -1 },
    { "already registered", 409, "application/problem+json",
      "{\"code\": \"already_registered\"}", NULL,
      ANSHIN_ISSUER_ERROR_CONFLICT, "already_registered", -1, NULL, -1 },
    { "not found", 404, "application/problem+json", "{\"code\": \"not_found\"}", NULL,
      ANSHIN_ISSUER_ERROR_NOT_FOUND, "not_found", -1, NULL, -1 },
    { "challenge failed", 400, "application/problem+json",
      "{\"code\": \"challenge_failed\", \"attempts_remaining\": 1}", NULL,
      ANSHIN_ISSUER_ERROR_CHALLENGE_FAILED, "challenge_failed", 1, NULL, -1 },
    { "challenge expired", 410, "application/problem+json", "{\"code\": \"challenge_expired\"}",
      NULL, ANSHIN_ISSUER_ERROR_CHALLENGE_EXPIRED, "challenge_expired", -1, NULL, -1 },
    { "wrong-typed extension", 402, "application/problem+json",
      "{\"code\": \"card_declined\", \"attempts_remaining\": \"2\", \"locked_until\": 5}", NULL,
      ANSHIN_ISSUER_ERROR_DECLINED, "card_declined", -1, NULL, -1 },
    { "HTML 502", 502, "text/html", "<html><body>Bad gateway</body></html>", NULL,
      ANSHIN_ISSUER_ERROR_SERVER, NULL, -1, NULL, -1 },
    { "problem without a code", 503, "application/problem+json", "{\"title\": \"down\"}", "5",
      ANSHIN_ISSUER_ERROR_SERVER, NULL, -1, NULL, 5 },
    { "malformed problem", 500, "application/problem+json", "{\"code\": ", NULL,
      ANSHIN_ISSUER_ERROR_SERVER, NULL, -1, NULL, -1 },
    { "HTML 400", 400, "text/html", "<p>no</p>", NULL,
      ANSHIN_ISSUER_ERROR_PROTOCOL, NULL, -1, NULL, -1 },
    { "the client sent bad JSON", 400, "application/problem+json", "{\"code\": \"malformed_json\"}",
      NULL, ANSHIN_ISSUER_ERROR_PROTOCOL, "malformed_json", -1, NULL, -1 },
    { "unknown code, conflict status", 409, "application/problem+json", "{\"code\": \"brand_new\"}",
      NULL, ANSHIN_ISSUER_ERROR_CONFLICT, "brand_new", -1, NULL, -1 },
    { "empty 401", 401, NULL, NULL, NULL, ANSHIN_ISSUER_ERROR_SIGNED_OUT, NULL, -1, NULL, -1 },
    { "retry-after a date", 429, "application/problem+json", "{\"code\": \"too_many_login_attempts\"}",
      "Wed, 21 Oct 2015 07:28:00 GMT", ANSHIN_ISSUER_ERROR_RATE_LIMITED, "too_many_login_attempts",
      -1, NULL, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ProblemCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) copy = NULL;
      AnshinIssuerProblem *problem;

      g_test_message ("%s", c->name);
      error = anshin_issuer_json_to_error (c->status, c->content_type, c->body,
                                           c->body ? strlen (c->body) : 0, c->retry_after);
      g_assert_error (error, ANSHIN_ISSUER_ERROR, (int)c->code);

      /* The facts survive a copy, as through GTask and g_propagate_error(). */
      copy = g_error_copy (error);
      g_clear_error (&error);
      problem = anshin_issuer_error_get_problem (copy);
      g_assert_nonnull (problem);
      g_assert_cmpuint (anshin_issuer_problem_get_status (problem), ==, c->status);
      g_assert_cmpstr (anshin_issuer_problem_get_code (problem), ==, c->api_code);
      g_assert_cmpint (anshin_issuer_problem_get_attempts_remaining (problem), ==,
                       c->attempts_remaining);
      g_assert_cmpint (anshin_issuer_problem_get_retry_after (problem), ==, c->retry_after_seconds);
      if (c->locked_until != NULL)
        assert_time (anshin_issuer_problem_get_locked_until (problem), c->locked_until);
      else
        g_assert_null (anshin_issuer_problem_get_locked_until (problem));
    }
}

static void
test_problem_facts (void)
{
  const char *validation =
    "{\"code\": \"validation_failed\", \"detail\": \"入力内容をご確認ください\", \"attempts_remaining\": 4,"
    " \"fields\": [{\"field\": \"number\", \"code\": \"luhn\"}, {\"field\": \"exp\", \"code\": \"expired\"},"
    " {\"field\": \"pin\", \"code\": \"x\"}, 7]}";
  const char *limit =
    "{\"code\": \"limit_exceeded\", \"window\": \"720h\", \"limit\": 300000, \"remaining\": 5000,"
    " \"resets_at\": \"2025-12-30T09:00:00+09:00\"}";
  const char *range = "{\"code\": \"amount_out_of_range\", \"min\": 1000, \"max\": 50000}";
  g_autoptr(GError) error = NULL;
  AnshinIssuerProblem *problem;
  AnshinCardField field;
  const char *code;

  error = anshin_issuer_json_to_error (400, "application/problem+json", validation,
                                       strlen (validation), NULL);
  problem = anshin_issuer_error_get_problem (error);
  g_assert_cmpstr (anshin_issuer_problem_get_detail (problem), ==, "入力内容をご確認ください");
  /* The unknown field and the non-object entry are dropped. */
  g_assert_cmpuint (anshin_issuer_problem_get_n_fields (problem), ==, 2);
  g_assert_true (anshin_issuer_problem_get_field (problem, 1, &field, &code));
  g_assert_cmpint (field, ==, ANSHIN_CARD_FIELD_EXP);
  g_assert_cmpstr (code, ==, "expired");
  g_assert_false (anshin_issuer_problem_get_field (problem, 2, &field, &code));
  g_assert_cmpstr (anshin_issuer_problem_lookup_field (problem, ANSHIN_CARD_FIELD_NUMBER), ==, "luhn");
  g_assert_null (anshin_issuer_problem_lookup_field (problem, ANSHIN_CARD_FIELD_CVC));
  g_clear_error (&error);

  error = anshin_issuer_json_to_error (422, "application/problem+json", limit, strlen (limit), NULL);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_LIMIT_EXCEEDED);
  problem = anshin_issuer_error_get_problem (error);
  g_assert_cmpint (anshin_issuer_problem_get_window (problem), ==, 720 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (anshin_issuer_problem_get_limit (problem), ==, 300000);
  g_assert_cmpint (anshin_issuer_problem_get_remaining (problem), ==, 5000);
  assert_time (anshin_issuer_problem_get_resets_at (problem), "2025-12-30T09:00:00+09:00");
  g_clear_error (&error);

  error = anshin_issuer_json_to_error (422, "application/problem+json", range, strlen (range), NULL);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_AMOUNT_OUT_OF_RANGE);
  problem = anshin_issuer_error_get_problem (error);
  g_assert_cmpint (anshin_issuer_problem_get_min (problem), ==, 1000);
  g_assert_cmpint (anshin_issuer_problem_get_max (problem), ==, 50000);

  /* Errors of other domains carry no problem. */
  {
    g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");

    g_assert_null (anshin_issuer_error_get_problem (other));
    g_assert_null (anshin_issuer_error_get_problem (NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/issuer/problem/codes", test_problems);
  g_test_add_func ("/issuer/problem/facts", test_problem_facts);

  return g_test_run ();
}
