/* test-mock-story.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scenarios played over real HTTP through /admin: seed-story walked
 * step by step (card, payment methods and notices at each step), the clock
 * rules, and what sets each other scenario apart.
 */

#include "config.h"

#include "test-mock-util.h"

static MockReply *
step (MockFixture *fixture)
{
  return mock_request (fixture, "POST", "/admin/step", NULL, NULL);
}

static JsonObject *
card (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/v1/card");

  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_ref (mock_reply_object (reply));
}

static void
assert_network (MockFixture *fixture,
                const char  *id,
                const char  *state,
                const char  *reason,
                const char  *eta)
{
  g_autoptr(JsonObject) network = mock_find_network (fixture, id);

  g_assert_cmpstr (json_object_get_string_member (network, "state"), ==, state);
  if (reason == NULL)
    g_assert_true (json_object_get_null_member (network, "reason"));
  else
    g_assert_cmpstr (json_object_get_string_member (network, "reason"), ==, reason);
  if (eta == NULL)
    g_assert_true (json_object_get_null_member (network, "eta"));
  else
    g_assert_cmpstr (json_object_get_string_member (network, "eta"), ==, eta);
}

static JsonArray *
notices (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/v1/notices");

  g_assert_cmpuint (reply->status, ==, 200);
  return json_array_ref (json_object_get_array_member (mock_reply_object (reply), "notices"));
}

static const char *
newest_code (JsonArray *list)
{
  return json_object_get_string_member (json_array_get_object_element (list, 0), "code");
}

static void
next_step (MockFixture *fixture,
           int          index,
           const char  *at)
{
  g_autoptr(MockReply) reply = step (fixture);
  JsonObject *current;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpint (mock_reply_int (reply, "current_step"), ==, index);
  g_assert_cmpstr (mock_reply_string (reply, "issuer_time"), ==, at);
  current = json_array_get_object_element (json_object_get_array_member (mock_reply_object (reply), "steps"), index);
  g_assert_cmpstr (json_object_get_string_member (current, "at"), ==, at);
  g_assert_nonnull (json_object_get_string_member (current, "narration"));
  mock_login (fixture);
}

