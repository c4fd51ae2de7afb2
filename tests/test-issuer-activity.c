/* test-issuer-activity.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activity in app/issuer: GET /v1/transactions mapped to
 * AnshinTransactionPage (valid entries, hostile ones: wrong types, huge
 * numbers, missing members, unknown values), the programme's new fields,
 * the transactions.updated event, the page written for the offline cache
 * and read back, and the client's call against the mock issuer, paging
 * through and refused for an unknown `before`; the AnshinActivity model
 * (paging to the end, one older page at a time, a reload that keeps the
 * rows it already had, an unknown cursor, hostile pages, offline).
 */

#include "config.h"

#include <string.h>

#include "anshin-activity.h"
#include "anshin-issuer-cache.h"
#include "anshin-issuer-json.h"
#include "anshin-time.h"

#include "issuer-test-util.h"

#define DECLINED_JSON \
  "{\"id\": \"txn_21\", \"kind\": \"payment\", \"status\": \"declined\", \"amount\": 480," \
  " \"merchant\": \"ファミリーマート 羽田空港第1ターミナル店\", \"method\": \"quicpay\", \"via\": \"apple_pay\"," \
  " \"occurred_at\": \"2025-12-02T09:41:00+09:00\", \"decline_reason\": \"network_unavailable\"," \
  " \"balance_after\": 11865," \
  " \"program\": {\"id\": \"tsubasa_shopping\", \"eligible\": false, \"reason\": \"declined\", \"points\": 0}}"

#define TOP_UP_JSON \
  "{\"id\": \"chg_5\", \"kind\": \"top_up\", \"status\": \"approved\", \"amount\": 5000," \
  " \"merchant\": null, \"method\": null, \"via\": null, \"occurred_at\": \"2025-12-01T10:00:00+09:00\"," \
  " \"decline_reason\": null, \"balance_after\": 11865, \"program\": null}"

#define COUNTED_JSON \
  "{\"id\": \"txn_30\", \"kind\": \"payment\", \"status\": \"approved\", \"amount\": 720," \
  " \"merchant\": \"ローソン 浜松町駅前店\", \"method\": \"quicpay\", \"via\": \"google_pay\"," \
  " \"occurred_at\": \"2025-12-03T08:10:00+09:00\", \"decline_reason\": null, \"balance_after\": 11145," \
  " \"program\": {\"id\": \"tsubasa_shopping\", \"eligible\": true, \"reason\": null, \"points\": 3}}"

#define PAGE_JSON \
  "{\"transactions\": [" COUNTED_JSON ", " DECLINED_JSON ", " TOP_UP_JSON "], \"next_before\": \"chg_5\"}"

