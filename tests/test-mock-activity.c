/* test-mock-activity.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mock issuer's activity: GET /v1/transactions (newest first, paging
 * with before/limit, an unknown before is 400 invalid_request), payments at
 * a till decided by the contract's rules in their order (card_frozen,
 * network_unavailable, insufficient_balance), the programme's points
 * (floor (amount / earn_yen) * earn_points), the payment_declined notice
 * and the transactions.updated event for every new transaction, top-ups in
 * the activity once however often replayed, the scenario's history and its
 * scheduled payments at their times, and the long history for benchmarks.
 */

#include "config.h"

#include "anshin-mock-activity.h"
#include "anshin-mock-scenario.h"
#include "anshin-time.h"

#include "test-mock-util.h"

static MockReply *
pay (MockFixture *fixture,
     const char  *method,
     const char  *via,
     gint64       amount,
     const char  *merchant)
{
  g_autofree char *json = NULL;

  if (via != NULL)
    json = g_strdup_printf ("{\"method\": \"%s\", \"via\": \"%s\", \"amount\": %" G_GINT64_FORMAT ", \"merchant\": \"%s\"}",
                            method, via, amount, merchant);
  else
    json = g_strdup_printf ("{\"method\": \"%s\", \"via\": null, \"amount\": %" G_GINT64_FORMAT ", \"merchant\": \"%s\"}",
                            method, amount, merchant);

  return mock_request (fixture, "POST", "/admin/payments", json, NULL);
}

static JsonObject *
transaction_of (MockReply *reply)
{
  return json_object_get_object_member (mock_reply_object (reply), "transaction");
}

static JsonArray *
page (MockReply *reply)
{
  return json_object_get_array_member (mock_reply_object (reply), "transactions");
}

static JsonObject *
newest (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/v1/transactions?limit=1");

  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_ref (json_array_get_object_element (page (reply), 0));
}

static gint64
balance (MockFixture *fixture)
{
  g_autoptr(MockReply) card = mock_get (fixture, "/v1/card");

  return json_object_get_int_member (json_object_get_object_member (mock_reply_object (card), "balance"), "amount");
}

static JsonObject *
newest_notice (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/v1/notices");
  JsonArray *notices = json_object_get_array_member (mock_reply_object (reply), "notices");

  return json_object_ref (json_array_get_object_element (notices, 0));
}

static guint
n_notices (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/v1/notices");

  return json_array_get_length (json_object_get_array_member (mock_reply_object (reply), "notices"));
}

static void
assert_program (JsonObject *transaction,
                gboolean    eligible,
                const char *reason,
                gint64      points)
{
  JsonObject *program = json_object_get_object_member (transaction, "program");

  g_assert_cmpstr (json_object_get_string_member (program, "id"), ==, "tsubasa_shopping");
  g_assert_cmpint (json_object_get_boolean_member (program, "eligible"), ==, eligible);
  g_assert_cmpstr (json_object_get_string_member_with_default (program, "reason", NULL), ==, reason);
  g_assert_cmpint (json_object_get_int_member (program, "points"), ==, points);
}

/* The rules, one case each, in the contract's order */

typedef struct
{
  const char *name;
  const char *at;               /* issuer time of the attempt (seed-story) */
  gboolean frozen;
  const char *method;
  const char *via;
  gint64 amount;
  const char *status;
  const char *decline_reason;
  gboolean eligible;
  const char *program_reason;
  gint64 points;
} RuleCase;

