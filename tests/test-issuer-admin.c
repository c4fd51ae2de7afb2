/* test-issuer-admin.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinIssuerAdmin, the demo control (`/admin`) on the issuer client's
 * request machinery: against the mock issuer on loopback (scenario, steps,
 * clock, one-time codes, no session needed or refreshed), against a
 * forwarder taken down, and against a loopback server answering what the
 * mock never would (malformed, wrong shape, wrong status).
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-admin.h"
#include "anshin-time.h"

#include "issuer-test-util.h"

#define GOOD_NUMBER "5555555555554444"

typedef struct {
  IssuerTestFixture  base;
  AnshinIssuerAdmin *admin;
} AdminFixture;

static void
fixture_set_up (AdminFixture  *fixture,
                gconstpointer  data)
{
  issuer_test_fixture_set_up (&fixture->base, data);
  fixture->admin = anshin_issuer_admin_new (fixture->base.client);
}

static void
fixture_tear_down (AdminFixture  *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->admin);
  issuer_test_fixture_tear_down (&fixture->base, data);
}

static AnshinDemoScenario *
get_scenario (AnshinIssuerAdmin  *admin,
              GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_admin_get_scenario_async (admin, NULL, issuer_test_on_result_cb, &result);
  return anshin_issuer_admin_get_scenario_finish (admin, issuer_test_wait (&result), error);
}

static AnshinDemoScenario *
next_step (AnshinIssuerAdmin  *admin,
           GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_admin_next_step_async (admin, NULL, issuer_test_on_result_cb, &result);
  return anshin_issuer_admin_next_step_finish (admin, issuer_test_wait (&result), error);
}

static AnshinDemoScenario *
load_scenario (AnshinIssuerAdmin  *admin,
               const char         *name,
               GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_admin_load_scenario_async (admin, name, NULL, issuer_test_on_result_cb, &result);
  return anshin_issuer_admin_load_scenario_finish (admin, issuer_test_wait (&result), error);
}

static GDateTime *
advance_clock (AnshinIssuerAdmin  *admin,
               gint64              seconds,
               GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_admin_advance_clock_async (admin, seconds, NULL, issuer_test_on_result_cb, &result);
  return anshin_issuer_admin_advance_clock_finish (admin, issuer_test_wait (&result), error);
}

static GPtrArray *
list_codes (AnshinIssuerAdmin  *admin,
            GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_admin_list_one_time_codes_async (admin, NULL, issuer_test_on_result_cb, &result);
  return anshin_issuer_admin_list_one_time_codes_finish (admin, issuer_test_wait (&result), error);
}

/* The scenario as the presenter sees it: its steps in order, with their
 * narration and times, at the first step, with its demo member. */
