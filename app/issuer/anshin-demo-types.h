/* anshin-demo-types.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records of the mock issuer's demo control (`/admin`, ISSUER-API.md
 * "Mock-only: demo control"): a scenario with its steps, and a one-time
 * code as an SMS would have carried it.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One step of a scenario. title and narration are untranslated, as the
 * scenario file has them; at is the issuer time the step begins. */
typedef struct {
  guint      index;
  char      *title;
  char      *narration;
  GDateTime *at;
} AnshinDemoStep;

/* GET, POST /admin/scenario and POST /admin/step. steps holds
 * AnshinDemoStep records; current_step < steps->len unless steps is empty.
 * member_id and password (the scenario's demo member) and issuer_time are
 * NULL when the issuer does not say. */
typedef struct {
  char      *name;
  char      *title;
  GPtrArray *steps;
  guint      current_step;
  GDateTime *issuer_time;
  char      *member_id;
  char      *password;
} AnshinDemoScenario;

/* One entry of GET /admin/one-time-codes */
typedef struct {
  char *challenge_id;
  char *code;
} AnshinOneTimeCode;

#define ANSHIN_TYPE_DEMO_STEP (anshin_demo_step_get_type ())
#define ANSHIN_TYPE_DEMO_SCENARIO (anshin_demo_scenario_get_type ())
#define ANSHIN_TYPE_ONE_TIME_CODE (anshin_one_time_code_get_type ())

GType               anshin_demo_step_get_type         (void) G_GNUC_CONST;
AnshinDemoStep     *anshin_demo_step_new              (void);
AnshinDemoStep     *anshin_demo_step_copy             (const AnshinDemoStep     *self);
void                anshin_demo_step_free             (AnshinDemoStep           *self);

GType               anshin_demo_scenario_get_type     (void) G_GNUC_CONST;
AnshinDemoScenario *anshin_demo_scenario_new          (void);
AnshinDemoScenario *anshin_demo_scenario_copy         (const AnshinDemoScenario *self);
void                anshin_demo_scenario_free         (AnshinDemoScenario       *self);
const AnshinDemoStep *anshin_demo_scenario_get_current (const AnshinDemoScenario *self);

GType               anshin_one_time_code_get_type     (void) G_GNUC_CONST;
AnshinOneTimeCode  *anshin_one_time_code_new          (void);
AnshinOneTimeCode  *anshin_one_time_code_copy         (const AnshinOneTimeCode  *self);
void                anshin_one_time_code_free         (AnshinOneTimeCode        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinDemoStep, anshin_demo_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinDemoScenario, anshin_demo_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinOneTimeCode, anshin_one_time_code_free)

G_END_DECLS
