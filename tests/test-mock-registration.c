/* test-mock-registration.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charge-card registration over real HTTP: form tokens, the app's own field
 * rules, declined cards, 3-D Secure one-time codes, and the member lock
 * (5 counted failures in a sliding 24 hours lock registration for 24 hours
 * from the last one; nothing but issuer time lifts it).
 */

#include "config.h"

#include <string.h>

#include "anshin-card-fields.h"

#include "test-mock-util.h"

static char *
form_token (MockFixture *fixture)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/v1/charge-cards/registration");

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (mock_reply_string (reply, "form_token"));
  return g_strdup (mock_reply_string (reply, "form_token"));
}

static MockReply *
submit_with (MockFixture *fixture,
             const char  *token,
             const char  *number,
             int          exp_month,
             const char  *cvc,
             const char  *holder)
{
  g_autofree char *key = mock_next_key ();
  g_autofree char *json = g_strdup_printf ("{\"form_token\": \"%s\", \"number\": \"%s\", \"exp_month\": %d, "
                                           "\"exp_year\": 2028, \"cvc\": \"%s\", \"holder_name\": \"%s\"}",
                                           token, number, exp_month, cvc, holder);

  return mock_request (fixture, "POST", "/v1/charge-cards", json, key);
}

static MockReply *
submit (MockFixture *fixture,
        const char  *number)
{
  g_autofree char *token = form_token (fixture);

  return submit_with (fixture, token, number, 12, "123", "TARO YAMADA");
}

/* A failure that counts: 400 validation_failed with a typo in the number */
static void
fail_once (MockFixture *fixture,
           gint64       expected_remaining)
{
  g_autoptr(MockReply) reply = submit (fixture, "4242424242424241");

  mock_assert_problem (reply, 400, "validation_failed");
  g_assert_cmpint (mock_reply_int (reply, "attempts_remaining"), ==, expected_remaining);
}

static MockReply *
answer (MockFixture *fixture,
        const char  *challenge_id,
        const char  *code)
{
  g_autofree char *key = mock_next_key ();
  g_autofree char *path = g_strdup_printf ("/v1/charge-cards/challenges/%s", challenge_id);
  g_autofree char *json = g_strdup_printf ("{\"code\": \"%s\"}", code);

  return mock_request (fixture, "POST", path, json, key);
}

static char *
one_time_code (MockFixture *fixture,
               const char  *challenge_id)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/admin/one-time-codes");
  JsonArray *codes = json_object_get_array_member (mock_reply_object (reply), "codes");

  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      JsonObject *entry = json_array_get_object_element (codes, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "challenge_id"), challenge_id) == 0)
        return g_strdup (json_object_get_string_member (entry, "code"));
    }

  return NULL;
}

static void
test_status (MockFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(MockReply) reply = NULL;
  g_autoptr(MockReply) second = NULL;
  JsonArray *brands;

  mock_login (fixture);
  reply = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_true (g_str_has_prefix (mock_reply_string (reply, "form_token"), "ft_"));
  /* seed-story: the issuer's form lives only 60 seconds */
  g_assert_cmpstr (mock_reply_string (reply, "form_expires_at"), ==, "2025-08-30T09:01:00+09:00");
  g_assert_cmpint (mock_reply_int (reply, "attempts_remaining"), ==, 5);
  g_assert_cmpint (mock_reply_int (reply, "max_attempts"), ==, 5);
  g_assert_true (json_object_get_null_member (mock_reply_object (reply), "locked_until"));
  brands = json_object_get_array_member (mock_reply_object (reply), "accepted_brands");
  g_assert_cmpuint (json_array_get_length (brands), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (brands, 0), ==, "mastercard");

  second = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_cmpstr (mock_reply_string (second, "form_token"), !=, mock_reply_string (reply, "form_token"));
}