static const RuleCase rule_cases[] = {
  { "quicpay-counts", "2025-09-01T12:00:00+09:00", FALSE, "quicpay", "apple_pay", 480,
    "approved", NULL, TRUE, NULL, 2 },
  { "points-floor", "2025-09-01T12:00:00+09:00", FALSE, "quicpay", "google_pay", 399,
    "approved", NULL, TRUE, NULL, 1 },
  { "points-below-one", "2025-09-01T12:00:00+09:00", FALSE, "quicpay", NULL, 199,
    "approved", NULL, TRUE, NULL, 0 },
  { "contactless-does-not-count", "2025-09-01T12:00:00+09:00", FALSE, "mastercard_contactless", NULL, 1850,
    "approved", NULL, FALSE, "network_not_eligible", 0 },
  { "online-does-not-count", "2025-09-01T12:00:00+09:00", FALSE, "mastercard_online", NULL, 2980,
    "approved", NULL, FALSE, "network_not_eligible", 0 },
  { "whole-balance", "2025-09-01T12:00:00+09:00", FALSE, "mastercard_contactless", NULL, 12345,
    "approved", NULL, FALSE, "network_not_eligible", 0 },
  { "balance-short", "2025-09-01T12:00:00+09:00", FALSE, "mastercard_contactless", NULL, 12346,
    "declined", "insufficient_balance", FALSE, "declined", 0 },
  { "quicpay-updating-on-renewal-day", "2025-11-30T10:00:00+09:00", FALSE, "quicpay", "apple_pay", 480,
    "declined", "network_unavailable", FALSE, "declined", 0 },
  { "contactless-on-renewal-day", "2025-11-30T10:00:00+09:00", FALSE, "mastercard_contactless", NULL, 480,
    "approved", NULL, FALSE, "network_not_eligible", 0 },
  { "quicpay-delayed", "2025-12-02T10:00:00+09:00", FALSE, "quicpay", "apple_pay", 480,
    "declined", "network_unavailable", FALSE, "declined", 0 },
  /* the first matching reason wins: unavailable before the balance, frozen before both */
  { "unavailable-before-balance", "2025-12-02T10:00:00+09:00", FALSE, "quicpay", "apple_pay", 99999,
    "declined", "network_unavailable", FALSE, "declined", 0 },
  { "frozen", "2025-09-01T12:00:00+09:00", TRUE, "mastercard_contactless", NULL, 480,
    "declined", "card_frozen", FALSE, "declined", 0 },
  { "frozen-before-everything", "2025-12-02T10:00:00+09:00", TRUE, "quicpay", "apple_pay", 99999,
    "declined", "card_frozen", FALSE, "declined", 0 },
};

static void
test_rule (MockFixture   *fixture,
           gconstpointer  data)
{
  const RuleCase *test = NULL;
  g_autoptr(MockReply) reply = NULL;
  g_autoptr(JsonObject) listed = NULL;
  g_autoptr(JsonObject) notice = NULL;
  JsonObject *transaction;
  gint64 before;
  guint notices_before;
  g_autofree char *now = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      if (g_str_has_suffix (g_test_get_path (), rule_cases[i].name))
        test = &rule_cases[i];
    }
  g_assert_nonnull (test);

  mock_set_clock (fixture, test->at);
  mock_login (fixture);
  if (test->frozen)
    {
      g_autoptr(MockReply) frozen = mock_request (fixture, "PATCH", "/v1/card", "{\"state\": \"frozen\"}", NULL);

      g_assert_cmpuint (frozen->status, ==, 200);
    }
  before = balance (fixture);
  notices_before = n_notices (fixture);
  now = mock_issuer_time (fixture);

  reply = pay (fixture, test->method, test->via, test->amount, "ファミリーマート 羽田空港第1ターミナル店");
  g_assert_cmpuint (reply->status, ==, 201);
  transaction = transaction_of (reply);

  g_assert_cmpstr (json_object_get_string_member (transaction, "kind"), ==, "payment");
  g_assert_cmpstr (json_object_get_string_member (transaction, "status"), ==, test->status);
  g_assert_cmpstr (json_object_get_string_member_with_default (transaction, "decline_reason", NULL), ==,
                   test->decline_reason);
  g_assert_cmpstr (json_object_get_string_member (transaction, "method"), ==, test->method);
  g_assert_cmpstr (json_object_get_string_member_with_default (transaction, "via", NULL), ==, test->via);
  g_assert_cmpint (json_object_get_int_member (transaction, "amount"), ==, test->amount);
  g_assert_cmpstr (json_object_get_string_member (transaction, "merchant"), ==,
                   "ファミリーマート 羽田空港第1ターミナル店");
  g_assert_cmpstr (json_object_get_string_member (transaction, "occurred_at"), ==, now);
  assert_program (transaction, test->eligible, test->program_reason, test->points);

  /* a declined payment leaves the balance as it was and says so in a notice */
  if (test->decline_reason == NULL)
    {
      g_assert_cmpint (balance (fixture), ==, before - test->amount);
      g_assert_cmpint (json_object_get_int_member (transaction, "balance_after"), ==, before - test->amount);
      g_assert_cmpuint (n_notices (fixture), ==, notices_before);
    }
  else
    {
      JsonObject *params;

      g_assert_cmpint (balance (fixture), ==, before);
      g_assert_cmpint (json_object_get_int_member (transaction, "balance_after"), ==, before);
      g_assert_cmpuint (n_notices (fixture), ==, notices_before + 1);
      notice = newest_notice (fixture);
      g_assert_cmpstr (json_object_get_string_member (notice, "code"), ==, "payment_declined");
      g_assert_cmpstr (json_object_get_string_member (notice, "channel"), ==, "push");
      g_assert_false (json_object_get_boolean_member (notice, "read"));
      params = json_object_get_object_member (notice, "params");
      g_assert_cmpstr (json_object_get_string_member (params, "transaction_id"), ==,
                       json_object_get_string_member (transaction, "id"));
      g_assert_cmpstr (json_object_get_string_member (params, "method"), ==, test->method);
      g_assert_cmpstr (json_object_get_string_member (params, "reason"), ==, test->decline_reason);
    }

  /* and it is the newest entry of the activity */
  listed = newest (fixture);
  g_assert_true (json_object_equal (listed, transaction));
}