static JsonNode *
parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = anshin_issuer_json_parse (json, strlen (json), &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

static AnshinTransactionPage *
page_from (const char  *json,
           GError     **error)
{
  g_autoptr(JsonNode) root = anshin_issuer_json_parse (json, strlen (json), error);

  if (root == NULL)
    return NULL;

  return anshin_issuer_json_to_transaction_page (root, error);
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autoptr(GDateTime) want = anshin_time_parse (expected);

  g_assert_nonnull (time);
  g_assert_true (g_date_time_equal (time, want));
}

static void
test_page_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinTransactionPage) page = page_from (PAGE_JSON, &error);
  AnshinTransaction *counted, *declined, *top_up;

  g_assert_no_error (error);
  g_assert_cmpuint (page->transactions->len, ==, 3);
  g_assert_cmpstr (page->next_before, ==, "chg_5");

  counted = g_ptr_array_index (page->transactions, 0);
  g_assert_cmpstr (anshin_transaction_get_id (counted), ==, "txn_30");
  g_assert_true (anshin_transaction_counted (counted));
  g_assert_cmpint (anshin_transaction_get_method (counted), ==, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  g_assert_cmpint (anshin_transaction_get_via (counted), ==, ANSHIN_WALLET_GOOGLE_PAY);
  g_assert_cmpint (anshin_transaction_get_program_points (counted), ==, 3);
  g_assert_cmpint (anshin_transaction_get_program_reason (counted), ==, ANSHIN_PROGRAM_REASON_NONE);
  g_assert_cmpint (anshin_transaction_get_decline_reason (counted), ==, ANSHIN_DECLINE_REASON_NONE);

  declined = g_ptr_array_index (page->transactions, 1);
  g_assert_true (anshin_transaction_is_declined (declined));
  g_assert_cmpint (anshin_transaction_get_amount (declined), ==, 480);
  g_assert_cmpstr (anshin_transaction_get_merchant (declined), ==, "ファミリーマート 羽田空港第1ターミナル店");
  g_assert_cmpint (anshin_transaction_get_via (declined), ==, ANSHIN_WALLET_APPLE_PAY);
  g_assert_cmpint (anshin_transaction_get_decline_reason (declined), ==, ANSHIN_DECLINE_REASON_NETWORK_UNAVAILABLE);
  g_assert_cmpint (anshin_transaction_get_balance_after (declined), ==, 11865);
  g_assert_true (anshin_transaction_get_has_program (declined));
  g_assert_cmpstr (anshin_transaction_get_program_id (declined), ==, "tsubasa_shopping");
  g_assert_false (anshin_transaction_get_program_eligible (declined));
  g_assert_cmpint (anshin_transaction_get_program_reason (declined), ==, ANSHIN_PROGRAM_REASON_DECLINED);
  assert_time (anshin_transaction_get_occurred_at (declined), "2025-12-02T09:41:00+09:00");

  top_up = g_ptr_array_index (page->transactions, 2);
  g_assert_cmpint (anshin_transaction_get_kind (top_up), ==, ANSHIN_TRANSACTION_KIND_TOP_UP);
  g_assert_false (anshin_transaction_is_payment (top_up));
  g_assert_null (anshin_transaction_get_merchant (top_up));
  g_assert_false (anshin_transaction_get_has_program (top_up));
  g_assert_cmpint (anshin_transaction_get_via (top_up), ==, ANSHIN_WALLET_NONE);
}

/* Values this version doesn't know: read so the entry still shows. */
static void
test_page_unknown_values (void)
{
  static const struct {
    const char *name;
    const char *find;
    const char *replace;
    guint n_left;
    AnshinDeclineReason decline_reason;
    AnshinProgramReason program_reason;
  } cases[] = {
    { "a new decline reason", "\"decline_reason\": \"network_unavailable\"",
      "\"decline_reason\": \"velocity_limit\"", 3, ANSHIN_DECLINE_REASON_OTHER, ANSHIN_PROGRAM_REASON_DECLINED },
    { "declined with no reason", "\"decline_reason\": \"network_unavailable\"", "\"decline_reason\": null",
      3, ANSHIN_DECLINE_REASON_OTHER, ANSHIN_PROGRAM_REASON_DECLINED },
    { "a reason named none", "\"decline_reason\": \"network_unavailable\"", "\"decline_reason\": \"none\"",
      3, ANSHIN_DECLINE_REASON_OTHER, ANSHIN_PROGRAM_REASON_DECLINED },
    { "a new programme reason", "\"reason\": \"declined\"", "\"reason\": \"merchant_excluded\"",
      3, ANSHIN_DECLINE_REASON_NETWORK_UNAVAILABLE, ANSHIN_PROGRAM_REASON_OTHER },
    { "not counted, no reason", "\"reason\": \"declined\"", "\"reason\": null",
      3, ANSHIN_DECLINE_REASON_NETWORK_UNAVAILABLE, ANSHIN_PROGRAM_REASON_OTHER },
    { "a new wallet", "\"via\": \"apple_pay\"", "\"via\": \"samsung_pay\"",
      3, ANSHIN_DECLINE_REASON_NETWORK_UNAVAILABLE, ANSHIN_PROGRAM_REASON_DECLINED },
    { "a new kind is left out", "\"kind\": \"payment\", \"status\": \"declined\"",
      "\"kind\": \"refund\", \"status\": \"declined\"", 2, 0, 0 },
    { "a new status is left out", "\"status\": \"declined\"", "\"status\": \"pending\"", 2, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (PAGE_JSON);
      g_autoptr(AnshinTransactionPage) page = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].name);
      g_assert_cmpuint (g_string_replace (json, cases[i].find, cases[i].replace, 1), ==, 1);
      page = page_from (json->str, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->transactions->len, ==, cases[i].n_left);
      if (cases[i].n_left == 3)
        {
          AnshinTransaction *declined = g_ptr_array_index (page->transactions, 1);

          g_assert_cmpint (anshin_transaction_get_decline_reason (declined), ==, cases[i].decline_reason);
          g_assert_cmpint (anshin_transaction_get_program_reason (declined), ==, cases[i].program_reason);
        }
    }
}

