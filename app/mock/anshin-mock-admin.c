/* anshin-mock-admin.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo control under /admin (only with --admin or in the app's demo
 * mode, only from loopback, no session): the scenario and its steps, the
 * issuer clock, faults, and the one-time codes an SMS would have carried.
 */

#include "config.h"

#include <string.h>

#include "anshin-mock-error.h"
#include "anshin-mock-json.h"
#include "anshin-mock-registration.h"
#include "anshin-mock-server.h"
#include "anshin-time.h"

static void
reply_scenario (AnshinMockRequest *request)
{
  anshin_mock_request_reply_object (request, SOUP_STATUS_OK,
                                    anshin_mock_state_dup_scenario_json (request->state));
}

static void
load_scenario (AnshinMockRequest *request)
{
  const char *name = anshin_mock_request_get_string (request, "name");
  g_autoptr(AnshinMockScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) event = json_object_new ();
  g_autoptr(GDateTime) now = NULL;

  if (!anshin_mock_request_check_fields (request))
    return;

  /* Names only: a path from the network is not followed. */
  if (strchr (name, '/') == NULL && strchr (name, '.') == NULL)
    scenario = anshin_mock_scenario_load (name, &error);

  if (scenario == NULL)
    {
      g_debug ("Cannot load scenario: %s", error != NULL ? error->message : name);
      anshin_mock_request_reply_problem (request, SOUP_STATUS_NOT_FOUND, "not_found",
                                         "指定されたシナリオはありません。", NULL);
      return;
    }

  anshin_mock_state_load_scenario (request->state, scenario);

  now = anshin_mock_state_dup_now (request->state);
  json_object_set_string_member (event, "type", "clock.changed");
  anshin_mock_json_set_time (event, "issuer_time", now);
  g_signal_emit_by_name (request->state, "event", NULL, event);

  reply_scenario (request);
}

static void
next_step (AnshinMockRequest *request)
{
  AnshinMockScenario *scenario = anshin_mock_state_get_scenario (request->state);
  guint next = anshin_mock_state_get_current_step (request->state) + 1;
  g_autoptr(GError) error = NULL;

  if (next >= anshin_mock_scenario_get_n_steps (scenario))
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_CONFLICT, "no_next_step",
                                         "これが最後のステップです。", NULL);
      return;
    }

  if (!anshin_mock_state_move_clock (request->state, anshin_mock_scenario_get_step (scenario, next)->at,
                                     &error))
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_CONFLICT, "clock_backwards",
                                         "発行者の時計は進めることしかできません。", NULL);
      return;
    }

  reply_scenario (request);
}

static void
reply_clock (AnshinMockRequest *request)
{
  AnshinMockClock *clock = anshin_mock_state_get_clock (request->state);
  g_autoptr(GDateTime) now = anshin_mock_state_dup_now (request->state);
  JsonObject *answer = json_object_new ();

  anshin_mock_json_set_time (answer, "issuer_time", now);
  json_object_set_boolean_member (answer, "running", anshin_mock_clock_get_running (clock));
  anshin_mock_request_reply_object (request, SOUP_STATUS_OK, answer);
}

static void
reply_invalid_time (AnshinMockRequest *request)
{
  g_autoptr(JsonObject) extra = json_object_new ();
  JsonArray *fields = json_array_new ();
  JsonObject *field = json_object_new ();

  json_object_set_string_member (field, "field", "set");
  json_object_set_string_member (field, "code", "invalid_value");
  json_array_add_object_element (fields, field);
  json_object_set_array_member (extra, "fields", fields);
  anshin_mock_request_reply_problem (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                     "時刻はRFC 3339（例: 2025-11-30T09:00:00+09:00）で指定してください。",
                                     extra);
}

/* {"advance_seconds": N} or {"set": "..."}, and (mock-only) "running": false
 * to stop the clock where it lands, true to let it run again */