/* The points a counted payment earns show in the programme's balance. */
static void
test_points_balance (MockFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(MockReply) before = NULL;
  g_autoptr(MockReply) after = NULL;
  g_autoptr(MockReply) paid = NULL;
  g_autoptr(MockReply) tapped = NULL;
  JsonObject *program;
  gint64 points_before;

  mock_login (fixture);
  before = mock_get (fixture, "/v1/programs");
  program = json_array_get_object_element (json_object_get_array_member (mock_reply_object (before), "programs"), 0);
  points_before = json_object_get_int_member (program, "points_balance");
  g_assert_cmpint (json_object_get_int_member (program, "earn_yen"), ==, 200);
  g_assert_cmpint (json_object_get_int_member (program, "earn_points"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (program, "name_ja"), ==, "つばさショッピングプログラム");

  paid = pay (fixture, "quicpay", "apple_pay", 1850, "ライフ 芝浦店");
  tapped = pay (fixture, "mastercard_contactless", NULL, 1850, "ライフ 芝浦店");
  after = mock_get (fixture, "/v1/programs");
  program = json_array_get_object_element (json_object_get_array_member (mock_reply_object (after), "programs"), 0);
  g_assert_cmpint (json_object_get_int_member (program, "points_balance"), ==, points_before + 9);
}

/* Paging */

static void
test_paging (MockFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(MockReply) all = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = NULL;
  guint total, pages = 0;

  mock_login (fixture);
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(MockReply) reply = pay (fixture, "mastercard_contactless", NULL, 100 + i, "ローソン");

      g_assert_cmpuint (reply->status, ==, 201);
    }

  all = mock_get (fixture, "/v1/transactions?limit=200");
  g_assert_cmpuint (all->status, ==, 200);
  total = json_array_get_length (page (all));
  g_assert_cmpuint (total, >=, 7);
  g_assert_true (json_node_is_null (json_object_get_member (mock_reply_object (all), "next_before")));

  /* newest first */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (page (all), 0), "amount"), ==, 106);
  for (guint i = 1; i < total; i++)
    {
      g_autoptr(GDateTime) newer = anshin_time_parse (json_object_get_string_member (json_array_get_object_element (page (all), i - 1), "occurred_at"));
      g_autoptr(GDateTime) older = anshin_time_parse (json_object_get_string_member (json_array_get_object_element (page (all), i), "occurred_at"));

      g_assert_cmpint (g_date_time_compare (newer, older), >=, 0);
    }

  /* pages of 3 walk the same list, each entry once */
  do
    {
      g_autofree char *path = before != NULL ? g_strdup_printf ("/v1/transactions?before=%s&limit=3", before)
                                             : g_strdup ("/v1/transactions?limit=3");
      g_autoptr(MockReply) reply = mock_get (fixture, path);
      JsonNode *next;

      g_assert_cmpuint (reply->status, ==, 200);
      g_assert_cmpuint (json_array_get_length (page (reply)), <=, 3);
      for (guint i = 0; i < json_array_get_length (page (reply)); i++)
        {
          JsonObject *entry = json_array_get_object_element (page (reply), i);

          g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==,
                           json_object_get_string_member (json_array_get_object_element (page (all), seen->len), "id"));
          g_ptr_array_add (seen, g_strdup (json_object_get_string_member (entry, "id")));
        }

      next = json_object_get_member (mock_reply_object (reply), "next_before");
      g_clear_pointer (&before, g_free);
      if (!json_node_is_null (next))
        {
          before = g_strdup (json_node_get_string (next));
          /* next_before is the last entry of the page: before= excludes it */
          g_assert_cmpstr (before, ==, g_ptr_array_index (seen, seen->len - 1));
        }
      pages++;
    }
  while (before != NULL);

  g_assert_cmpuint (seen->len, ==, total);
  g_assert_cmpuint (pages, ==, (total + 2) / 3);

  /* the default is 50 */
  {
    g_autoptr(MockReply) history = mock_request (fixture, "POST", "/admin/history", "{\"count\": 60}", NULL);
    g_autoptr(MockReply) first = NULL;

    g_assert_cmpuint (history->status, ==, 201);
    first = mock_get (fixture, "/v1/transactions");
    g_assert_cmpuint (json_array_get_length (page (first)), ==, 50);
    g_assert_false (json_node_is_null (json_object_get_member (mock_reply_object (first), "next_before")));
  }
}