/* Wrong types, impossible numbers, missing members: a protocol error. */
static void
test_page_hostile (void)
{
  static const struct {
    const char *name;
    const char *find;
    const char *replace;
  } cases[] = {
    { "not an object", "{\"transactions\": [", "[[" },
    { "transactions missing", "\"transactions\": [", "\"entries\": [" },
    { "transactions an object", "\"transactions\": [", "\"transactions\": {\"a\": [" },
    { "next_before a number", "\"next_before\": \"chg_5\"", "\"next_before\": 5" },
    { "next_before empty", "\"next_before\": \"chg_5\"", "\"next_before\": \"\"" },
    { "an entry a string", "\"transactions\": [", "\"transactions\": [\"txn_1\", " },
    { "id missing", "\"id\": \"txn_21\", ", "" },
    { "id a number", "\"id\": \"txn_21\"", "\"id\": 21" },
    { "kind missing", "\"kind\": \"payment\", \"status\": \"declined\"", "\"status\": \"declined\"" },
    { "kind a number", "\"kind\": \"payment\", \"status\": \"declined\"", "\"kind\": 1, \"status\": \"declined\"" },
    /* the fuzz gate's finding: no critical on an object or an array */
    { "kind an object", "\"kind\": \"payment\", \"status\": \"declined\"", "\"kind\": {}, \"status\": \"declined\"" },
    { "status an array", "\"kind\": \"payment\", \"status\": \"declined\"", "\"kind\": \"payment\", \"status\": [1]" },
    { "amount a string", "\"amount\": 480", "\"amount\": \"480\"" },
    { "amount a float", "\"amount\": 480", "\"amount\": 480.5" },
    { "amount negative", "\"amount\": 480", "\"amount\": -480" },
    { "amount huge", "\"amount\": 480", "\"amount\": 9223372036854775807" },
    { "amount beyond 64 bits", "\"amount\": 480", "\"amount\": 1e30" },
    { "balance huge", "\"balance_after\": 11865", "\"balance_after\": -9223372036854775807" },
    { "balance missing", ", \"balance_after\": 11865", "" },
    { "occurred_at missing", "\"occurred_at\": \"2025-12-02T09:41:00+09:00\", ", "" },
    { "occurred_at without offset", "\"2025-12-02T09:41:00+09:00\"", "\"2025-12-02T09:41:00\"" },
    { "occurred_at a date", "\"2025-12-02T09:41:00+09:00\"", "\"2025-12-02\"" },
    { "payment without method", "\"method\": \"quicpay\", \"via\": \"apple_pay\"", "\"method\": null, \"via\": \"apple_pay\"" },
    { "unknown method", "\"method\": \"quicpay\", \"via\": \"apple_pay\"", "\"method\": \"paypay\", \"via\": \"apple_pay\"" },
    { "via an array", "\"via\": \"apple_pay\"", "\"via\": [\"apple_pay\"]" },
    { "merchant a number", "\"merchant\": \"ファミリーマート 羽田空港第1ターミナル店\"", "\"merchant\": 7" },
    { "decline reason a bool", "\"decline_reason\": \"network_unavailable\"", "\"decline_reason\": true" },
    { "program a string", "\"program\": {\"id\": \"tsubasa_shopping\", \"eligible\": false",
      "\"program\": \"tsubasa_shopping\", \"x\": {\"eligible\": false" },
    { "program without eligible", "\"eligible\": false, ", "" },
    { "eligible a string", "\"eligible\": false", "\"eligible\": \"no\"" },
    { "points huge", "\"points\": 0", "\"points\": 1000000000001" },
    { "points negative", "\"points\": 0", "\"points\": -1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (PAGE_JSON);
      g_autoptr(AnshinTransactionPage) page = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].name);
      /* the declined entry is the one changed */
      g_assert_cmpuint (g_string_replace (json, cases[i].find, cases[i].replace, 1), ==, 1);
      page = page_from (json->str, &error);
      g_assert_null (page);
      g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
    }
}

