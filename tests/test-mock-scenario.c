/* test-mock-scenario.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scenario files in data/scenarios/: all five are found by name and
 * load; their titles and narrations are exactly the strings marked for
 * translation; broken files are refused with a message that names the
 * problem.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "anshin-mock-error.h"
#include "anshin-mock-scenario.h"
#include "anshin-mock-state.h"

static void
test_list_and_load (void)
{
  static const char * const expected[] = {
    "locked-out", "renewal-smooth", "seed-story", "unexpected-activation", "virtual-only", NULL,
  };
  g_auto(GStrv) names = anshin_mock_scenario_list_names ();

  g_assert_cmpstrv (names, expected);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnshinMockScenario) scenario = anshin_mock_scenario_load (names[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (anshin_mock_scenario_get_name (scenario), ==, names[i]);
      g_assert_cmpstr (anshin_mock_scenario_get_member_id (scenario), ==, "demo");
      g_assert_cmpuint (anshin_mock_scenario_get_n_steps (scenario), >=, 2);
      g_assert_true (g_date_time_equal (anshin_mock_scenario_get_step (scenario, 0)->at,
                                        anshin_mock_scenario_get_start (scenario)));
    }
}

static void
test_default_is_seed_story (void)
{
  g_autoptr(AnshinMockScenario) scenario = anshin_mock_scenario_load (NULL, NULL);
  g_autofree char *start = g_date_time_format_iso8601 (anshin_mock_scenario_get_start (scenario));
  const AnshinMockRegistrationRules *rules = anshin_mock_scenario_get_registration (scenario);

  g_assert_cmpstr (anshin_mock_scenario_get_name (scenario), ==, "seed-story");
  g_assert_cmpstr (start, ==, "2025-08-30T09:00:00+09");
  g_assert_cmpint (rules->form_token_lifetime, ==, 60);
  g_assert_true (rules->form_expired_counts);
  g_assert_cmpuint (rules->max_attempts, ==, 5);
  g_assert_cmpint (rules->challenge, ==, ANSHIN_MOCK_CHALLENGE_ALL);
}

static gboolean
is_translatable (const char *text)
{
  const char * const *strings = anshin_mock_scenario_get_translatable_strings ();

  return g_strv_contains (strings, text);
}

static gboolean
page_narration_is (const AnshinMockStep *step,
                   const char           *text)
{
  GHashTableIter iter;
  gpointer narration;

  if (step->page_narrations == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, step->page_narrations);
  while (g_hash_table_iter_next (&iter, NULL, &narration))
    if (g_str_equal (narration, text))
      return TRUE;

  return FALSE;
}

static void
test_strings_marked (void)
{
  g_auto(GStrv) names = anshin_mock_scenario_list_names ();
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *strings = anshin_mock_scenario_get_translatable_strings ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(AnshinMockScenario) scenario = anshin_mock_scenario_load (names[i], NULL);

      g_assert_true (is_translatable (anshin_mock_scenario_get_title (scenario)));
      g_hash_table_add (used, (gpointer)anshin_mock_scenario_get_title (scenario));
      for (guint j = 0; j < anshin_mock_scenario_get_n_steps (scenario); j++)
        {
          const AnshinMockStep *step = anshin_mock_scenario_get_step (scenario, j);

          if (!is_translatable (step->narration))
            g_test_message ("not marked: %s", step->narration);
          g_assert_true (is_translatable (step->title));
          g_assert_true (is_translatable (step->narration));
          /* and what it says on each page of the window */
          if (step->page_narrations != NULL)
            {
              GHashTableIter iter;
              gpointer narration;

              g_hash_table_iter_init (&iter, step->page_narrations);
              while (g_hash_table_iter_next (&iter, NULL, &narration))
                {
                  if (!is_translatable (narration))
                    g_test_message ("not marked: %s", (const char *) narration);
                  g_assert_true (is_translatable (narration));
                }
            }
        }
    }

  /* and nothing stale is left in the list */
  for (guint i = 0; strings[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; names[j] != NULL && !found; j++)
        {
          g_autoptr(AnshinMockScenario) scenario = anshin_mock_scenario_load (names[j], NULL);

          found = g_str_equal (anshin_mock_scenario_get_title (scenario), strings[i]);
          for (guint k = 0; k < anshin_mock_scenario_get_n_steps (scenario) && !found; k++)
            found = g_str_equal (anshin_mock_scenario_get_step (scenario, k)->title, strings[i]) ||
                    g_str_equal (anshin_mock_scenario_get_step (scenario, k)->narration, strings[i]) ||
                    page_narration_is (anshin_mock_scenario_get_step (scenario, k), strings[i]);
        }
      if (!found)
        g_test_message ("stale: %s", strings[i]);
      g_assert_true (found);
    }
}

/* A scenario names its issuer (GET /v1/issuer); one that doesn't gets
 * Tsubasa Pay's. */