static void
test_three_d_secure (MockFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(MockReply) challenge = NULL;
  g_autoptr(MockReply) wrong = NULL;
  g_autoptr(MockReply) right = NULL;
  g_autoptr(MockReply) list = NULL;
  g_autoptr(MockReply) again = NULL;
  g_autoptr(MockReply) notices = NULL;
  g_autoptr(MockReply) removed = NULL;
  g_autoptr(MockReply) removed_again = NULL;
  g_autofree char *id = NULL;
  g_autofree char *code = NULL;
  g_autofree char *path = NULL;
  JsonObject *object;
  JsonObject *charge_card;

  mock_login (fixture);
  challenge = submit (fixture, "4242 4242 4242 4242");
  g_assert_cmpuint (challenge->status, ==, 202);
  object = json_object_get_object_member (mock_reply_object (challenge), "challenge");
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "one_time_code");
  g_assert_cmpstr (json_object_get_string_member (object, "expires_at"), ==, "2025-08-30T09:05:00+09:00");
  id = g_strdup (json_object_get_string_member (object, "id"));
  code = one_time_code (fixture, id);
  g_assert_cmpuint (strlen (code), ==, 6);

  wrong = answer (fixture, id, code[0] == '0' ? "111111" : "000000");
  mock_assert_problem (wrong, 400, "challenge_failed");
  g_assert_cmpint (mock_reply_int (wrong, "attempts_remaining"), ==, 4);

  right = answer (fixture, id, code);
  g_assert_cmpuint (right->status, ==, 201);
  charge_card = json_object_get_object_member (mock_reply_object (right), "charge_card");
  g_assert_cmpstr (json_object_get_string_member (charge_card, "brand"), ==, "visa");
  g_assert_cmpstr (json_object_get_string_member (charge_card, "last4"), ==, "4242");
  g_assert_cmpint (json_object_get_int_member (charge_card, "exp_month"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (charge_card, "holder_name"), ==, "TARO YAMADA");
  g_assert_cmpstr (json_object_get_string_member (charge_card, "registered_at"), ==, "2025-08-30T09:00:00+09:00");
  g_assert_false (json_object_has_member (charge_card, "fingerprint"));
  g_assert_false (json_object_has_member (charge_card, "number"));

  list = mock_get (fixture, "/v1/charge-cards");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (mock_reply_object (list), "charge_cards")),
                    ==, 1);
  g_assert_null (strstr (list->text, "4242424242424242"));

  notices = mock_get (fixture, "/v1/notices");
  g_assert_nonnull (strstr (notices->text, "charge_card_registered"));

  again = submit (fixture, "4242424242424242");
  mock_assert_problem (again, 409, "already_registered");

  path = g_strdup_printf ("/v1/charge-cards/%s", json_object_get_string_member (charge_card, "id"));
  removed = mock_request (fixture, "DELETE", path, NULL, NULL);
  g_assert_cmpuint (removed->status, ==, 204);
  removed_again = mock_request (fixture, "DELETE", path, NULL, NULL);
  mock_assert_problem (removed_again, 404, "not_found");
}

static void
test_challenge_expires (MockFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(MockReply) challenge = NULL;
  g_autoptr(MockReply) late = NULL;
  g_autoptr(MockReply) unknown = NULL;
  g_autofree char *code = NULL;
  const char *id;

  mock_login (fixture);
  challenge = submit (fixture, "5555555555554444");
  g_assert_cmpuint (challenge->status, ==, 202);
  id = json_object_get_string_member (json_object_get_object_member (mock_reply_object (challenge), "challenge"), "id");
  code = one_time_code (fixture, id);

  mock_advance_clock (fixture, 5 * 60);
  late = answer (fixture, id, code);
  mock_assert_problem (late, 410, "challenge_expired");

  unknown = answer (fixture, "chl_404", "123456");
  mock_assert_problem (unknown, 404, "not_found");
}