static void
test_program_fields (void)
{
  g_autoptr(JsonNode) root = parse_ok (
    "{\"programs\": [{\"id\": \"tsubasa_shopping\", \"name\": \"Tsubasa Shopping Program\","
    " \"description\": \"d\", \"requires_networks\": [\"quicpay\"], \"since\": \"2024-11-01\","
    " \"earn_yen\": 200, \"earn_points\": 1, \"points_balance\": 1234,"
    " \"name_ja\": \"つばさショッピングプログラム\"}]}");
  g_autoptr(JsonNode) older = parse_ok (
    "{\"programs\": [{\"id\": \"p\", \"name\": \"P\", \"requires_networks\": [\"quicpay\"]}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) programs = anshin_issuer_json_to_programs (root, &error);
  g_autoptr(GPtrArray) old_programs = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(AnshinProgram) read_back = NULL;
  AnshinProgram *program;
  static const char * const hostile[] = {
    "{\"programs\": [{\"id\": \"p\", \"name\": \"P\", \"earn_yen\": \"200\"}]}",
    "{\"programs\": [{\"id\": \"p\", \"name\": \"P\", \"earn_yen\": -200}]}",
    "{\"programs\": [{\"id\": \"p\", \"name\": \"P\", \"earn_points\": 1e40}]}",
    "{\"programs\": [{\"id\": \"p\", \"name\": \"P\", \"points_balance\": 99999999999999}]}",
    "{\"programs\": [{\"id\": \"p\", \"name\": \"P\", \"name_ja\": 1}]}",
  };

  g_assert_no_error (error);
  program = g_ptr_array_index (programs, 0);
  g_assert_cmpint (anshin_program_get_earn_yen (program), ==, 200);
  g_assert_cmpint (anshin_program_get_earn_points (program), ==, 1);
  g_assert_cmpint (anshin_program_get_points_balance (program), ==, 1234);
  g_assert_cmpstr (anshin_program_get_name_ja (program), ==, "つばさショッピングプログラム");

  /* written for the cache and read back, the same */
  written = anshin_issuer_json_from_program (program);
  read_back = anshin_issuer_json_to_program (written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (anshin_program_get_earn_yen (read_back), ==, 200);
  g_assert_cmpint (anshin_program_get_points_balance (read_back), ==, 1234);
  g_assert_cmpstr (anshin_program_get_name_ja (read_back), ==, "つばさショッピングプログラム");

  /* an issuer that doesn't send them yet */
  old_programs = anshin_issuer_json_to_programs (older, &error);
  g_assert_no_error (error);
  g_assert_cmpint (anshin_program_get_earn_yen (g_ptr_array_index (old_programs, 0)), ==, 0);
  g_assert_null (anshin_program_get_name_ja (g_ptr_array_index (old_programs, 0)));

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(JsonNode) bad = parse_ok (hostile[i]);
      g_autoptr(GPtrArray) none = NULL;
      g_autoptr(GError) bad_error = NULL;

      g_test_message ("%s", hostile[i]);
      none = anshin_issuer_json_to_programs (bad, &bad_error);
      g_assert_null (none);
      g_assert_error (bad_error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
    }
}

static void
test_event (void)
{
  g_autoptr(JsonNode) root = parse_ok ("{\"type\": \"transactions.updated\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinIssuerEvent) event = anshin_issuer_json_to_event (root, &error);

  g_assert_no_error (error);
  g_assert_cmpint (event->type, ==, ANSHIN_ISSUER_EVENT_TRANSACTIONS_UPDATED);
  g_assert_null (event->notice);
}

/* The page written for the cache reads back the same, and holds no more
 * than the issuer sent (no card number, no token). */
static void
test_page_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinTransactionPage) page = page_from (PAGE_JSON, &error);
  g_autoptr(AnshinTransactionPage) again = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(JsonNode) rewritten = NULL;

  g_assert_no_error (error);
  written = anshin_issuer_json_from_transaction_page (page);
  again = anshin_issuer_json_to_transaction_page (written, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->transactions->len, ==, 3);
  g_assert_cmpstr (again->next_before, ==, "chg_5");
  rewritten = anshin_issuer_json_from_transaction_page (again);
  g_assert_true (json_node_equal (written, rewritten));

  for (guint i = 0; i < 3; i++)
    {
      AnshinTransaction *a = g_ptr_array_index (page->transactions, i);
      AnshinTransaction *b = g_ptr_array_index (again->transactions, i);

      g_assert_cmpstr (anshin_transaction_get_id (a), ==, anshin_transaction_get_id (b));
      g_assert_cmpint (anshin_transaction_get_kind (a), ==, anshin_transaction_get_kind (b));
      g_assert_cmpint (anshin_transaction_get_status (a), ==, anshin_transaction_get_status (b));
      g_assert_cmpint (anshin_transaction_get_amount (a), ==, anshin_transaction_get_amount (b));
      g_assert_cmpint (anshin_transaction_get_via (a), ==, anshin_transaction_get_via (b));
      g_assert_cmpint (anshin_transaction_get_decline_reason (a), ==, anshin_transaction_get_decline_reason (b));
      g_assert_cmpint (anshin_transaction_get_program_points (a), ==, anshin_transaction_get_program_points (b));
      g_assert_true (g_date_time_equal (anshin_transaction_get_occurred_at (a),
                                        anshin_transaction_get_occurred_at (b)));
    }
}

static void
test_cache_keeps_activity (void)
{
  g_autoptr(AnshinIssuerSnapshot) snapshot = anshin_issuer_snapshot_new ();
  g_autoptr(AnshinIssuerSnapshot) loaded = NULL;
  g_autoptr(AnshinIssuerSnapshot) without = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  g_autofree char *plain = NULL;
  gsize length;

  snapshot->saved_at = anshin_time_parse ("2025-12-02T10:00:00+09:00");
  {
    g_autoptr(JsonNode) card = parse_ok (
      "{\"id\": \"card_1\", \"product_name\": \"Tsubasa Pay\", \"brand\": \"mastercard\","
      " \"form\": \"virtual\", \"state\": \"active\", \"number_last4\": \"4821\","
      " \"exp_month\": 11, \"exp_year\": 2030, \"balance\": {\"amount\": 12345, \"currency\": \"JPY\"},"
      " \"renewal\": {\"status\": \"none\", \"date\": null, \"announced_at\": null, \"completed_at\": null,"
      " \"number_changes\": false, \"new_exp_month\": null, \"new_exp_year\": null},"
      " \"physical_card\": null, \"reissue\": null}");

    snapshot->card = anshin_issuer_json_to_card (card, &error);
    g_assert_no_error (error);
  }
  snapshot->activity = page_from (PAGE_JSON, &error);
  g_assert_no_error (error);

  document = anshin_issuer_snapshot_to_json (snapshot, &length);
  g_assert_null (strstr (document, "refresh_token"));
  g_assert_null (strstr (document, "issuer_session"));
  loaded = anshin_issuer_snapshot_from_json (document, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded->activity);
  g_assert_cmpuint (loaded->activity->transactions->len, ==, 3);
  g_assert_cmpstr (loaded->activity->next_before, ==, "chg_5");
  g_assert_true (anshin_transaction_is_declined (g_ptr_array_index (loaded->activity->transactions, 1)));

  /* a cache written before the activity existed has none, and loads */
  g_clear_pointer (&snapshot->activity, anshin_transaction_page_free);
  plain = anshin_issuer_snapshot_to_json (snapshot, &length);
  g_assert_null (strstr (plain, "\"activity\""));
  without = anshin_issuer_snapshot_from_json (plain, length, &error);
  g_assert_no_error (error);
  g_assert_null (without->activity);
}

/* The client against the mock issuer */

static AnshinTransactionPage *
list (IssuerTestFixture  *fixture,
      const char         *before,
      guint               limit,
      GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_client_list_transactions_async (fixture->client, before, limit, NULL,
                                                issuer_test_on_result_cb, &result);
  return anshin_issuer_client_list_transactions_finish (fixture->client, issuer_test_wait (&result), error);
}

static void
test_client_pages (IssuerTestFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinTransactionPage) all = list (fixture, NULL, 200, &error);
  g_autoptr(AnshinTransactionPage) first = NULL;
  g_autoptr(AnshinTransactionPage) defaulted = NULL;
  g_autoptr(GPtrArray) walked = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) anshin_transaction_page_free);

  g_assert_no_error (error);
  g_assert_cmpuint (all->transactions->len, >=, 8);
  g_assert_null (all->next_before);

  defaulted = list (fixture, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (defaulted->transactions->len, ==, MIN (all->transactions->len, 50));

  /* pages of 4 walk the same entries in the same order */
  do
    {
      AnshinTransactionPage *page = list (fixture, before, 4, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->transactions->len, <=, 4);
      for (guint i = 0; i < page->transactions->len; i++)
        g_ptr_array_add (walked, g_ptr_array_index (page->transactions, i));
      g_clear_pointer (&before, g_free);
      before = g_strdup (page->next_before);
      g_ptr_array_add (pages, page);
    }
  while (before != NULL);

  g_assert_cmpuint (walked->len, ==, all->transactions->len);
  for (guint i = 0; i < walked->len; i++)
    g_assert_cmpstr (anshin_transaction_get_id (g_ptr_array_index (walked, i)), ==,
                     anshin_transaction_get_id (g_ptr_array_index (all->transactions, i)));

  /* an id the issuer doesn't know: invalid_request, with the problem */
  first = list (fixture, "txn_does_not_exist", 10, &error);
  g_assert_null (first);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
  g_assert_nonnull (anshin_issuer_error_get_problem (error));
  g_assert_cmpstr (anshin_issuer_problem_get_code (anshin_issuer_error_get_problem (error)), ==, "invalid_request");
}


