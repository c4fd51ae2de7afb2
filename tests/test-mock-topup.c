/* test-mock-topup.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Top-ups over real HTTP: 1,000 to 50,000 yen a charge, rolling limits of
 * 100,000 yen per 24 hours and 300,000 yen per 720 hours exactly at their
 * boundaries, the balance, and idempotent replays that never charge twice.
 */

#include "config.h"

#include "test-mock-util.h"

static char *
register_card (MockFixture *fixture)
{
  g_autoptr(MockReply) status = mock_get (fixture, "/v1/charge-cards/registration");
  g_autofree char *key = mock_next_key ();
  g_autofree char *json = g_strdup_printf ("{\"form_token\": \"%s\", \"number\": \"5555555555554444\", "
                                           "\"exp_month\": 12, \"exp_year\": 2029, \"cvc\": \"123\", "
                                           "\"holder_name\": \"HANAKO SATO\"}",
                                           mock_reply_string (status, "form_token"));
  g_autoptr(MockReply) reply = mock_request (fixture, "POST", "/v1/charge-cards", json, key);

  g_assert_cmpuint (reply->status, ==, 201);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (mock_reply_object (reply),
                                                                                 "charge_card"), "id"));
}

static MockReply *
charge_with_key (MockFixture *fixture,
                 const char  *card_id,
                 gint64       amount,
                 const char  *key)
{
  g_autofree char *json = g_strdup_printf ("{\"charge_card_id\": \"%s\", \"amount\": %" G_GINT64_FORMAT "}",
                                           card_id, amount);

  return mock_request (fixture, "POST", "/v1/charges", json, key);
}

static MockReply *
charge (MockFixture *fixture,
        const char  *card_id,
        gint64       amount)
{
  g_autofree char *key = mock_next_key ();

  return charge_with_key (fixture, card_id, amount, key);
}

static void
charge_ok (MockFixture *fixture,
           const char  *card_id,
           gint64       amount)
{
  g_autoptr(MockReply) reply = charge (fixture, card_id, amount);

  if (reply->status != 201)
    g_test_message ("charge of %" G_GINT64_FORMAT ": %s", amount, reply->text);
  g_assert_cmpuint (reply->status, ==, 201);
}

static gint64
balance (MockFixture *fixture)
{
  g_autoptr(MockReply) card = mock_get (fixture, "/v1/card");

  return json_object_get_int_member (json_object_get_object_member (mock_reply_object (card), "balance"), "amount");
}

static void
assert_limit (MockReply  *reply,
              const char *window,
              gint64      limit,
              gint64      remaining,
              const char *resets_at)
{
  mock_assert_problem (reply, 422, "limit_exceeded");
  g_assert_cmpstr (mock_reply_string (reply, "window"), ==, window);
  g_assert_cmpint (mock_reply_int (reply, "limit"), ==, limit);
  g_assert_cmpint (mock_reply_int (reply, "remaining"), ==, remaining);
  g_assert_cmpstr (mock_reply_string (reply, "resets_at"), ==, resets_at);
}

static void
test_charge (MockFixture   *fixture,
             gconstpointer  data)
{
  g_autofree char *card_id = NULL;
  g_autofree char *key = mock_next_key ();
  g_autoptr(MockReply) first = NULL;
  g_autoptr(MockReply) replay = NULL;
  g_autoptr(MockReply) reused = NULL;
  g_autoptr(MockReply) list = NULL;
  g_autoptr(MockReply) no_key = NULL;
  JsonObject *object;

  mock_login (fixture);
  card_id = register_card (fixture);
  g_assert_cmpint (balance (fixture), ==, 12345);

  first = charge_with_key (fixture, card_id, 5000, key);
  g_assert_cmpuint (first->status, ==, 201);
  object = json_object_get_object_member (mock_reply_object (first), "charge");
  g_assert_cmpint (json_object_get_int_member (object, "amount"), ==, 5000);
  g_assert_cmpstr (json_object_get_string_member (object, "created_at"), ==, "2025-08-30T09:00:00+09:00");
  object = json_object_get_object_member (mock_reply_object (first), "balance");
  g_assert_cmpint (json_object_get_int_member (object, "amount"), ==, 17345);
  g_assert_cmpstr (json_object_get_string_member (object, "currency"), ==, "JPY");

  /* a retry with the same key is answered, not charged again */
  replay = charge_with_key (fixture, card_id, 5000, key);
  g_assert_cmpuint (replay->status, ==, 201);
  g_assert_cmpstr (replay->text, ==, first->text);
  g_assert_cmpint (balance (fixture), ==, 17345);
  reused = charge_with_key (fixture, card_id, 6000, key);
  mock_assert_problem (reused, 422, "idempotency_key_reused");

  no_key = mock_request (fixture, "POST", "/v1/charges", "{\"charge_card_id\": \"x\", \"amount\": 1000}", NULL);
  mock_assert_problem (no_key, 400, "idempotency_key_missing");

  mock_advance_clock (fixture, 60);
  charge_ok (fixture, card_id, 1000);
  list = mock_get (fixture, "/v1/charges");
  g_assert_cmpuint (list->status, ==, 200);
  object = json_array_get_object_element (json_object_get_array_member (mock_reply_object (list), "charges"), 0);
  g_assert_cmpint (json_object_get_int_member (object, "amount"), ==, 1000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (mock_reply_object (list), "charges")),
                    ==, 2);
  g_assert_cmpint (balance (fixture), ==, 18345);
}

