/* test-issuer-registration.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charge-card registration and top-up against the mock issuer: the
 * seed-story proof that waiting on the form costs the holder nothing,
 * typed refusals, and one card / one charge per user action across lost
 * answers.
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-client.h"
#include "anshin-mock-thread.h"
#include "anshin-time.h"

#include "issuer-test-util.h"

#define GOOD_NUMBER     "5555555555554444"
#define DECLINED_NUMBER "4000000000000002"
#define BAD_LUHN_NUMBER "4111111111111112"

typedef IssuerTestFixture Fixture;

static AnshinRegistrationForm *
get_form (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AnshinRegistrationForm *form;

  anshin_issuer_client_get_registration_form_async (fixture->client, NULL,
                                                    issuer_test_on_result_cb, &result);
  form = anshin_issuer_client_get_registration_form_finish (fixture->client,
                                                            issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  return form;
}

static gboolean
do_register (Fixture           *fixture,
             const char        *number,
             const char        *submission_id,
             AnshinChargeCard **out_card,
             AnshinChallenge  **out_challenge,
             GError           **error)
{
  g_autoptr(AnshinChargeCardDetails) details = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  details = anshin_charge_card_details_new (number, 12, 2030, "123", "TARO YAMADA");
  anshin_issuer_client_register_charge_card_async (fixture->client, details, submission_id, NULL,
                                                   issuer_test_on_result_cb, &result);
  return anshin_issuer_client_register_charge_card_finish (fixture->client,
                                                           issuer_test_wait (&result),
                                                           out_card, out_challenge, error);
}

static AnshinChargeCard *
complete (Fixture          *fixture,
          AnshinChallenge  *challenge,
          const char       *code,
          GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_client_complete_challenge_async (fixture->client, challenge->id, code, NULL,
                                                 NULL, issuer_test_on_result_cb, &result);
  return anshin_issuer_client_complete_challenge_finish (fixture->client,
                                                         issuer_test_wait (&result), error);
}

/* Registers GOOD_NUMBER through the one-time code. */
static AnshinChargeCard *
register_card (Fixture *fixture)
{
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  AnshinChargeCard *card = NULL;

  g_assert_true (do_register (fixture, GOOD_NUMBER, NULL, &card, &challenge, &error));
  g_assert_no_error (error);
  g_assert_null (card);
  g_assert_nonnull (challenge);

  code = issuer_test_one_time_code (fixture->url, challenge->id);
  card = complete (fixture, challenge, code, &error);
  g_assert_no_error (error);
  return card;
}

static void
test_seed_story_proof (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(AnshinRegistrationForm) after = NULL;
  g_autoptr(AnshinRegistrationForm) naive_after = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(AnshinChargeCard) no_card = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GDateTime) moved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) naive = soup_session_new ();
  g_autoptr(JsonNode) naive_session = NULL;
  g_autoptr(JsonNode) naive_form = NULL;
  g_autoptr(JsonNode) naive_answer = NULL;
  g_autofree char *code = NULL;
  g_autofree char *naive_body = NULL;
  g_auto(GStrv) log = NULL;
  guint status = 0;

  /* The holder opens the form: a token that lives 60 s (seed-story) ... */
  form = get_form (fixture);
  now = anshin_issuer_client_dup_now (fixture->client);
  g_assert_cmpint (form->attempts_remaining, ==, 5);
  g_assert_cmpint (g_date_time_difference (form->expires_at, now), <=, 60 * G_TIME_SPAN_SECOND);

  /* ... and takes five minutes to find the card in a drawer. The issuer's
   * clock reaches the app as a clock.changed event would bring it. */
  moved = issuer_test_advance_clock (fixture->url, 5 * 60);
  anshin_issuer_client_note_issuer_time (fixture->client, moved);
  anshin_mock_thread_clear_request_log (fixture->mock);

  g_assert_true (do_register (fixture, GOOD_NUMBER, NULL, &no_card, &challenge, &error));
  g_assert_no_error (error);
  g_assert_nonnull (challenge);
  g_assert_cmpstr (challenge->method, ==, "one_time_code");

  /* The stale token was never submitted: a fresh one was fetched first. */
  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (g_strv_length (log), ==, 2);
  g_assert_cmpstr (log[0], ==, "GET /v1/charge-cards/registration 200");
  g_assert_cmpstr (log[1], ==, "POST /v1/charge-cards 202");

  code = issuer_test_one_time_code (fixture->url, challenge->id);
  card = complete (fixture, challenge, code, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (anshin_charge_card_get_last4 (card), ==, "4444");
  g_assert_cmpint (anshin_charge_card_get_brand (card), ==, ANSHIN_CARD_BRAND_MASTERCARD);

  after = get_form (fixture);
  g_assert_cmpint (after->attempts_remaining, ==, 5);

  /* A naive client in the same situation resubmits the stale token ... */
  soup_session_add_feature_by_type (naive, SOUP_TYPE_COOKIE_JAR);
  naive_session = issuer_test_http (fixture->url, naive, "POST", "v1/session",
                                    "{\"member_id\": \"demo\", \"password\": \"demo\"}", NULL,
                                    &status);
  g_assert_cmpuint (status, ==, 201);
  naive_form = issuer_test_http (fixture->url, naive, "GET", "v1/charge-cards/registration",
                                 NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  moved_again = issuer_test_advance_clock (fixture->url, 5 * 60);
  naive_body = g_strdup_printf ("{\"form_token\": \"%s\", \"number\": \"4242424242424242\","
                                " \"exp_month\": 12, \"exp_year\": 2030, \"cvc\": \"123\","
                                " \"holder_name\": \"TARO YAMADA\"}",
                                json_object_get_string_member (json_node_get_object (naive_form),
                                                               "form_token"));
  naive_answer = issuer_test_http (fixture->url, naive, "POST", "v1/charge-cards", naive_body,
                                   "naive-1", &status);
  g_assert_cmpuint (status, ==, 403);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (naive_answer), "code"), ==,
                   "form_expired");

  /* ... and that is what costs the holder an attempt. */
  naive_after = get_form (fixture);
  g_assert_cmpint (naive_after->attempts_remaining, ==, 4);
}

