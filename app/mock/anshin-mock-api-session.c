/* anshin-mock-api-session.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * POST /v1/session, POST /v1/session/refresh, DELETE /v1/session.
 */

#include "config.h"

#include "anshin-mock-json.h"
#include "anshin-mock-server.h"

static void
reply_session (AnshinMockRequest *request,
               const char        *member_id,
               const char        *session_id,
               const char        *refresh_token,
               gint64             expires_at)
{
  g_autofree char *cookie = anshin_mock_server_session_cookie (session_id);
  JsonObject *answer = json_object_new ();
  AnshinMockResponse *response;

  json_object_set_string_member (answer, "member_id", member_id);
  anshin_mock_json_set_unix (answer, "session_expires_at", expires_at);
  json_object_set_string_member (answer, "refresh_token", refresh_token);

  response = anshin_mock_response_new_object (SOUP_STATUS_CREATED, answer);
  anshin_mock_response_add_header (response, "Set-Cookie", cookie);
  anshin_mock_response_add_header (response, "Cache-Control", "no-store");
  anshin_mock_request_reply (request, response);
}

static void
create_session (AnshinMockRequest *request)
{
  AnshinMockSessions *sessions = anshin_mock_state_get_sessions (request->state);
  const char *member_id = anshin_mock_request_get_string (request, "member_id");
  const char *password = anshin_mock_request_get_string (request, "password");
  g_autofree char *session_id = NULL;
  g_autofree char *refresh_token = NULL;
  AnshinMockMember *member;
  gint64 now = g_date_time_to_unix (request->now);
  gint64 blocked;
  gint64 expires_at;

  if (!anshin_mock_request_check_fields (request))
    return;

  blocked = anshin_mock_sessions_login_blocked (sessions, member_id, now);
  if (blocked > 0)
    {
      g_autofree char *retry_after = g_strdup_printf ("%" G_GINT64_FORMAT, blocked);
      AnshinMockResponse *response =
        anshin_mock_response_new_problem (429, "too_many_login_attempts",
                                          "ログインの失敗が続いたため、しばらくログインできません。時間をおいて再度お試しください。",
                                          NULL);

      anshin_mock_response_add_header (response, "Retry-After", retry_after);
      anshin_mock_request_reply (request, response);
      return;
    }

  member = anshin_mock_state_lookup_member (request->state, member_id);
  if (member == NULL || !anshin_mock_member_check_password (member, password))
    {
      anshin_mock_sessions_login_failed (sessions, member_id, now);
      anshin_mock_request_reply_problem (request, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials",
                                         "会員IDまたはパスワードが正しくありません。", NULL);
      return;
    }

  anshin_mock_sessions_create (sessions, member_id, now, &session_id, &refresh_token, &expires_at);
  reply_session (request, member_id, session_id, refresh_token, expires_at);
}

static void
refresh_session (AnshinMockRequest *request)
{
  const char *token = anshin_mock_request_get_string (request, "refresh_token");
  g_autofree char *session_id = NULL;
  g_autofree char *refresh_token = NULL;
  g_autofree char *member_id = NULL;
  gint64 expires_at;

  if (!anshin_mock_request_check_fields (request))
    return;

  if (!anshin_mock_sessions_refresh (anshin_mock_state_get_sessions (request->state), token,
                                     g_date_time_to_unix (request->now),
                                     &session_id, &refresh_token, &expires_at, &member_id) ||
      anshin_mock_state_lookup_member (request->state, member_id) == NULL)
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_UNAUTHORIZED, "refresh_token_invalid",
                                         "ログイン情報の有効期限が切れました。もう一度ログインしてください。",
                                         NULL);
      return;
    }

  reply_session (request, member_id, session_id, refresh_token, expires_at);
}

static void
delete_session (AnshinMockRequest *request)
{
  g_autofree char *cookie = anshin_mock_server_session_cookie (NULL);
  AnshinMockResponse *response = anshin_mock_response_new (SOUP_STATUS_NO_CONTENT);

  anshin_mock_sessions_delete (anshin_mock_state_get_sessions (request->state), request->session_id);
  anshin_mock_response_add_header (response, "Set-Cookie", cookie);
  anshin_mock_request_reply (request, response);
}

static const AnshinMockRoute session_routes[] = {
  { "POST", "/v1/session", ANSHIN_MOCK_ROUTE_BODY, create_session },
  { "POST", "/v1/session/refresh", ANSHIN_MOCK_ROUTE_BODY, refresh_session },
  { "DELETE", "/v1/session", ANSHIN_MOCK_ROUTE_SESSION, delete_session },
};

const AnshinMockRoute *
anshin_mock_api_session_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (session_routes);
  return session_routes;
}
