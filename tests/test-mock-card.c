/* test-mock-card.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card over real HTTP: freezing and unfreezing, reissue with and
 * without a new number (3 hours of issuer time), idempotency keys,
 * programmes and notices.
 */

#include "config.h"

#include <string.h>

#include "test-mock-util.h"

static JsonObject *
get_card (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/v1/card");

  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_ref (mock_reply_object (reply));
}

static JsonArray *
get_notices (MockFixture *fixture,
             const char  *query)
{
  g_autofree char *path = g_strconcat ("/v1/notices", query, NULL);
  g_autoptr(MockReply) reply = mock_get (fixture, path);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_array_ref (json_object_get_array_member (mock_reply_object (reply), "notices"));
}

static void
test_card_shape (MockFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) card = NULL;
  JsonObject *balance;

  mock_login (fixture);
  card = get_card (fixture);

  g_assert_cmpstr (json_object_get_string_member (card, "product_name"), ==, "Tsubasa Pay");
  g_assert_cmpstr (json_object_get_string_member (card, "brand"), ==, "mastercard");
  g_assert_cmpstr (json_object_get_string_member (card, "form"), ==, "virtual_and_physical");
  g_assert_cmpstr (json_object_get_string_member (card, "state"), ==, "active");
  g_assert_cmpint (json_object_get_int_member (card, "exp_month"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (card, "exp_year"), ==, 2025);
  g_assert_cmpuint (strlen (json_object_get_string_member (card, "number_last4")), ==, 4);
  balance = json_object_get_object_member (card, "balance");
  g_assert_cmpint (json_object_get_int_member (balance, "amount"), ==, 12345);
  g_assert_cmpstr (json_object_get_string_member (balance, "currency"), ==, "JPY");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (card, "renewal"), "status"),
                   ==, "none");
  g_assert_true (json_object_get_null_member (card, "reissue"));
}

static void
test_freeze (MockFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(MockReply) frozen = NULL;
  g_autoptr(MockReply) again = NULL;
  g_autoptr(MockReply) bad = NULL;
  g_autoptr(MockReply) thawed = NULL;
  g_autoptr(JsonObject) quicpay = NULL;
  g_autoptr(JsonObject) online = NULL;
  g_autoptr(JsonArray) notices = NULL;

  mock_login (fixture);
  frozen = mock_request (fixture, "PATCH", "/v1/card", "{\"state\": \"frozen\"}", NULL);
  g_assert_cmpuint (frozen->status, ==, 200);
  g_assert_cmpstr (mock_reply_string (frozen, "state"), ==, "frozen");

  /* a frozen card pays nowhere */
  quicpay = mock_find_network (fixture, "quicpay");
  online = mock_find_network (fixture, "mastercard_online");
  g_assert_cmpstr (json_object_get_string_member (quicpay, "state"), ==, "unavailable");
  g_assert_cmpstr (json_object_get_string_member (quicpay, "reason"), ==, "card_frozen");
  g_assert_cmpstr (json_object_get_string_member (online, "reason"), ==, "card_frozen");

  again = mock_request (fixture, "PATCH", "/v1/card", "{\"state\": \"frozen\"}", NULL);
  mock_assert_problem (again, 409, "invalid_state_transition");
  bad = mock_request (fixture, "PATCH", "/v1/card", "{\"state\": \"closed\"}", NULL);
  mock_assert_problem (bad, 400, "invalid_request");

  thawed = mock_request (fixture, "PATCH", "/v1/card", "{\"state\": \"active\"}", NULL);
  g_assert_cmpuint (thawed->status, ==, 200);
  g_assert_cmpstr (mock_reply_string (thawed, "state"), ==, "active");
  g_clear_pointer (&quicpay, json_object_unref);
  quicpay = mock_find_network (fixture, "quicpay");
  g_assert_cmpstr (json_object_get_string_member (quicpay, "state"), ==, "available");
  g_assert_true (json_object_get_null_member (quicpay, "reason"));

  notices = get_notices (fixture, "");
  g_assert_cmpuint (json_array_get_length (notices), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notices, 0), "code"),
                   ==, "card_unfrozen");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notices, 1), "code"),
                   ==, "card_frozen");
}

