/* anshin-mock-state.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole mock issuer's world: the scenario, its clock, its member, the
 * sessions and the idempotency keys. ::event relays what the member's
 * changes emit and adds clock.changed; the server sends them to WebSocket
 * clients. Saved to and restored from `--state FILE`.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "anshin-mock-error.h"
#include "anshin-mock-json.h"
#include "anshin-mock-response.h"
#include "anshin-mock-state.h"
#include "anshin-time.h"

#define STATE_FORMAT "anshin-mock-issuer-state"
#define STATE_VERSION 1

struct _AnshinMockState
{
  GObject                parent_instance;

  AnshinMockScenario    *scenario;
  AnshinMockClock       *clock;
  AnshinMockMember      *member;
  AnshinMockSessions    *sessions;
  AnshinMockIdempotency *idempotency;
  char                  *last_saved;
};

G_DEFINE_FINAL_TYPE (AnshinMockState, anshin_mock_state, G_TYPE_OBJECT)

enum {
  EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_member_event_cb (AnshinMockState  *self,
                    JsonObject       *event,
                    AnshinMockMember *member)
{
  g_signal_emit (self, signals[EVENT], 0, anshin_mock_member_get_id (member), event);
}

static void
set_member (AnshinMockState  *self,
            AnshinMockMember *member)
{
  if (self->member != NULL)
    g_signal_handlers_disconnect_by_data (self->member, self);
  g_set_object (&self->member, member);
  g_signal_connect_object (member, "event", G_CALLBACK (on_member_event_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
anshin_mock_state_dispose (GObject *object)
{
  AnshinMockState *self = (AnshinMockState *)object;

  if (self->member != NULL)
    g_signal_handlers_disconnect_by_data (self->member, self);
  g_clear_object (&self->member);
  g_clear_object (&self->scenario);
  g_clear_object (&self->clock);
  g_clear_object (&self->sessions);
  g_clear_object (&self->idempotency);

  G_OBJECT_CLASS (anshin_mock_state_parent_class)->dispose (object);
}

static void
anshin_mock_state_finalize (GObject *object)
{
  AnshinMockState *self = (AnshinMockState *)object;

  g_clear_pointer (&self->last_saved, g_free);

  G_OBJECT_CLASS (anshin_mock_state_parent_class)->finalize (object);
}

static void
anshin_mock_state_class_init (AnshinMockStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anshin_mock_state_dispose;
  object_class->finalize = anshin_mock_state_finalize;

  /**
   * AnshinMockState::event:
   * @self: the state
   * @member_id: (nullable): the member concerned, or %NULL for everyone
   * @event: the API event object
   */
  signals[EVENT] = g_signal_new ("event",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, G_TYPE_STRING, JSON_TYPE_OBJECT);
}

static void
anshin_mock_state_init (AnshinMockState *self)
{
  self->sessions = anshin_mock_sessions_new ();
  self->idempotency = anshin_mock_idempotency_new ();
}

/**
 * anshin_mock_state_new:
 * @scenario: the scenario to play
 *
 * Returns: (transfer full): the issuer at the start of @scenario
 */
AnshinMockState *
anshin_mock_state_new (AnshinMockScenario *scenario)
{
  AnshinMockState *self;

  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (scenario), NULL);

  self = g_object_new (ANSHIN_TYPE_MOCK_STATE, NULL);
  anshin_mock_state_load_scenario (self, scenario);

  return self;
}

/**
 * anshin_mock_state_load_scenario:
 * @self: a #AnshinMockState
 * @scenario: the scenario to play
 *
 * Resets everything to the start of @scenario: clock, member, sessions,
 * idempotency keys.
 */
void
anshin_mock_state_load_scenario (AnshinMockState    *self,
                                 AnshinMockScenario *scenario)
{
  g_autoptr(AnshinMockMember) member = NULL;

  g_return_if_fail (ANSHIN_IS_MOCK_STATE (self));
  g_return_if_fail (ANSHIN_IS_MOCK_SCENARIO (scenario));

  g_set_object (&self->scenario, scenario);
  if (self->clock == NULL)
    self->clock = anshin_mock_clock_new (anshin_mock_scenario_get_start (scenario));
  else
    anshin_mock_clock_reset (self->clock, anshin_mock_scenario_get_start (scenario));

  member = anshin_mock_member_new (scenario);
  set_member (self, member);
  anshin_mock_sessions_clear (self->sessions);
  anshin_mock_idempotency_clear (self->idempotency);
  anshin_mock_state_tick (self);
}

AnshinMockScenario *
anshin_mock_state_get_scenario (AnshinMockState *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), NULL);
  return self->scenario;
}

AnshinMockClock *
anshin_mock_state_get_clock (AnshinMockState *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), NULL);
  return self->clock;
}

AnshinMockSessions *
anshin_mock_state_get_sessions (AnshinMockState *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), NULL);
  return self->sessions;
}