static void
test_form_expired_recovered (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) log = NULL;

  form = get_form (fixture);

  /* The issuer's clock moves without the app hearing of it: the client
   * believes its token fresh, the issuer answers form_expired, and the
   * client fetches a fresh token and resubmits once, by itself. */
  moved = issuer_test_advance_clock (fixture->url, 5 * 60);
  anshin_mock_thread_clear_request_log (fixture->mock);

  g_assert_true (do_register (fixture, GOOD_NUMBER, NULL, &card, &challenge, &error));
  g_assert_no_error (error);
  g_assert_nonnull (challenge);

  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (g_strv_length (log), ==, 3);
  g_assert_cmpstr (log[0], ==, "POST /v1/charge-cards 403");
  g_assert_cmpstr (log[1], ==, "GET /v1/charge-cards/registration 200");
  g_assert_cmpstr (log[2], ==, "POST /v1/charge-cards 202");
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  AnshinIssuerProblem *problem;

  /* A typo in the number: the field and its code, one attempt used. */
  g_assert_false (do_register (fixture, BAD_LUHN_NUMBER, NULL, &card, &challenge, &error));
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_VALIDATION);
  problem = anshin_issuer_error_get_problem (error);
  g_assert_cmpstr (anshin_issuer_problem_lookup_field (problem, ANSHIN_CARD_FIELD_NUMBER), ==,
                   "luhn");
  g_assert_cmpint (anshin_issuer_problem_get_attempts_remaining (problem), ==, 4);
  g_assert_null (card);
  g_assert_null (challenge);
  g_clear_error (&error);

  /* Declined by the card's issuer. */
  g_assert_false (do_register (fixture, DECLINED_NUMBER, NULL, &card, &challenge, &error));
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_DECLINED);
  g_assert_cmpint (anshin_issuer_problem_get_attempts_remaining (
                     anshin_issuer_error_get_problem (error)), ==, 3);
  g_clear_error (&error);

  /* A wrong one-time code counts too. */
  g_assert_true (do_register (fixture, GOOD_NUMBER, NULL, &card, &challenge, &error));
  g_assert_no_error (error);
  card = complete (fixture, challenge, "not-the-code", &error);
  g_assert_null (card);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_CHALLENGE_FAILED);
  g_assert_cmpint (anshin_issuer_problem_get_attempts_remaining (
                     anshin_issuer_error_get_problem (error)), ==, 2);
  g_clear_error (&error);
  g_clear_pointer (&challenge, anshin_challenge_free);

  for (int left = 1; left >= 0; left--)
    {
      g_assert_false (do_register (fixture, DECLINED_NUMBER, NULL, &card, &challenge, &error));
      g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_DECLINED);
      g_assert_cmpint (anshin_issuer_problem_get_attempts_remaining (
                         anshin_issuer_error_get_problem (error)), ==, left);
      g_clear_error (&error);
    }

  /* Locked: the client learns it from the form and says until when. */
  g_assert_false (do_register (fixture, GOOD_NUMBER, NULL, &card, &challenge, &error));
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_LOCKED);
  problem = anshin_issuer_error_get_problem (error);
  g_assert_nonnull (anshin_issuer_problem_get_locked_until (problem));
  g_assert_cmpint (anshin_issuer_problem_get_attempts_remaining (problem), ==, 0);
  now = anshin_issuer_client_dup_now (fixture->client);
  g_assert_cmpint (g_date_time_difference (anshin_issuer_problem_get_locked_until (problem), now),
                   >, 23 * G_TIME_SPAN_HOUR);
}

