/* test-issuer-account.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinAccount against the mock issuer and the real gnome-keyring of
 * tests/headless: sign-in, resume from the keyring, live events in order,
 * reconnection, the offline start from the cache and the recovery, and
 * the registration lock the account learns by itself.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "anshin-account.h"
#include "anshin-issuer-cache.h"
#include "anshin-issuer-secret.h"
#include "anshin-mock-thread.h"
#include "anshin-time.h"

#include "issuer-test-util.h"

typedef struct {
  AnshinMockThread *mock;
  const char       *mock_url;
  IssuerTestProxy  *proxy;
  const char       *url;
  AnshinAccount    *account;
  GPtrArray        *added;
} Fixture;

static AnshinAccount *
account_new (const char *url)
{
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(GError) error = NULL;
  AnshinAccount *account;

  client = anshin_issuer_client_new (url, &error);
  g_assert_no_error (error);
  account = anshin_account_new (client);
  /* Short waits: reconnect after 50 ms doubling to 400 ms, poll every 200 ms */
  anshin_account_set_timings (account, 50, 400, 200);

  return account;
}

static void
on_notice_added_cb (AnshinAccount *account,
                    AnshinNotice  *notice,
                    Fixture       *fixture)
{
  g_ptr_array_add (fixture->added, g_object_ref (notice));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->mock = anshin_mock_thread_start (user_data != NULL ? user_data : "seed-story", TRUE,
                                            &error);
  g_assert_no_error (error);
  fixture->mock_url = anshin_mock_thread_get_url (fixture->mock);
  fixture->proxy = issuer_test_proxy_new (fixture->mock_url);
  fixture->url = issuer_test_proxy_get_url (fixture->proxy);
  fixture->account = account_new (fixture->url);
  fixture->added = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->account, "notice-added", G_CALLBACK (on_notice_added_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  issuer_test_assert_finalized_soon (fixture->account);
  g_ptr_array_unref (fixture->added);
  issuer_test_proxy_free (fixture->proxy);
  anshin_mock_thread_stop (fixture->mock);
  anshin_mock_thread_free (fixture->mock);
}

static void
sign_in (AnshinAccount *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  anshin_account_sign_in_async (account, "demo", "demo", NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_account_sign_in_finish (account, issuer_test_wait (&result), &error));
  g_assert_no_error (error);
}

static gboolean
start (AnshinAccount  *account,
       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_account_start_async (account, NULL, issuer_test_on_result_cb, &result);
  return anshin_account_start_finish (account, issuer_test_wait (&result), error);
}

static char *
stored_token (const char *url)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  anshin_issuer_secret_lookup_async (url, NULL, issuer_test_on_result_cb, &result);
  token = anshin_issuer_secret_lookup_finish (issuer_test_wait (&result), NULL, &error);
  g_assert_no_error (error);
  return token;
}

typedef struct {
  GObject    *object;
  const char *property;
  gboolean    wanted;
  gboolean    reached;
} WaitProperty;

static void
check_property (WaitProperty *wait)
{
  gboolean value;

  g_object_get (wait->object, wait->property, &value, NULL);
  wait->reached = (value == wait->wanted);
}

static void
on_property_notify_cb (GObject      *object,
                       GParamSpec   *pspec,
                       WaitProperty *wait)
{
  check_property (wait);
}

static void
wait_for_boolean (gpointer    object,
                  const char *property,
                  gboolean    wanted)
{
  WaitProperty wait = { object, property, wanted, FALSE };
  g_autofree char *signal = g_strdup_printf ("notify::%s", property);
  gulong id;

  id = g_signal_connect (object, signal, G_CALLBACK (on_property_notify_cb), &wait);
  check_property (&wait);
  issuer_test_wait_until (&wait.reached, 10000);
  g_signal_handler_disconnect (object, id);
}

/* The demo issuer's sign-in is not to be remembered: signed in and
 * working, but nothing in the keyring (so a later start asks again and a
 * throw-away issuer leaves nothing behind). */
