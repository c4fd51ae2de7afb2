/* fault-matrix-calls.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "issuer-test-util.h"

#include "fault-matrix-calls.h"

/* The calls: each returns the error it ended with, or NULL */

#define WAIT(result) issuer_test_wait (&(result))

static GError *
call_get_card (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinCard) card = NULL;
  GError *error = NULL;

  anshin_issuer_client_get_card_async (fixture->client, NULL, issuer_test_on_result_cb, &result);
  card = anshin_issuer_client_get_card_finish (fixture->client, WAIT (result), &error);
  return error;
}

static GError *
call_get_issuer (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinIssuerInfo) info = NULL;
  GError *error = NULL;

  anshin_issuer_client_get_issuer_async (fixture->client, NULL, issuer_test_on_result_cb, &result);
  info = anshin_issuer_client_get_issuer_finish (fixture->client, WAIT (result), &error);
  return error;
}

static GError *
call_freeze (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinCard) card = NULL;
  GError *error = NULL;

  anshin_issuer_client_set_card_frozen_async (fixture->client, TRUE, NULL, issuer_test_on_result_cb,
                                              &result);
  card = anshin_issuer_client_set_card_frozen_finish (fixture->client, WAIT (result), &error);
  return error;
}

static GError *
call_reissue (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinCard) card = anshin_card_new ();
  g_autofree char *key = anshin_issuer_client_new_idempotency_key ();
  GError *error = NULL;

  anshin_issuer_client_reissue_async (fixture->client, TRUE,
                                      ANSHIN_REISSUE_REASON_NETWORK_UNAVAILABLE, key, NULL,
                                      issuer_test_on_result_cb, &result);
  anshin_issuer_client_reissue_finish (fixture->client, WAIT (result), card, &error);
  return error;
}

#define LIST_CALL(func, call) \
  static GError * \
  func (FaultFixture *fixture) \
  { \
    g_autoptr(GAsyncResult) result = NULL; \
    g_autoptr(GPtrArray) items = NULL; \
    GError *error = NULL; \
    \
    anshin_issuer_client_##call##_async (fixture->client, NULL, issuer_test_on_result_cb, &result); \
    items = anshin_issuer_client_##call##_finish (fixture->client, WAIT (result), &error); \
    return error; \
  }

LIST_CALL (call_list_payment_methods, list_payment_methods)
LIST_CALL (call_list_programs, list_programs)
LIST_CALL (call_list_charge_cards, list_charge_cards)
LIST_CALL (call_list_charges, list_charges)

static GError *
call_list_notices (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GError *error = NULL;

  anshin_issuer_client_list_notices_async (fixture->client, NULL, NULL, issuer_test_on_result_cb,
                                           &result);
  items = anshin_issuer_client_list_notices_finish (fixture->client, WAIT (result), &error);
  return error;
}

static GError *
call_mark_notice_read (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  anshin_issuer_client_mark_notice_read_async (fixture->client, fixture->notice_id, NULL,
                                               issuer_test_on_result_cb, &result);
  anshin_issuer_client_mark_notice_read_finish (fixture->client, WAIT (result), &error);
  return error;
}

static GError *
call_delete_charge_card (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  anshin_issuer_client_delete_charge_card_async (fixture->client, "cc_1", NULL,
                                                 issuer_test_on_result_cb, &result);
  anshin_issuer_client_delete_charge_card_finish (fixture->client, WAIT (result), &error);
  return error;
}

GError *
fault_matrix_call_registration_form (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinRegistrationForm) form = NULL;
  GError *error = NULL;

  anshin_issuer_client_get_registration_form_async (fixture->client, NULL,
                                                    issuer_test_on_result_cb, &result);
  form = anshin_issuer_client_get_registration_form_finish (fixture->client, WAIT (result), &error);
  return error;
}

GError *
fault_matrix_call_register_charge_card (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinChargeCardDetails) details = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autofree char *key = anshin_issuer_client_new_idempotency_key ();
  GError *error = NULL;

  details = anshin_charge_card_details_new ("5555555555554444", 12, 2030, "123", "TARO YAMADA");
  anshin_issuer_client_register_charge_card_async (fixture->client, details, key, NULL,
                                                   issuer_test_on_result_cb, &result);
  anshin_issuer_client_register_charge_card_finish (fixture->client, WAIT (result), &card,
                                                    &challenge, &error);
  return error;
}

static GError *
call_complete_challenge (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autofree char *key = anshin_issuer_client_new_idempotency_key ();
  GError *error = NULL;

  anshin_issuer_client_complete_challenge_async (fixture->client, "ch_1", "123456", key, NULL,
                                                 issuer_test_on_result_cb, &result);
  card = anshin_issuer_client_complete_challenge_finish (fixture->client, WAIT (result), &error);
  return error;
}