static void
test_bad_queries (MockFixture   *fixture,
                  gconstpointer  data)
{
  static const char * const bad[] = {
    "/v1/transactions?before=txn_999999",
    "/v1/transactions?before=",
    "/v1/transactions?limit=0",
    "/v1/transactions?limit=201",
    "/v1/transactions?limit=-1",
    "/v1/transactions?limit=ten",
    "/v1/transactions?limit=99999999999999999999",
  };
  g_autoptr(MockReply) ok_min = NULL;
  g_autoptr(MockReply) ok_max = NULL;
  g_autoptr(MockReply) anonymous = NULL;

  mock_forget_cookies (fixture);
  anonymous = mock_get (fixture, "/v1/transactions");
  mock_assert_problem (anonymous, 401, "no_session");

  mock_login (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(MockReply) reply = mock_get (fixture, bad[i]);

      g_test_message ("%s", bad[i]);
      mock_assert_problem (reply, 400, "invalid_request");
    }

  ok_min = mock_get (fixture, "/v1/transactions?limit=1");
  g_assert_cmpuint (ok_min->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (page (ok_min)), ==, 1);
  ok_max = mock_get (fixture, "/v1/transactions?limit=200");
  g_assert_cmpuint (ok_max->status, ==, 200);
}

static void
test_bad_payments (MockFixture   *fixture,
                   gconstpointer  data)
{
  static const char * const bad[] = {
    "{\"method\": \"apple_pay\", \"amount\": 100, \"merchant\": \"ローソン\"}",
    "{\"method\": \"quicpay\", \"via\": \"samsung_pay\", \"amount\": 100, \"merchant\": \"ローソン\"}",
    "{\"method\": \"quicpay\", \"amount\": 0, \"merchant\": \"ローソン\"}",
    "{\"method\": \"quicpay\", \"amount\": \"100\", \"merchant\": \"ローソン\"}",
    "{\"method\": \"quicpay\", \"amount\": 100, \"merchant\": \"\"}",
    "{\"method\": \"quicpay\", \"amount\": 100}",
    "{\"count\": 0}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(MockReply) reply = mock_request (fixture, "POST", i + 1 < G_N_ELEMENTS (bad) ? "/admin/payments" : "/admin/history",
                                                 bad[i], NULL);

      g_test_message ("%s", bad[i]);
      mock_assert_problem (reply, 400, "invalid_request");
    }
}