static gboolean
has_field (MockReply  *reply,
           const char *field,
           const char *code)
{
  JsonArray *fields = json_object_get_array_member (mock_reply_object (reply), "fields");

  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *entry = json_array_get_object_element (fields, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "field"), field) == 0 &&
          g_strcmp0 (json_object_get_string_member (entry, "code"), code) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_validation (MockFixture   *fixture,
                 gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;
  g_autoptr(MockReply) reply = NULL;
  g_autoptr(MockReply) amex = NULL;
  g_autoptr(MockReply) missing = NULL;
  g_autofree char *key = mock_next_key ();

  mock_login (fixture);
  token = form_token (fixture);
  reply = submit_with (fixture, token, "4242424242424241", 13, "1", "山田太郎");
  mock_assert_problem (reply, 400, "validation_failed");
  g_assert_true (has_field (reply, "number", "luhn"));
  g_assert_true (has_field (reply, "exp", "bad_month"));
  g_assert_true (has_field (reply, "cvc", "cvc_length"));
  /* the same rule, and so the same code, as the app's form */
  g_assert_true (has_field (reply, "holder_name",
                            anshin_card_field_error_to_api_code (ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN)));
  g_assert_cmpint (mock_reply_int (reply, "attempts_remaining"), ==, 4);

  token2 = form_token (fixture);
  amex = submit_with (fixture, token2, "378282246310005", 12, "1234", "TARO YAMADA");
  mock_assert_problem (amex, 400, "validation_failed");
  g_assert_true (has_field (amex, "number", "unsupported_brand"));
  g_assert_cmpint (mock_reply_int (amex, "attempts_remaining"), ==, 3);

  /* a missing member is a malformed request, not a counted attempt */
  missing = mock_request (fixture, "POST", "/v1/charge-cards", "{\"number\": \"4242424242424242\"}", key);
  mock_assert_problem (missing, 400, "invalid_request");
  {
    g_autoptr(MockReply) status = mock_get (fixture, "/v1/charge-cards/registration");

    g_assert_cmpint (mock_reply_int (status, "attempts_remaining"), ==, 3);
  }
}

/* An empty security code and an empty holder name name their own fields,
 * not the number's (REQUIRED is the code every field can have) */
static void
test_empty_fields (MockFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(MockReply) reply = NULL;
  JsonArray *fields;

  mock_login (fixture);
  token = form_token (fixture);
  reply = submit_with (fixture, token, "4242424242424242", 12, "", "");
  mock_assert_problem (reply, 400, "validation_failed");
  g_assert_true (has_field (reply, "cvc", "required"));
  g_assert_true (has_field (reply, "holder_name", "required"));
  fields = json_object_get_array_member (mock_reply_object (reply), "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 2);
  g_assert_false (has_field (reply, "number", "required"));
}

static void
test_no_session_does_not_count (MockFixture   *fixture,
                                gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(MockReply) expired = NULL;
  g_autoptr(MockReply) none = NULL;
  g_autoptr(MockReply) status = NULL;

  mock_login (fixture);
  token = form_token (fixture);
  mock_advance_clock (fixture, 30 * 60);
  expired = submit_with (fixture, token, "4242424242424241", 12, "123", "TARO YAMADA");
  mock_assert_problem (expired, 401, "session_expired");

  mock_forget_cookies (fixture);
  none = submit_with (fixture, token, "4242424242424241", 12, "123", "TARO YAMADA");
  mock_assert_problem (none, 401, "no_session");

  mock_login (fixture);
  status = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_cmpint (mock_reply_int (status, "attempts_remaining"), ==, 5);
}

static void
test_declined (MockFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(MockReply) reply = NULL;

  mock_login (fixture);
  reply = submit (fixture, "4000000000000002");
  mock_assert_problem (reply, 402, "card_declined");
  g_assert_cmpint (mock_reply_int (reply, "attempts_remaining"), ==, 4);
}

static void
test_form_expired_counts (MockFixture   *fixture,
                          gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(MockReply) late = NULL;
  g_autoptr(MockReply) reused = NULL;
  g_autoptr(MockReply) made_up = NULL;

  mock_login (fixture);
  token = form_token (fixture);
  mock_advance_clock (fixture, 60);
  late = submit_with (fixture, token, "4242424242424242", 12, "123", "TARO YAMADA");
  mock_assert_problem (late, 403, "form_expired");
  /* seed-story models the issuer's bug: it counts */
  g_assert_cmpint (mock_reply_int (late, "attempts_remaining"), ==, 4);

  /* a token is single use */
  reused = submit_with (fixture, token, "4242424242424242", 12, "123", "TARO YAMADA");
  mock_assert_problem (reused, 403, "form_expired");
  g_assert_cmpint (mock_reply_int (reused, "attempts_remaining"), ==, 3);

  made_up = submit_with (fixture, "ft_made_up", "4242424242424242", 12, "123", "TARO YAMADA");
  mock_assert_problem (made_up, 403, "form_expired");
}

static void
test_form_expired_free (MockFixture   *fixture,
                        gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(MockReply) late = NULL;
  g_autoptr(MockReply) status = NULL;

  mock_login (fixture);
  token = form_token (fixture);
  /* renewal-smooth: 10 minutes, and an expired form does not count */
  mock_advance_clock (fixture, 9 * 60 + 59);
  mock_login (fixture);
  mock_advance_clock (fixture, 1);
  late = submit_with (fixture, token, "4242424242424242", 12, "123", "TARO YAMADA");
  mock_assert_problem (late, 403, "form_expired");
  g_assert_cmpint (mock_reply_int (late, "attempts_remaining"), ==, 5);
  status = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_cmpint (mock_reply_int (status, "attempts_remaining"), ==, 5);
}

static void
assert_locked (MockFixture *fixture,
               const char  *locked_until,
               gint64       retry_after)
{
  g_autoptr(MockReply) reply = submit_with (fixture, "ft_any", "4242424242424242", 12, "123", "TARO YAMADA");

  mock_assert_problem (reply, 429, "registration_locked");
  g_assert_cmpstr (mock_reply_string (reply, "locked_until"), ==, locked_until);
  g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (reply->headers, "Retry-After"), NULL, 10),
                   ==, retry_after);
}