static void
test_sign_in_not_remembered (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  anshin_account_set_remember_sign_in (fixture->account, FALSE);
  sign_in (fixture->account);
  g_assert_true (anshin_account_get_signed_in (fixture->account));
  g_assert_true (anshin_account_get_has_card (fixture->account));

  /* a refresh rotates the token: still nothing stored */
  anshin_account_refresh_async (fixture->account, NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_account_refresh_finish (fixture->account, issuer_test_wait (&result), &error));
  g_assert_no_error (error);

  token = stored_token (fixture->url);
  g_assert_null (token);
}

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  user_data)
{
  AnshinCard *card = anshin_account_get_card (fixture->account);
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) start_time = anshin_time_parse ("2025-08-30T09:00:00+09:00");

  g_assert_false (anshin_account_get_signed_in (fixture->account));
  g_assert_false (anshin_account_get_has_card (fixture->account));

  sign_in (fixture->account);

  g_assert_true (anshin_account_get_signed_in (fixture->account));
  g_assert_true (anshin_account_get_online (fixture->account));
  g_assert_true (anshin_account_get_has_card (fixture->account));
  /* The card object the views bound to is the one updated. */
  g_assert_true (anshin_account_get_card (fixture->account) == card);
  g_assert_cmpstr (anshin_card_get_number_last4 (card), ==, "4821");
  g_assert_cmpuint (g_list_model_get_n_items (anshin_account_get_payment_methods (fixture->account)),
                    ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (anshin_account_get_programs (fixture->account)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (anshin_account_get_notices (fixture->account)), ==, 0);
  g_assert_cmpuint (anshin_account_get_unread_count (fixture->account), ==, 0);
  g_assert_cmpint (ABS (g_date_time_difference (anshin_account_get_as_of (fixture->account),
                                                start_time)), <, 60 * G_TIME_SPAN_SECOND);

  /* The refresh token is in the keyring; the password nowhere. */
  token = stored_token (fixture->url);
  g_assert_nonnull (token);
  g_assert_cmpstr (token, !=, "demo");

  wait_for_boolean (fixture->account, "live", TRUE);

  /* And the last known state is on disk for an offline start. */
  path = anshin_issuer_cache_dup_path (fixture->url, "demo");
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
set_frozen (AnshinAccount  *account,
            gboolean        frozen,
            GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_account_set_card_frozen_async (account, frozen, NULL, issuer_test_on_result_cb, &result);
  return anshin_account_set_card_frozen_finish (account, issuer_test_wait (&result), error);
}

static gboolean
reissue (AnshinAccount  *account,
         GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_account_reissue_async (account, NULL, issuer_test_on_result_cb, &result);
  return anshin_account_reissue_finish (account, issuer_test_wait (&result), error);
}

/* Changes go through the account: the answer is applied to its own card
 * by the time the call returns, and a change whose answer was
 * lost keeps its idempotency key, so doing it again replays the request
 * instead of reissuing twice. */
static void
test_changes (Fixture       *fixture,
              gconstpointer  user_data)
{
  AnshinCard *card = anshin_account_get_card (fixture->account);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) log = NULL;
  g_autofree char *reissue_id = NULL;

  sign_in (fixture->account);

  /* freeze: the card the views show says so when the call returns */
  anshin_mock_thread_clear_request_log (fixture->mock);
  g_assert_true (set_frozen (fixture->account, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anshin_card_get_state (card), ==, ANSHIN_CARD_STATE_FROZEN);
  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *) log, "PATCH /v1/card "), ==, 1);
  g_clear_pointer (&log, g_strfreev);

  g_assert_true (set_frozen (fixture->account, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anshin_card_get_state (card), ==, ANSHIN_CARD_STATE_ACTIVE);

  /* reissue: the answer is lost (the connection dropped) */
  issuer_test_add_fault (fixture->mock_url, "/v1/card/reissue", "drop", 0, 0, 1);
  g_assert_false (reissue (fixture->account, &error));
  g_assert_true (anshin_issuer_error_outcome_unknown (error));
  g_clear_error (&error);

  /* asked again: the same request, so one reissue, not a second
   * (which the issuer would refuse as already in progress) */
  g_assert_true (reissue (fixture->account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anshin_card_get_reissue_status (card), ==, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  reissue_id = g_strdup (anshin_card_get_reissue_id (card));
  g_assert_nonnull (reissue_id);
  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *) log, "POST /v1/card/reissue 202"), >=, 1);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *) log, "POST /v1/card/reissue 409"), ==, 0);
}

static void
on_locked_until_cb (AnshinAccount *account,
                    GParamSpec    *pspec,
                    gboolean      *changed)
{
  *changed = TRUE;
}

/* Waits until the account knows the registration lock (@locked) or knows
 * it lifted */