/* A top-up is in the activity once, however often it is replayed. */
static void
test_top_up_once (MockFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(MockReply) status = NULL;
  g_autoptr(MockReply) registered = NULL;
  g_autoptr(MockReply) first = NULL;
  g_autoptr(MockReply) replayed = NULL;
  g_autoptr(MockReply) list = NULL;
  g_autofree char *key = mock_next_key ();
  g_autofree char *card_key = mock_next_key ();
  g_autofree char *json = NULL;
  g_autofree char *charge = NULL;
  const char *charge_id;
  guint found = 0;

  mock_login (fixture);
  status = mock_get (fixture, "/v1/charge-cards/registration");
  json = g_strdup_printf ("{\"form_token\": \"%s\", \"number\": \"5555555555554444\", \"exp_month\": 12, "
                          "\"exp_year\": 2029, \"cvc\": \"123\", \"holder_name\": \"HANAKO SATO\"}",
                          mock_reply_string (status, "form_token"));
  registered = mock_request (fixture, "POST", "/v1/charge-cards", json, card_key);
  g_assert_cmpuint (registered->status, ==, 201);

  charge = g_strdup_printf ("{\"charge_card_id\": \"%s\", \"amount\": 5000}",
                            json_object_get_string_member (json_object_get_object_member (mock_reply_object (registered),
                                                                                          "charge_card"), "id"));
  first = mock_request (fixture, "POST", "/v1/charges", charge, key);
  replayed = mock_request (fixture, "POST", "/v1/charges", charge, key);
  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpuint (replayed->status, ==, 201);
  g_assert_cmpstr (first->text, ==, replayed->text);
  charge_id = json_object_get_string_member (json_object_get_object_member (mock_reply_object (first), "charge"), "id");

  list = mock_get (fixture, "/v1/transactions?limit=200");
  for (guint i = 0; i < json_array_get_length (page (list)); i++)
    {
      JsonObject *entry = json_array_get_object_element (page (list), i);

      if (g_strcmp0 (json_object_get_string_member (entry, "id"), charge_id) != 0)
        continue;
      found++;
      g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "top_up");
      g_assert_cmpstr (json_object_get_string_member (entry, "status"), ==, "approved");
      g_assert_cmpint (json_object_get_int_member (entry, "amount"), ==, 5000);
      g_assert_cmpint (json_object_get_int_member (entry, "balance_after"), ==, 12345 + 5000);
      g_assert_true (json_object_get_null_member (entry, "method"));
      g_assert_true (json_node_is_null (json_object_get_member (entry, "merchant")));
      g_assert_true (json_node_is_null (json_object_get_member (entry, "program")));
    }
  g_assert_cmpuint (found, ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (page (list), 0), "balance_after"),
                   ==, 12345 + 5000);
}