AnshinMockIdempotency *
anshin_mock_state_get_idempotency (AnshinMockState *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), NULL);
  return self->idempotency;
}

AnshinMockMember *
anshin_mock_state_get_member (AnshinMockState *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), NULL);
  return self->member;
}

/**
 * anshin_mock_state_lookup_member:
 * @self: a #AnshinMockState
 * @member_id: a member id
 *
 * Returns: (transfer none) (nullable): the member with that id
 */
AnshinMockMember *
anshin_mock_state_lookup_member (AnshinMockState *self,
                                 const char      *member_id)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), NULL);

  if (g_strcmp0 (anshin_mock_member_get_id (self->member), member_id) == 0)
    return self->member;

  return NULL;
}

GDateTime *
anshin_mock_state_dup_now (AnshinMockState *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), NULL);
  return anshin_mock_clock_dup_now (self->clock);
}

/**
 * anshin_mock_state_tick:
 * @self: a #AnshinMockState
 *
 * Applies what fell due as the clock ran on by itself.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
anshin_mock_state_tick (AnshinMockState *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), FALSE);

  now = anshin_mock_clock_dup_now (self->clock);
  return anshin_mock_member_apply_due (self->member, now);
}

/**
 * anshin_mock_state_dup_next_due:
 * @self: a #AnshinMockState
 *
 * Returns: (transfer full) (nullable): when the next scheduled change is due
 */
GDateTime *
anshin_mock_state_dup_next_due (AnshinMockState *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), NULL);
  return anshin_mock_member_dup_next_due (self->member);
}

/**
 * anshin_mock_state_move_clock:
 * @self: a #AnshinMockState
 * @time: the new issuer time
 * @error: return location for a #GError
 *
 * Moves the clock forward, applies every change that falls due on the way
 * in time order (each at its own time) and emits clock.changed.
 *
 * Returns: %FALSE with %ANSHIN_MOCK_ERROR_CLOCK_BACKWARDS if @time is in the past
 */
gboolean
anshin_mock_state_move_clock (AnshinMockState  *self,
                              GDateTime        *time,
                              GError          **error)
{
  g_autoptr(JsonObject) event = json_object_new ();
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), FALSE);

  if (!anshin_mock_clock_set (self->clock, time, error))
    return FALSE;

  now = anshin_mock_clock_dup_now (self->clock);
  anshin_mock_member_apply_due (self->member, now);

  json_object_set_string_member (event, "type", "clock.changed");
  anshin_mock_json_set_time (event, "issuer_time", now);
  g_signal_emit (self, signals[EVENT], 0, NULL, event);

  return TRUE;
}

/**
 * anshin_mock_state_get_current_step:
 * @self: a #AnshinMockState
 *
 * Returns: the index of the last step whose time has come
 */
int
anshin_mock_state_get_current_step (AnshinMockState *self)
{
  g_autoptr(GDateTime) now = NULL;
  guint n_steps;
  int current = 0;

  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), 0);

  now = anshin_mock_clock_dup_now (self->clock);
  n_steps = anshin_mock_scenario_get_n_steps (self->scenario);
  for (guint i = 0; i < n_steps; i++)
    {
      if (g_date_time_compare (anshin_mock_scenario_get_step (self->scenario, i)->at, now) <= 0)
        current = i;
    }

  return current;
}

/**
 * anshin_mock_state_dup_scenario_json:
 * @self: a #AnshinMockState
 *
 * Returns: (transfer full): the `GET /admin/scenario` body
 */
JsonObject *
anshin_mock_state_dup_scenario_json (AnshinMockState *self)
{
  g_autoptr(GDateTime) now = NULL;
  JsonObject *object = json_object_new ();
  JsonArray *steps = json_array_new ();
  guint n_steps;

  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), NULL);

  now = anshin_mock_clock_dup_now (self->clock);
  n_steps = anshin_mock_scenario_get_n_steps (self->scenario);
  for (guint i = 0; i < n_steps; i++)
    {
      const AnshinMockStep *step = anshin_mock_scenario_get_step (self->scenario, i);
      JsonObject *entry = json_object_new ();

      json_object_set_int_member (entry, "index", i);
      json_object_set_string_member (entry, "title", step->title);
      json_object_set_string_member (entry, "narration", step->narration);
      anshin_mock_json_set_time (entry, "at", step->at);
      json_array_add_object_element (steps, entry);
    }

  json_object_set_string_member (object, "name", anshin_mock_scenario_get_name (self->scenario));
  json_object_set_string_member (object, "title", anshin_mock_scenario_get_title (self->scenario));
  json_object_set_array_member (object, "steps", steps);
  json_object_set_int_member (object, "current_step", anshin_mock_state_get_current_step (self));
  anshin_mock_json_set_time (object, "issuer_time", now);
  json_object_set_string_member (object, "member_id", anshin_mock_scenario_get_member_id (self->scenario));
  json_object_set_string_member (object, "password", anshin_mock_scenario_get_password (self->scenario));

  return object;
}

