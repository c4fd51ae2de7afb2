/* anshin-mock-api-card.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer's names and support desk, the card, its payment methods,
 * programmes, notices and the event stream.
 */

#include "config.h"

#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"
#include "anshin-mock-json.h"
#include "anshin-mock-server.h"

static void
add_field_error (AnshinMockRequest *request,
                 const char        *field,
                 const char        *code)
{
  g_autoptr(JsonObject) extra = json_object_new ();
  JsonArray *fields = json_array_new ();
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "field", field);
  json_object_set_string_member (entry, "code", code);
  json_array_add_object_element (fields, entry);
  json_object_set_array_member (extra, "fields", fields);
  anshin_mock_request_reply_problem (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                     "指定された値は使用できません。", extra);
}

/* No session needed: how the issuer names itself and its support desk. */
static void
get_issuer (AnshinMockRequest *request)
{
  AnshinMockScenario *scenario = anshin_mock_state_get_scenario (request->state);

  anshin_mock_request_reply_object (request, SOUP_STATUS_OK,
                                    anshin_mock_json_object_copy (anshin_mock_scenario_get_issuer (scenario)));
}

static void
get_card (AnshinMockRequest *request)
{
  anshin_mock_request_reply (request,
                             anshin_mock_response_new_bytes (SOUP_STATUS_OK,
                                                             anshin_mock_member_get_card_json (request->member)));
}

static void
patch_card (AnshinMockRequest *request)
{
  const char *state = anshin_mock_request_get_string (request, "state");
  int value;

  if (!anshin_mock_request_check_fields (request))
    return;

  if (!anshin_enum_from_api (ANSHIN_TYPE_CARD_STATE, state, &value) ||
      (value != ANSHIN_CARD_STATE_FROZEN && value != ANSHIN_CARD_STATE_ACTIVE))
    {
      add_field_error (request, "state", "invalid_value");
      return;
    }

  if (!anshin_mock_member_set_card_state (request->member, value, request->now))
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_CONFLICT, "invalid_state_transition",
                                         "現在のカードの状態からは変更できません。", NULL);
      return;
    }

  get_card (request);
}

static void
reissue_card (AnshinMockRequest *request)
{
  g_autoptr(JsonObject) reissue = NULL;
  const char *reason;
  gboolean new_number;
  int value;
  JsonObject *answer;

  anshin_mock_request_get_boolean (request, "new_number", &new_number);
  reason = anshin_mock_request_get_string (request, "reason");
  if (!anshin_mock_request_check_fields (request))
    return;

  if (!anshin_enum_from_api (ANSHIN_TYPE_REISSUE_REASON, reason, &value))
    {
      add_field_error (request, "reason", "invalid_value");
      return;
    }

  switch (anshin_mock_member_start_reissue (request->member, new_number, reason, request->now, &reissue))
    {
    case ANSHIN_MOCK_REISSUE_ALREADY_IN_PROGRESS:
      anshin_mock_request_reply_problem (request, SOUP_STATUS_CONFLICT, "reissue_in_progress",
                                         "再発行の手続き中です。完了までお待ちください。", NULL);
      return;

    case ANSHIN_MOCK_REISSUE_INVALID_STATE:
      anshin_mock_request_reply_problem (request, SOUP_STATUS_CONFLICT, "invalid_state_transition",
                                         "現在のカードの状態では再発行できません。", NULL);
      return;

    case ANSHIN_MOCK_REISSUE_STARTED:
    default:
      answer = json_object_new ();
      json_object_set_object_member (answer, "reissue", g_steal_pointer (&reissue));
      anshin_mock_request_reply_object (request, SOUP_STATUS_ACCEPTED, answer);
      return;
    }
}

static void
get_networks (AnshinMockRequest *request)
{
  anshin_mock_request_reply_object (request, SOUP_STATUS_OK,
                                    anshin_mock_member_dup_networks (request->member));
}

static void
get_programs (AnshinMockRequest *request)
{
  anshin_mock_request_reply_object (request, SOUP_STATUS_OK,
                                    anshin_mock_member_dup_programs (request->member));
}

static void
get_notices (AnshinMockRequest *request)
{
  const char *after = request->query != NULL ? g_hash_table_lookup (request->query, "after") : NULL;
  gboolean found;
  JsonObject *notices = anshin_mock_member_dup_notices (request->member, after, &found);

  /* An unknown "after" (e.g. from another scenario) lists everything. */
  anshin_mock_request_reply_object (request, SOUP_STATUS_OK, notices);
}

static void
read_notice (AnshinMockRequest *request)
{
  if (!anshin_mock_member_mark_notice_read (request->member, request->param))
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_NOT_FOUND, "not_found",
                                         "指定されたお知らせは見つかりません。", NULL);
      return;
    }

  anshin_mock_request_reply (request, anshin_mock_response_new (SOUP_STATUS_NO_CONTENT));
}

static void
open_events (AnshinMockRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!soup_websocket_server_check_handshake (request->msg, NULL, NULL, NULL, &error))
    {
      g_debug ("Not a WebSocket handshake: %s", error->message);
      anshin_mock_request_reply_problem (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                         "WebSocketで接続してください。", NULL);
      return;
    }

  /* No answer here: libsoup completes the upgrade after this handler, and
   * the server expects the stream (anshin_mock_server_finish()). */
}

static const AnshinMockRoute card_routes[] = {
  { "GET", "/v1/issuer", 0, get_issuer },
  { "GET", "/v1/card", ANSHIN_MOCK_ROUTE_SESSION, get_card },
  { "PATCH", "/v1/card", ANSHIN_MOCK_ROUTE_SESSION | ANSHIN_MOCK_ROUTE_BODY, patch_card },
  { "POST", "/v1/card/reissue",
    ANSHIN_MOCK_ROUTE_SESSION | ANSHIN_MOCK_ROUTE_BODY | ANSHIN_MOCK_ROUTE_IDEMPOTENT, reissue_card },
  { "GET", "/v1/card/networks", ANSHIN_MOCK_ROUTE_SESSION, get_networks },
  { "GET", "/v1/programs", ANSHIN_MOCK_ROUTE_SESSION, get_programs },
  { "GET", "/v1/notices", ANSHIN_MOCK_ROUTE_SESSION, get_notices },
  { "POST", "/v1/notices/{id}/read", ANSHIN_MOCK_ROUTE_SESSION, read_notice },
  { "GET", "/v1/events", ANSHIN_MOCK_ROUTE_SESSION | ANSHIN_MOCK_ROUTE_WEBSOCKET, open_events },
};

const AnshinMockRoute *
anshin_mock_api_card_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (card_routes);
  return card_routes;
}
