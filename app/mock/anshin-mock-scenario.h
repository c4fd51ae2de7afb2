/* anshin-mock-scenario.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ANSHIN_MOCK_DEFAULT_SCENARIO "seed-story"

#define ANSHIN_TYPE_MOCK_SCENARIO (anshin_mock_scenario_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockScenario, anshin_mock_scenario, ANSHIN, MOCK_SCENARIO, GObject)

typedef struct
{
  GDateTime  *at;
  char       *title;
  char       *narration;
  GHashTable *page_narrations;  /* nullable: the app's page name -> what to look at there */
} AnshinMockStep;

typedef enum {
  ANSHIN_MOCK_CHALLENGE_NONE,
  ANSHIN_MOCK_CHALLENGE_LISTED,
  ANSHIN_MOCK_CHALLENGE_ALL,
} AnshinMockChallengePolicy;

/* How the scenario's issuer runs charge-card registration. */
typedef struct
{
  gint64                     form_token_lifetime; /* seconds */
  gboolean                   form_expired_counts;
  guint                      max_attempts;
  GStrv                      accepted_brands;
  GStrv                      declined_numbers;
  AnshinMockChallengePolicy  challenge;
  GStrv                      challenge_numbers;
  GPtrArray                 *failures;            /* GDateTime: counted failures before the start */
} AnshinMockRegistrationRules;

AnshinMockScenario                *anshin_mock_scenario_load              (const char          *name_or_path,
                                                                            GError             **error);
AnshinMockScenario                *anshin_mock_scenario_load_file         (const char          *path,
                                                                            GError             **error);
GStrv                              anshin_mock_scenario_list_names        (void);
const char                        *anshin_mock_scenario_get_name          (AnshinMockScenario  *self);
const char                        *anshin_mock_scenario_get_title         (AnshinMockScenario  *self);
const char                        *anshin_mock_scenario_get_path          (AnshinMockScenario  *self);
const char                        *anshin_mock_scenario_get_member_id     (AnshinMockScenario  *self);
const char                        *anshin_mock_scenario_get_password      (AnshinMockScenario  *self);
GDateTime                         *anshin_mock_scenario_get_start         (AnshinMockScenario  *self);
guint                              anshin_mock_scenario_get_n_steps       (AnshinMockScenario  *self);
const AnshinMockStep              *anshin_mock_scenario_get_step          (AnshinMockScenario  *self,
                                                                            guint                index);
JsonObject                        *anshin_mock_scenario_get_issuer        (AnshinMockScenario  *self);
JsonObject                        *anshin_mock_scenario_get_card          (AnshinMockScenario  *self);
JsonArray                         *anshin_mock_scenario_get_networks      (AnshinMockScenario  *self);
JsonArray                         *anshin_mock_scenario_get_programs      (AnshinMockScenario  *self);
JsonArray                         *anshin_mock_scenario_get_notices       (AnshinMockScenario  *self);
JsonArray                         *anshin_mock_scenario_get_charge_cards  (AnshinMockScenario  *self);
JsonArray                         *anshin_mock_scenario_get_charges       (AnshinMockScenario  *self);
JsonArray                         *anshin_mock_scenario_get_timeline      (AnshinMockScenario  *self);
gint64                             anshin_mock_scenario_get_timeline_at   (AnshinMockScenario  *self,
                                                                            guint                index);
JsonArray                         *anshin_mock_scenario_get_payments      (AnshinMockScenario  *self);
guint                              anshin_mock_scenario_get_first_scheduled_payment (AnshinMockScenario *self);
gint64                             anshin_mock_scenario_get_payment_at    (AnshinMockScenario  *self,
                                                                            guint                index);
const AnshinMockRegistrationRules *anshin_mock_scenario_get_registration  (AnshinMockScenario  *self);
const char * const                *anshin_mock_scenario_get_translatable_strings (void);

G_END_DECLS