/* AnshinActivity */

static void
seed_history (IssuerTestFixture *fixture,
              guint              count)
{
  g_autofree char *body = g_strdup_printf ("{\"count\": %u}", count);
  g_autoptr(JsonNode) root = NULL;
  guint status = 0;

  root = issuer_test_http (fixture->url, NULL, "POST", "admin/history", body, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
}

static void
pay_at_shop (IssuerTestFixture *fixture)
{
  g_autoptr(JsonNode) root = NULL;
  guint status = 0;

  root = issuer_test_http (fixture->url, NULL, "POST", "admin/payments",
                           "{\"method\": \"mastercard_contactless\", \"via\": null, \"amount\": 300,"
                           " \"merchant\": \"セブン-イレブン 浜松町店\"}", NULL, &status);
  g_assert_cmpuint (status, ==, 201);
}

static gboolean
activity_reload (AnshinActivity  *activity,
                 GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_activity_reload_async (activity, NULL, issuer_test_on_result_cb, &result);
  return anshin_activity_reload_finish (activity, issuer_test_wait (&result), error);
}

static gboolean
activity_older (AnshinActivity  *activity,
                GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_activity_load_older_async (activity, NULL, issuer_test_on_result_cb, &result);
  return anshin_activity_load_older_finish (activity, issuer_test_wait (&result), error);
}

static AnshinTransaction *
item (AnshinActivity *activity,
      guint           position)
{
  g_autoptr(AnshinTransaction) t = g_list_model_get_item (G_LIST_MODEL (activity), position);

  return t; /* the model keeps its reference */
}

static void
assert_newest_first_unique (AnshinActivity *activity)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (activity));

  for (guint i = 0; i < n; i++)
    {
      AnshinTransaction *t = item (activity, i);

      g_assert_true (g_hash_table_add (ids, (gpointer) anshin_transaction_get_id (t)));
      if (i > 0)
        g_assert_cmpint (g_date_time_compare (anshin_transaction_get_occurred_at (item (activity, i - 1)),
                                              anshin_transaction_get_occurred_at (t)), >=, 0);
    }
}

