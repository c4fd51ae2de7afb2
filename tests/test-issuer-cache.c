/* test-issuer-cache.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "anshin-issuer-cache.h"
#include "anshin-issuer-json.h"
#include "anshin-time.h"

#define CARD_JSON \
  "{\"id\": \"card_1\", \"product_name\": \"Tsubasa Pay\", \"brand\": \"mastercard\"," \
  " \"form\": \"virtual_and_physical\", \"state\": \"reissuing\", \"number_last4\": \"4821\"," \
  " \"exp_month\": 11, \"exp_year\": 2030, \"balance\": {\"amount\": 12345, \"currency\": \"JPY\"}," \
  " \"renewal\": {\"status\": \"completed\", \"date\": \"2025-11-30\"," \
  "   \"announced_at\": \"2025-08-30T10:00:00+09:00\", \"completed_at\": \"2025-11-30T00:00:00+09:00\"," \
  "   \"number_changes\": false, \"new_exp_month\": 11, \"new_exp_year\": 2030}," \
  " \"physical_card\": {\"status\": \"preparing\", \"eta\": \"2025-12-16\", \"shipped_at\": null," \
  "   \"delivered_at\": null}," \
  " \"reissue\": {\"id\": \"rei_1\", \"status\": \"in_progress\", \"new_number\": true," \
  "   \"requested_at\": \"2025-12-02T10:00:00+09:00\", \"ready_eta\": \"2025-12-02T13:00:00+09:00\"," \
  "   \"completed_at\": null}}"

static gpointer
parse_with (const char *json,
            gpointer  (*func) (JsonNode *, GError **))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = anshin_issuer_json_parse (json, strlen (json), &error);
  gpointer result;

  g_assert_no_error (error);
  result = func (root, &error);
  g_assert_no_error (error);
  return result;
}

static AnshinIssuerSnapshot *
make_snapshot (void)
{
  AnshinIssuerSnapshot *snapshot = anshin_issuer_snapshot_new ();

  snapshot->saved_at = anshin_time_parse ("2025-12-02T11:00:00+09:00");
  snapshot->card = parse_with (CARD_JSON, (gpointer)anshin_issuer_json_to_card);
  g_ptr_array_unref (snapshot->payment_methods);
  snapshot->payment_methods = parse_with (
    "{\"networks\": [{\"id\": \"quicpay\", \"state\": \"updating\", \"since\": \"2025-12-02T10:00:00+09:00\","
    " \"eta\": \"2025-12-02T13:00:00+09:00\", \"reason\": \"reissue_in_progress\", \"via\": [\"apple_pay\"]},"
    " {\"id\": \"mastercard_online\", \"state\": \"available\", \"since\": null, \"eta\": null, \"reason\": null}]}",
    (gpointer)anshin_issuer_json_to_payment_methods);
  g_ptr_array_unref (snapshot->programs);
  snapshot->programs = parse_with (
    "{\"programs\": [{\"id\": \"tsubasa_shopping\", \"name\": \"Tsubasa Shopping Program\","
    " \"description\": \"QUICPay\", \"requires_networks\": [\"quicpay\"], \"since\": \"2024-11-01\"}]}",
    (gpointer)anshin_issuer_json_to_programs);
  g_ptr_array_unref (snapshot->notices);
  snapshot->notices = parse_with (
    "{\"notices\": [{\"id\": \"n2\", \"code\": \"reissue_started\", \"issued_at\": \"2025-12-02T10:00:00+09:00\","
    " \"channel\": \"app\", \"title\": \"再発行のお知らせ\", \"body\": \"本文\", \"read\": false,"
    " \"params\": {\"ready_eta\": \"2025-12-02T13:00:00+09:00\"}},"
    " {\"id\": \"n1\", \"code\": \"from_the_future\", \"issued_at\": \"2025-11-30T00:00:00+09:00\","
    " \"channel\": \"email\", \"title\": \"t\", \"body\": \"b\", \"read\": true}]}",
    (gpointer)anshin_issuer_json_to_notices);
  g_ptr_array_unref (snapshot->charge_cards);
  snapshot->charge_cards = parse_with (
    "{\"charge_cards\": [{\"id\": \"cc_1\", \"brand\": \"visa\", \"last4\": \"4242\", \"exp_month\": 12,"
    " \"exp_year\": 2030, \"holder_name\": \"TARO YAMADA\", \"registered_at\": \"2025-09-01T10:00:00+09:00\"}]}",
    (gpointer)anshin_issuer_json_to_charge_cards);

  return snapshot;
}

static void
assert_same_snapshot (AnshinIssuerSnapshot *a,
                      AnshinIssuerSnapshot *b)
{
  AnshinPaymentMethod *quicpay;
  AnshinNotice *notice;

  g_assert_true (g_date_time_equal (a->saved_at, b->saved_at));
  g_assert_cmpstr (anshin_card_get_number_last4 (b->card), ==, "4821");
  g_assert_cmpint (anshin_card_get_state (b->card), ==, ANSHIN_CARD_STATE_REISSUING);
  g_assert_cmpint (anshin_card_get_balance (b->card), ==, 12345);
  g_assert_true (g_date_time_equal (anshin_card_get_renewal_date (a->card),
                                    anshin_card_get_renewal_date (b->card)));
  g_assert_true (g_date_time_equal (anshin_card_get_physical_eta (a->card),
                                    anshin_card_get_physical_eta (b->card)));
  g_assert_true (g_date_time_equal (anshin_card_get_reissue_ready_eta (a->card),
                                    anshin_card_get_reissue_ready_eta (b->card)));
  g_assert_cmpint (anshin_card_get_physical_status (b->card), ==,
                   ANSHIN_PHYSICAL_CARD_STATUS_PREPARING);

  g_assert_cmpuint (b->payment_methods->len, ==, 2);
  quicpay = g_ptr_array_index (b->payment_methods, 0);
  g_assert_cmpint (anshin_payment_method_get_reason (quicpay), ==,
                   ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS);
  g_assert_cmpuint (anshin_payment_method_get_via (quicpay), ==, ANSHIN_WALLET_APPLE_PAY);
  g_assert_true (g_date_time_equal (anshin_payment_method_get_eta (quicpay),
                                    anshin_payment_method_get_eta (g_ptr_array_index (a->payment_methods, 0))));

  g_assert_cmpuint (b->programs->len, ==, 1);
  g_assert_cmpstr (anshin_program_get_requires_methods (g_ptr_array_index (b->programs, 0))[0], ==,
                   "quicpay");

  g_assert_cmpuint (b->notices->len, ==, 2);
  notice = g_ptr_array_index (b->notices, 0);
  g_assert_cmpstr (anshin_notice_get_id (notice), ==, "n2");
  g_assert_cmpstr (anshin_notice_get_title (notice), ==, "再発行のお知らせ");
  g_assert_cmpstr (anshin_notice_get_param (notice, "ready_eta"), ==, "2025-12-02T13:00:00+09:00");
  g_assert_cmpint (anshin_notice_get_code (g_ptr_array_index (b->notices, 1)), ==,
                   ANSHIN_NOTICE_CODE_UNKNOWN);
  g_assert_true (anshin_notice_get_read (g_ptr_array_index (b->notices, 1)));

  g_assert_cmpuint (b->charge_cards->len, ==, 1);
  g_assert_cmpstr (anshin_charge_card_get_last4 (g_ptr_array_index (b->charge_cards, 0)), ==, "4242");
}

static void
test_snapshot_json_round_trip (void)
{
  g_autoptr(AnshinIssuerSnapshot) snapshot = make_snapshot ();
  g_autoptr(AnshinIssuerSnapshot) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length;

  json = anshin_issuer_snapshot_to_json (snapshot, &length);
  g_assert_nonnull (json);

  read_back = anshin_issuer_snapshot_from_json (json, length, &error);
  g_assert_no_error (error);
  assert_same_snapshot (snapshot, read_back);
}

static void
test_snapshot_rejects (void)
{
  const char *cases[] = {
    "{}",
    "{\"version\": 2, \"saved_at\": \"2025-12-02T11:00:00+09:00\", \"card\": {}}",
    "{\"version\": 1, \"saved_at\": \"yesterday\", \"card\": {}}",
    "{\"version\": 1, \"saved_at\": \"2025-12-02T11:00:00+09:00\", \"card\": {\"id\": 1}}",
    "{\"version\": 1, \"saved_at\": \"2025-12-02T11:00:00+09:00\", \"card\": " CARD_JSON "}",
    "not json at all",
    /* the fuzz gate's finding: no critical on an object or an array */
    "{\"version\": {}, \"saved_at\": \"2025-12-02T11:00:00+09:00\", \"card\": " CARD_JSON "}",
    "{\"version\": 1, \"saved_at\": [], \"card\": " CARD_JSON "}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AnshinIssuerSnapshot) snapshot = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      snapshot = anshin_issuer_snapshot_from_json (cases[i], strlen (cases[i]), &error);
      g_assert_null (snapshot);
      g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
    }
}

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
run_until_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static AnshinIssuerSnapshot *
load (const char  *path,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_issuer_cache_load_async (path, NULL, on_result_cb, &result);
  return anshin_issuer_cache_load_finish (run_until_result (&result), error);
}