static void
test_lock (MockFixture   *fixture,
           gconstpointer  data)
{
  g_autoptr(MockReply) fifth = NULL;
  g_autoptr(MockReply) status = NULL;
  g_autoptr(MockReply) anything = NULL;
  g_autoptr(MockReply) broken = NULL;
  g_autoptr(MockReply) notices = NULL;
  g_autoptr(MockReply) challenge = NULL;
  g_autoptr(MockReply) after = NULL;
  g_autofree char *key = mock_next_key ();
  const char *until = "2025-08-31T09:04:00+09:00";

  mock_login (fixture);
  for (guint i = 0; i < 4; i++)
    {
      fail_once (fixture, 4 - i);
      mock_advance_clock (fixture, 60);
    }

  /* the fifth counted failure, at 09:04, locks until 09:04 tomorrow */
  fifth = submit (fixture, "4000000000000002");
  mock_assert_problem (fifth, 402, "card_declined");
  g_assert_cmpint (mock_reply_int (fifth, "attempts_remaining"), ==, 0);
  g_assert_cmpstr (mock_reply_string (fifth, "locked_until"), ==, until);

  assert_locked (fixture, until, 24 * 60 * 60);

  status = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_cmpuint (status->status, ==, 200);
  g_assert_true (json_object_get_null_member (mock_reply_object (status), "form_token"));
  g_assert_cmpint (mock_reply_int (status, "attempts_remaining"), ==, 0);
  g_assert_cmpstr (mock_reply_string (status, "locked_until"), ==, until);
  g_assert_cmpstr (soup_message_headers_get_one (status->headers, "Retry-After"), ==, "86400");

  notices = mock_get (fixture, "/v1/notices");
  g_assert_nonnull (strstr (notices->text, "charge_card_registration_locked"));

  /* any well-formed JSON gets 429, whatever its fields; broken JSON is still 400 */
  anything = mock_request (fixture, "POST", "/v1/charge-cards", "{}", key);
  mock_assert_problem (anything, 429, "registration_locked");
  broken = mock_request (fixture, "POST", "/v1/charge-cards", "{", key);
  mock_assert_problem (broken, 400, "malformed_json");

  /* not lifted by signing out and in, a new cookie jar, or a new key;
   * not extended by the 429s */
  mock_advance_clock (fixture, 60 * 60);
  mock_login (fixture);
  {
    g_autoptr(MockReply) out = mock_request (fixture, "DELETE", "/v1/session", NULL, NULL);

    g_assert_cmpuint (out->status, ==, 204);
  }
  mock_forget_cookies (fixture);
  mock_login (fixture);
  assert_locked (fixture, until, 23 * 60 * 60);

  /* one second before: still locked; at the second: lifted */
  mock_set_clock (fixture, "2025-08-31T09:03:59+09:00");
  mock_login (fixture);
  assert_locked (fixture, until, 1);

  mock_set_clock (fixture, until);
  mock_login (fixture);
  after = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_nonnull (mock_reply_string (after, "form_token"));
  g_assert_true (json_object_get_null_member (mock_reply_object (after), "locked_until"));
  /* the failures of yesterday left the sliding window with the lock */
  g_assert_cmpint (mock_reply_int (after, "attempts_remaining"), ==, 5);

  challenge = submit (fixture, "3566002020360505");
  g_assert_cmpuint (challenge->status, ==, 202);
}