static void
test_seed_story (MockFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(MockReply) scenario = mock_get (fixture, "/admin/scenario");
  g_autoptr(MockReply) last = NULL;
  g_autoptr(JsonObject) c = NULL;
  g_autoptr(JsonArray) list = NULL;
  JsonObject *renewal;
  JsonObject *physical;

  /* 0: 2025-08-30 09:00, everything works */
  g_assert_cmpstr (mock_reply_string (scenario, "name"), ==, "seed-story");
  g_assert_cmpstr (mock_reply_string (scenario, "member_id"), ==, "demo");
  g_assert_cmpint (mock_reply_int (scenario, "current_step"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (mock_reply_object (scenario), "steps")),
                    ==, 7);
  mock_login (fixture);
  list = notices (fixture);
  g_assert_cmpuint (json_array_get_length (list), ==, 0);
  assert_network (fixture, "quicpay", "available", NULL, NULL);
  g_clear_pointer (&list, json_array_unref);

  /* 1: 10:00, the renewal is announced by email */
  next_step (fixture, 1, "2025-08-30T10:00:00+09:00");
  c = card (fixture);
  renewal = json_object_get_object_member (c, "renewal");
  g_assert_cmpstr (json_object_get_string_member (renewal, "status"), ==, "scheduled");
  g_assert_cmpstr (json_object_get_string_member (renewal, "date"), ==, "2025-11-30");
  g_assert_cmpstr (json_object_get_string_member (renewal, "announced_at"), ==, "2025-08-30T10:00:00+09:00");
  g_assert_false (json_object_get_boolean_member (renewal, "number_changes"));
  g_assert_cmpint (json_object_get_int_member (renewal, "new_exp_year"), ==, 2030);
  list = notices (fixture);
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (newest_code (list), ==, "renewal_scheduled");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "channel"), ==, "email");
  g_clear_pointer (&list, json_array_unref);
  g_clear_pointer (&c, json_object_unref);

  /* 2: 2025-11-30 09:00, the switch: same number, new expiry */
  next_step (fixture, 2, "2025-11-30T09:00:00+09:00");
  c = card (fixture);
  g_assert_cmpint (json_object_get_int_member (c, "exp_month"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (c, "exp_year"), ==, 2030);
  g_assert_cmpstr (json_object_get_string_member (c, "number_last4"), ==, "4821");
  renewal = json_object_get_object_member (c, "renewal");
  g_assert_cmpstr (json_object_get_string_member (renewal, "status"), ==, "completed");
  g_assert_cmpstr (json_object_get_string_member (renewal, "completed_at"), ==, "2025-11-30T09:00:00+09:00");
  physical = json_object_get_object_member (c, "physical_card");
  g_assert_cmpstr (json_object_get_string_member (physical, "status"), ==, "preparing");
  list = notices (fixture);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_cmpstr (newest_code (list), ==, "card_activated");
  assert_network (fixture, "mastercard_online", "available", NULL, NULL);
  assert_network (fixture, "mastercard_contactless", "available", NULL, NULL);
  assert_network (fixture, "apple_pay", "updating", "renewal_migration_pending", "2025-11-30T12:00:00+09:00");
  assert_network (fixture, "google_pay", "updating", "renewal_migration_pending", "2025-11-30T12:00:00+09:00");
  assert_network (fixture, "quicpay", "updating", "renewal_migration_pending", "2025-12-02T09:00:00+09:00");
  g_clear_pointer (&list, json_array_unref);
  g_clear_pointer (&c, json_object_unref);

  /* 3: 12:00, the wallets are back, QUICPay still pending */
  next_step (fixture, 3, "2025-11-30T12:00:00+09:00");
  assert_network (fixture, "apple_pay", "available", NULL, NULL);
  assert_network (fixture, "google_pay", "available", NULL, NULL);
  assert_network (fixture, "quicpay", "updating", "renewal_migration_pending", "2025-12-02T09:00:00+09:00");

  /* 4: 2025-12-02 10:00, the eta has passed and no new one is given */
  next_step (fixture, 4, "2025-12-02T10:00:00+09:00");
  assert_network (fixture, "quicpay", "unavailable", "renewal_migration_delayed", NULL);
  {
    g_autoptr(JsonObject) quicpay = mock_find_network (fixture, "quicpay");
    JsonArray *via = json_object_get_array_member (quicpay, "via");

    g_assert_cmpuint (json_array_get_length (via), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (via, 0), ==, "apple_pay");
  }

  /* 5: 12-14, the physical card is shipped */
  next_step (fixture, 5, "2025-12-14T10:00:00+09:00");
  c = card (fixture);
  physical = json_object_get_object_member (c, "physical_card");
  g_assert_cmpstr (json_object_get_string_member (physical, "status"), ==, "shipped");
  g_assert_cmpstr (json_object_get_string_member (physical, "eta"), ==, "2025-12-16");
  g_assert_cmpstr (json_object_get_string_member (physical, "shipped_at"), ==, "2025-12-14T10:00:00+09:00");
  list = notices (fixture);
  g_assert_cmpstr (newest_code (list), ==, "physical_card_shipped");
  g_clear_pointer (&list, json_array_unref);
  g_clear_pointer (&c, json_object_unref);

  /* 6: 12-16, delivered; QUICPay never recovered by itself */
  next_step (fixture, 6, "2025-12-16T14:00:00+09:00");
  c = card (fixture);
  physical = json_object_get_object_member (c, "physical_card");
  g_assert_cmpstr (json_object_get_string_member (physical, "status"), ==, "delivered");
  g_assert_cmpstr (json_object_get_string_member (physical, "delivered_at"), ==, "2025-12-16T14:00:00+09:00");
  list = notices (fixture);
  /* the renewal, the activation, shipped, delivered, and a declined
   * QUICPay payment each on 2, 3 and 9 December: nobody reissued */
  g_assert_cmpuint (json_array_get_length (list), ==, 7);
  g_assert_cmpstr (newest_code (list), ==, "physical_card_delivered");
  assert_network (fixture, "quicpay", "unavailable", "renewal_migration_delayed", NULL);

  last = step (fixture);
  mock_assert_problem (last, 409, "no_next_step");
}

static void
test_clock_rules (MockFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(MockReply) backwards = mock_request (fixture, "POST", "/admin/clock",
                                                 "{\"set\": \"2025-01-01T00:00:00+09:00\"}", NULL);
  g_autoptr(MockReply) negative = mock_request (fixture, "POST", "/admin/clock",
                                                "{\"advance_seconds\": -5}", NULL);
  g_autoptr(MockReply) garbage = mock_request (fixture, "POST", "/admin/clock",
                                               "{\"set\": \"tomorrow\"}", NULL);
  g_autoptr(MockReply) forward = mock_request (fixture, "POST", "/admin/clock",
                                               "{\"advance_seconds\": 3600}", NULL);
  g_autoptr(MockReply) set = mock_request (fixture, "POST", "/admin/clock",
                                           "{\"set\": \"2025-11-30T00:00:00Z\"}", NULL);
  g_autoptr(MockReply) reload = NULL;

  mock_assert_problem (backwards, 409, "clock_backwards");
  mock_assert_problem (negative, 409, "clock_backwards");
  mock_assert_problem (garbage, 400, "invalid_request");
  g_assert_cmpuint (forward->status, ==, 200);
  g_assert_cmpstr (mock_reply_string (forward, "issuer_time"), ==, "2025-08-30T10:00:00+09:00");
  g_assert_cmpstr (soup_message_headers_get_one (forward->headers, "Issuer-Time"), ==,
                   "2025-08-30T10:00:00+09:00");
  g_assert_cmpstr (mock_reply_string (set, "issuer_time"), ==, "2025-11-30T09:00:00+09:00");
  g_assert_false (json_object_get_boolean_member (mock_reply_object (set), "running"));

  /* the stopped clock runs again when told to */
  {
    g_autoptr(MockReply) run = mock_request (fixture, "POST", "/admin/clock", "{\"running\": true}", NULL);
    g_autoptr(MockReply) bad = mock_request (fixture, "POST", "/admin/clock", "{\"running\": 1}", NULL);

    g_assert_cmpuint (run->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (mock_reply_object (run), "running"));
    mock_assert_problem (bad, 400, "invalid_request");
  }

  /* loading a scenario resets the clock to its start */
  reload = mock_request (fixture, "POST", "/admin/scenario", "{\"name\": \"seed-story\"}", NULL);
  g_assert_cmpuint (reload->status, ==, 200);
  g_assert_cmpstr (mock_reply_string (reload, "issuer_time"), ==, "2025-08-30T09:00:00+09:00");
  g_assert_cmpint (mock_reply_int (reload, "current_step"), ==, 0);

  {
    g_autoptr(MockReply) unknown = mock_request (fixture, "POST", "/admin/scenario",
                                                 "{\"name\": \"no-such-story\"}", NULL);
    g_autoptr(MockReply) path = mock_request (fixture, "POST", "/admin/scenario",
                                              "{\"name\": \"/etc/passwd\"}", NULL);

    mock_assert_problem (unknown, 404, "not_found");
    mock_assert_problem (path, 404, "not_found");
  }
}