static void
test_reissue_new_number (MockFixture   *fixture,
                         gconstpointer  data)
{
  g_autofree char *key = mock_next_key ();
  const char *body = "{\"new_number\": true, \"reason\": \"network_unavailable\"}";
  g_autoptr(MockReply) started = NULL;
  g_autoptr(MockReply) replay = NULL;
  g_autoptr(MockReply) second = NULL;
  g_autoptr(JsonObject) card = NULL;
  g_autoptr(JsonObject) quicpay = NULL;
  g_autoptr(JsonObject) apple = NULL;
  g_autoptr(JsonArray) notices = NULL;
  g_autofree char *old_last4 = NULL;
  g_autofree char *second_key = mock_next_key ();
  JsonObject *reissue;

  /* seed-story on 2 December: QUICPay stuck after the renewal */
  mock_set_clock (fixture, "2025-12-02T10:00:00+09:00");
  mock_login (fixture);
  quicpay = mock_find_network (fixture, "quicpay");
  g_assert_cmpstr (json_object_get_string_member (quicpay, "reason"), ==, "renewal_migration_delayed");
  g_clear_pointer (&quicpay, json_object_unref);
  card = get_card (fixture);
  old_last4 = g_strdup (json_object_get_string_member (card, "number_last4"));
  g_clear_pointer (&card, json_object_unref);

  started = mock_request (fixture, "POST", "/v1/card/reissue", body, key);
  g_assert_cmpuint (started->status, ==, 202);
  reissue = json_object_get_object_member (mock_reply_object (started), "reissue");
  g_assert_cmpstr (json_object_get_string_member (reissue, "status"), ==, "in_progress");
  g_assert_true (json_object_get_boolean_member (reissue, "new_number"));
  g_assert_cmpstr (json_object_get_string_member (reissue, "requested_at"), ==, "2025-12-02T10:00:00+09:00");
  g_assert_cmpstr (json_object_get_string_member (reissue, "ready_eta"), ==, "2025-12-02T13:00:00+09:00");
  g_assert_true (json_object_get_null_member (reissue, "completed_at"));

  /* the same key and body: the first answer again, no second reissue */
  replay = mock_request (fixture, "POST", "/v1/card/reissue", body, key);
  g_assert_cmpuint (replay->status, ==, 202);
  g_assert_cmpstr (replay->text, ==, started->text);

  second = mock_request (fixture, "POST", "/v1/card/reissue", body, second_key);
  mock_assert_problem (second, 409, "reissue_in_progress");

  card = get_card (fixture);
  g_assert_cmpstr (json_object_get_string_member (card, "state"), ==, "reissuing");
  quicpay = mock_find_network (fixture, "quicpay");
  apple = mock_find_network (fixture, "apple_pay");
  g_assert_cmpstr (json_object_get_string_member (quicpay, "state"), ==, "updating");
  g_assert_cmpstr (json_object_get_string_member (quicpay, "reason"), ==, "reissue_in_progress");
  g_assert_cmpstr (json_object_get_string_member (quicpay, "eta"), ==, "2025-12-02T13:00:00+09:00");
  g_assert_cmpstr (json_object_get_string_member (apple, "reason"), ==, "reissue_in_progress");
  g_clear_pointer (&quicpay, json_object_unref);
  g_clear_pointer (&card, json_object_unref);

  /* one second short of three hours: still in progress */
  mock_set_clock (fixture, "2025-12-02T12:59:59+09:00");
  mock_login (fixture);
  quicpay = mock_find_network (fixture, "quicpay");
  g_assert_cmpstr (json_object_get_string_member (quicpay, "state"), ==, "updating");
  g_clear_pointer (&quicpay, json_object_unref);

  mock_set_clock (fixture, "2025-12-02T13:00:00+09:00");
  mock_login (fixture);
  quicpay = mock_find_network (fixture, "quicpay");
  g_assert_cmpstr (json_object_get_string_member (quicpay, "state"), ==, "available");
  g_assert_true (json_object_get_null_member (quicpay, "reason"));
  g_assert_cmpstr (json_object_get_string_member (quicpay, "since"), ==, "2025-12-02T13:00:00+09:00");

  card = get_card (fixture);
  g_assert_cmpstr (json_object_get_string_member (card, "state"), ==, "active");
  g_assert_cmpstr (json_object_get_string_member (card, "number_last4"), !=, old_last4);
  reissue = json_object_get_object_member (card, "reissue");
  g_assert_cmpstr (json_object_get_string_member (reissue, "status"), ==, "completed");
  g_assert_cmpstr (json_object_get_string_member (reissue, "completed_at"), ==, "2025-12-02T13:00:00+09:00");

  notices = get_notices (fixture, "");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notices, 0), "code"),
                   ==, "reissue_completed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notices, 1), "code"),
                   ==, "reissue_started");

  /* the delayed migration of the old number no longer touches QUICPay */
  mock_set_clock (fixture, "2025-12-20T10:00:00+09:00");
  mock_login (fixture);
  g_clear_pointer (&quicpay, json_object_unref);
  quicpay = mock_find_network (fixture, "quicpay");
  g_assert_cmpstr (json_object_get_string_member (quicpay, "state"), ==, "available");
}