/* The scenario's history before the start, and its payments at their times */
static void
test_seed_story_payments (MockFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(MockReply) start = NULL;
  g_autoptr(MockReply) story = NULL;
  JsonArray *list;
  gint64 balance_after = 12345;
  guint n_history;

  mock_login (fixture);
  start = mock_get (fixture, "/v1/transactions?limit=200");
  list = page (start);
  n_history = json_array_get_length (list);
  g_assert_cmpuint (n_history, >=, 8);

  /* weeks of QUICPay at Japanese shops, all counted, the balance consistent */
  for (guint i = 0; i < n_history; i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);

      g_assert_cmpstr (json_object_get_string_member (entry, "status"), ==, "approved");
      g_assert_cmpint (json_object_get_int_member (entry, "balance_after"), ==, balance_after);
      balance_after += json_object_get_int_member (entry, "amount");
      if (g_str_equal (json_object_get_string_member (entry, "method"), "quicpay"))
        assert_program (entry, TRUE, NULL, json_object_get_int_member (entry, "amount") / 200);
    }

  /* to 2 December 10:00: QUICPay before the renewal (counted), Mastercard
   * contactless on the renewal day (not counted), the QUICPay decline at
   * 9:41 and the same ¥480 by contactless a minute later */
  mock_set_clock (fixture, "2025-12-02T10:00:00+09:00");
  mock_login (fixture);
  story = mock_get (fixture, "/v1/transactions?limit=7");
  list = page (story);
  {
    static const struct {
      const char *at;
      const char *method;
      const char *status;
      gint64 amount;
      gboolean eligible;
    } expected[] = {
      { "2025-12-02T09:42:00+09:00", "mastercard_contactless", "approved", 480, FALSE },
      { "2025-12-02T09:41:00+09:00", "quicpay", "declined", 480, FALSE },
      { "2025-12-01T07:48:00+09:00", "mastercard_contactless", "approved", 1950, FALSE },
      { "2025-11-30T10:15:00+09:00", "mastercard_contactless", "approved", 1850, FALSE },
      { "2025-11-08T12:15:00+09:00", "quicpay", "approved", 530, TRUE },
      { "2025-10-04T18:40:00+09:00", "quicpay", "approved", 1240, TRUE },
      { "2025-09-12T08:05:00+09:00", "quicpay", "approved", 680, TRUE },
    };

    g_assert_cmpuint (json_array_get_length (list), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        JsonObject *entry = json_array_get_object_element (list, i);
        JsonObject *program = json_object_get_object_member (entry, "program");

        g_assert_cmpstr (json_object_get_string_member (entry, "occurred_at"), ==, expected[i].at);
        g_assert_cmpstr (json_object_get_string_member (entry, "method"), ==, expected[i].method);
        g_assert_cmpstr (json_object_get_string_member (entry, "status"), ==, expected[i].status);
        g_assert_cmpint (json_object_get_int_member (entry, "amount"), ==, expected[i].amount);
        g_assert_cmpint (json_object_get_boolean_member (program, "eligible"), ==, expected[i].eligible);
      }
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "decline_reason"),
                     ==, "network_unavailable");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "merchant"),
                     ==, "ファミリーマート 羽田空港第1ターミナル店");
    g_assert_cmpint (balance (fixture), ==, 12345 - 680 - 1240 - 530 - 1850 - 1950 - 480);
  }

  {
    g_autoptr(JsonObject) notice = newest_notice (fixture);

    g_assert_cmpstr (json_object_get_string_member (notice, "code"), ==, "payment_declined");
    g_assert_cmpstr (json_object_get_string_member (notice, "issued_at"), ==, "2025-12-02T09:41:00+09:00");
  }

  /* a reissue with a new number brings QUICPay back: the next one counts */
  {
    g_autofree char *key = mock_next_key ();
    g_autoptr(MockReply) reissue = mock_request (fixture, "POST", "/v1/card/reissue",
                                                 "{\"new_number\": true, \"reason\": \"network_unavailable\"}", key);
    g_autoptr(JsonObject) after = NULL;

    g_assert_cmpuint (reissue->status, ==, 202);
    mock_set_clock (fixture, "2025-12-03T09:00:00+09:00");
    mock_login (fixture);
    after = newest (fixture);
    g_assert_cmpstr (json_object_get_string_member (after, "occurred_at"), ==, "2025-12-03T08:10:00+09:00");
    g_assert_cmpstr (json_object_get_string_member (after, "method"), ==, "quicpay");
    g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "approved");
    assert_program (after, TRUE, NULL, 3);
  }
}

/* Without the reissue, the QUICPay payment of 3 December is declined too. */
static void
test_scheduled_decided_when_due (MockFixture   *fixture,
                                 gconstpointer  data)
{
  g_autoptr(JsonObject) after = NULL;

  mock_set_clock (fixture, "2025-12-03T09:00:00+09:00");
  mock_login (fixture);
  after = newest (fixture);
  g_assert_cmpstr (json_object_get_string_member (after, "occurred_at"), ==, "2025-12-03T08:10:00+09:00");
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "declined");
  g_assert_cmpstr (json_object_get_string_member (after, "decline_reason"), ==, "network_unavailable");
}

