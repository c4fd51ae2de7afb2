/* test-demo-controller.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinDemoController against the mock issuer on loopback: what the demo
 * bar shows (scenario, step, narration, the demo member) and when it asks
 * the issuer for one-time codes: only while a challenge waits for its
 * code, and then at once.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "anshin-demo-controller.h"

#include "issuer-test-util.h"

#define GOOD_NUMBER "5555555555554444"

typedef struct {
  AnshinMockThread     *mock;
  const char           *url;
  AnshinDemoController *demo;
} DemoFixture;

static void
prepare (AnshinDemoController *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  anshin_demo_controller_prepare_async (demo, NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_demo_controller_prepare_finish (demo, issuer_test_wait (&result), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (DemoFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->mock = anshin_mock_thread_start (NULL, TRUE, &error);
  g_assert_no_error (error);
  fixture->url = anshin_mock_thread_get_url (fixture->mock);
  fixture->demo = anshin_demo_controller_new (fixture->url);
  prepare (fixture->demo);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
fixture_tear_down (DemoFixture   *fixture,
                   gconstpointer  data)
{
  GObject *demo = G_OBJECT (fixture->demo);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, on_tick_cb, NULL);

  /* The controller goes with its last reference, once the scenario files
   * it reads in a thread from the start are read (a sanitizer build may
   * still be reading them here): a leak still fails, after 10 s. */
  g_object_add_weak_pointer (demo, (gpointer *) &demo);
  g_object_unref (fixture->demo);
  while (demo != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_null (demo);
  anshin_mock_thread_stop (fixture->mock);
  anshin_mock_thread_free (fixture->mock);
}

static guint
count_code_fetches (DemoFixture *fixture)
{
  g_auto(GStrv) log = anshin_mock_thread_dup_request_log (fixture->mock);

  return issuer_test_log_count ((const char * const *) log, "GET /admin/one-time-codes");
}

static gboolean
on_wait_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_wait_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A challenge of the demo member's, as the Top-up page would start it. */
static char *
start_challenge (DemoFixture *fixture)
{
  g_autoptr(AnshinIssuerClient) holder = NULL;
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(AnshinChargeCardDetails) details = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(GAsyncResult) form_result = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  holder = anshin_issuer_client_new (fixture->url, &error);
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

  /* the test reads the code here itself: count only the controller's */
  code = issuer_test_one_time_code (fixture->url, challenge->id);
  anshin_mock_thread_clear_request_log (fixture->mock);

  return g_steal_pointer (&code);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  *(guint *) user_data += 1;
}

/* What the demo bar shows at the start of the seed story. */
static void
test_prepared (DemoFixture   *fixture,
               gconstpointer  data)
{
  g_assert_cmpstr (anshin_demo_controller_get_scenario_name (fixture->demo), ==, "seed-story");
  g_assert_cmpuint (anshin_demo_controller_get_current_step (fixture->demo), ==, 0);
  g_assert_cmpuint (anshin_demo_controller_get_n_steps (fixture->demo), >, 5);
  g_assert_true (anshin_demo_controller_get_has_next_step (fixture->demo));
  g_assert_nonnull (anshin_demo_controller_get_step_title (fixture->demo));
  g_assert_nonnull (anshin_demo_controller_get_narration (fixture->demo));
  g_assert_cmpstr (anshin_demo_controller_get_member_id (fixture->demo), ==, "demo");
  g_assert_cmpstr (anshin_demo_controller_get_base_url (fixture->demo), ==, fixture->url);
  g_assert_null (anshin_demo_controller_get_one_time_code (fixture->demo));
  g_assert_cmpuint (g_list_model_get_n_items (anshin_demo_controller_get_scenarios (fixture->demo)), ==, 5);
}

/* No challenge waits: the issuer is not asked for codes, and the bar
 * shows none, even with a challenge open at the issuer. */
static void
test_codes_not_fetched (DemoFixture   *fixture,
                        gconstpointer  data)
{
  g_autofree char *code = NULL;

  spin (3500);
  g_assert_cmpuint (count_code_fetches (fixture), ==, 0);

  code = start_challenge (fixture);
  spin (3500);
  g_assert_cmpuint (count_code_fetches (fixture), ==, 0);
  g_assert_null (anshin_demo_controller_get_one_time_code (fixture->demo));
}

/* A challenge waits: the bar shows its code at once (one fetch), and
 * stops asking, with the code gone, when the challenge no longer waits. */