static GError *
call_charge (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinCharge) charge = NULL;
  g_autofree char *key = anshin_issuer_client_new_idempotency_key ();
  GError *error = NULL;

  anshin_issuer_client_charge_async (fixture->client, "cc_1", 5000, key, NULL,
                                     issuer_test_on_result_cb, &result);
  charge = anshin_issuer_client_charge_finish (fixture->client, WAIT (result), &error);
  return error;
}

static GError *
call_connect_events (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SoupWebsocketConnection) connection = NULL;
  GError *error = NULL;

  anshin_issuer_client_connect_events_async (fixture->client, NULL, issuer_test_on_result_cb,
                                             &result);
  connection = anshin_issuer_client_connect_events_finish (fixture->client, WAIT (result), &error);
  if (connection != NULL)
    soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  return error;
}

GError *
fault_matrix_call_account_refresh (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  anshin_account_refresh_async (fixture->account, NULL, issuer_test_on_result_cb, &result);
  anshin_account_refresh_finish (fixture->account, WAIT (result), &error);
  return error;
}

static GError *
call_account_mark_read (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinNotice) notice = g_list_model_get_item (anshin_account_get_notices (fixture->account), 0);
  GError *error = NULL;

  anshin_account_mark_notice_read_async (fixture->account, notice, NULL, issuer_test_on_result_cb,
                                         &result);
  anshin_account_mark_notice_read_finish (fixture->account, WAIT (result), &error);
  return error;
}

static GError *
call_resume (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinIssuerSession) session = NULL;
  GError *error = NULL;

  anshin_issuer_client_resume_async (fixture->client, fixture->refresh_token, NULL,
                                     issuer_test_on_result_cb, &result);
  session = anshin_issuer_client_resume_finish (fixture->client, WAIT (result), &error);
  return error;
}

static GError *
call_sign_in (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnshinIssuerSession) session = NULL;
  GError *error = NULL;

  anshin_issuer_client_sign_in_async (fixture->client, "demo", "demo", NULL,
                                      issuer_test_on_result_cb, &result);
  session = anshin_issuer_client_sign_in_finish (fixture->client, WAIT (result), &error);
  return error;
}

GError *
fault_matrix_call_sign_out (FaultFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  anshin_issuer_client_sign_out_async (fixture->client, NULL, issuer_test_on_result_cb, &result);
  anshin_issuer_client_sign_out_finish (fixture->client, WAIT (result), &error);
  return error;
}


const FaultMatrixCall fault_matrix_calls[] = {
  { "issuer", "/v1/issuer", ANSWER_BODY, call_get_issuer },
  { "get card", "/v1/card", ANSWER_BODY, call_get_card },
  { "freeze card", "/v1/card", ANSWER_BODY, call_freeze },
  { "reissue", "/v1/card/reissue", ANSWER_BODY, call_reissue },
  { "payment methods", "/v1/card/networks", ANSWER_BODY, call_list_payment_methods },
  { "programs", "/v1/programs", ANSWER_BODY, call_list_programs },
  { "notices", "/v1/notices", ANSWER_BODY, call_list_notices },
  { "mark notice read", "/v1/notices", ANSWER_EMPTY, call_mark_notice_read },
  { "charge cards", "/v1/charge-cards", ANSWER_BODY, call_list_charge_cards },
  { "registration form", "/v1/charge-cards/registration", ANSWER_BODY, fault_matrix_call_registration_form },
  { "register charge card", "/v1/charge-cards", ANSWER_BODY, fault_matrix_call_register_charge_card },
  { "complete challenge", "/v1/charge-cards/challenges", ANSWER_BODY, call_complete_challenge },
  { "delete charge card", "/v1/charge-cards", ANSWER_EMPTY, call_delete_charge_card },
  { "top up", "/v1/charges", ANSWER_BODY, call_charge },
  { "charges", "/v1/charges", ANSWER_BODY, call_list_charges },
  { "event stream", "/v1/events", ANSWER_UPGRADE, call_connect_events },
  { "account refresh", "/v1/", ANSWER_BODY, fault_matrix_call_account_refresh },
  { "account mark read", "/v1/notices", ANSWER_EMPTY, call_account_mark_read },
  { "resume session", "/v1/session/refresh", ANSWER_BODY, call_resume },
  { "sign in", "/v1/session", ANSWER_BODY, call_sign_in },
  { "sign out", "/v1/session", ANSWER_EMPTY, fault_matrix_call_sign_out },
};

const guint fault_matrix_n_calls = G_N_ELEMENTS (fault_matrix_calls);
