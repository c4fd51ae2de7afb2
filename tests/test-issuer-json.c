/* test-issuer-json.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-json.h"
#include "anshin-time.h"

#define CARD_JSON \
  "{\"id\": \"card_1\", \"product_name\": \"Tsubasa Pay\", \"brand\": \"mastercard\"," \
  " \"form\": \"virtual_and_physical\", \"state\": \"active\", \"number_last4\": \"1234\"," \
  " \"exp_month\": 11, \"exp_year\": 2030, \"balance\": {\"amount\": 12345, \"currency\": \"JPY\"}," \
  " \"renewal\": {\"status\": \"completed\", \"date\": \"2025-11-30\"," \
  "   \"announced_at\": \"2025-08-30T09:00:00+09:00\", \"completed_at\": \"2025-11-30T00:00:00+09:00\"," \
  "   \"number_changes\": false, \"new_exp_month\": 11, \"new_exp_year\": 2035}," \
  " \"physical_card\": {\"status\": \"shipped\", \"eta\": \"2025-12-16\"," \
  "   \"shipped_at\": \"2025-12-10T10:00:00+09:00\", \"delivered_at\": null}," \
  " \"reissue\": {\"id\": \"rei_1\", \"status\": \"in_progress\", \"new_number\": true," \
  "   \"requested_at\": \"2025-12-01T10:00:00+09:00\", \"ready_eta\": \"2025-12-01T13:00:00+09:00\"," \
  "   \"completed_at\": null}}"

static JsonNode *
parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = anshin_issuer_json_parse (json, strlen (json), &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autoptr(GDateTime) want = anshin_time_parse (expected);

  g_assert_nonnull (time);
  g_assert_nonnull (want);
  g_assert_true (g_date_time_equal (time, want));
}

static void
test_card_valid (void)
{
  g_autoptr(JsonNode) root = parse_ok (CARD_JSON);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinCard) card = anshin_issuer_json_to_card (root, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (anshin_card_get_id (card), ==, "card_1");
  g_assert_cmpstr (anshin_card_get_product_name (card), ==, "Tsubasa Pay");
  g_assert_cmpint (anshin_card_get_brand (card), ==, ANSHIN_CARD_BRAND_MASTERCARD);
  g_assert_cmpint (anshin_card_get_form (card), ==, ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL);
  g_assert_cmpint (anshin_card_get_state (card), ==, ANSHIN_CARD_STATE_ACTIVE);
  g_assert_cmpstr (anshin_card_get_number_last4 (card), ==, "1234");
  g_assert_cmpuint (anshin_card_get_exp_month (card), ==, 11);
  g_assert_cmpuint (anshin_card_get_exp_year (card), ==, 2030);
  g_assert_cmpint (anshin_card_get_balance (card), ==, 12345);
  g_assert_cmpint (anshin_card_get_renewal_status (card), ==, ANSHIN_RENEWAL_STATUS_COMPLETED);
  assert_time (anshin_card_get_renewal_date (card), "2025-11-30T00:00:00+09:00");
  assert_time (anshin_card_get_renewal_announced_at (card), "2025-08-30T09:00:00+09:00");
  g_assert_false (anshin_card_get_renewal_number_changes (card));
  g_assert_cmpuint (anshin_card_get_renewal_new_exp_year (card), ==, 2035);
  g_assert_cmpint (anshin_card_get_physical_status (card), ==, ANSHIN_PHYSICAL_CARD_STATUS_SHIPPED);
  assert_time (anshin_card_get_physical_eta (card), "2025-12-16T00:00:00+09:00");
  g_assert_null (anshin_card_get_physical_delivered_at (card));
  g_assert_cmpint (anshin_card_get_reissue_status (card), ==, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  g_assert_cmpstr (anshin_card_get_reissue_id (card), ==, "rei_1");
  g_assert_true (anshin_card_get_reissue_new_number (card));
  assert_time (anshin_card_get_reissue_ready_eta (card), "2025-12-01T13:00:00+09:00");
}

static void
test_card_virtual_only (void)
{
  const char *json =
    "{\"id\": \"card_2\", \"brand\": \"mastercard\", \"form\": \"virtual\", \"state\": \"frozen\","
    " \"number_last4\": \"0005\", \"exp_month\": 1, \"exp_year\": 2031,"
    " \"balance\": {\"amount\": 0, \"currency\": \"JPY\"},"
    " \"renewal\": {\"status\": \"none\", \"date\": null}, \"physical_card\": null, \"reissue\": null,"
    " \"future_member\": {\"ignored\": true}}";
  g_autoptr(JsonNode) root = parse_ok (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinCard) card = anshin_issuer_json_to_card (root, &error);

  g_assert_no_error (error);
  g_assert_cmpint (anshin_card_get_state (card), ==, ANSHIN_CARD_STATE_FROZEN);
  g_assert_cmpint (anshin_card_get_physical_status (card), ==, ANSHIN_PHYSICAL_CARD_STATUS_NONE);
  g_assert_cmpint (anshin_card_get_reissue_status (card), ==, ANSHIN_REISSUE_STATUS_NONE);
  g_assert_cmpint (anshin_card_get_renewal_status (card), ==, ANSHIN_RENEWAL_STATUS_NONE);
  g_assert_null (anshin_card_get_renewal_date (card));
}

/* Each document replaces one member of a valid card (or the whole document)
 * with something the contract does not allow. */