static void
test_reissue_same_number (MockFixture   *fixture,
                          gconstpointer  data)
{
  g_autofree char *key = mock_next_key ();
  g_autoptr(MockReply) started = NULL;
  g_autoptr(JsonObject) card = NULL;
  g_autofree char *last4 = NULL;

  mock_login (fixture);
  card = get_card (fixture);
  last4 = g_strdup (json_object_get_string_member (card, "number_last4"));
  g_clear_pointer (&card, json_object_unref);

  started = mock_request (fixture, "POST", "/v1/card/reissue",
                          "{\"new_number\": false, \"reason\": \"damaged\"}", key);
  g_assert_cmpuint (started->status, ==, 202);
  card = get_card (fixture);
  g_assert_cmpstr (json_object_get_string_member (card, "state"), ==, "active");
  g_clear_pointer (&card, json_object_unref);

  mock_advance_clock (fixture, 3 * 60 * 60);
  mock_login (fixture);
  card = get_card (fixture);
  g_assert_cmpstr (json_object_get_string_member (card, "number_last4"), ==, last4);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (card, "reissue"), "status"),
                   ==, "completed");
}

static void
test_reissue_checks (MockFixture   *fixture,
                     gconstpointer  data)
{
  const char *body = "{\"new_number\": true, \"reason\": \"lost\"}";
  g_autofree char *key = mock_next_key ();
  g_autofree char *long_key = g_strnfill (256, 'k');
  g_autofree char *key2 = mock_next_key ();
  g_autofree char *key3 = mock_next_key ();
  g_autoptr(MockReply) no_key = NULL;
  g_autoptr(MockReply) too_long = NULL;
  g_autoptr(MockReply) bad_reason = NULL;
  g_autoptr(MockReply) bad_type = NULL;
  g_autoptr(MockReply) frozen = NULL;
  g_autoptr(MockReply) refused = NULL;
  g_autoptr(MockReply) reused = NULL;

  mock_login (fixture);
  no_key = mock_request (fixture, "POST", "/v1/card/reissue", body, NULL);
  mock_assert_problem (no_key, 400, "idempotency_key_missing");
  too_long = mock_request (fixture, "POST", "/v1/card/reissue", body, long_key);
  mock_assert_problem (too_long, 400, "invalid_request");
  bad_reason = mock_request (fixture, "POST", "/v1/card/reissue",
                             "{\"new_number\": true, \"reason\": \"bored\"}", key2);
  mock_assert_problem (bad_reason, 400, "invalid_request");
  bad_type = mock_request (fixture, "POST", "/v1/card/reissue",
                           "{\"new_number\": \"yes\", \"reason\": \"lost\"}", key3);
  mock_assert_problem (bad_type, 400, "invalid_request");

  frozen = mock_request (fixture, "PATCH", "/v1/card", "{\"state\": \"frozen\"}", NULL);
  g_assert_cmpuint (frozen->status, ==, 200);
  refused = mock_request (fixture, "POST", "/v1/card/reissue", body, key);
  mock_assert_problem (refused, 409, "invalid_state_transition");

  /* the key is now bound to that request: another body is refused */
  reused = mock_request (fixture, "POST", "/v1/card/reissue",
                         "{\"new_number\": false, \"reason\": \"lost\"}", key);
  mock_assert_problem (reused, 422, "idempotency_key_reused");
}

