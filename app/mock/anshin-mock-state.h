/* anshin-mock-state.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "anshin-mock-clock.h"
#include "anshin-mock-idempotency.h"
#include "anshin-mock-member.h"
#include "anshin-mock-scenario.h"
#include "anshin-mock-sessions.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_MOCK_STATE (anshin_mock_state_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockState, anshin_mock_state, ANSHIN, MOCK_STATE, GObject)

AnshinMockState       *anshin_mock_state_new                 (AnshinMockScenario  *scenario);
AnshinMockState       *anshin_mock_state_new_from_file       (const char          *path,
                                                              GError             **error);
gboolean               anshin_mock_state_save_file           (AnshinMockState     *self,
                                                              const char          *path,
                                                              GError             **error);
void                   anshin_mock_state_load_scenario       (AnshinMockState     *self,
                                                              AnshinMockScenario  *scenario);
AnshinMockScenario    *anshin_mock_state_get_scenario        (AnshinMockState     *self);
AnshinMockClock       *anshin_mock_state_get_clock           (AnshinMockState     *self);
AnshinMockSessions    *anshin_mock_state_get_sessions        (AnshinMockState     *self);
AnshinMockIdempotency *anshin_mock_state_get_idempotency     (AnshinMockState     *self);
AnshinMockMember      *anshin_mock_state_get_member          (AnshinMockState     *self);
AnshinMockMember      *anshin_mock_state_lookup_member       (AnshinMockState     *self,
                                                              const char          *member_id);
GDateTime             *anshin_mock_state_dup_now             (AnshinMockState     *self);
gboolean               anshin_mock_state_tick                (AnshinMockState     *self);
gboolean               anshin_mock_state_move_clock          (AnshinMockState     *self,
                                                              GDateTime           *time,
                                                              GError             **error);
int                    anshin_mock_state_get_current_step    (AnshinMockState     *self);
JsonObject            *anshin_mock_state_dup_scenario_json   (AnshinMockState     *self);
GDateTime             *anshin_mock_state_dup_next_due        (AnshinMockState     *self);

G_END_DECLS