static void
test_codes_while_awaiting (DemoFixture   *fixture,
                           gconstpointer  data)
{
  g_autofree char *code = start_challenge (fixture);
  guint notified = 0;
  guint fetches;

  g_signal_connect (fixture->demo, "notify::one-time-code", G_CALLBACK (on_notify_cb), &notified);

  anshin_demo_controller_set_awaiting_code (fixture->demo, TRUE);
  g_assert_true (anshin_demo_controller_get_awaiting_code (fixture->demo));
  while (notified == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (anshin_demo_controller_get_one_time_code (fixture->demo), ==, code);
  g_assert_cmpuint (count_code_fetches (fixture), ==, 1);

  anshin_demo_controller_set_awaiting_code (fixture->demo, FALSE);
  g_assert_null (anshin_demo_controller_get_one_time_code (fixture->demo));
  fetches = count_code_fetches (fixture);
  spin (3500);
  g_assert_cmpuint (count_code_fetches (fixture), ==, fetches);
  g_assert_null (anshin_demo_controller_get_one_time_code (fixture->demo));
  g_signal_handlers_disconnect_by_data (fixture->demo, &notified);
}

/* What a step says about each page of the window: at the start none
 * (the step's own narration everywhere); on renewal day the notice on
 * Notices and the methods on Payment Methods, nothing special elsewhere. */
static void
test_page_narrations (DemoFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (anshin_demo_controller_get_page_narration (fixture->demo, "notices"));

  anshin_demo_controller_go_to_step_async (fixture->demo, 2, NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_demo_controller_go_to_step_finish (fixture->demo, issuer_test_wait (&result),
                                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (anshin_demo_controller_get_step_title (fixture->demo), ==, "Renewal day");
  g_assert_true (g_str_has_prefix (anshin_demo_controller_get_page_narration (fixture->demo, "notices"),
                                   "On Notices the “card activation complete” notice"));
  g_assert_true (g_str_has_prefix (anshin_demo_controller_get_page_narration (fixture->demo, "payment-methods"),
                                   "Right after the renewal QUICPay"));
  g_assert_null (anshin_demo_controller_get_page_narration (fixture->demo, "card"));
  g_assert_null (anshin_demo_controller_get_page_narration (fixture->demo, "top-up"));
}

/* Steps and scenarios through the controller, with the errors the demo
 * bar explains. */
static void
test_steps_and_errors (DemoFixture   *fixture,
                       gconstpointer  data)
{
  guint n_steps = anshin_demo_controller_get_n_steps (fixture->demo);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean reloaded = TRUE;

  anshin_demo_controller_go_to_step_async (fixture->demo, n_steps - 1, NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_demo_controller_go_to_step_finish (fixture->demo, issuer_test_wait (&result),
                                                           &reloaded, &error));
  g_assert_no_error (error);
  g_assert_false (reloaded);
  g_assert_cmpuint (anshin_demo_controller_get_current_step (fixture->demo), ==, n_steps - 1);
  g_assert_false (anshin_demo_controller_get_has_next_step (fixture->demo));
  g_clear_object (&result);

  anshin_demo_controller_next_step_async (fixture->demo, NULL, issuer_test_on_result_cb, &result);
  g_assert_false (anshin_demo_controller_next_step_finish (fixture->demo, issuer_test_wait (&result), &error));
  g_assert_error (error, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_LAST_STEP);
  g_clear_error (&error);
  g_clear_object (&result);

  anshin_demo_controller_load_scenario_async (fixture->demo, "no-such-scenario", NULL,
                                              issuer_test_on_result_cb, &result);
  g_assert_false (anshin_demo_controller_load_scenario_finish (fixture->demo, issuer_test_wait (&result),
                                                               &error));
  g_assert_error (error, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_UNKNOWN_SCENARIO);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (anshin_demo_controller_get_current_step (fixture->demo), ==, n_steps - 1);

  anshin_demo_controller_go_to_step_async (fixture->demo, 1, NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_demo_controller_go_to_step_finish (fixture->demo, issuer_test_wait (&result),
                                                           &reloaded, &error));
  g_assert_no_error (error);
  g_assert_true (reloaded);
  g_assert_cmpuint (anshin_demo_controller_get_current_step (fixture->demo), ==, 1);
  g_clear_object (&result);

  anshin_demo_controller_advance_clock_async (fixture->demo, 60, NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_demo_controller_advance_clock_finish (fixture->demo, issuer_test_wait (&result),
                                                              &error));
  g_assert_no_error (error);
}

/* An issuer that is not there, and an address that is not usable. */
static void
test_unreachable (void)
{
  const struct {
    const char *url;
    int         code;
  } cases[] = {
    /* nothing listens on port 9 of loopback (discard) in the test machine */
    { "http://127.0.0.1:9/", ANSHIN_DEMO_ERROR_UNREACHABLE },
    /* plain http to a host that is not loopback */
    { "http://example.com/", ANSHIN_DEMO_ERROR_FAILED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AnshinDemoController) demo = anshin_demo_controller_new (cases[i].url);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      anshin_demo_controller_prepare_async (demo, NULL, issuer_test_on_result_cb, &result);
      g_assert_false (anshin_demo_controller_prepare_finish (demo, issuer_test_wait (&result), &error));
      g_assert_error (error, ANSHIN_DEMO_ERROR, cases[i].code);
      g_assert_null (anshin_demo_controller_get_scenario_name (demo));
      g_clear_object (&result);
      /* the catalog, read on a worker thread, holds it until read */
      issuer_test_assert_finalized_soon (g_steal_pointer (&demo));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/demo-controller/prepared", DemoFixture, NULL,
              fixture_set_up, test_prepared, fixture_tear_down);
  g_test_add ("/demo-controller/codes-not-fetched", DemoFixture, NULL,
              fixture_set_up, test_codes_not_fetched, fixture_tear_down);
  g_test_add ("/demo-controller/codes-while-awaiting", DemoFixture, NULL,
              fixture_set_up, test_codes_while_awaiting, fixture_tear_down);
  g_test_add ("/demo-controller/steps-and-errors", DemoFixture, NULL,
              fixture_set_up, test_steps_and_errors, fixture_tear_down);
  g_test_add ("/demo-controller/page-narrations", DemoFixture, NULL,
              fixture_set_up, test_page_narrations, fixture_tear_down);
  g_test_add_func ("/demo-controller/unreachable", test_unreachable);

  return g_test_run ();
}
