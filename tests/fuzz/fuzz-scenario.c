/* fuzz-scenario.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the mock issuer's handling of scenario files
 * (data/scenarios/, --scenario=PATH, the presenter's scenario menu). Any
 * bytes as a scenario file: it loads or fails with a typed error; one
 * that loads becomes the mock's state, whose clock ticks, whose scenario
 * document is written back, and which is saved and loaded again.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "anshin-mock-error.h"
#include "anshin-mock-scenario.h"
#include "anshin-mock-state.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

static char *dir;
static char *scenario_path;
static char *state_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  dir = g_dir_make_tmp ("anshin-fuzz-scenario-XXXXXX", &error);
  if (dir == NULL)
    abort ();
  scenario_path = g_build_filename (dir, "scenario.json", NULL);
  state_path = g_build_filename (dir, "state.json", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AnshinMockScenario) scenario = NULL;
  g_autoptr(AnshinMockState) state = NULL;
  g_autoptr(AnshinMockState) again = NULL;
  g_autoptr(JsonObject) document = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (scenario_path, (const char *)data, size, NULL))
    abort ();

  scenario = anshin_mock_scenario_load_file (scenario_path, &error);
  /* Exactly one of a scenario and an error, and the error a mock's own */
  if ((scenario == NULL) == (error == NULL))
    abort ();
  if (scenario == NULL)
    {
      if (error->domain != ANSHIN_MOCK_ERROR)
        abort ();
      return 0;
    }

  /* What a loaded scenario promises */
  if (anshin_mock_scenario_get_start (scenario) == NULL ||
      anshin_mock_scenario_get_member_id (scenario) == NULL)
    abort ();
  for (guint i = 0; i < anshin_mock_scenario_get_n_steps (scenario); i++)
    if (anshin_mock_scenario_get_step (scenario, i) == NULL)
      abort ();

  state = anshin_mock_state_new (scenario);
  anshin_mock_state_tick (state);
  due = anshin_mock_state_dup_next_due (state);
  document = anshin_mock_state_dup_scenario_json (state);
  if (document == NULL)
    abort ();

  /* Saved state loads again */
  if (!anshin_mock_state_save_file (state, state_path, &error))
    abort ();
  again = anshin_mock_state_new_from_file (state_path, &error);
  if (again == NULL)
    {
      g_printerr ("saved state does not load: %s\n", error->message);
      abort ();
    }
  g_unlink (state_path);

  return 0;
}