static void
test_cache_file (void)
{
  g_autoptr(AnshinIssuerSnapshot) snapshot = make_snapshot ();
  g_autoptr(AnshinIssuerSnapshot) read_back = NULL;
  g_autoptr(AnshinIssuerSnapshot) missing = NULL;
  g_autoptr(AnshinIssuerSnapshot) damaged = NULL;
  g_autoptr(GAsyncResult) save_result = NULL;
  g_autoptr(GAsyncResult) delete_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = anshin_issuer_cache_dup_path ("http://127.0.0.1:1234/", "demo");
  g_autofree char *other = anshin_issuer_cache_dup_path ("http://127.0.0.1:1234/", "someone");
  g_autofree char *contents = NULL;
  g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), "anshin", NULL);
  GStatBuf st;

  /* Under the XDG cache directory; the name gives away neither issuer nor member. */
  g_assert_true (g_str_has_prefix (path, cache_dir));
  g_assert_null (strstr (path, "demo"));
  g_assert_null (strstr (path, "127.0.0.1"));
  g_assert_cmpstr (path, !=, other);

  missing = load (path, &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  anshin_issuer_cache_save_async (path, snapshot, NULL, on_result_cb, &save_result);
  g_assert_true (anshin_issuer_cache_save_finish (run_until_result (&save_result), &error));
  g_assert_no_error (error);

  /* Readable by the user only; no secrets and no more of a number than the last 4. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "token"));
  g_assert_nonnull (strstr (contents, "\"4821\""));

  read_back = load (path, &error);
  g_assert_no_error (error);
  assert_same_snapshot (snapshot, read_back);

  /* A damaged file is no last known state, not a crash. */
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"card\": ", -1, NULL));
  damaged = load (path, &error);
  g_assert_null (damaged);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL);
  g_clear_error (&error);

  anshin_issuer_cache_delete_async (path, NULL, on_result_cb, &delete_result);
  g_assert_true (anshin_issuer_cache_delete_finish (run_until_result (&delete_result), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/issuer/cache/snapshot-json", test_snapshot_json_round_trip);
  g_test_add_func ("/issuer/cache/snapshot-rejects", test_snapshot_rejects);
  g_test_add_func ("/issuer/cache/file", test_cache_file);

  return g_test_run ();
}