static void
test_model_pages (IssuerTestFixture *fixture,
                  gconstpointer      data)
{
  g_autoptr(AnshinActivity) activity = anshin_activity_new (fixture->client);
  g_autoptr(AnshinTransactionPage) all = NULL;
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  guint pages = 1;

  seed_history (fixture, 130);
  all = list (fixture, NULL, 200, &error);
  g_assert_no_error (error);

  g_assert_false (anshin_activity_get_loading (activity));
  g_assert_null (anshin_activity_get_as_of (activity));
  g_assert_true (activity_reload (activity, &error));
  g_assert_no_error (error);
  g_assert_nonnull (anshin_activity_get_as_of (activity));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (activity)), ==, ANSHIN_ACTIVITY_PAGE_SIZE);
  g_assert_false (anshin_activity_get_complete (activity));

  /* one older page at a time */
  anshin_activity_load_older_async (activity, NULL, issuer_test_on_result_cb, &first);
  g_assert_true (anshin_activity_get_loading (activity));
  anshin_activity_load_older_async (activity, NULL, issuer_test_on_result_cb, &second);
  g_assert_false (anshin_activity_load_older_finish (activity, issuer_test_wait (&second), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);
  g_assert_true (anshin_activity_load_older_finish (activity, issuer_test_wait (&first), &error));
  g_assert_no_error (error);
  g_assert_false (anshin_activity_get_loading (activity));
  pages++;

  while (!anshin_activity_get_complete (activity))
    {
      g_assert_true (activity_older (activity, &error));
      g_assert_no_error (error);
      pages++;
      g_assert_cmpuint (pages, <, 100);
    }

  /* the whole history, newest first, each entry once, as the issuer lists it */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (activity)), >=, 130);
  assert_newest_first_unique (activity);
  /* the issuer holds more than 200 now; compare the newest 200 */
  for (guint i = 0; i < all->transactions->len; i++)
    g_assert_cmpstr (anshin_transaction_get_id (item (activity, i)), ==,
                     anshin_transaction_get_id (g_ptr_array_index (all->transactions, i)));

  /* complete: nothing more to ask for */
  g_assert_false (activity_older (activity, &error));
  g_assert_no_error (error);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *counts)
{
  counts[0] = position;
  counts[1] = removed;
  counts[2] = added;
  counts[3]++;
}