static char *
serialize (AnshinMockState *self)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GDateTime) now = anshin_mock_clock_dup_now (self->clock);
  JsonObject *root = json_object_new ();
  JsonArray *members = json_array_new ();

  json_object_set_string_member (root, "format", STATE_FORMAT);
  json_object_set_int_member (root, "version", STATE_VERSION);
  json_object_set_string_member (root, "scenario", anshin_mock_scenario_get_name (self->scenario));
  json_object_set_string_member (root, "scenario_path", anshin_mock_scenario_get_path (self->scenario));
  anshin_mock_json_set_time (root, "issuer_time", now);
  json_array_add_object_element (members, anshin_mock_member_save (self->member));
  json_object_set_array_member (root, "members", members);
  json_object_set_object_member (root, "sessions", anshin_mock_sessions_save (self->sessions));
  json_node_take_object (node, root);

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/**
 * anshin_mock_state_save_file:
 * @self: a #AnshinMockState
 * @path: the state file
 * @error: return location for a #GError
 *
 * Writes the state atomically (temporary file, fsync, rename) if it changed
 * since the last save.
 *
 * Returns: %TRUE on success
 */
gboolean
anshin_mock_state_save_file (AnshinMockState  *self,
                             const char       *path,
                             GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ANSHIN_IS_MOCK_STATE (self), FALSE);

  text = serialize (self);
  if (g_strcmp0 (text, self->last_saved) == 0)
    return TRUE;

  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  g_free (self->last_saved);
  self->last_saved = g_steal_pointer (&text);

  return TRUE;
}

static AnshinMockState *
refuse (GError     **error,
        const char  *path,
        const char  *why)
{
  g_set_error (error, ANSHIN_MOCK_ERROR, ANSHIN_MOCK_ERROR_STATE_INVALID,
               "The state file %s is not usable (%s); it was left untouched. "
               "Move it away or give another --state file.", path, why);
  return NULL;
}

/**
 * anshin_mock_state_new_from_file:
 * @path: a state file written by anshin_mock_state_save_file()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the issuer as it was saved, its clock
 *   running on from the saved time; %NULL if the file cannot be read or is
 *   not a complete state
 */
AnshinMockState *
anshin_mock_state_new_from_file (const char  *path,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(AnshinMockScenario) scenario = NULL;
  g_autoptr(AnshinMockState) self = NULL;
  g_autoptr(GDateTime) issuer_time = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scenario_path;
  JsonObject *root;
  JsonNode *members;
  JsonNode *sessions;

  if (!json_parser_load_from_file (parser, path, &local_error))
    return refuse (error, path, local_error->message);

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return refuse (error, path, "not a JSON object");

  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL), STATE_FORMAT) != 0 ||
      json_object_get_int_member_with_default (root, "version", 0) != STATE_VERSION)
    return refuse (error, path, "not an anshin-mock-issuer state, version 1");

  scenario_path = json_object_get_string_member_with_default (root, "scenario_path", NULL);
  if (scenario_path != NULL && g_file_test (scenario_path, G_FILE_TEST_IS_REGULAR))
    scenario = anshin_mock_scenario_load_file (scenario_path, &local_error);
  else
    scenario = anshin_mock_scenario_load (json_object_get_string_member_with_default (root, "scenario", ""),
                                          &local_error);
  if (scenario == NULL)
    return refuse (error, path, local_error->message);

  issuer_time = anshin_time_parse (json_object_get_string_member_with_default (root, "issuer_time", NULL));
  if (issuer_time == NULL)
    return refuse (error, path, "no issuer_time");

  members = json_object_get_member (root, "members");
  if (!anshin_mock_json_array_of_objects (members) ||
      json_array_get_length (json_node_get_array (members)) != 1)
    return refuse (error, path, "no member");

  self = anshin_mock_state_new (scenario);
  if (g_strcmp0 (json_object_get_string_member_with_default (json_array_get_object_element (json_node_get_array (members), 0),
                                                             "member_id", NULL),
                 anshin_mock_member_get_id (self->member)) != 0)
    return refuse (error, path, "its member is not the scenario's");
  if (!anshin_mock_member_restore (self->member,
                                   json_array_get_object_element (json_node_get_array (members), 0),
                                   &local_error))
    return refuse (error, path, local_error->message);

  sessions = json_object_get_member (root, "sessions");
  if (sessions == NULL || !JSON_NODE_HOLDS_OBJECT (sessions) ||
      !anshin_mock_sessions_restore (self->sessions, json_node_get_object (sessions)))
    return refuse (error, path, "no sessions");

  anshin_mock_clock_reset (self->clock, issuer_time);
  self->last_saved = serialize (self);

  return g_steal_pointer (&self);
}