typedef struct {
  const char *name;
  const char *find;
  const char *replace;
} HostileCard;

static void
test_card_hostile (void)
{
  const HostileCard cases[] = {
    { "id missing", "\"id\": \"card_1\", ", "" },
    { "id a number", "\"id\": \"card_1\"", "\"id\": 1" },
    { "unknown state", "\"state\": \"active\"", "\"state\": \"stolen\"" },
    { "state null", "\"state\": \"active\"", "\"state\": null" },
    { "exp_month 13", "\"exp_month\": 11", "\"exp_month\": 13" },
    { "exp_month a string", "\"exp_month\": 11", "\"exp_month\": \"11\"" },
    { "exp_month a float", "\"exp_month\": 11", "\"exp_month\": 11.5" },
    { "full card number", "\"number_last4\": \"1234\"", "\"number_last4\": \"5555555555554444\"" },
    { "last4 letters", "\"number_last4\": \"1234\"", "\"number_last4\": \"12a4\"" },
    { "balance a number", "\"balance\": {\"amount\": 12345, \"currency\": \"JPY\"}",
      "\"balance\": 12345" },
    { "balance in USD", "\"currency\": \"JPY\"", "\"currency\": \"USD\"" },
    { "renewal status bogus", "\"status\": \"completed\"", "\"status\": \"later\"" },
    { "renewal a string", "\"renewal\": {", "\"renewal\": \"soon\", \"x\": {" },
    { "bad date", "\"date\": \"2025-11-30\"", "\"date\": \"2025-11-31\"" },
    { "time without offset", "\"announced_at\": \"2025-08-30T09:00:00+09:00\"",
      "\"announced_at\": \"2025-08-30T09:00:00\"" },
    { "physical card an array", "\"physical_card\": {", "\"physical_card\": [], \"y\": {" },
    { "physical status none", "\"status\": \"shipped\"", "\"status\": \"none\"" },
    { "reissue without id", "\"id\": \"rei_1\", ", "" },
    { "new_number a string", "\"new_number\": true", "\"new_number\": \"yes\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (CARD_JSON);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(AnshinCard) card = NULL;
      g_autoptr(GError) error = NULL;
      guint replaced;

      g_test_message ("%s", cases[i].name);
      replaced = g_string_replace (json, cases[i].find, cases[i].replace, 1);
      g_assert_cmpuint (replaced, ==, 1);

      root = anshin_issuer_json_parse (json->str, json->len, &error);
      if (root != NULL)
        card = anshin_issuer_json_to_card (root, &error);

      g_assert_null (card);
      g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
      /* A protocol error carries no problem: there was none. */
      g_assert_null (anshin_issuer_error_get_problem (error));
    }
}

static void
test_documents_hostile (void)
{
  g_autofree char *deep = NULL;
  g_autofree char *large = NULL;
  const char *cases[] = {
    "", "[]", "null", "\"card\"", "42", "{", "{\"id\": ", "{\"a\": 1,}",
    "\xff\xfe{\"id\": 1}", "{\"id\": \"\xc3\x28\"}", "<html><body>502</body></html>",
  };
  GString *builder;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;

      g_test_message ("document %u", i);
      root = anshin_issuer_json_parse (cases[i], strlen (cases[i]), &error);
      g_assert_null (root);
      g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
    }

  /* Nesting that would recurse the parser 100000 frames deep */
  builder = g_string_new ("{\"a\": ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (builder, '[');
  deep = g_string_free (builder, FALSE);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = anshin_issuer_json_parse (deep, strlen (deep), &error);

    g_assert_null (root);
    g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
  }

  /* A document over the size limit is refused before it is parsed. */
  large = g_malloc (ANSHIN_ISSUER_JSON_MAX_SIZE + 16);
  memset (large, ' ', ANSHIN_ISSUER_JSON_MAX_SIZE + 16);
  large[0] = '{';
  large[ANSHIN_ISSUER_JSON_MAX_SIZE + 15] = '}';
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = anshin_issuer_json_parse (large, ANSHIN_ISSUER_JSON_MAX_SIZE + 16,
                                                          &error);

    g_assert_null (root);
    g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
  }
}