static void
wait_for_lock (AnshinAccount *account,
               gboolean       locked)
{
  gboolean changed = FALSE;
  gulong id;

  id = g_signal_connect (account, "notify::registration-locked-until",
                         G_CALLBACK (on_locked_until_cb), &changed);
  while ((anshin_account_get_registration_locked_until (account) != NULL) != locked)
    {
      changed = FALSE;
      issuer_test_wait_until (&changed, 10000);
    }
  g_signal_handler_disconnect (account, id);
}

/* locked-out: five failed attempts this morning. The account knows the
 * lock from loading the card, with no view asking for the registration
 * form; when the issuer's clock passes the lock's end it asks again by
 * itself and the lock lifts. Its questions use no attempt and leave a
 * form that registers a card afterwards. */
static void
test_registration_lock (Fixture       *fixture,
                        gconstpointer  user_data)
{
  AnshinAccount *account = fixture->account;
  g_autoptr(GDateTime) lock_end = anshin_time_parse ("2025-12-04T08:00:00+09:00");
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(AnshinChargeCardDetails) details = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) log = NULL;

  g_assert_null (anshin_account_get_registration_locked_until (account));
  g_assert_cmpint (anshin_account_get_registration_max_attempts (account), ==, 0);

  sign_in (account);
  wait_for_lock (account, TRUE);
  g_assert_true (g_date_time_equal (anshin_account_get_registration_locked_until (account), lock_end));
  g_assert_cmpint (anshin_account_get_registration_max_attempts (account), ==, 5);
  wait_for_boolean (account, "live", TRUE);

  /* a refresh keeps it */
  anshin_account_refresh_async (account, NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_account_refresh_finish (account, issuer_test_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (g_date_time_equal (anshin_account_get_registration_locked_until (account), lock_end));

  /* 23 hours and a minute later on the issuer's clock (09:00 to 08:01) */
  anshin_mock_thread_clear_request_log (fixture->mock);
  moved = issuer_test_advance_clock (fixture->mock_url, 23 * 60 * 60 + 60);
  g_assert_cmpint (g_date_time_compare (moved, lock_end), >, 0);
  wait_for_lock (account, FALSE);
  g_assert_cmpint (anshin_account_get_registration_max_attempts (account), ==, 5);
  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_true (issuer_test_log_contains ((const char * const *) log,
                                           "GET /v1/charge-cards/registration 200"));
  g_assert_cmpuint (issuer_test_log_count ((const char * const *) log, "POST /v1/charge-cards"), ==, 0);

  /* the Top-up page's way: a form of its own, all five attempts, and a
   * registration that goes through to 3-D Secure (no token expired or
   * spent by the account's questions) */
  anshin_account_get_registration_form_async (account, NULL, issuer_test_on_result_cb, &result);
  form = anshin_account_get_registration_form_finish (account, issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_nonnull (form->form_token);
  g_assert_cmpint (form->attempts_remaining, ==, 5);

  details = anshin_charge_card_details_new ("5555555555554444", 12, 2030, "123", "TARO YAMADA");
  anshin_account_register_charge_card_async (account, details, FALSE, NULL, issuer_test_on_result_cb,
                                             &result);
  g_assert_true (anshin_account_register_charge_card_finish (account, issuer_test_wait (&result), NULL,
                                                             &challenge, &error));
  g_assert_no_error (error);
  g_assert_nonnull (challenge);
  g_clear_pointer (&log, g_strfreev);
  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *) log, "POST /v1/charge-cards 202"), ==, 1);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *) log, "POST /v1/charge-cards 403"), ==, 0);
}

static void
count_items_changed (guint *count)
{
  (*count)++;
}