static void
test_model_reload_keeps_rows (IssuerTestFixture *fixture,
                              gconstpointer      data)
{
  g_autoptr(AnshinActivity) activity = anshin_activity_new (fixture->client);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  guint counts[4] = { 0, };
  guint n;

  seed_history (fixture, 80);
  g_assert_true (activity_reload (activity, &error));
  g_assert_true (activity_older (activity, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (activity));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (before, g_list_model_get_item (G_LIST_MODEL (activity), i));

  /* nothing changed: no rows change */
  g_signal_connect (activity, "items-changed", G_CALLBACK (on_items_changed_cb), counts);
  g_assert_true (activity_reload (activity, &error));
  g_assert_cmpuint (counts[3], ==, 0);

  /* a payment at a shop: one row added at the top, the rest are the same objects */
  pay_at_shop (fixture);
  g_assert_true (activity_reload (activity, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[3], ==, 1);
  g_assert_cmpuint (counts[0], ==, 0);
  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[2], ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (activity)), ==, n + 1);
  g_assert_cmpstr (anshin_transaction_get_merchant (item (activity, 0)), ==, "セブン-イレブン 浜松町店");
  for (guint i = 0; i < n; i++)
    g_assert_true (item (activity, i + 1) == g_ptr_array_index (before, i));
  assert_newest_first_unique (activity);
}

static void
test_model_unknown_before (IssuerTestFixture *fixture,
                           gconstpointer      data)
{
  g_autoptr(AnshinActivity) activity = anshin_activity_new (fixture->client);
  g_autoptr(AnshinTransactionPage) page = anshin_transaction_page_new ();
  g_autoptr(AnshinTransaction) t = anshin_transaction_new ();
  g_autoptr(GDateTime) as_of = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  anshin_transaction_set_id (t, "txn_cached");
  g_ptr_array_add (page->transactions, g_object_ref (t));
  page->next_before = g_strdup ("txn_the_issuer_forgot");
  anshin_activity_restore (activity, page, as_of);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (activity)), ==, 1);

  /* refused: the error says so and what was shown stays */
  g_assert_false (activity_older (activity, &error));
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (activity)), ==, 1);
  g_assert_false (anshin_activity_get_loading (activity));
  g_clear_error (&error);

  /* a reload replaces the cached page that no longer joins the issuer's */
  g_assert_true (activity_reload (activity, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (activity)); i++)
    g_assert_cmpstr (anshin_transaction_get_id (item (activity, i)), !=, "txn_cached");
}