static void
move_clock (AnshinMockRequest *request)
{
  g_autoptr(GDateTime) target = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_running = anshin_mock_request_has_member (request, "running");
  gboolean running = TRUE;

  if (has_running)
    anshin_mock_request_get_boolean (request, "running", &running);

  if (anshin_mock_request_has_member (request, "set"))
    {
      const char *set = anshin_mock_request_get_string (request, "set");

      if (!anshin_mock_request_check_fields (request))
        return;

      target = anshin_time_parse (set);
      if (target == NULL)
        {
          reply_invalid_time (request);
          return;
        }
    }
  else if (anshin_mock_request_has_member (request, "advance_seconds") || !has_running)
    {
      gint64 seconds;

      anshin_mock_request_get_int (request, "advance_seconds", &seconds);
      if (!anshin_mock_request_check_fields (request))
        return;

      /* At most a century, so that the arithmetic stays in range. */
      seconds = CLAMP (seconds, G_GINT64_CONSTANT (-1), G_GINT64_CONSTANT (3155760000));
      target = g_date_time_add_seconds (request->now, (double)seconds);
    }
  else if (!anshin_mock_request_check_fields (request))
    return;

  if (target != NULL && !anshin_mock_state_move_clock (request->state, target, &error))
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_CONFLICT, "clock_backwards",
                                         "発行者の時計は進めることしかできません。", NULL);
      return;
    }

  if (has_running)
    anshin_mock_clock_set_running (anshin_mock_state_get_clock (request->state), running);

  reply_clock (request);
}

static gint64
optional_int (AnshinMockRequest *request,
              const char        *member,
              gint64             fallback)
{
  gint64 value = fallback;

  if (anshin_mock_request_has_member (request, member))
    anshin_mock_request_get_int (request, member, &value);

  return value;
}

static void
add_fault (AnshinMockRequest *request)
{
  const char *path_prefix = anshin_mock_request_get_string (request, "path_prefix");
  const char *kind_name = anshin_mock_request_get_string (request, "kind");
  gint64 status = optional_int (request, "status", 503);
  gint64 delay_ms = optional_int (request, "delay_ms", 1000);
  gint64 count = optional_int (request, "count", 1);
  AnshinMockFaultKind kind;
  JsonObject *answer;

  if (!anshin_mock_request_check_fields (request))
    return;

  kind = anshin_mock_fault_kind_from_api (kind_name);
  if (kind == ANSHIN_MOCK_FAULT_NONE || status < 400 || status > 599 ||
      delay_ms < 0 || delay_ms > 600000 || count < 1 || count > 1000000)
    {
      anshin_mock_request_reply_problem (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                         "kindはdelay、status、drop、malformed_json、truncateのいずれか、"
                                         "statusは400から599、countは1以上で指定してください。", NULL);
      return;
    }

  anshin_mock_faults_add (anshin_mock_server_get_faults (request->server), path_prefix, kind,
                          status, delay_ms, count);

  answer = json_object_new ();
  json_object_set_string_member (answer, "path_prefix", path_prefix);
  json_object_set_string_member (answer, "kind", kind_name);
  json_object_set_int_member (answer, "status", status);
  json_object_set_int_member (answer, "delay_ms", delay_ms);
  json_object_set_int_member (answer, "count", count);
  anshin_mock_request_reply_object (request, SOUP_STATUS_CREATED, answer);
}

static void
clear_faults (AnshinMockRequest *request)
{
  anshin_mock_faults_clear (anshin_mock_server_get_faults (request->server));
  anshin_mock_request_reply (request, anshin_mock_response_new (SOUP_STATUS_NO_CONTENT));
}

static void
list_one_time_codes (AnshinMockRequest *request)
{
  anshin_mock_request_reply_object (request, SOUP_STATUS_OK,
                                    anshin_mock_registration_dup_one_time_codes (anshin_mock_state_get_member (request->state),
                                                                                 request->now));
}

static const AnshinMockRoute admin_routes[] = {
  { "GET", "/admin/scenario", ANSHIN_MOCK_ROUTE_ADMIN, reply_scenario },
  { "POST", "/admin/scenario", ANSHIN_MOCK_ROUTE_ADMIN | ANSHIN_MOCK_ROUTE_BODY, load_scenario },
  { "POST", "/admin/step", ANSHIN_MOCK_ROUTE_ADMIN, next_step },
  { "POST", "/admin/clock", ANSHIN_MOCK_ROUTE_ADMIN | ANSHIN_MOCK_ROUTE_BODY, move_clock },
  { "POST", "/admin/faults", ANSHIN_MOCK_ROUTE_ADMIN | ANSHIN_MOCK_ROUTE_BODY, add_fault },
  { "DELETE", "/admin/faults", ANSHIN_MOCK_ROUTE_ADMIN, clear_faults },
  { "GET", "/admin/one-time-codes", ANSHIN_MOCK_ROUTE_ADMIN, list_one_time_codes },
};

const AnshinMockRoute *
anshin_mock_admin_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (admin_routes);
  return admin_routes;
}