static void
test_registration_retry_after_lost_answer (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(AnshinChallenge) replayed = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(AnshinChargeCard) registered = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *submission = anshin_issuer_client_new_idempotency_key ();
  g_autofree char *code = NULL;

  form = get_form (fixture);

  /* The issuer registers, but its answer is cut off on the way. */
  issuer_test_add_fault (fixture->url, "/v1/charge-cards", "truncate", 0, 0, 1);
  g_assert_false (do_register (fixture, GOOD_NUMBER, submission, &card, &challenge, &error));
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
  g_clear_error (&error);

  /* The holder presses "Register" again for the same submission. */
  g_assert_true (do_register (fixture, GOOD_NUMBER, submission, &card, &replayed, &error));
  g_assert_no_error (error);
  g_assert_nonnull (replayed);

  code = issuer_test_one_time_code (fixture->url, replayed->id);
  registered = complete (fixture, replayed, code, &error);
  g_assert_no_error (error);

  anshin_issuer_client_list_charge_cards_async (fixture->client, NULL, issuer_test_on_result_cb,
                                                &result);
  cards = anshin_issuer_client_list_charge_cards_finish (fixture->client,
                                                         issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_clear_object (&result);
  g_clear_pointer (&cards, g_ptr_array_unref);

  /* And the holder removes it again. */
  anshin_issuer_client_delete_charge_card_async (fixture->client,
                                                 anshin_charge_card_get_id (registered), NULL,
                                                 issuer_test_on_result_cb, &result);
  g_assert_true (anshin_issuer_client_delete_charge_card_finish (fixture->client,
                                                                 issuer_test_wait (&result),
                                                                 &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  anshin_issuer_client_list_charge_cards_async (fixture->client, NULL, issuer_test_on_result_cb,
                                                &result);
  cards = anshin_issuer_client_list_charge_cards_finish (fixture->client,
                                                         issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 0);
}

/* The account reads the registration form with each load of the card (for
 * the lock); such a read between a lost answer and the retry leaves the
 * token that went with the submission, so the retry is the same request
 * (one challenge at the issuer), not a second attempt with a new token. */
static void
test_retry_after_lost_answer_and_form_read (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(AnshinRegistrationForm) read = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(AnshinChallenge) replayed = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *submission = anshin_issuer_client_new_idempotency_key ();

  form = get_form (fixture);

  /* The issuer takes the submission, but its answer is cut off. */
  issuer_test_add_fault (fixture->url, "/v1/charge-cards", "truncate", 0, 0, 1);
  g_assert_false (do_register (fixture, GOOD_NUMBER, submission, &card, &challenge, &error));
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
  g_clear_error (&error);

  /* a read of the form meanwhile: no attempt used, a new token minted */
  read = get_form (fixture);
  g_assert_nonnull (read->form_token);
  g_assert_cmpint (read->attempts_remaining, ==, form->attempts_remaining);

  /* Register again for the same submission: the first request, replayed */
  g_assert_true (do_register (fixture, GOOD_NUMBER, submission, &card, &replayed, &error));
  g_assert_no_error (error);
  g_assert_nonnull (replayed);
  codes = issuer_test_dup_one_time_codes (fixture->url);
  g_assert_cmpuint (g_hash_table_size (codes), ==, 1);
  g_assert_true (g_hash_table_contains (codes, replayed->id));
}

static AnshinCharge *
charge (Fixture     *fixture,
        const char  *charge_card_id,
        gint64       amount,
        const char  *key,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_client_charge_async (fixture->client, charge_card_id, amount, key, NULL,
                                     issuer_test_on_result_cb, &result);
  return anshin_issuer_client_charge_finish (fixture->client, issuer_test_wait (&result), error);
}

static void
test_charge (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(AnshinChargeCard) card = register_card (fixture);
  const char *card_id = anshin_charge_card_get_id (card);
  g_autofree char *key = anshin_issuer_client_new_idempotency_key ();
  g_autofree char *key2 = anshin_issuer_client_new_idempotency_key ();
  g_autofree char *key3 = anshin_issuer_client_new_idempotency_key ();
  g_autofree char *key4 = anshin_issuer_client_new_idempotency_key ();
  g_autoptr(AnshinCharge) first = NULL;
  g_autoptr(AnshinCharge) retried = NULL;
  g_autoptr(AnshinCharge) second = NULL;
  g_autoptr(AnshinCharge) too_small = NULL;
  g_autoptr(AnshinCharge) over = NULL;
  g_autoptr(GPtrArray) charges = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AnshinIssuerProblem *problem;

  too_small = charge (fixture, card_id, 500, key, &error);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_AMOUNT_OUT_OF_RANGE);
  problem = anshin_issuer_error_get_problem (error);
  g_assert_cmpint (anshin_issuer_problem_get_min (problem), ==, 1000);
  g_assert_cmpint (anshin_issuer_problem_get_max (problem), ==, 50000);
  g_clear_error (&error);

  /* The charge is made, its answer lost; the retry with the same key is
   * answered with the same charge, not a second one. */
  issuer_test_add_fault (fixture->url, "/v1/charges", "truncate", 0, 0, 1);
  first = charge (fixture, card_id, 50000, key2, &error);
  g_assert_null (first);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
  g_clear_error (&error);

  retried = charge (fixture, card_id, 50000, key2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (retried->amount, ==, 50000);
  g_assert_cmpint (retried->balance, ==, 12345 + 50000);

  /* A dropped connection before the issuer saw it: the retry makes it once. */
  issuer_test_add_fault (fixture->url, "/v1/charges", "drop", 0, 0, 1);
  second = charge (fixture, card_id, 50000, key3, &error);
  g_assert_null (second);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_NETWORK);
  g_clear_error (&error);
  second = charge (fixture, card_id, 50000, key3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->balance, ==, 12345 + 100000);

  anshin_issuer_client_list_charges_async (fixture->client, NULL, issuer_test_on_result_cb,
                                           &result);
  charges = anshin_issuer_client_list_charges_finish (fixture->client, issuer_test_wait (&result),
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (charges->len, ==, 2);

  /* 100,000 yen in 24 hours is the limit. */
  over = charge (fixture, card_id, 1000, key4, &error);
  g_assert_null (over);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_LIMIT_EXCEEDED);
  problem = anshin_issuer_error_get_problem (error);
  g_assert_cmpint (anshin_issuer_problem_get_window (problem), ==, 24 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (anshin_issuer_problem_get_limit (problem), ==, 100000);
  g_assert_cmpint (anshin_issuer_problem_get_remaining (problem), ==, 0);
  g_assert_nonnull (anshin_issuer_problem_get_resets_at (problem));
}

static void
test_charge_across_session_expiry (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(AnshinChargeCard) card = register_card (fixture);
  g_autofree char *key = anshin_issuer_client_new_idempotency_key ();
  g_autoptr(AnshinCharge) done = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) log = NULL;

  /* The holder confirms a top-up after 31 minutes on the page: the session
   * has expired; the client refreshes it and replays the same POST with the
   * same key, and the holder only sees the top-up done. */
  moved = issuer_test_advance_clock (fixture->url, 31 * 60);
  anshin_mock_thread_clear_request_log (fixture->mock);

  done = charge (fixture, anshin_charge_card_get_id (card), 3000, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (done->balance, ==, 12345 + 3000);

  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (g_strv_length (log), ==, 3);
  g_assert_cmpstr (log[0], ==, "POST /v1/charges 401");
  g_assert_cmpstr (log[1], ==, "POST /v1/session/refresh 201");
  g_assert_cmpstr (log[2], ==, "POST /v1/charges 201");
}

int
main (int   argc,
      char *argv[])
{
  /* The tests' schema dir has no org.gnome.system.proxy: no desktop proxy. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/issuer/registration/" path, Fixture, "seed-story", \
              issuer_test_fixture_set_up_signed_in, func, issuer_test_fixture_tear_down)

  ADD ("seed-story-proof", test_seed_story_proof);
  ADD ("form-expired-recovered", test_form_expired_recovered);
  ADD ("refusals", test_refusals);
  ADD ("retry-after-lost-answer", test_registration_retry_after_lost_answer);
  ADD ("retry-after-lost-answer-and-form-read", test_retry_after_lost_answer_and_form_read);
  ADD ("charge", test_charge);
  ADD ("charge-across-session-expiry", test_charge_across_session_expiry);

#undef ADD

  return g_test_run ();
}