static void
test_sliding_window (MockFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(MockReply) status = NULL;

  mock_login (fixture);
  for (guint i = 0; i < 4; i++)
    fail_once (fixture, 4 - i);

  /* 24 hours later, exactly, the four no longer count */
  mock_advance_clock (fixture, 24 * 60 * 60);
  mock_login (fixture);
  status = mock_get (fixture, "/v1/charge-cards/registration");
  g_assert_cmpint (mock_reply_int (status, "attempts_remaining"), ==, 5);
  fail_once (fixture, 4);
}

static void
test_window_edge_locks (MockFixture   *fixture,
                        gconstpointer  data)
{
  mock_login (fixture);
  for (guint i = 0; i < 4; i++)
    fail_once (fixture, 4 - i);

  /* one second inside the window the fifth still locks */
  mock_advance_clock (fixture, 24 * 60 * 60 - 1);
  mock_login (fixture);
  fail_once (fixture, 0);
  assert_locked (fixture, "2025-09-01T08:59:59+09:00", 24 * 60 * 60);
}

static void
test_too_many_cards (MockFixture   *fixture,
                     gconstpointer  data)
{
  const char *numbers[] = {
    "4242424242424242", "5555555555554444", "3566002020360505",
    "3056930009020004", "4111111111111111",
  };
  g_autoptr(MockReply) sixth = NULL;

  mock_login (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(MockReply) reply = submit (fixture, numbers[i]);

      if (reply->status != 201)
        g_test_message ("%s: %s", numbers[i], reply->text);
      g_assert_cmpuint (reply->status, ==, 201);
    }

  sixth = submit (fixture, "5200828282828210");
  mock_assert_problem (sixth, 409, "too_many_charge_cards");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  MOCK_TEST ("/mock/registration/status", test_status);
  MOCK_TEST ("/mock/registration/three-d-secure", test_three_d_secure);
  MOCK_TEST ("/mock/registration/challenge-expires", test_challenge_expires);
  MOCK_TEST ("/mock/registration/validation", test_validation);
  MOCK_TEST ("/mock/registration/empty-fields", test_empty_fields);
  MOCK_TEST ("/mock/registration/declined", test_declined);
  MOCK_TEST ("/mock/registration/no-session-does-not-count", test_no_session_does_not_count);
  MOCK_TEST ("/mock/registration/form-expired-counts", test_form_expired_counts);
  MOCK_TEST_SCENARIO ("/mock/registration/form-expired-free", "renewal-smooth", test_form_expired_free);
  MOCK_TEST ("/mock/registration/lock", test_lock);
  MOCK_TEST ("/mock/registration/sliding-window", test_sliding_window);
  MOCK_TEST ("/mock/registration/window-edge-locks", test_window_edge_locks);
  MOCK_TEST_SCENARIO ("/mock/registration/too-many-cards", "renewal-smooth", test_too_many_cards);

  return g_test_run ();
}