static void
test_payment_methods (void)
{
  const char *json =
    "{\"networks\": ["
    " {\"id\": \"mastercard_contactless\", \"state\": \"available\", \"since\": \"2025-11-30T00:00:00+09:00\","
    "  \"eta\": null, \"reason\": null},"
    " {\"id\": \"quicpay\", \"state\": \"unavailable\", \"since\": \"2025-11-30T00:00:00+09:00\","
    "  \"eta\": null, \"reason\": \"renewal_migration_delayed\", \"via\": [\"apple_pay\", \"google_pay\"]},"
    " {\"id\": \"apple_pay\", \"state\": \"updating\", \"since\": \"2025-11-30T00:00:00+09:00\","
    "  \"eta\": \"2025-12-01T13:00:00+09:00\", \"reason\": \"reissue_in_progress\"}]}";
  g_autoptr(JsonNode) root = parse_ok (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) methods = anshin_issuer_json_to_payment_methods (root, &error);
  AnshinPaymentMethod *quicpay;

  g_assert_no_error (error);
  g_assert_cmpuint (methods->len, ==, 3);
  quicpay = g_ptr_array_index (methods, 1);
  g_assert_cmpint (anshin_payment_method_get_kind (quicpay), ==, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  g_assert_cmpint (anshin_payment_method_get_state (quicpay), ==,
                   ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  g_assert_cmpint (anshin_payment_method_get_reason (quicpay), ==,
                   ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED);
  g_assert_null (anshin_payment_method_get_eta (quicpay));
  g_assert_cmpuint (anshin_payment_method_get_via (quicpay), ==,
                    ANSHIN_WALLET_APPLE_PAY | ANSHIN_WALLET_GOOGLE_PAY);
  assert_time (anshin_payment_method_get_eta (g_ptr_array_index (methods, 2)),
               "2025-12-01T13:00:00+09:00");
  g_assert_cmpint (anshin_payment_method_get_reason (g_ptr_array_index (methods, 0)), ==,
                   ANSHIN_PAYMENT_METHOD_REASON_NONE);
}

static void
test_lists_hostile (void)
{
  const struct {
    GPtrArray *(*func) (JsonNode *, GError **);
    const char *json;
  } cases[] = {
    { anshin_issuer_json_to_payment_methods, "{}" },
    { anshin_issuer_json_to_payment_methods, "{\"networks\": {}}" },
    { anshin_issuer_json_to_payment_methods, "{\"networks\": [1]}" },
    { anshin_issuer_json_to_payment_methods,
      "{\"networks\": [{\"id\": \"paypay\", \"state\": \"available\"}]}" },
    { anshin_issuer_json_to_payment_methods,
      "{\"networks\": [{\"id\": \"quicpay\", \"state\": \"available\", \"via\": [\"paypay\"]}]}" },
    { anshin_issuer_json_to_payment_methods,
      "{\"networks\": [{\"id\": \"quicpay\", \"state\": \"available\", \"via\": \"apple_pay\"}]}" },
    { anshin_issuer_json_to_programs, "{\"programs\": [{\"id\": \"p\"}]}" },
    { anshin_issuer_json_to_programs,
      "{\"programs\": [{\"id\": \"p\", \"name\": \"n\", \"requires_networks\": [7]}]}" },
    { anshin_issuer_json_to_notices, "{\"notices\": null}" },
    { anshin_issuer_json_to_notices,
      "{\"notices\": [{\"id\": \"n1\", \"code\": \"card_activated\", \"title\": \"t\"}]}" },
    { anshin_issuer_json_to_notices,
      "{\"notices\": [{\"id\": \"n1\", \"code\": \"card_activated\", \"title\": \"t\","
      " \"issued_at\": \"2025-11-30T00:00:00+09:00\", \"params\": {\"a\": {\"b\": 1}}}]}" },
    { anshin_issuer_json_to_charge_cards,
      "{\"charge_cards\": [{\"id\": \"cc\", \"brand\": \"visa\", \"last4\": \"4242424242424242\","
      " \"exp_month\": 1, \"exp_year\": 2030}]}" },
    { anshin_issuer_json_to_charges, "{\"charges\": [{\"id\": \"ch\", \"amount\": -5}]}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = parse_ok (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) list = NULL;

      g_test_message ("%s", cases[i].json);
      list = cases[i].func (root, &error);
      g_assert_null (list);
      g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
    }
}

static void
test_notices (void)
{
  const char *json =
    "{\"notices\": ["
    " {\"id\": \"n2\", \"code\": \"a_code_from_the_future\", \"issued_at\": \"2025-12-01T00:00:00+09:00\","
    "  \"channel\": \"push\", \"title\": \"新しいお知らせ\", \"body\": \"本文\", \"read\": true},"
    " {\"id\": \"n1\", \"code\": \"card_activated\", \"issued_at\": \"2025-11-30T00:00:00+09:00\","
    "  \"channel\": \"email\", \"title\": \"カード有効化完了のお知らせ\", \"body\": \"...\", \"read\": false,"
    "  \"params\": {\"last4\": \"1234\", \"new_exp_year\": 2035, \"number_changes\": false, \"none\": null}}]}";
  g_autoptr(JsonNode) root = parse_ok (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = anshin_issuer_json_to_notices (root, &error);
  AnshinNotice *newest, *activated;

  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 2);
  newest = g_ptr_array_index (notices, 0);
  activated = g_ptr_array_index (notices, 1);
  g_assert_cmpint (anshin_notice_get_code (newest), ==, ANSHIN_NOTICE_CODE_UNKNOWN);
  g_assert_cmpint (anshin_notice_get_channel (newest), ==, ANSHIN_NOTICE_CHANNEL_PUSH);
  g_assert_true (anshin_notice_get_read (newest));
  g_assert_cmpstr (anshin_notice_get_title (newest), ==, "新しいお知らせ");
  g_assert_cmpint (anshin_notice_get_code (activated), ==, ANSHIN_NOTICE_CODE_CARD_ACTIVATED);
  g_assert_false (anshin_notice_get_read (activated));
  g_assert_cmpstr (anshin_notice_get_param (activated, "last4"), ==, "1234");
  g_assert_cmpstr (anshin_notice_get_param (activated, "new_exp_year"), ==, "2035");
  g_assert_cmpstr (anshin_notice_get_param (activated, "number_changes"), ==, "false");
  g_assert_null (anshin_notice_get_param (activated, "none"));
}

static void
test_programs_and_charge_cards (void)
{
  g_autoptr(JsonNode) programs_root = parse_ok (
    "{\"programs\": [{\"id\": \"tmc\", \"name\": \"Tsubasa Mileage Club\", \"description\": \"d\","
    " \"requires_networks\": [\"quicpay\"], \"since\": \"2024-11-01\"}]}");
  g_autoptr(JsonNode) cards_root = parse_ok (
    "{\"charge_cards\": [{\"id\": \"cc_1\", \"brand\": \"jcb\", \"last4\": \"0000\", \"exp_month\": 4,"
    " \"exp_year\": 2029, \"holder_name\": \"TARO YAMADA\", \"registered_at\": \"2025-09-01T10:00:00+09:00\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) programs = anshin_issuer_json_to_programs (programs_root, &error);
  g_autoptr(GPtrArray) cards = NULL;
  AnshinProgram *program;
  AnshinChargeCard *card;

  g_assert_no_error (error);
  program = g_ptr_array_index (programs, 0);
  g_assert_cmpstr (anshin_program_get_name (program), ==, "Tsubasa Mileage Club");
  g_assert_cmpstr (anshin_program_get_requires_methods (program)[0], ==, "quicpay");
  g_assert_null (anshin_program_get_requires_methods (program)[1]);
  assert_time (anshin_program_get_since (program), "2024-11-01T00:00:00+09:00");

  cards = anshin_issuer_json_to_charge_cards (cards_root, &error);
  g_assert_no_error (error);
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpint (anshin_charge_card_get_brand (card), ==, ANSHIN_CARD_BRAND_JCB);
  g_assert_cmpstr (anshin_charge_card_get_last4 (card), ==, "0000");
  g_assert_cmpuint (anshin_charge_card_get_exp_month (card), ==, 4);
  g_assert_cmpstr (anshin_charge_card_get_holder_name (card), ==, "TARO YAMADA");
}

static void
test_registration (void)
{
  g_autoptr(JsonNode) open_root = parse_ok (
    "{\"form_token\": \"ft_1\", \"form_expires_at\": \"2025-08-30T09:01:00+09:00\", \"attempts_remaining\": 5,"
    " \"max_attempts\": 5, \"locked_until\": null, \"accepted_brands\": [\"mastercard\", \"jcb\", \"diners\","
    " \"visa\", \"future_brand\"]}");
  g_autoptr(JsonNode) locked_root = parse_ok (
    "{\"form_token\": null, \"form_expires_at\": null, \"attempts_remaining\": 0, \"max_attempts\": 5,"
    " \"locked_until\": \"2025-08-31T09:00:00+09:00\", \"accepted_brands\": []}");
  g_autoptr(JsonNode) bad_root = parse_ok (
    "{\"form_token\": \"ft\", \"attempts_remaining\": 5}");
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(AnshinRegistrationForm) locked = NULL;
  g_autoptr(AnshinRegistrationForm) bad = NULL;
  g_autoptr(GError) error = NULL;

  form = anshin_issuer_json_to_registration_form (open_root, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (form->form_token, ==, "ft_1");
  assert_time (form->expires_at, "2025-08-30T09:01:00+09:00");
  g_assert_cmpint (form->attempts_remaining, ==, 5);
  g_assert_cmpuint (form->n_accepted_brands, ==, 4);
  g_assert_true (anshin_registration_form_accepts (form, ANSHIN_CARD_BRAND_DINERS));
  g_assert_false (anshin_registration_form_accepts (form, ANSHIN_CARD_BRAND_AMEX));

  locked = anshin_issuer_json_to_registration_form (locked_root, &error);
  g_assert_no_error (error);
  g_assert_null (locked->form_token);
  g_assert_cmpint (locked->attempts_remaining, ==, 0);
  assert_time (locked->locked_until, "2025-08-31T09:00:00+09:00");

  /* A token with no expiry cannot be checked for freshness. */
  bad = anshin_issuer_json_to_registration_form (bad_root, &error);
  g_assert_null (bad);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
}

static void
test_registration_result (void)
{
  const struct {
    const char *json;
    gboolean ok;
    gboolean is_card;
  } cases[] = {
    { "{\"challenge\": {\"id\": \"ch_1\", \"method\": \"one_time_code\","
      " \"expires_at\": \"2025-08-30T09:05:00+09:00\"}}", TRUE, FALSE },
    { "{\"charge_card\": {\"id\": \"cc_1\", \"brand\": \"visa\", \"last4\": \"4242\", \"exp_month\": 12,"
      " \"exp_year\": 2030, \"holder_name\": \"A\", \"registered_at\": \"2025-08-30T09:00:00+09:00\"}}",
      TRUE, TRUE },
    { "{}", FALSE, FALSE },
    { "{\"challenge\": {\"id\": \"../../v1/charges\"}}", FALSE, FALSE },
    { "{\"challenge\": {\"id\": \"\"}}", FALSE, FALSE },
    { "{\"challenge\": []}", FALSE, FALSE },
    { "{\"charge_card\": {\"id\": \"cc_1\"}}", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = parse_ok (cases[i].json);
      g_autoptr(AnshinChargeCard) card = NULL;
      g_autoptr(AnshinChallenge) challenge = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("%s", cases[i].json);
      ok = anshin_issuer_json_to_registration_result (root, &card, &challenge, &error);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        {
          g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
          g_assert_null (card);
          g_assert_null (challenge);
        }
      else if (cases[i].is_card)
        {
          g_assert_cmpstr (anshin_charge_card_get_last4 (card), ==, "4242");
          g_assert_null (challenge);
        }
      else
        {
          g_assert_cmpstr (challenge->id, ==, "ch_1");
          g_assert_cmpstr (challenge->method, ==, "one_time_code");
          g_assert_null (card);
        }
    }
}

static void
test_session_and_charge (void)
{
  g_autoptr(JsonNode) session_root = parse_ok (
    "{\"member_id\": \"TP0001\", \"session_expires_at\": \"2025-08-30T09:30:00+09:00\","
    " \"refresh_token\": \"rt_abc\"}");
  g_autoptr(JsonNode) no_token_root = parse_ok ("{\"member_id\": \"TP0001\"}");
  g_autoptr(JsonNode) charge_root = parse_ok (
    "{\"charge\": {\"id\": \"chg_1\", \"amount\": 5000, \"created_at\": \"2025-08-30T09:00:00+09:00\"},"
    " \"balance\": {\"amount\": 17345, \"currency\": \"JPY\"}}");
  g_autoptr(JsonNode) bad_charge_root = parse_ok (
    "{\"charge\": {\"id\": \"chg_1\", \"amount\": 5000}, \"balance\": 17345}");
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(AnshinIssuerSession) no_token = NULL;
  g_autoptr(AnshinCharge) charge = NULL;
  g_autoptr(AnshinCharge) bad_charge = NULL;
  g_autoptr(GError) error = NULL;

  session = anshin_issuer_json_to_session (session_root, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (session->member_id, ==, "TP0001");
  g_assert_cmpstr (session->refresh_token, ==, "rt_abc");

  no_token = anshin_issuer_json_to_session (no_token_root, &error);
  g_assert_null (no_token);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
  g_clear_error (&error);

  charge = anshin_issuer_json_to_charge_result (charge_root, &error);
  g_assert_no_error (error);
  g_assert_cmpint (charge->amount, ==, 5000);
  g_assert_cmpint (charge->balance, ==, 17345);

  bad_charge = anshin_issuer_json_to_charge_result (bad_charge_root, &error);
  g_assert_null (bad_charge);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
}

static void
test_events (void)
{
  const struct {
    const char *json;
    gboolean ok;
    AnshinIssuerEventType type;
  } cases[] = {
    { "{\"type\": \"notice.created\", \"notice\": {\"id\": \"n9\", \"code\": \"reissue_completed\","
      " \"issued_at\": \"2025-12-01T13:00:00+09:00\", \"channel\": \"app\", \"title\": \"t\", \"body\": \"b\","
      " \"read\": false, \"params\": {}}}", TRUE, ANSHIN_ISSUER_EVENT_NOTICE_CREATED },
    { "{\"type\": \"card.updated\"}", TRUE, ANSHIN_ISSUER_EVENT_CARD_UPDATED },
    { "{\"type\": \"networks.updated\"}", TRUE, ANSHIN_ISSUER_EVENT_NETWORKS_UPDATED },
    { "{\"type\": \"charge_cards.updated\"}", TRUE, ANSHIN_ISSUER_EVENT_CHARGE_CARDS_UPDATED },
    { "{\"type\": \"clock.changed\", \"issuer_time\": \"2025-12-01T13:00:00+09:00\"}", TRUE,
      ANSHIN_ISSUER_EVENT_CLOCK_CHANGED },
    { "{\"type\": \"member.renamed\"}", TRUE, ANSHIN_ISSUER_EVENT_UNKNOWN },
    { "{\"type\": \"notice.created\"}", FALSE, 0 },
    { "{\"type\": \"notice.created\", \"notice\": {\"id\": 5}}", FALSE, 0 },
    { "{\"type\": \"clock.changed\", \"issuer_time\": \"yesterday\"}", FALSE, 0 },
    { "{\"type\": 1}", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = parse_ok (cases[i].json);
      g_autoptr(AnshinIssuerEvent) event = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].json);
      event = anshin_issuer_json_to_event (root, &error);
      if (!cases[i].ok)
        {
          g_assert_null (event);
          g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpint (event->type, ==, cases[i].type);
      g_assert_true ((event->notice != NULL) == (cases[i].type == ANSHIN_ISSUER_EVENT_NOTICE_CREATED));
      g_assert_true ((event->issuer_time != NULL) == (cases[i].type == ANSHIN_ISSUER_EVENT_CLOCK_CHANGED));
      if (event->notice != NULL)
        g_assert_cmpint (anshin_notice_get_code (event->notice), ==, ANSHIN_NOTICE_CODE_REISSUE_COMPLETED);
    }
}

/* GET /v1/issuer */

#define ISSUER_JSON \
  "{\"name\": \"Tsubasa Pay\", \"name_ja\": \"つばさペイ\", \"support\": " \
  "{\"phone\": \"0120-000-000\", \"hours\": \"9:00–18:00\", " \
  "\"hours_ja\": \"9:00〜18:00（年中無休）\", \"url\": \"https://support.example/\"}}"

static void
test_issuer_info (void)
{
  g_autoptr(JsonNode) root = parse_ok (ISSUER_JSON);
  g_autoptr(JsonNode) minimal_root = parse_ok ("{\"name\": \"Tsubasa Pay\", \"extra\": [1, 2]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinIssuerInfo) info = anshin_issuer_json_to_issuer_info (root, &error);
  g_autoptr(AnshinIssuerInfo) minimal = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (anshin_issuer_info_get_name (info), ==, "Tsubasa Pay");
  g_assert_cmpstr (anshin_issuer_info_get_name_ja (info), ==, "つばさペイ");
  g_assert_cmpstr (anshin_issuer_info_get_support_phone (info), ==, "0120-000-000");
  g_assert_cmpstr (anshin_issuer_info_get_support_hours (info), ==, "9:00–18:00");
  g_assert_cmpstr (anshin_issuer_info_get_support_hours_ja (info), ==, "9:00〜18:00（年中無休）");
  g_assert_cmpstr (anshin_issuer_info_get_support_url (info), ==, "https://support.example/");
  /* the app speaks English here (C locale) */
  g_assert_cmpstr (anshin_issuer_info_get_display_name (info), ==, "Tsubasa Pay");
  g_assert_cmpstr (anshin_issuer_info_get_display_hours (info), ==, "9:00–18:00");

  /* only the name is required; unknown members are ignored */
  minimal = anshin_issuer_json_to_issuer_info (minimal_root, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (anshin_issuer_info_get_display_name (minimal), ==, "Tsubasa Pay");
  g_assert_null (anshin_issuer_info_get_support_phone (minimal));
  g_assert_null (anshin_issuer_info_get_display_hours (minimal));

  /* a scheme in capitals is the same address, shown as one (found by
   * fuzz-issuer-json: "httPs://" passed as it came) */
  {
    g_autoptr(JsonNode) upper_root = parse_ok ("{\"name\": \"Tsubasa Pay\", \"support\": "
                                               "{\"url\": \"httPs://support.example/\"}}");
    g_autoptr(AnshinIssuerInfo) upper = anshin_issuer_json_to_issuer_info (upper_root, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (anshin_issuer_info_get_support_url (upper), ==, "https://support.example/");
  }
}

static void
test_issuer_info_hostile (void)
{
  const HostileCard cases[] = {
    { "name missing", "\"name\": \"Tsubasa Pay\", ", "" },
    { "name a number", "\"name\": \"Tsubasa Pay\"", "\"name\": 7" },
    { "name empty", "\"name\": \"Tsubasa Pay\"", "\"name\": \"\"" },
    { "name on two lines", "\"name\": \"Tsubasa Pay\"", "\"name\": \"Tsubasa\\nCall 0990-000-000\"" },
    { "name with a control character", "\"name\": \"Tsubasa Pay\"", "\"name\": \"Tsubasa\\u0007Pay\"" },
    { "name with a bidi override", "\"name\": \"Tsubasa Pay\"", "\"name\": \"Tsubasa \\u202eyaP\"" },
    { "name far too long", "\"name\": \"Tsubasa Pay\"",
      "\"name\": \"TsubasaTsubasaTsubasaTsubasaTsubasaTsubasaTsubasaTsubasaTsubasaTsubasa"
      "TsubasaTsubasaTsubasaTsubasaTsubasaTsubasaTsubasaTsubasaTsubasaTsubasa\"" },
    { "name_ja an object", "\"name_ja\": \"つばさペイ\"", "\"name_ja\": {}" },
    { "support a string", "\"support\": {", "\"support\": \"call us\", \"x\": {" },
    { "phone a number", "\"phone\": \"0120-000-000\"", "\"phone\": 120000000" },
    { "phone with letters", "\"phone\": \"0120-000-000\"", "\"phone\": \"0120-CALL-NOW\"" },
    { "phone a link", "\"phone\": \"0120-000-000\"", "\"phone\": \"tel:0120000000\"" },
    { "phone without digits", "\"phone\": \"0120-000-000\"", "\"phone\": \"--\"" },
    { "phone far too long", "\"phone\": \"0120-000-000\"",
      "\"phone\": \"0120-000-000 0120-000-000 0120-000-000\"" },
    { "hours on two lines", "\"hours\": \"9:00–18:00\"", "\"hours\": \"9:00\\r\\n18:00\"" },
    { "hours_ja an array", "\"hours_ja\": \"9:00〜18:00（年中無休）\"", "\"hours_ja\": []" },
    { "url javascript", "\"url\": \"https://support.example/\"", "\"url\": \"javascript:alert(1)\"" },
    { "url plain http", "\"url\": \"https://support.example/\"", "\"url\": \"http://support.example/\"" },
    { "url with a password", "\"url\": \"https://support.example/\"",
      "\"url\": \"https://user:pw@support.example/\"" },
    { "url not a url", "\"url\": \"https://support.example/\"", "\"url\": \"support desk\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (ISSUER_JSON);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(AnshinIssuerInfo) info = NULL;
      g_autoptr(GError) error = NULL;
      guint replaced;

      g_test_message ("%s", cases[i].name);
      replaced = g_string_replace (json, cases[i].find, cases[i].replace, 1);
      g_assert_cmpuint (replaced, ==, 1);

      root = anshin_issuer_json_parse (json->str, json->len, &error);
      if (root != NULL)
        info = anshin_issuer_json_to_issuer_info (root, &error);

      g_assert_null (info);
      g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
      g_assert_null (anshin_issuer_error_get_problem (error));
    }

  /* not an object at all */
  {
    const char * const documents[] = { "[]", "\"Tsubasa Pay\"", "null", "42" };

    for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(JsonNode) root = anshin_issuer_json_parse (documents[i], strlen (documents[i]), &error);
        g_autoptr(AnshinIssuerInfo) info = NULL;

        if (root != NULL)
          info = anshin_issuer_json_to_issuer_info (root, &error);
        g_assert_null (info);
        g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/issuer/json/card/valid", test_card_valid);
  g_test_add_func ("/issuer/json/card/virtual-only", test_card_virtual_only);
  g_test_add_func ("/issuer/json/card/hostile", test_card_hostile);
  g_test_add_func ("/issuer/json/documents/hostile", test_documents_hostile);
  g_test_add_func ("/issuer/json/payment-methods", test_payment_methods);
  g_test_add_func ("/issuer/json/lists/hostile", test_lists_hostile);
  g_test_add_func ("/issuer/json/notices", test_notices);
  g_test_add_func ("/issuer/json/programs-and-charge-cards", test_programs_and_charge_cards);
  g_test_add_func ("/issuer/json/registration-form", test_registration);
  g_test_add_func ("/issuer/json/registration-result", test_registration_result);
  g_test_add_func ("/issuer/json/session-and-charge", test_session_and_charge);
  g_test_add_func ("/issuer/json/events", test_events);
  g_test_add_func ("/issuer/json/issuer-info", test_issuer_info);
  g_test_add_func ("/issuer/json/issuer-info/hostile", test_issuer_info_hostile);

  return g_test_run ();
}