static void
test_issuer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinMockScenario) seed = anshin_mock_scenario_load ("seed-story", &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(AnshinMockScenario) unnamed = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anshin-scenario-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "no-issuer.json", NULL);
  JsonObject *support;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (anshin_mock_scenario_get_issuer (seed), "name_ja"), ==,
                   "つばさペイ");

  g_assert_true (json_parser_load_from_file (parser, anshin_mock_scenario_get_path (seed), NULL));
  json_object_remove_member (json_node_get_object (json_parser_get_root (parser)), "issuer");
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, NULL));

  unnamed = anshin_mock_scenario_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (anshin_mock_scenario_get_issuer (unnamed), "name"), ==,
                   "Tsubasa Pay");
  support = json_object_get_object_member (anshin_mock_scenario_get_issuer (unnamed), "support");
  g_assert_cmpstr (json_object_get_string_member (support, "phone"), ==, "0120-000-000");
  g_assert_cmpstr (json_object_get_string_member (support, "hours_ja"), ==, "9:00〜18:00（年中無休）");

  g_remove (path);
  g_rmdir (dir);
}

static void
test_broken_files (void)
{
  static const struct {
    const char *contents;
    const char *mentions;
  } cases[] = {
    { "", "the document" },
    { "[]", "the document" },
    { "{\"name\": \"x\"}", "title" },
    { "{\"name\": \"x\", \"title\": \"X\", \"start\": \"yesterday\"}", "start" },
    { "{\"name\": \"x\", \"title\": \"X\", \"start\": \"2025-01-01T00:00:00+09:00\", "
      "\"member\": {\"member_id\": \"m\", \"password\": \"p\"}, \"card\": {}, \"networks\": [1], "
      "\"programs\": [], \"notices\": [], \"charge_cards\": [], \"charges\": []}", "networks" },
    { "{\"name\": \"x\", \"title\": \"X\", \"start\": \"2025-01-01T00:00:00+09:00\", "
      "\"member\": {\"member_id\": \"m\", \"password\": \"p\"}, \"card\": {}, \"networks\": [], "
      "\"programs\": [], \"notices\": [], \"charge_cards\": [], \"charges\": [], "
      "\"registration\": {}, \"timeline\": [], \"steps\": []}", "steps" },
#define WITH_ISSUER(issuer) \
      "{\"name\": \"x\", \"title\": \"X\", \"start\": \"2025-01-01T00:00:00+09:00\", " \
      "\"member\": {\"member_id\": \"m\", \"password\": \"p\"}, \"card\": {}, \"issuer\": " issuer "}"
    { WITH_ISSUER ("[]"), "issuer" },
    { WITH_ISSUER ("{\"name_ja\": \"つばさペイ\"}"), "issuer.name" },
    { WITH_ISSUER ("{\"name\": 7}"), "issuer.name" },
    { WITH_ISSUER ("{\"name\": \"X\", \"support\": \"call us\"}"), "issuer.support" },
#undef WITH_ISSUER
  };
  g_autofree char *dir = g_dir_make_tmp ("anshin-scenario-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnshinMockScenario) scenario = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].contents, -1, NULL));
      scenario = anshin_mock_scenario_load (path, &error);
      g_assert_null (scenario);
      g_assert_error (error, ANSHIN_MOCK_ERROR, ANSHIN_MOCK_ERROR_SCENARIO_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].mentions));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AnshinMockScenario) missing = anshin_mock_scenario_load ("no-such-story", &error);

    g_assert_null (missing);
    g_assert_error (error, ANSHIN_MOCK_ERROR, ANSHIN_MOCK_ERROR_SCENARIO_NOT_FOUND);
  }

  g_remove (path);
  g_rmdir (dir);
}

/* The fuzz gate's finding: a scenario whose counted failures were in year
 * 769 or at the Unix epoch loaded, but the state saved from it did not (the
 * year was written with three digits; a time at the epoch was taken for
 * none). */
static void
test_old_failures_saved (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("ANSHIN_SCENARIOS_DIR"), "locked-out.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("anshin-scenario-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old-failures.json", NULL);
  g_autofree char *state_path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinMockScenario) scenario = NULL;
  g_autoptr(AnshinMockState) state = NULL;
  g_autoptr(AnshinMockState) again = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, &error));
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, "\"2025-12-03T07:40:00+09:00\"",
                                      "\"0769-12-03T07:40:00+09:00\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (changed, "\"2025-12-03T07:46:00+09:00\"",
                                      "\"1970-01-01T09:00:00+09:00\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, changed->str, -1, &error));

  scenario = anshin_mock_scenario_load (path, &error);
  g_assert_no_error (error);
  state = anshin_mock_state_new (scenario);
  g_assert_true (anshin_mock_state_save_file (state, state_path, &error));
  g_assert_no_error (error);
  again = anshin_mock_state_new_from_file (state_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  g_unlink (state_path);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mock/scenario/list-and-load", test_list_and_load);
  g_test_add_func ("/mock/scenario/default-is-seed-story", test_default_is_seed_story);
  g_test_add_func ("/mock/scenario/strings-marked", test_strings_marked);
  g_test_add_func ("/mock/scenario/broken-files", test_broken_files);
  g_test_add_func ("/mock/scenario/issuer", test_issuer);
  g_test_add_func ("/mock/scenario/old-failures-saved", test_old_failures_saved);

  return g_test_run ();
}