static void
test_renewal_smooth (MockFixture   *fixture,
                     gconstpointer  data)
{
  mock_set_clock (fixture, "2025-11-30T09:00:00+09:00");
  mock_login (fixture);
  assert_network (fixture, "quicpay", "updating", "renewal_migration_pending", "2025-11-30T12:00:00+09:00");
  mock_set_clock (fixture, "2025-11-30T12:00:00+09:00");
  mock_login (fixture);
  assert_network (fixture, "quicpay", "available", NULL, NULL);
  mock_set_clock (fixture, "2025-12-03T12:00:00+09:00");
  mock_login (fixture);
  assert_network (fixture, "quicpay", "available", NULL, NULL);
}

static void
test_virtual_only (MockFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) c = NULL;
  g_autoptr(MockReply) scenario = NULL;
  guint n_steps;

  mock_login (fixture);
  c = card (fixture);
  g_assert_cmpstr (json_object_get_string_member (c, "form"), ==, "virtual");
  g_assert_true (json_object_get_null_member (c, "physical_card"));
  g_clear_pointer (&c, json_object_unref);

  scenario = mock_get (fixture, "/admin/scenario");
  n_steps = json_array_get_length (json_object_get_array_member (mock_reply_object (scenario), "steps"));
  for (guint i = 1; i < n_steps; i++)
    {
      g_autoptr(MockReply) reply = step (fixture);

      g_assert_cmpuint (reply->status, ==, 200);
    }

  mock_login (fixture);
  c = card (fixture);
  g_assert_true (json_object_get_null_member (c, "physical_card"));
  g_assert_cmpint (json_object_get_int_member (c, "exp_year"), ==, 2030);
}

static void
test_unexpected_activation (MockFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(JsonObject) c = NULL;
  g_autoptr(JsonArray) list = NULL;

  next_step (fixture, 1, "2026-03-10T11:30:00+09:00");
  c = card (fixture);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (c, "renewal"), "status"),
                   ==, "none");
  g_assert_true (json_object_get_null_member (c, "reissue"));
  list = notices (fixture);
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (newest_code (list), ==, "card_activated");
}

static void
test_locked_out (MockFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(MockReply) registration = NULL;
  g_autoptr(MockReply) lifted = NULL;

  mock_login (fixture);
  registration = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_cmpuint (registration->status, ==, 200);
  g_assert_true (json_object_get_null_member (mock_reply_object (registration), "form_token"));
  g_assert_cmpint (mock_reply_int (registration, "attempts_remaining"), ==, 0);
  /* 23 hours after the start */
  g_assert_cmpstr (mock_reply_string (registration, "locked_until"), ==, "2025-12-04T08:00:00+09:00");

  next_step (fixture, 1, "2025-12-04T08:00:00+09:00");
  lifted = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_nonnull (mock_reply_string (lifted, "form_token"));
  g_assert_cmpint (mock_reply_int (lifted, "attempts_remaining"), ==, 5);
  g_assert_true (json_object_get_null_member (mock_reply_object (lifted), "locked_until"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  MOCK_TEST ("/mock/story/seed-story", test_seed_story);
  MOCK_TEST ("/mock/story/clock-rules", test_clock_rules);
  MOCK_TEST_SCENARIO ("/mock/story/renewal-smooth", "renewal-smooth", test_renewal_smooth);
  MOCK_TEST_SCENARIO ("/mock/story/virtual-only", "virtual-only", test_virtual_only);
  MOCK_TEST_SCENARIO ("/mock/story/unexpected-activation", "unexpected-activation", test_unexpected_activation);
  MOCK_TEST_SCENARIO ("/mock/story/locked-out", "locked-out", test_locked_out);

  return g_test_run ();
}