static void
test_programs (MockFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(MockReply) reply = NULL;
  JsonObject *program;

  mock_login (fixture);
  reply = mock_get (fixture, "/v1/programs");
  g_assert_cmpuint (reply->status, ==, 200);
  program = json_array_get_object_element (json_object_get_array_member (mock_reply_object (reply), "programs"), 0);
  g_assert_cmpstr (json_object_get_string_member (program, "name"), ==, "Tsubasa Shopping Program");
  g_assert_cmpstr (json_object_get_string_member (program, "since"), ==, "2024-11-01");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (program, "requires_networks"), 0),
                   ==, "quicpay");
}

static void
test_notices_read (MockFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonArray) notices = NULL;
  g_autoptr(JsonArray) newer = NULL;
  g_autoptr(JsonArray) after_read = NULL;
  g_autoptr(MockReply) read = NULL;
  g_autoptr(MockReply) unknown = NULL;
  g_autofree char *path = NULL;
  g_autofree char *query = NULL;
  const char *first_id;
  JsonObject *notice;

  mock_set_clock (fixture, "2025-11-30T09:00:00+09:00");
  mock_login (fixture);
  notices = get_notices (fixture, "");
  g_assert_cmpuint (json_array_get_length (notices), ==, 2);
  notice = json_array_get_object_element (notices, 0);
  g_assert_cmpstr (json_object_get_string_member (notice, "code"), ==, "card_activated");
  g_assert_cmpstr (json_object_get_string_member (notice, "channel"), ==, "email");
  g_assert_cmpstr (json_object_get_string_member (notice, "issued_at"), ==, "2025-11-30T09:00:00+09:00");
  g_assert_false (json_object_get_boolean_member (notice, "read"));
  g_assert_nonnull (strstr (json_object_get_string_member (notice, "title"), "カード有効化完了"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (notice, "params"), "exp_year"),
                   ==, 2030);

  first_id = json_object_get_string_member (json_array_get_object_element (notices, 1), "id");
  query = g_strconcat ("?after=", first_id, NULL);
  newer = get_notices (fixture, query);
  g_assert_cmpuint (json_array_get_length (newer), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (newer, 0), "code"),
                   ==, "card_activated");

  path = g_strdup_printf ("/v1/notices/%s/read", json_object_get_string_member (notice, "id"));
  read = mock_request (fixture, "POST", path, NULL, NULL);
  g_assert_cmpuint (read->status, ==, 204);
  after_read = get_notices (fixture, "");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (after_read, 0), "read"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (after_read, 1), "read"));

  unknown = mock_request (fixture, "POST", "/v1/notices/ntc_999/read", NULL, NULL);
  mock_assert_problem (unknown, 404, "not_found");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  MOCK_TEST ("/mock/card/shape", test_card_shape);
  MOCK_TEST ("/mock/card/freeze", test_freeze);
  MOCK_TEST ("/mock/card/reissue-new-number", test_reissue_new_number);
  MOCK_TEST ("/mock/card/reissue-same-number", test_reissue_same_number);
  MOCK_TEST ("/mock/card/reissue-checks", test_reissue_checks);
  MOCK_TEST ("/mock/card/programs", test_programs);
  MOCK_TEST ("/mock/card/notices-read", test_notices_read);

  return g_test_run ();
}
