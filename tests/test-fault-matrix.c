/* test-fault-matrix.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every client call against every way an issuer can fail: a delay past the
 * client's timeout, 500 and 502 with HTML pages, a dropped connection,
 * malformed JSON, a truncated body (the mock issuer's own faults), and a
 * 10 MB body, a wrong content type and 429 with Retry-After (served by a
 * small loopback front, tests/fault-front.c, which otherwise passes every request
 * through to the mock). Each call must fail with a typed error, nothing
 * may crash, and the account's last known state must not change.
 */

#include "config.h"

#include <string.h>

#include "fault-matrix-calls.h"
#include "issuer-test-util.h"


static const struct {
  const char        *name;
  const char        *mock_kind;   /* NULL: served by the front */
  guint              status;
  guint              delay_ms;
  AnshinIssuerError  expected;
  AnshinIssuerError  also;        /* another acceptable code, or the same */
} faults[N_FAULTS] = {
  { "delay", "delay", 503, 2500, ANSHIN_ISSUER_ERROR_TIMEOUT, ANSHIN_ISSUER_ERROR_TIMEOUT },
  { "500-html", "status", 500, 0, ANSHIN_ISSUER_ERROR_SERVER, ANSHIN_ISSUER_ERROR_SERVER },
  { "502-html", "status", 502, 0, ANSHIN_ISSUER_ERROR_SERVER, ANSHIN_ISSUER_ERROR_SERVER },
  { "drop", "drop", 503, 0, ANSHIN_ISSUER_ERROR_NETWORK, ANSHIN_ISSUER_ERROR_NETWORK },
  { "malformed-json", "malformed_json", 503, 0, ANSHIN_ISSUER_ERROR_PROTOCOL, ANSHIN_ISSUER_ERROR_PROTOCOL },
  { "truncated", "truncate", 503, 0, ANSHIN_ISSUER_ERROR_PROTOCOL, ANSHIN_ISSUER_ERROR_NETWORK },
  { "10mb-body", NULL, 200, 0, ANSHIN_ISSUER_ERROR_PROTOCOL, ANSHIN_ISSUER_ERROR_PROTOCOL },
  { "content-type", NULL, 200, 0, ANSHIN_ISSUER_ERROR_PROTOCOL, ANSHIN_ISSUER_ERROR_PROTOCOL },
  { "429-retry-after", NULL, 429, 0, ANSHIN_ISSUER_ERROR_RATE_LIMITED, ANSHIN_ISSUER_ERROR_RATE_LIMITED },
};

typedef FaultFixture Fixture;

/* Fixture */