static void
test_amount_range (MockFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *card_id = NULL;
  const gint64 refused[] = { 999, 50001, 0, -1000 };
  g_autoptr(MockReply) fraction = NULL;
  g_autoptr(MockReply) unknown = NULL;
  g_autofree char *key = mock_next_key ();

  mock_login (fixture);
  card_id = register_card (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(MockReply) reply = charge (fixture, card_id, refused[i]);

      mock_assert_problem (reply, 422, "amount_out_of_range");
      g_assert_cmpint (mock_reply_int (reply, "min"), ==, 1000);
      g_assert_cmpint (mock_reply_int (reply, "max"), ==, 50000);
    }

  charge_ok (fixture, card_id, 1000);
  charge_ok (fixture, card_id, 50000);

  fraction = mock_request (fixture, "POST", "/v1/charges",
                           "{\"charge_card_id\": \"cc_1\", \"amount\": 1000.5}", key);
  mock_assert_problem (fraction, 400, "invalid_request");

  unknown = charge (fixture, "cc_404", 1000);
  mock_assert_problem (unknown, 404, "not_found");
  g_assert_cmpint (balance (fixture), ==, 12345 + 51000);
}

static void
test_rolling_24h (MockFixture   *fixture,
                  gconstpointer  data)
{
  g_autofree char *card_id = NULL;
  g_autoptr(MockReply) over = NULL;
  g_autoptr(MockReply) still = NULL;

  mock_login (fixture);
  card_id = register_card (fixture);

  charge_ok (fixture, card_id, 50000);            /* 09:00 */
  mock_advance_clock (fixture, 60 * 60);
  mock_login (fixture);
  charge_ok (fixture, card_id, 40000);            /* 10:00 */
  charge_ok (fixture, card_id, 10000);            /* 10:00, exactly 100,000 */

  over = charge (fixture, card_id, 1000);
  /* the 09:00 charge leaves the window at 09:00 tomorrow */
  assert_limit (over, "24h", 100000, 0, "2025-08-31T09:00:00+09:00");

  mock_set_clock (fixture, "2025-08-31T08:59:59+09:00");
  mock_login (fixture);
  still = charge (fixture, card_id, 1000);
  assert_limit (still, "24h", 100000, 0, "2025-08-31T09:00:00+09:00");

  mock_set_clock (fixture, "2025-08-31T09:00:00+09:00");
  mock_login (fixture);
  charge_ok (fixture, card_id, 50000);
  {
    /* 40,000 + 10,000 + 50,000 in the window: full again until 10:00 */
    g_autoptr(MockReply) full = charge (fixture, card_id, 1000);

    assert_limit (full, "24h", 100000, 0, "2025-08-31T10:00:00+09:00");
  }
}

static void
test_rolling_720h (MockFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *card_id = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2025-08-30T09:00:00+09:00", NULL);
  g_autoptr(MockReply) over = NULL;

  mock_login (fixture);
  card_id = register_card (fixture);

  /* 100,000 a day for three days: 300,000 in 720 hours */
  for (guint day = 0; day < 3; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (start, day);
      g_autofree char *text = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");

      if (day > 0)
        mock_set_clock (fixture, text);
      mock_login (fixture);
      charge_ok (fixture, card_id, 50000);
      charge_ok (fixture, card_id, 50000);
    }

  mock_set_clock (fixture, "2025-09-02T09:00:00+09:00");
  mock_login (fixture);
  over = charge (fixture, card_id, 1000);
  /* the first day's charges leave the 720-hour window 30 days later */
  assert_limit (over, "720h", 300000, 0, "2025-09-29T09:00:00+09:00");

  mock_set_clock (fixture, "2025-09-29T08:59:59+09:00");
  mock_login (fixture);
  {
    g_autoptr(MockReply) still = charge (fixture, card_id, 1000);

    mock_assert_problem (still, 422, "limit_exceeded");
    g_assert_cmpstr (mock_reply_string (still, "window"), ==, "720h");
  }

  mock_set_clock (fixture, "2025-09-29T09:00:00+09:00");
  mock_login (fixture);
  charge_ok (fixture, card_id, 50000);
  charge_ok (fixture, card_id, 50000);
  {
    g_autoptr(MockReply) full = charge (fixture, card_id, 1000);

    assert_limit (full, "24h", 100000, 0, "2025-09-30T09:00:00+09:00");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  MOCK_TEST_SCENARIO ("/mock/topup/charge", "renewal-smooth", test_charge);
  MOCK_TEST_SCENARIO ("/mock/topup/amount-range", "renewal-smooth", test_amount_range);
  MOCK_TEST_SCENARIO ("/mock/topup/rolling-24h", "renewal-smooth", test_rolling_24h);
  MOCK_TEST_SCENARIO ("/mock/topup/rolling-720h", "renewal-smooth", test_rolling_720h);

  return g_test_run ();
}