static void
test_model_hostile (void)
{
  g_autoptr(AnshinIssuerClient) client = anshin_issuer_client_new ("http://127.0.0.1:9", NULL);
  g_autoptr(AnshinActivity) activity = anshin_activity_new (client);
  g_autoptr(AnshinTransactionPage) page = anshin_transaction_page_new ();
  g_autoptr(GDateTime) as_of = g_date_time_new_now_utc ();
  g_autoptr(AnshinTransactionPage) cached = NULL;
  const char *ids[] = { "txn_3", "txn_2", "txn_3", NULL, "txn_1" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      AnshinTransaction *t = anshin_transaction_new ();

      anshin_transaction_set_id (t, ids[i]);
      g_ptr_array_add (page->transactions, t);
    }

  /* repeated and id-less entries are left out; the rest in order */
  anshin_activity_restore (activity, page, as_of);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (activity)), ==, 3);
  g_assert_cmpstr (anshin_transaction_get_id (item (activity, 0)), ==, "txn_3");
  g_assert_cmpstr (anshin_transaction_get_id (item (activity, 1)), ==, "txn_2");
  g_assert_cmpstr (anshin_transaction_get_id (item (activity, 2)), ==, "txn_1");
  g_assert_true (anshin_activity_get_complete (activity));
  g_assert_true (g_date_time_equal (anshin_activity_get_as_of (activity), as_of));

  /* a second restore doesn't overwrite what is there */
  g_ptr_array_set_size (page->transactions, 1);
  anshin_activity_restore (activity, page, as_of);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (activity)), ==, 3);

  cached = anshin_activity_dup_first_page (activity);
  g_assert_cmpuint (cached->transactions->len, ==, 3);
  g_assert_null (cached->next_before);

  anshin_activity_clear (activity);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (activity)), ==, 0);
  g_assert_null (anshin_activity_get_as_of (activity));
  g_assert_null (anshin_activity_dup_first_page (activity));
}

static void
test_model_offline (IssuerTestFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(AnshinActivity) activity = anshin_activity_new (fixture->client);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) as_of = NULL;
  g_autoptr(AnshinTransaction) newest = NULL;
  guint n;

  g_assert_true (activity_reload (activity, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (activity));
  g_assert_cmpuint (n, >, 0);
  as_of = g_date_time_ref (anshin_activity_get_as_of (activity));
  newest = g_list_model_get_item (G_LIST_MODEL (activity), 0);

  /* the issuer fails, then sends nonsense: the last page and its time stay */
  issuer_test_add_fault (fixture->url, "/v1/transactions", "status", 503, 0, 1);
  g_assert_false (activity_reload (activity, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  issuer_test_add_fault (fixture->url, "/v1/transactions", "malformed_json", 0, 0, 1);
  g_assert_false (activity_reload (activity, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (activity)), ==, n);
  g_assert_true (item (activity, 0) == newest);
  g_assert_true (g_date_time_equal (anshin_activity_get_as_of (activity), as_of));
  g_assert_false (anshin_activity_get_loading (activity));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/issuer/activity/page/valid", test_page_valid);
  g_test_add_func ("/issuer/activity/page/unknown-values", test_page_unknown_values);
  g_test_add_func ("/issuer/activity/page/hostile", test_page_hostile);
  g_test_add_func ("/issuer/activity/page/round-trip", test_page_round_trip);
  g_test_add_func ("/issuer/activity/programs", test_program_fields);
  g_test_add_func ("/issuer/activity/event", test_event);
  g_test_add_func ("/issuer/activity/cache", test_cache_keeps_activity);
  g_test_add ("/issuer/activity/client/pages", IssuerTestFixture, "seed-story",
              issuer_test_fixture_set_up_signed_in, test_client_pages, issuer_test_fixture_tear_down);

  g_test_add ("/issuer/activity/model/pages", IssuerTestFixture, "seed-story",
              issuer_test_fixture_set_up_signed_in, test_model_pages, issuer_test_fixture_tear_down);
  g_test_add ("/issuer/activity/model/reload-keeps-rows", IssuerTestFixture, "seed-story",
              issuer_test_fixture_set_up_signed_in, test_model_reload_keeps_rows,
              issuer_test_fixture_tear_down);
  g_test_add ("/issuer/activity/model/unknown-before", IssuerTestFixture, "seed-story",
              issuer_test_fixture_set_up_signed_in, test_model_unknown_before,
              issuer_test_fixture_tear_down);
  g_test_add_func ("/issuer/activity/model/hostile", test_model_hostile);
  g_test_add ("/issuer/activity/model/offline", IssuerTestFixture, "seed-story",
              issuer_test_fixture_set_up_signed_in, test_model_offline, issuer_test_fixture_tear_down);

  return g_test_run ();
}