/* Every scenario has a believable history. */
static void
test_every_scenario_has_history (void)
{
  g_auto(GStrv) names = anshin_mock_scenario_list_names ();

  g_assert_cmpuint (g_strv_length (names), >=, 5);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnshinMockScenario) scenario = anshin_mock_scenario_load (names[i], &error);
      g_autoptr(AnshinMockMember) member = NULL;
      g_autoptr(JsonObject) first = NULL;
      gboolean found;
      JsonArray *list;
      g_autoptr(GHashTable) merchants = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_no_error (error);
      member = anshin_mock_member_new (scenario);
      first = anshin_mock_activity_dup_page (member, NULL, 200, &found);
      list = json_object_get_array_member (first, "transactions");
      g_test_message ("%s: %u transactions", names[i], json_array_get_length (list));
      g_assert_cmpuint (json_array_get_length (list), >=, 8);
      for (guint j = 0; j < json_array_get_length (list); j++)
        {
          const char *merchant = json_object_get_string_member_with_default (json_array_get_object_element (list, j),
                                                                             "merchant", NULL);

          if (merchant != NULL)
            g_hash_table_add (merchants, (gpointer) merchant);
        }
      /* a few different shops, over at least two weeks */
      g_assert_cmpuint (g_hash_table_size (merchants), >=, 5);
      {
        g_autoptr(GDateTime) newest_at = anshin_time_parse (json_object_get_string_member (json_array_get_object_element (list, 0), "occurred_at"));
        g_autoptr(GDateTime) oldest_at = anshin_time_parse (json_object_get_string_member (json_array_get_object_element (list, json_array_get_length (list) - 1), "occurred_at"));

        g_assert_cmpint (g_date_time_difference (newest_at, oldest_at), >=, 14 * G_TIME_SPAN_DAY);
      }
    }
}

/* Events: every new transaction announces itself; a decline also notifies. */
static void
on_event_cb (AnshinMockMember *member,
             JsonObject       *event,
             GPtrArray        *types)
{
  g_ptr_array_add (types, g_strdup (json_object_get_string_member (event, "type")));
}

static void
test_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinMockScenario) scenario = anshin_mock_scenario_load ("seed-story", &error);
  g_autoptr(AnshinMockMember) member = NULL;
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) delayed = anshin_time_parse ("2025-12-02T10:00:00+09:00");
  g_autoptr(GDateTime) september = anshin_time_parse ("2025-09-01T10:00:00+09:00");
  g_autoptr(JsonObject) approved = NULL;
  g_autoptr(JsonObject) declined = NULL;

  g_assert_no_error (error);
  member = anshin_mock_member_new (scenario);
  g_signal_connect (member, "event", G_CALLBACK (on_event_cb), types);

  approved = anshin_mock_activity_pay (member, "quicpay", "apple_pay", 480, "ローソン", september);
  g_assert_cmpuint (types->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (types, 0), ==, "card.updated");
  g_assert_cmpstr (g_ptr_array_index (types, 1), ==, "transactions.updated");

  g_assert_true (anshin_mock_member_apply_due (member, delayed));
  g_ptr_array_set_size (types, 0);
  declined = anshin_mock_activity_pay (member, "quicpay", "apple_pay", 480, "ローソン", delayed);
  g_assert_cmpstr (json_object_get_string_member (declined, "status"), ==, "declined");
  g_assert_cmpuint (types->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (types, 0), ==, "notice.created");
  g_assert_cmpstr (g_ptr_array_index (types, 1), ==, "transactions.updated");

  /* the long history: one event for all of it */
  g_ptr_array_set_size (types, 0);
  anshin_mock_activity_add_history (member, 100, delayed);
  g_assert_cmpuint (types->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (types, 0), ==, "transactions.updated");
}