static void
test_scenario (AdminFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr(AnshinDemoScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = anshin_time_parse ("2025-08-30T09:00:00+09:00");

  scenario = get_scenario (fixture->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scenario->name, ==, "seed-story");
  g_assert_nonnull (scenario->title);
  g_assert_cmpuint (scenario->steps->len, >, 5);
  g_assert_cmpuint (scenario->current_step, ==, 0);
  g_assert_cmpstr (scenario->member_id, ==, "demo");
  g_assert_cmpstr (scenario->password, ==, "demo");
  g_assert_true (g_date_time_equal (scenario->issuer_time, start)
                 || g_date_time_compare (scenario->issuer_time, start) > 0);

  for (guint i = 0; i < scenario->steps->len; i++)
    {
      AnshinDemoStep *step = g_ptr_array_index (scenario->steps, i);

      g_assert_cmpuint (step->index, ==, i);
      g_assert_nonnull (step->title);
      g_assert_nonnull (step->narration);
      g_assert_nonnull (step->at);
      if (i > 0)
        {
          AnshinDemoStep *before = g_ptr_array_index (scenario->steps, i - 1);

          g_assert_cmpint (g_date_time_compare (before->at, step->at), <, 0);
        }
    }
  g_assert_true (anshin_demo_scenario_get_current (scenario) == g_ptr_array_index (scenario->steps, 0));

  /* no session was made, asked for or needed */
  g_assert_false (anshin_issuer_client_get_signed_in (fixture->base.client));
}

/* Next step moves the issuer's clock to the step, and the client's clock
 * with it; at the last step it says so and nothing moves. */
static void
test_steps (AdminFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr(AnshinDemoScenario) first = NULL;
  g_autoptr(AnshinDemoScenario) second = NULL;
  g_autoptr(AnshinDemoScenario) after = NULL;
  g_autoptr(AnshinDemoScenario) last = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  AnshinDemoStep *step;

  first = get_scenario (fixture->admin, &error);
  g_assert_no_error (error);

  second = next_step (fixture->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->current_step, ==, 1);
  step = g_ptr_array_index (second->steps, 1);
  g_assert_cmpstr (anshin_demo_scenario_get_current (second)->title, ==, step->title);
  g_assert_cmpint (g_date_time_compare (second->issuer_time, step->at), >=, 0);

  /* the answer's Issuer-Time moved the client's "now" to the step */
  now = anshin_issuer_client_dup_now (fixture->base.client);
  g_assert_cmpint (g_date_time_difference (now, step->at), >=, 0);
  g_assert_cmpint (g_date_time_difference (now, step->at), <, 60 * G_TIME_SPAN_SECOND);

  for (guint i = 2; i < first->steps->len; i++)
    {
      g_autoptr(AnshinDemoScenario) moved = next_step (fixture->admin, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (moved->current_step, ==, i);
    }

  after = next_step (fixture->admin, &error);
  g_assert_error (error, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_LAST_STEP);
  g_assert_null (after);
  g_clear_error (&error);

  last = get_scenario (fixture->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->current_step, ==, first->steps->len - 1);
}

/* Loading a scenario starts it over (clock included, backwards as the
 * issuer's clock went); an unknown name is UNKNOWN_SCENARIO and changes
 * nothing. */
static void
test_load (AdminFixture  *fixture,
           gconstpointer  data)
{
  g_autoptr(AnshinDemoScenario) stepped = NULL;
  g_autoptr(AnshinDemoScenario) other = NULL;
  g_autoptr(AnshinDemoScenario) again = NULL;
  g_autoptr(AnshinDemoScenario) current = NULL;
  g_autoptr(GError) error = NULL;
  const char *unknown[] = { "no-such-scenario", "../seed-story", "seed-story.json" };

  stepped = next_step (fixture->admin, &error);
  g_assert_no_error (error);

  other = load_scenario (fixture->admin, "virtual-only", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (other->name, ==, "virtual-only");
  g_assert_cmpuint (other->current_step, ==, 0);
  g_assert_nonnull (other->member_id);

  again = load_scenario (fixture->admin, "seed-story", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->name, ==, "seed-story");
  g_assert_cmpuint (again->current_step, ==, 0);
  g_assert_cmpint (g_date_time_compare (again->issuer_time, stepped->issuer_time), <, 0);

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(AnshinDemoScenario) none = load_scenario (fixture->admin, unknown[i], &error);

      g_assert_error (error, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_UNKNOWN_SCENARIO);
      g_assert_null (none);
      g_clear_error (&error);
    }

  current = get_scenario (fixture->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (current->name, ==, "seed-story");
}

static void
test_clock (AdminFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr(AnshinDemoScenario) scenario = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GError) error = NULL;
  GTimeSpan span;

  scenario = get_scenario (fixture->admin, &error);
  g_assert_no_error (error);

  moved = advance_clock (fixture->admin, 3 * 60 * 60, &error);
  g_assert_no_error (error);
  span = g_date_time_difference (moved, scenario->issuer_time);
  g_assert_cmpint (span, >=, 3 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (span, <, 3 * G_TIME_SPAN_HOUR + 60 * G_TIME_SPAN_SECOND);
}

/* The one-time code of a challenge the holder's client started, read by
 * a caller with no session, as the holder's phone would have shown it. */
static void
test_one_time_codes (AdminFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(AnshinIssuerClient) holder = NULL;
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(AnshinChargeCardDetails) details = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GAsyncResult) form_result = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  AnshinOneTimeCode *code;

  none = list_codes (fixture->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  holder = anshin_issuer_client_new (fixture->base.url, &error);
  g_assert_no_error (error);
  issuer_test_sign_in (holder);
  anshin_issuer_client_get_registration_form_async (holder, NULL, issuer_test_on_result_cb, &form_result);
  form = anshin_issuer_client_get_registration_form_finish (holder, issuer_test_wait (&form_result), &error);
  g_assert_no_error (error);
  details = anshin_charge_card_details_new (GOOD_NUMBER, 12, 2030, "123", "TARO YAMADA");
  anshin_issuer_client_register_charge_card_async (holder, details, "submission-1", NULL,
                                                   issuer_test_on_result_cb, &result);
  g_assert_true (anshin_issuer_client_register_charge_card_finish (holder, issuer_test_wait (&result),
                                                                   &card, &challenge, &error));
  g_assert_no_error (error);
  g_assert_nonnull (challenge);

  codes = list_codes (fixture->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, ==, 1);
  code = g_ptr_array_index (codes, 0);
  g_assert_cmpstr (code->challenge_id, ==, challenge->id);
  expected = issuer_test_one_time_code (fixture->base.url, challenge->id);
  g_assert_cmpstr (code->code, ==, expected);
  g_assert_cmpuint (strlen (code->code), ==, 6);

  g_assert_false (anshin_issuer_client_get_signed_in (fixture->base.client));
  g_clear_object (&form_result);
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&holder));
}

/* On a signed-in client the demo control neither needs nor touches the
 * session: an expired session is not refreshed by it, nor forgotten. */
static void
test_signed_in_client (AdminFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(AnshinDemoScenario) scenario = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(AnshinCard) card = NULL;
  g_autoptr(GError) error = NULL;
  guint refreshes;

  issuer_test_sign_in (fixture->base.client);
  refreshes = fixture->base.token_changes;

  /* 31 minutes: the session expires */
  moved = advance_clock (fixture->admin, 31 * 60, &error);
  g_assert_no_error (error);
  scenario = get_scenario (fixture->admin, &error);
  g_assert_no_error (error);
  codes = list_codes (fixture->admin, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->base.token_changes, ==, refreshes);
  g_assert_true (anshin_issuer_client_get_signed_in (fixture->base.client));

  /* the holder's own call still recovers the session as always */
  card = issuer_test_get_card (fixture->base.client, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  g_assert_cmpuint (fixture->base.token_changes, ==, refreshes + 1);
}

static void
test_cancelled (AdminFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinDemoScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  anshin_issuer_admin_next_step_async (fixture->admin, cancellable, issuer_test_on_result_cb, &result);
  g_cancellable_cancel (cancellable);
  scenario = anshin_issuer_admin_next_step_finish (fixture->admin, issuer_test_wait (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (scenario);
}

/* The issuer gone: every call says UNREACHABLE, and comes back with it. */
static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  AnshinMockThread *mock = anshin_mock_thread_start (NULL, TRUE, &error);
  IssuerTestProxy *proxy;
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(AnshinIssuerAdmin) admin = NULL;
  g_autoptr(AnshinDemoScenario) scenario = NULL;
  g_autoptr(AnshinDemoScenario) stepped = NULL;
  g_autoptr(AnshinDemoScenario) loaded = NULL;
  g_autoptr(AnshinDemoScenario) back = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  g_assert_no_error (error);
  proxy = issuer_test_proxy_new (anshin_mock_thread_get_url (mock));
  client = anshin_issuer_client_new (issuer_test_proxy_get_url (proxy), &error);
  g_assert_no_error (error);
  anshin_issuer_client_set_timeout (client, 5);
  admin = anshin_issuer_admin_new (client);

  issuer_test_proxy_set_down (proxy, TRUE);

  scenario = get_scenario (admin, &error);
  g_assert_error (error, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_UNREACHABLE);
  g_clear_error (&error);
  stepped = next_step (admin, &error);
  g_assert_error (error, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_UNREACHABLE);
  g_clear_error (&error);
  loaded = load_scenario (admin, "seed-story", &error);
  g_assert_error (error, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_UNREACHABLE);
  g_clear_error (&error);
  moved = advance_clock (admin, 60, &error);
  g_assert_error (error, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_UNREACHABLE);
  g_clear_error (&error);
  codes = list_codes (admin, &error);
  g_assert_error (error, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_UNREACHABLE);
  g_clear_error (&error);

  issuer_test_proxy_set_down (proxy, FALSE);
  back = get_scenario (admin, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "seed-story");

  g_assert_finalize_object (g_steal_pointer (&admin));
  g_assert_finalize_object (g_steal_pointer (&client));
  issuer_test_proxy_free (proxy);
  anshin_mock_thread_stop (mock);
  anshin_mock_thread_free (mock);
}

/* Answers the mock never gives, from a loopback server of the test's own */

typedef struct {
  guint       status;
  const char *content_type;
  const char *body;
} Canned;

static void
on_canned_request_cb (SoupServer        *server,
                      SoupServerMessage *message,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  const Canned *canned = *(const Canned **) user_data;

  soup_server_message_set_status (message, canned->status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Issuer-Time", "2025-08-30T09:00:00+09:00");
  if (canned->body != NULL)
    soup_server_message_set_response (message, canned->content_type, SOUP_MEMORY_STATIC,
                                      canned->body, strlen (canned->body));
}

#define JSON "application/json"
#define PROBLEM "application/problem+json"
#define SCENARIO_OK "{\"name\": \"x\", \"title\": \"X\", \"current_step\": 0, \"steps\": " \
                    "[{\"index\": 0, \"title\": \"a\", \"narration\": \"n\", \"at\": \"2025-08-30T09:00:00+09:00\"}]}"

static void
test_malformed (void)
{
  static const struct {
    const char      *what;
    Canned           canned;
    int              scenario_error;  /* an AnshinDemoError, or -1: the call succeeds */
    int              step_error;
    int              load_error;
    int              codes_error;
  } cases[] = {
    { "a good scenario", { 200, JSON, SCENARIO_OK }, -1, -1, -1, ANSHIN_DEMO_ERROR_FAILED },
    { "good codes", { 200, JSON, "{\"codes\": [{\"challenge_id\": \"chl_1\", \"code\": \"123456\"}]}" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, -1 },
    { "truncated JSON", { 200, JSON, "{\"name\": \"x\", \"steps\": [" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED },
    { "not an object", { 200, JSON, "[]" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED },
    { "steps not an array", { 200, JSON, "{\"name\": \"x\", \"steps\": {}, \"current_step\": 0}" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED },
    { "current step past the end", { 200, JSON, "{\"name\": \"x\", \"current_step\": 3, \"steps\": "
                                     "[{\"index\": 0, \"title\": \"a\"}]}" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED },
    { "a code that is not a string", { 200, JSON, "{\"codes\": [{\"challenge_id\": \"c\", \"code\": 123456}]}" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED },
    { "an empty 200", { 200, JSON, NULL },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED },
    { "an HTML page", { 200, "text/html", "<html></html>" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED },
    { "a server failure", { 503, PROBLEM, "{\"status\": 503, \"code\": \"unavailable\"}" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED },
    /* a 404 is an unknown scenario only where a name was asked for (/admin
     * off gives 404 everywhere); a 409 is the last step only for a step */
    { "404", { 404, PROBLEM, "{\"status\": 404, \"code\": \"not_found\"}" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_UNKNOWN_SCENARIO,
      ANSHIN_DEMO_ERROR_FAILED },
    { "409", { 409, PROBLEM, "{\"status\": 409, \"code\": \"no_next_step\"}" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_LAST_STEP, ANSHIN_DEMO_ERROR_FAILED,
      ANSHIN_DEMO_ERROR_FAILED },
    /* the session problem of an issuer that wants one: reported, not refreshed */
    { "401", { 401, PROBLEM, "{\"status\": 401, \"code\": \"no_session\"}" },
      ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED, ANSHIN_DEMO_ERROR_FAILED },
  };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(AnshinIssuerAdmin) admin = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GObject) listener = NULL;
  const Canned *current = NULL;

  soup_server_add_handler (server, NULL, on_canned_request_cb, &current, NULL);
  /* the test accepts its own connections (libsoup's own accept leaks) */
  listener = issuer_test_listen_local (server, NULL, &url);

  client = anshin_issuer_client_new (url, &error);
  g_assert_no_error (error);
  admin = anshin_issuer_admin_new (client);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AnshinDemoScenario) scenario = NULL;
      g_autoptr(AnshinDemoScenario) stepped = NULL;
      g_autoptr(AnshinDemoScenario) loaded = NULL;
      g_autoptr(GPtrArray) codes = NULL;
      g_autoptr(GError) scenario_error = NULL;
      g_autoptr(GError) step_error = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autoptr(GError) codes_error = NULL;

      g_test_message ("%s", cases[i].what);
      current = &cases[i].canned;

      scenario = get_scenario (admin, &scenario_error);
      stepped = next_step (admin, &step_error);
      loaded = load_scenario (admin, "x", &load_error);
      codes = list_codes (admin, &codes_error);

      if (cases[i].scenario_error == -1)
        {
          g_assert_no_error (scenario_error);
          g_assert_no_error (step_error);
          g_assert_no_error (load_error);
          g_assert_cmpstr (scenario->name, ==, "x");
          g_assert_cmpstr (anshin_demo_scenario_get_current (scenario)->narration, ==, "n");
          g_assert_null (scenario->member_id);
        }
      else
        {
          g_assert_error (scenario_error, ANSHIN_DEMO_ERROR, cases[i].scenario_error);
          g_assert_error (step_error, ANSHIN_DEMO_ERROR, cases[i].step_error);
          g_assert_error (load_error, ANSHIN_DEMO_ERROR, cases[i].load_error);
          g_assert_null (scenario);
          g_assert_null (stepped);
          g_assert_null (loaded);
        }

      if (cases[i].codes_error == -1)
        {
          g_assert_no_error (codes_error);
          g_assert_cmpuint (codes->len, ==, 1);
          g_assert_cmpstr (((AnshinOneTimeCode *) g_ptr_array_index (codes, 0))->code, ==, "123456");
        }
      else
        {
          g_assert_error (codes_error, ANSHIN_DEMO_ERROR, cases[i].codes_error);
          g_assert_null (codes);
        }
    }

  g_assert_false (anshin_issuer_client_get_signed_in (client));
  g_assert_finalize_object (g_steal_pointer (&admin));
  g_assert_finalize_object (g_steal_pointer (&client));
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/issuer-admin/" name, AdminFixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("scenario", test_scenario);
  ADD ("steps", test_steps);
  ADD ("load", test_load);
  ADD ("clock", test_clock);
  ADD ("one-time-codes", test_one_time_codes);
  ADD ("signed-in-client", test_signed_in_client);
  ADD ("cancelled", test_cancelled);
  g_test_add_func ("/issuer-admin/unreachable", test_unreachable);
  g_test_add_func ("/issuer-admin/malformed", test_malformed);

  return g_test_run ();
}