static void
test_events_in_order (Fixture       *fixture,
                      gconstpointer  user_data)
{
  guint rebuilt = 0;
  g_autoptr(JsonNode) step = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *notices = anshin_account_get_notices (fixture->account);
  g_autoptr(AnshinNotice) newest = NULL;
  g_autoptr(AnshinNotice) oldest = NULL;
  guint status = 0;

  sign_in (fixture->account);
  wait_for_boolean (fixture->account, "live", TRUE);

  /* Renewal announced (10:00), then renewal day (three months later) */
  step = issuer_test_http (fixture->mock_url, NULL, "POST", "admin/step", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&step, json_node_unref);
  while (fixture->added->len < 1)
    g_main_context_iteration (NULL, TRUE);

  step = issuer_test_http (fixture->mock_url, NULL, "POST", "admin/step", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  while (fixture->added->len < 2)
    g_main_context_iteration (NULL, TRUE);

  /* Announced in the order they were issued ... */
  g_assert_cmpint (anshin_notice_get_code (g_ptr_array_index (fixture->added, 0)), ==,
                   ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED);
  g_assert_cmpint (anshin_notice_get_code (g_ptr_array_index (fixture->added, 1)), ==,
                   ANSHIN_NOTICE_CODE_CARD_ACTIVATED);

  /* ... listed newest first, both unread. */
  g_assert_cmpuint (g_list_model_get_n_items (notices), ==, 2);
  newest = g_list_model_get_item (notices, 0);
  oldest = g_list_model_get_item (notices, 1);
  g_assert_cmpint (anshin_notice_get_code (newest), ==, ANSHIN_NOTICE_CODE_CARD_ACTIVATED);
  g_assert_cmpint (anshin_notice_get_code (oldest), ==, ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED);
  g_assert_cmpuint (anshin_account_get_unread_count (fixture->account), ==, 2);

  /* The clock followed the issuer: the app's now is renewal day. */
  {
    g_autoptr(GDateTime) now = anshin_issuer_client_dup_now (anshin_account_get_client (fixture->account));

    g_assert_cmpint (g_date_time_get_month (now), ==, 11);
    g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 30);
  }

  anshin_account_mark_notice_read_async (fixture->account, newest, NULL,
                                         issuer_test_on_result_cb, &result);
  g_assert_true (anshin_account_mark_notice_read_finish (fixture->account,
                                                         issuer_test_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_true (anshin_notice_get_read (newest));
  g_assert_cmpuint (anshin_account_get_unread_count (fixture->account), ==, 1);

  /* A refresh finds the same notices: no second announcement, and the
   * lists the pages show are not rebuilt (an open row stays open). */
  g_signal_connect_swapped (notices, "items-changed", G_CALLBACK (count_items_changed), &rebuilt);
  g_signal_connect_swapped (anshin_account_get_payment_methods (fixture->account), "items-changed",
                            G_CALLBACK (count_items_changed), &rebuilt);
  g_clear_object (&result);
  anshin_account_refresh_async (fixture->account, NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_account_refresh_finish (fixture->account, issuer_test_wait (&result),
                                                &error));
  g_assert_cmpuint (fixture->added->len, ==, 2);
  g_assert_cmpuint (anshin_account_get_unread_count (fixture->account), ==, 1);
  g_assert_cmpuint (rebuilt, ==, 0);
  g_signal_handlers_disconnect_by_data (notices, &rebuilt);
  g_signal_handlers_disconnect_by_data (anshin_account_get_payment_methods (fixture->account), &rebuilt);
}

static void
test_reconnect (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(JsonNode) step = NULL;
  g_auto(GStrv) log = NULL;
  guint status = 0;

  sign_in (fixture->account);
  wait_for_boolean (fixture->account, "live", TRUE);

  /* The issuer goes away: the stream closes, reconnection attempts fail ... */
  issuer_test_proxy_set_down (fixture->proxy, TRUE);
  wait_for_boolean (fixture->account, "live", FALSE);

  /* ... meanwhile a notice is issued, which no stream carries. */
  step = issuer_test_http (fixture->mock_url, NULL, "POST", "admin/step", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  /* The issuer is back: the stream reconnects by itself and the catch-up
   * refresh finds the notice missed meanwhile. */
  issuer_test_proxy_set_down (fixture->proxy, FALSE);
  wait_for_boolean (fixture->account, "live", TRUE);
  while (fixture->added->len < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (anshin_notice_get_code (g_ptr_array_index (fixture->added, 0)), ==,
                   ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED);

  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_cmpuint (issuer_test_log_count ((const char * const *)log, "GET /v1/events 101"), ==, 2);
}

static void
test_reconnect_after_session_expiry (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GDateTime) moved = NULL;
  g_auto(GStrv) log = NULL;

  /* No polling within this test's patience: the stream must come back by itself. */
  anshin_account_set_timings (fixture->account, 50, 400, 60 * 1000);
  sign_in (fixture->account);
  wait_for_boolean (fixture->account, "live", TRUE);

  /* Down for longer than a session lives (30 minutes of issuer time) */
  issuer_test_proxy_set_down (fixture->proxy, TRUE);
  wait_for_boolean (fixture->account, "live", FALSE);
  moved = issuer_test_advance_clock (fixture->mock_url, 31 * 60);
  anshin_mock_thread_clear_request_log (fixture->mock);

  /* Back: the upgrade is refused for the expired session, a call renews
   * it, and the stream comes back, still signed in. */
  issuer_test_proxy_set_down (fixture->proxy, FALSE);
  wait_for_boolean (fixture->account, "live", TRUE);
  g_assert_true (anshin_account_get_signed_in (fixture->account));

  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_true (issuer_test_log_contains ((const char * const *)log, "GET /v1/events 401"));
  g_assert_true (issuer_test_log_contains ((const char * const *)log,
                                           "POST /v1/session/refresh 201"));
  g_assert_true (issuer_test_log_contains ((const char * const *)log, "GET /v1/events 101"));
}

static void
test_polling_fallback (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(JsonNode) step = NULL;
  guint status = 0;

  /* The issuer refuses the upgrade (an HTML 503) a few times: poll meanwhile. */
  issuer_test_add_fault (fixture->mock_url, "/v1/events", "status", 503, 0, 1000);
  sign_in (fixture->account);
  g_assert_false (anshin_account_get_live (fixture->account));

  step = issuer_test_http (fixture->mock_url, NULL, "POST", "admin/step", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  while (fixture->added->len < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (anshin_notice_get_code (g_ptr_array_index (fixture->added, 0)), ==,
                   ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED);
  g_assert_false (anshin_account_get_live (fixture->account));

  g_clear_pointer (&step, json_node_unref);
  step = issuer_test_http (fixture->mock_url, NULL, "DELETE", "admin/faults", NULL, NULL, &status);
  wait_for_boolean (fixture->account, "live", TRUE);
}

static void
on_clock_offset_cb (GObject    *object,
                    GParamSpec *pspec,
                    gboolean   *changed)
{
  *changed = TRUE;
}

static void
test_form_follows_issuer_clock (Fixture       *fixture,
                                gconstpointer  user_data)
{
  AnshinIssuerClient *client = anshin_account_get_client (fixture->account);
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(AnshinChargeCardDetails) details = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) log = NULL;
  gboolean changed = FALSE;

  sign_in (fixture->account);
  wait_for_boolean (fixture->account, "live", TRUE);

  anshin_issuer_client_get_registration_form_async (client, NULL, issuer_test_on_result_cb,
                                                    &result);
  form = anshin_issuer_client_get_registration_form_finish (client, issuer_test_wait (&result),
                                                            &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Five minutes pass on the issuer's clock; the app hears of it from the
   * clock.changed event, not from any answer of its own. */
  g_signal_connect (client, "notify::clock-offset", G_CALLBACK (on_clock_offset_cb), &changed);
  moved = issuer_test_advance_clock (fixture->mock_url, 5 * 60);
  issuer_test_wait_until (&changed, 10000);
  g_signal_handlers_disconnect_by_data (client, &changed);
  anshin_mock_thread_clear_request_log (fixture->mock);

  details = anshin_charge_card_details_new ("5555555555554444", 12, 2030, "123", "TARO YAMADA");
  anshin_issuer_client_register_charge_card_async (client, details, NULL, NULL,
                                                   issuer_test_on_result_cb, &result);
  g_assert_true (anshin_issuer_client_register_charge_card_finish (client,
                                                                   issuer_test_wait (&result),
                                                                   &card, &challenge, &error));
  g_assert_no_error (error);
  g_assert_nonnull (challenge);

  /* The stale token was never sent: no form_expired, no attempt lost. */
  log = anshin_mock_thread_dup_request_log (fixture->mock);
  g_assert_true (issuer_test_log_contains ((const char * const *)log,
                                           "GET /v1/charge-cards/registration 200"));
  g_assert_true (issuer_test_log_contains ((const char * const *)log, "POST /v1/charge-cards 202"));
  g_assert_false (issuer_test_log_contains ((const char * const *)log,
                                            "POST /v1/charge-cards 403"));
}

static void
test_resume_and_sign_out (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(AnshinAccount) second = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_token = NULL;
  g_autofree char *rotated = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *path = anshin_issuer_cache_dup_path (fixture->url, "demo");
  gboolean ok;

  sign_in (fixture->account);
  first_token = stored_token (fixture->url);

  /* The next start of the app, with nothing but the keyring. */
  second = account_new (fixture->url);
  g_assert_true (start (second, &error));
  g_assert_no_error (error);
  g_assert_true (anshin_account_get_signed_in (second));
  g_assert_true (anshin_account_get_online (second));
  g_assert_cmpstr (anshin_card_get_number_last4 (anshin_account_get_card (second)), ==, "4821");

  /* The issuer rotated the token; the keyring holds the new one. */
  rotated = stored_token (fixture->url);
  g_assert_nonnull (rotated);
  g_assert_cmpstr (rotated, !=, first_token);

  anshin_account_sign_out_async (second, NULL, issuer_test_on_result_cb, &result);
  g_assert_true (anshin_account_sign_out_finish (second, issuer_test_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_false (anshin_account_get_signed_in (second));
  g_assert_false (anshin_account_get_has_card (second));
  g_assert_cmpuint (g_list_model_get_n_items (anshin_account_get_payment_methods (second)), ==, 0);

  /* Nothing of the session is left behind. */
  gone = stored_token (fixture->url);
  g_assert_null (gone);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* And a start now says "signed out". */
  ok = start (second, &error);
  g_assert_false (ok);
  g_assert_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT);

  g_clear_object (&result);
  issuer_test_assert_finalized_soon (g_steal_pointer (&second));
}

/* The keyring as it is, locked items included, without unlocking (which
 * would prompt): how many sign-ins are stored for @url */
static guint
count_stored (const char *url)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;
  guint n;

  /* (async: libsecret's sync search leaks its item proxies' init data) */
  secret_password_search (anshin_issuer_secret_get_schema (), SECRET_SEARCH_ALL, NULL,
                          issuer_test_on_result_cb, &result, "issuer-url", url, NULL);
  items = secret_password_search_finish (issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);
  return n;
}

static char *
default_collection_path (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  return g_strdup (g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection)));
}

/* Locks the keyring tests/headless unlocked, as the desktop does after a
 * while or on request ("Lock" in Passwords and Keys). */
static void
lock_keyring (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  GList *objects = NULL;
  gint n;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  objects = g_list_append (objects, collection);
  n = secret_service_lock_sync (service, objects, NULL, NULL, &error);
  g_list_free (objects);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
}

/* Unlocks it again without a prompt, with the password tests/headless
 * gave gnome-keyring: its own non-interactive interface,
 * as the login session does. */
static void
unlock_keyring (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) opened = NULL;
  g_autoptr(GVariant) unlocked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *collection = default_collection_path ();
  const char *session;
  GVariant *secret;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  opened = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                        "org.freedesktop.Secret.Service", "OpenSession",
                                        g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                                        G_VARIANT_TYPE ("(vo)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                        &error);
  g_assert_no_error (error);
  g_variant_get_child (opened, 1, "&o", &session);
  /* (the password is what tests/headless piped in: one newline) */
  secret = g_variant_new ("(o@ay@ays)", session,
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "\n", 1, 1),
                          "text/plain");
  unlocked = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                          "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
                                          "UnlockWithMasterPassword",
                                          g_variant_new ("(o@(oayays))", collection, secret),
                                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
sign_out (AnshinAccount  *account,
          GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anshin_account_sign_out_async (account, NULL, issuer_test_on_result_cb, &result);
  return anshin_account_sign_out_finish (account, issuer_test_wait (&result), error);
}

/* An offline sign-out while the keyring is locked: the refresh token
 * cannot be deleted, and the sign-out says so (what is left, and that the
 * issuer was not told) instead of "signed out"; once the keyring is
 * unlocked, signing out again removes it. */
static void
test_sign_out_keyring_locked (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = anshin_issuer_cache_dup_path (fixture->url, "demo");
  g_autofree char *gone = NULL;

  sign_in (fixture->account);
  g_assert_cmpuint (count_stored (fixture->url), ==, 1);
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);

  issuer_test_proxy_set_down (fixture->proxy, TRUE);
  lock_keyring ();

  g_assert_false (sign_out (fixture->account, &error));
  g_assert_error (error, ANSHIN_SIGN_OUT_ERROR,
                  (ANSHIN_SIGN_OUT_ERROR_KEYRING | ANSHIN_SIGN_OUT_ERROR_ISSUER_SESSION));
  g_assert_nonnull (strstr (error->message, "keyring"));
  g_clear_error (&error);

  /* Signed out here, the token still in the keyring, said so */
  g_assert_false (anshin_account_get_signed_in (fixture->account));
  g_assert_false (anshin_account_get_has_card (fixture->account));
  g_assert_cmpuint (count_stored (fixture->url), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Still locked: the retry says the same about the keyring, and nothing
   * more about the issuer (the client has no session left to end). */
  g_assert_false (sign_out (fixture->account, &error));
  g_assert_error (error, ANSHIN_SIGN_OUT_ERROR, ANSHIN_SIGN_OUT_ERROR_KEYRING);
  g_clear_error (&error);

  unlock_keyring ();
  g_assert_true (sign_out (fixture->account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_stored (fixture->url), ==, 0);
  gone = stored_token (fixture->url);
  g_assert_null (gone);
}

/* The same sign-out with the issuer reachable and the keyring fine says
 * nothing is left (the other half of the test above). */
static void
test_sign_out_offline (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  sign_in (fixture->account);
  issuer_test_proxy_set_down (fixture->proxy, TRUE);

  g_assert_false (sign_out (fixture->account, &error));
  /* Only the issuer's part is left: the keyring and the cache are clean. */
  g_assert_error (error, ANSHIN_SIGN_OUT_ERROR, ANSHIN_SIGN_OUT_ERROR_ISSUER_SESSION);
  g_assert_cmpuint (count_stored (fixture->url), ==, 0);
}

static void
on_remember_failed_cb (AnshinAccount *account,
                       const GError  *error,
                       GError       **out)
{
  g_assert_nonnull (error);
  g_assert_null (*out);
  *out = g_error_copy (error);
}

/* A session bus of our own with nothing on it (no Secret Service, and
 * nothing to start one): a dbus-daemon with no service directories. */
static const char empty_bus_config[] =
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
  "<busconfig>\n"
  "  <type>session</type>\n"
  "  <listen>unix:tmpdir=/tmp</listen>\n"
  "  <auth>EXTERNAL</auth>\n"
  "  <policy context=\"default\">\n"
  "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
  "    <allow eavesdrop=\"true\"/>\n"
  "    <allow own=\"*\"/>\n"
  "  </policy>\n"
  "</busconfig>\n";

/* "Keep me signed in" with no Secret Service on the session bus (a
 * private bus, for a child process): the sign-in works, and the account
 * says the keyring did not take it; the sign-out then cannot say that the
 * keyring holds nothing. */
static void
test_remember_failed (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *dir = NULL;
  g_autofree char *config = NULL;
  g_autofree char *address = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GIOChannel) out = NULL;
  g_autoptr(GError) error = NULL;
  GPid daemon = 0;
  int out_fd = -1;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) failed = NULL;
      gboolean reached = FALSE;

      g_assert_nonnull (g_getenv ("ANSHIN_TEST_EMPTY_BUS"));
      g_signal_connect (fixture->account, "remember-failed",
                        G_CALLBACK (on_remember_failed_cb), &failed);
      sign_in (fixture->account);
      g_assert_true (anshin_account_get_signed_in (fixture->account));
      g_assert_true (anshin_account_get_has_card (fixture->account));
      reached = failed != NULL;
      issuer_test_wait_until (&reached, 10000);
      g_assert_nonnull (failed);
      g_debug ("remember-failed: %s", failed->message);

      g_assert_false (sign_out (fixture->account, &error));
      g_assert_error (error, ANSHIN_SIGN_OUT_ERROR, ANSHIN_SIGN_OUT_ERROR_KEYRING);
      g_assert_false (anshin_account_get_signed_in (fixture->account));
      return;
    }

  dir = g_dir_make_tmp ("anshin-bus-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (dir, "bus.conf", NULL);
  g_assert_true (g_file_set_contents (config, empty_bus_config, -1, &error));
  {
    g_autofree char *config_arg = g_strconcat ("--config-file=", config, NULL);
    const char *argv[] = { "dbus-daemon", config_arg, "--nofork", "--print-address=1", NULL };

    g_spawn_async_with_pipes (NULL, (char **)argv, NULL,
                              G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                              &daemon, NULL, &out_fd, NULL, &error);
    g_assert_no_error (error);
  }
  out = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  g_io_channel_read_line (out, &address, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_strchomp (address);

  /* The child starts with this bus as its session bus; this process
   * keeps the connection it has. */
  saved = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_setenv ("ANSHIN_TEST_EMPTY_BUS", "1", TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", saved, TRUE);
  g_unsetenv ("ANSHIN_TEST_EMPTY_BUS");

  kill (daemon, SIGTERM);
  waitpid (daemon, NULL, 0);
  g_spawn_close_pid (daemon);
  g_unlink (config);
  g_rmdir (dir);

  g_test_trap_assert_passed ();
}

static gboolean
cache_has_activity (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(AnshinIssuerSnapshot) snapshot = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  snapshot = anshin_issuer_snapshot_from_json (data, length, NULL);
  return snapshot != NULL && snapshot->activity != NULL && snapshot->activity->transactions->len > 0;
}

static void
test_offline_start_and_recovery (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(AnshinAccount) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) as_of = NULL;
  g_autofree char *path = anshin_issuer_cache_dup_path (fixture->url, "demo");
  g_autoptr(AnshinTransaction) newest = NULL;
  AnshinActivity *activity;
  guint n_activity;

  sign_in (fixture->account);
  as_of = g_date_time_ref (anshin_account_get_as_of (fixture->account));
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  /* the newest page of activity is written too, once it has loaded */
  while (!cache_has_activity (path))
    g_main_context_iteration (NULL, TRUE);
  activity = anshin_account_get_activity (fixture->account);
  n_activity = g_list_model_get_n_items (G_LIST_MODEL (activity));
  g_assert_cmpuint (n_activity, >, 0);
  newest = g_list_model_get_item (G_LIST_MODEL (activity), 0);

  /* The app starts while the issuer cannot be reached. */
  issuer_test_proxy_set_down (fixture->proxy, TRUE);
  second = account_new (fixture->url);
  g_assert_true (start (second, &error));
  g_assert_no_error (error);

  /* The last known state, saying when it is from */
  g_assert_false (anshin_account_get_online (second));
  g_assert_true (anshin_account_get_signed_in (second));
  g_assert_true (anshin_account_get_has_card (second));
  g_assert_cmpstr (anshin_card_get_number_last4 (anshin_account_get_card (second)), ==, "4821");
  g_assert_cmpuint (g_list_model_get_n_items (anshin_account_get_payment_methods (second)), ==, 5);
  /* (the cache keeps whole seconds) */
  g_assert_cmpint (ABS (g_date_time_difference (anshin_account_get_as_of (second), as_of)), <,
                   G_TIME_SPAN_SECOND);
  /* the activity as last loaded, as of then */
  activity = anshin_account_get_activity (second);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (activity)), ==, MIN (n_activity, ANSHIN_ACTIVITY_PAGE_SIZE));
  {
    g_autoptr(AnshinTransaction) cached = g_list_model_get_item (G_LIST_MODEL (activity), 0);

    g_assert_cmpstr (anshin_transaction_get_id (cached), ==, anshin_transaction_get_id (newest));
    g_assert_cmpstr (anshin_transaction_get_merchant (cached), ==, anshin_transaction_get_merchant (newest));
  }
  g_assert_nonnull (anshin_activity_get_as_of (activity));

  /* The issuer comes back: the account recovers by itself. */
  issuer_test_proxy_set_down (fixture->proxy, FALSE);
  wait_for_boolean (second, "online", TRUE);
  wait_for_boolean (second, "live", TRUE);
  g_assert_true (anshin_account_get_signed_in (second));

  issuer_test_assert_finalized_soon (g_steal_pointer (&second));
}

int
main (int   argc,
      char *argv[])
{
  /* The tests' schema dir has no org.gnome.system.proxy: no desktop proxy. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs a session bus and a keyring: run under tests/headless");
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add ("/issuer/account/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sign-in", test_sign_in);
  ADD ("sign-in-not-remembered", test_sign_in_not_remembered);
  ADD ("events-in-order", test_events_in_order);
  ADD ("reconnect", test_reconnect);
  ADD ("reconnect-after-session-expiry", test_reconnect_after_session_expiry);
  ADD ("polling-fallback", test_polling_fallback);
  ADD ("form-follows-issuer-clock", test_form_follows_issuer_clock);
  ADD ("resume-and-sign-out", test_resume_and_sign_out);
  ADD ("offline-start-and-recovery", test_offline_start_and_recovery);
  ADD ("sign-out-keyring-locked", test_sign_out_keyring_locked);
  ADD ("sign-out-offline", test_sign_out_offline);
  ADD ("remember-failed", test_remember_failed);
  ADD ("changes", test_changes);

#undef ADD

  g_test_add ("/issuer/account/registration-lock", Fixture, "locked-out", fixture_set_up,
              test_registration_lock, fixture_tear_down);

  return g_test_run ();
}