/* 5,000 transactions for the Activity benchmark: quick to add, to page. */
static void
test_long_history (MockFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(MockReply) added = NULL;
  g_autofree char *before = NULL;
  gint64 started = g_get_monotonic_time ();
  guint seen = 0;
  gint64 balance_now;

  mock_login (fixture);
  balance_now = balance (fixture);
  added = mock_request (fixture, "POST", "/admin/history", "{\"count\": 5000}", NULL);
  g_assert_cmpuint (added->status, ==, 201);
  g_assert_cmpint (mock_reply_int (added, "transactions"), >=, 5000);
  g_assert_cmpint (balance (fixture), ==, balance_now);

  do
    {
      g_autofree char *path = before != NULL ? g_strdup_printf ("/v1/transactions?before=%s&limit=200", before)
                                             : g_strdup ("/v1/transactions?limit=200");
      g_autoptr(MockReply) reply = mock_get (fixture, path);
      JsonNode *next = json_object_get_member (mock_reply_object (reply), "next_before");

      g_assert_cmpuint (reply->status, ==, 200);
      seen += json_array_get_length (page (reply));
      g_clear_pointer (&before, g_free);
      if (!json_node_is_null (next))
        before = g_strdup (json_node_get_string (next));
    }
  while (before != NULL);

  g_assert_cmpint (seen, ==, mock_reply_int (added, "transactions"));
  g_test_message ("5,000 added and paged through in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - started) / 1000);
}

/* The state file keeps the activity. */
static void
test_saved (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinMockScenario) scenario = anshin_mock_scenario_load ("seed-story", &error);
  g_autoptr(AnshinMockMember) member = anshin_mock_member_new (scenario);
  g_autoptr(AnshinMockMember) restored = anshin_mock_member_new (scenario);
  g_autoptr(GDateTime) now = anshin_time_parse ("2025-12-02T10:00:00+09:00");
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(JsonObject) a = NULL;
  g_autoptr(JsonObject) b = NULL;
  gboolean found;

  anshin_mock_member_apply_due (member, now);
  saved = anshin_mock_member_save (member);
  g_assert_true (anshin_mock_member_restore (restored, saved, &error));
  g_assert_no_error (error);

  a = anshin_mock_activity_dup_page (member, NULL, 200, &found);
  b = anshin_mock_activity_dup_page (restored, NULL, 200, &found);
  g_assert_true (json_object_equal (a, b));
  /* paging works on the restored member, and nothing is paid twice */
  g_assert_false (anshin_mock_member_apply_due (restored, now));
  g_clear_pointer (&b, json_object_unref);
  b = anshin_mock_activity_dup_page (restored, "txn_21", 1, &found);
  g_assert_true (found);

  /* a state saved before the activity existed still loads, with the history */
  {
    g_autoptr(AnshinMockMember) legacy = anshin_mock_member_new (scenario);
    g_autoptr(JsonObject) page = NULL;

    json_object_remove_member (saved, "transactions");
    json_object_remove_member (saved, "payment_index");
    json_object_remove_member (saved, "points_earned");
    g_assert_true (anshin_mock_member_restore (legacy, saved, &error));
    g_assert_no_error (error);
    page = anshin_mock_activity_dup_page (legacy, NULL, 200, &found);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "transactions")), >=, 8);
  }

  /* a damaged one is refused */
  {
    g_autoptr(AnshinMockMember) damaged = anshin_mock_member_new (scenario);

    json_object_set_string_member (saved, "transactions", "lots");
    g_assert_false (anshin_mock_member_restore (damaged, saved, &error));
    g_assert_nonnull (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mock/activity/rule/%s", rule_cases[i].name);

      MOCK_TEST (path, test_rule);
    }
  MOCK_TEST ("/mock/activity/points-balance", test_points_balance);
  MOCK_TEST ("/mock/activity/paging", test_paging);
  MOCK_TEST ("/mock/activity/bad-queries", test_bad_queries);
  MOCK_TEST ("/mock/activity/bad-payments", test_bad_payments);
  MOCK_TEST_SCENARIO ("/mock/activity/top-up-once", "renewal-smooth", test_top_up_once);
  MOCK_TEST ("/mock/activity/seed-story", test_seed_story_payments);
  MOCK_TEST ("/mock/activity/scheduled-decided-when-due", test_scheduled_decided_when_due);
  g_test_add_func ("/mock/activity/every-scenario-has-history", test_every_scenario_has_history);
  g_test_add_func ("/mock/activity/events", test_events);
  MOCK_TEST ("/mock/activity/long-history", test_long_history);
  g_test_add_func ("/mock/activity/saved", test_saved);

  return g_test_run ();
}
