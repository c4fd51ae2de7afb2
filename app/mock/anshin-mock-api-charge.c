/* anshin-mock-api-charge.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charge cards (registration, 3-D Secure, removal) and top-ups.
 */

#include "config.h"

#include "anshin-mock-registration.h"
#include "anshin-mock-server.h"
#include "anshin-mock-topup.h"

static void
list_charge_cards (AnshinMockRequest *request)
{
  anshin_mock_request_reply_object (request, SOUP_STATUS_OK,
                                    anshin_mock_registration_dup_charge_cards (request->member));
}

static void
get_registration (AnshinMockRequest *request)
{
  g_autoptr(GDateTime) locked_until = anshin_mock_registration_dup_locked_until (request->member, request->now);
  AnshinMockResponse *response =
    anshin_mock_response_new_object (SOUP_STATUS_OK,
                                     anshin_mock_registration_dup_status (request->member, request->now));

  /* while locked, say when to come back, as the 429 does */
  if (locked_until != NULL)
    {
      g_autofree char *retry_after =
        g_strdup_printf ("%" G_GINT64_FORMAT,
                         g_date_time_to_unix (locked_until) - g_date_time_to_unix (request->now));

      anshin_mock_response_add_header (response, "Retry-After", retry_after);
    }

  anshin_mock_request_reply (request, response);
}

static void
register_charge_card (AnshinMockRequest *request)
{
  AnshinMockCardInput input = { NULL, };

  input.form_token = anshin_mock_request_get_string (request, "form_token");
  input.number = anshin_mock_request_get_string (request, "number");
  anshin_mock_request_get_int (request, "exp_month", &input.exp_month);
  anshin_mock_request_get_int (request, "exp_year", &input.exp_year);
  input.cvc = anshin_mock_request_get_string (request, "cvc");
  input.holder_name = anshin_mock_request_get_string (request, "holder_name");
  if (!anshin_mock_request_check_fields (request))
    return;

  anshin_mock_request_reply (request,
                             anshin_mock_registration_submit (request->member, &input, request->now));
}

static void
answer_challenge (AnshinMockRequest *request)
{
  const char *code = anshin_mock_request_get_string (request, "code");

  if (!anshin_mock_request_check_fields (request))
    return;

  anshin_mock_request_reply (request,
                             anshin_mock_registration_answer_challenge (request->member, request->param,
                                                                        code, request->now));
}

static void
delete_charge_card (AnshinMockRequest *request)
{
  if (!anshin_mock_registration_delete_charge_card (request->member, request->param))
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_NOT_FOUND, "not_found",
                                         "指定されたクレジットカードは登録されていません。", NULL);
      return;
    }

  anshin_mock_request_reply (request, anshin_mock_response_new (SOUP_STATUS_NO_CONTENT));
}

static void
create_charge (AnshinMockRequest *request)
{
  const char *charge_card_id = anshin_mock_request_get_string (request, "charge_card_id");
  gint64 amount;

  anshin_mock_request_get_int (request, "amount", &amount);
  if (!anshin_mock_request_check_fields (request))
    return;

  anshin_mock_request_reply (request,
                             anshin_mock_topup_charge (request->member, charge_card_id, amount, request->now));
}

static void
list_charges (AnshinMockRequest *request)
{
  anshin_mock_request_reply_object (request, SOUP_STATUS_OK,
                                    anshin_mock_topup_dup_charges (request->member));
}

#define REGISTRATION_POST (ANSHIN_MOCK_ROUTE_SESSION | ANSHIN_MOCK_ROUTE_BODY | \
                           ANSHIN_MOCK_ROUTE_LOCK | ANSHIN_MOCK_ROUTE_IDEMPOTENT)

static const AnshinMockRoute charge_routes[] = {
  { "GET", "/v1/charge-cards", ANSHIN_MOCK_ROUTE_SESSION, list_charge_cards },
  { "POST", "/v1/charge-cards", REGISTRATION_POST, register_charge_card },
  { "GET", "/v1/charge-cards/registration", ANSHIN_MOCK_ROUTE_SESSION, get_registration },
  { "POST", "/v1/charge-cards/challenges/{id}", REGISTRATION_POST, answer_challenge },
  { "DELETE", "/v1/charge-cards/{id}", ANSHIN_MOCK_ROUTE_SESSION, delete_charge_card },
  { "GET", "/v1/charges", ANSHIN_MOCK_ROUTE_SESSION, list_charges },
  { "POST", "/v1/charges",
    ANSHIN_MOCK_ROUTE_SESSION | ANSHIN_MOCK_ROUTE_BODY | ANSHIN_MOCK_ROUTE_IDEMPOTENT, create_charge },
};

const AnshinMockRoute *
anshin_mock_api_charge_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (charge_routes);
  return charge_routes;
}