static void
wait_session (AnshinIssuerClient *client,
              Fixture            *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(GError) error = NULL;

  anshin_issuer_client_sign_in_async (client, "demo", "demo", NULL, issuer_test_on_result_cb, &result);
  session = anshin_issuer_client_sign_in_finish (client, issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_free (fixture->refresh_token);
  fixture->refresh_token = g_strdup (session->refresh_token);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *notices;

  fixture->kind = GPOINTER_TO_UINT (user_data);
  fixture->mock = anshin_mock_thread_start ("seed-story", TRUE, &error);
  g_assert_no_error (error);
  fixture->mock_url = anshin_mock_thread_get_url (fixture->mock);
  /* The first step of the story: the renewal notice is out */
  {
    g_autoptr(JsonNode) step = NULL;
    guint status = 0;

    step = issuer_test_http (fixture->mock_url, NULL, "POST", "admin/step", NULL, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
  }

  fixture->front = fault_front_new (fixture->mock_url);

  fixture->client = anshin_issuer_client_new (faults[fixture->kind].mock_kind != NULL ?
                                              fixture->mock_url : fault_front_get_url (fixture->front),
                                              &error);
  g_assert_no_error (error);
  /* Tests need not wait 10 s for a timeout. */
  anshin_issuer_client_set_timeout (fixture->client, 1);
  wait_session (fixture->client, fixture);

  /* The account is not started: no event stream, no keyring; its last
   * known state is what one refresh loaded. No polling meanwhile. */
  fixture->account = anshin_account_new (fixture->client);
  anshin_account_set_timings (fixture->account, 3600000, 3600000, 3600000);
  anshin_account_refresh_async (fixture->account, NULL, issuer_test_on_result_cb, &result);
  anshin_account_refresh_finish (fixture->account, issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (anshin_account_get_card (fixture->account));

  notices = anshin_account_get_notices (fixture->account);
  g_assert_cmpuint (g_list_model_get_n_items (notices), >, 0);
  {
    g_autoptr(AnshinNotice) notice = g_list_model_get_item (notices, 0);

    g_object_get (notice, "id", &fixture->notice_id, NULL);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  issuer_test_assert_finalized_soon (g_steal_pointer (&fixture->account));
  issuer_test_assert_finalized_soon (g_steal_pointer (&fixture->client));
  g_clear_pointer (&fixture->front, fault_front_free);
  g_clear_pointer (&fixture->refresh_token, g_free);
  g_clear_pointer (&fixture->notice_id, g_free);
  anshin_mock_thread_free (fixture->mock);
}

/* The account's last known state, every readable property of every model */

static void
describe_object (GString *out,
                 GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  if (object == NULL)
    {
      g_string_append (out, "(none)\n");
      return;
    }

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_string_append_printf (out, "%s {", G_OBJECT_TYPE_NAME (object));
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *contents = NULL;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      if (G_VALUE_HOLDS_BOXED (&value) && pspecs[i]->value_type == G_TYPE_DATE_TIME)
        contents = g_value_get_boxed (&value) != NULL ?
          g_date_time_format_iso8601 (g_value_get_boxed (&value)) : g_strdup ("NULL");
      else if (G_VALUE_HOLDS_OBJECT (&value) || G_VALUE_HOLDS_BOXED (&value) ||
               G_VALUE_HOLDS_POINTER (&value))
        contents = g_strdup (g_value_peek_pointer (&value) != NULL ? "set" : "NULL");
      else
        contents = g_strdup_value_contents (&value);
      g_string_append_printf (out, " %s=%s", pspecs[i]->name, contents);
    }
  g_string_append (out, " }\n");
}

static void
describe_model (GString    *out,
                const char *name,
                GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  g_string_append_printf (out, "%s: %u\n", name, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      describe_object (out, item);
    }
}

static char *
describe_account (AnshinAccount *account)
{
  GString *out = g_string_new (NULL);
  GDateTime *as_of = anshin_account_get_as_of (account);
  g_autofree char *as_of_text = as_of != NULL ? g_date_time_format_iso8601 (as_of) : NULL;

  g_string_append_printf (out, "signed in %d, as of %s, unread %u\n",
                          anshin_account_get_signed_in (account), as_of_text,
                          anshin_account_get_unread_count (account));
  describe_object (out, G_OBJECT (anshin_account_get_card (account)));
  describe_model (out, "payment methods", anshin_account_get_payment_methods (account));
  describe_model (out, "notices", anshin_account_get_notices (account));
  describe_model (out, "programs", anshin_account_get_programs (account));
  describe_model (out, "charge cards", anshin_account_get_charge_cards (account));

  return g_string_free (out, FALSE);
}


static FaultFrontKind
front_kind (FaultKind kind)
{
  switch (kind)
    {
    case FAULT_HUGE:
      return FAULT_FRONT_HUGE;
    case FAULT_CONTENT_TYPE:
      return FAULT_FRONT_CONTENT_TYPE;
    case FAULT_RETRY_AFTER:
      return FAULT_FRONT_RETRY_AFTER;
    case FAULT_DELAY:
    case FAULT_500:
    case FAULT_502:
    case FAULT_DROP:
    case FAULT_MALFORMED:
    case FAULT_TRUNCATE:
    case N_FAULTS:
    default:
      g_assert_not_reached ();
    }
}

static void
arm (Fixture    *fixture,
     const char *path_prefix)
{
  FaultKind kind = fixture->kind;

  if (faults[kind].mock_kind == NULL)
    {
      fault_front_arm (fixture->front, path_prefix, front_kind (kind));
      return;
    }

  /* libsoup resends an idempotent request once by itself when a kept-alive
   * connection closes under it; a refresh makes several requests. */
  issuer_test_add_fault (fixture->mock_url, path_prefix, faults[kind].mock_kind,
                         faults[kind].status, faults[kind].delay_ms, 16);
}

static void
disarm (Fixture *fixture)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  fault_front_disarm (fixture->front);
  answer = issuer_test_http (fixture->mock_url, NULL, "DELETE", "admin/faults", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 204);
}

static void
prepare (Fixture             *fixture,
         FaultMatrixCallFunc  func)
{
  /* Registration needs the form token of a fresh form. */
  if (func == fault_matrix_call_register_charge_card)
    {
      g_autoptr(GError) error = fault_matrix_call_registration_form (fixture);

      g_assert_no_error (error);
    }
}

/* The mock corrupts the body after it has handled the request: a call
 * that the issuer refused (an earlier corrupted call changed its state:
 * a frozen card cannot be reissued) still gives the error of its status. */
static gboolean
answered_error_status (FaultKind     kind,
                       const GError *error)
{
  AnshinIssuerProblem *problem = anshin_issuer_error_get_problem (error);

  return kind == FAULT_MALFORMED && problem != NULL &&
         anshin_issuer_problem_get_status (problem) >= 400;
}

static void
test_matrix (Fixture       *fixture,
             gconstpointer  user_data)
{
  FaultKind kind = fixture->kind;
  char *before = describe_account (fixture->account);
  guint failed_typed = 0;

  for (guint i = 0; i < fault_matrix_n_calls; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gint64 started;

      prepare (fixture, fault_matrix_calls[i].func);
      arm (fixture, fault_matrix_calls[i].path_prefix);

      started = g_get_monotonic_time ();
      error = fault_matrix_calls[i].func (fixture);
      g_test_message ("%s / %s: %s (%" G_GINT64_FORMAT " ms)", faults[kind].name, fault_matrix_calls[i].name,
                      error != NULL ? error->message : "succeeded",
                      (g_get_monotonic_time () - started) / 1000);
      disarm (fixture);
      fixture->n_calls++;

      if (error == NULL)
        {
          /* Only where the fault had nothing to act on: malformed JSON and
           * a truncated body of an answer without a body. */
          g_assert_true ((kind == FAULT_MALFORMED || kind == FAULT_TRUNCATE) &&
                         fault_matrix_calls[i].answer != ANSWER_BODY);
          fixture->n_no_body++;
        }
      else
        {
          g_assert_true (error->domain == ANSHIN_ISSUER_ERROR);
          /* The event stream reports a refused handshake as PROTOCOL and
           * any other failure as NETWORK (anshin-issuer-client-events.c):
           * either way the account polls instead. */
          if (error->code != (int)faults[kind].expected && error->code != (int)faults[kind].also &&
              !(fault_matrix_calls[i].answer == ANSWER_UPGRADE &&
                (error->code == ANSHIN_ISSUER_ERROR_NETWORK ||
                 error->code == ANSHIN_ISSUER_ERROR_PROTOCOL)) &&
              !answered_error_status (kind, error))
            g_error ("%s / %s: unexpected error %d: %s", faults[kind].name, fault_matrix_calls[i].name,
                     error->code, error->message);
          failed_typed++;

          if (kind == FAULT_RETRY_AFTER && fault_matrix_calls[i].answer != ANSWER_UPGRADE)
            {
              AnshinIssuerProblem *problem = anshin_issuer_error_get_problem (error);

              g_assert_nonnull (problem);
              g_assert_cmpint (anshin_issuer_problem_get_retry_after (problem), ==, FAULT_FRONT_RETRY_AFTER_SECONDS);
            }
        }

      /* No fault takes much longer than the client's timeout. */
      g_assert_cmpint (g_get_monotonic_time () - started, <, 4 * G_TIME_SPAN_SECOND);

      /* The account's last known state is as it was. Signing out forgets
       * the session here even when the issuer cannot be told. */
      after = describe_account (fixture->account);
      if (error == NULL)
        {
          /* It succeeded: what it changed is the new last known state. */
          g_free (before);
          before = g_steal_pointer (&after);
        }
      else if (fault_matrix_calls[i].func == fault_matrix_call_sign_out)
        {
          g_assert_false (anshin_issuer_client_get_signed_in (fixture->client));
          g_assert_cmpstr (strchr (before, '\n'), ==, strchr (after, '\n'));
        }
      else if (g_strcmp0 (before, after) != 0)
        g_error ("%s / %s changed the account:\n%s\n---\n%s", faults[kind].name, fault_matrix_calls[i].name,
                 before, after);
    }

  g_free (before);

  /* Every cell ran: the delayed event-stream handshake too (the client
   * bounds it with its timeout). */
  g_assert_cmpuint (fixture->n_calls, ==, fault_matrix_n_calls);

  if (faults[kind].mock_kind == NULL)
    g_assert_cmpuint (fault_front_get_hits (fixture->front), >=, fault_matrix_n_calls);

  g_test_message ("%s: %u calls, %u typed errors, %u with nothing to corrupt",
                  faults[kind].name, fixture->n_calls, failed_typed, fixture->n_no_body);

  /* And afterwards, with the faults gone, the account works again. */
  wait_session (fixture->client, fixture);
  {
    g_autoptr(GError) error = fault_matrix_call_account_refresh (fixture);

    g_assert_no_error (error);
    g_assert_true (anshin_account_get_online (fixture->account));
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The tests' schema dir has no org.gnome.system.proxy: no desktop proxy. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (FaultKind kind = 0; kind < N_FAULTS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("/fault-matrix/%s", faults[kind].name);

      g_test_add (path, Fixture, GUINT_TO_POINTER (kind), fixture_set_up, test_matrix,
                  fixture_tear_down);
    }

  return g_test_run ();
}
