/* anshin-mock-scenario-dirs.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where scenarios are found by name: $ANSHIN_SCENARIOS_DIR (tests, ./run),
 * the source tree, then the installed data directory.
 */

#include "config.h"

#include <string.h>

#include "anshin-mock-error.h"
#include "anshin-mock-scenario.h"

static const char *
scenario_dirs (guint index)
{
  switch (index)
    {
    case 0:
      return g_getenv ("ANSHIN_SCENARIOS_DIR");
    case 1:
      return SOURCE_SCENARIOS_DIR;
    case 2:
      return SCENARIOS_DIR;
    default:
      return NULL;
    }
}

#define N_SCENARIO_DIRS 3

static gboolean
is_scenario_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/**
 * anshin_mock_scenario_load:
 * @name_or_path: (nullable): a scenario name such as "seed-story", a path
 *   to a scenario file, or %NULL for the default scenario
 * @error: return location for a #GError
 *
 * Names are looked up in `$ANSHIN_SCENARIOS_DIR`, the source tree and the
 * installed scenarios, in that order.
 *
 * Returns: (transfer full) (nullable): the scenario
 */
AnshinMockScenario *
anshin_mock_scenario_load (const char  *name_or_path,
                           GError     **error)
{
  if (name_or_path == NULL)
    name_or_path = ANSHIN_MOCK_DEFAULT_SCENARIO;

  if (!is_scenario_name (name_or_path))
    return anshin_mock_scenario_load_file (name_or_path, error);

  for (guint i = 0; i < N_SCENARIO_DIRS; i++)
    {
      const char *dir = scenario_dirs (i);
      g_autofree char *file = NULL;
      g_autofree char *path = NULL;

      if (dir == NULL || *dir == '\0')
        continue;

      file = g_strconcat (name_or_path, ".json", NULL);
      path = g_build_filename (dir, file, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return anshin_mock_scenario_load_file (path, error);
    }

  g_set_error (error, ANSHIN_MOCK_ERROR, ANSHIN_MOCK_ERROR_SCENARIO_NOT_FOUND,
               "No scenario named “%s”", name_or_path);
  return NULL;
}

/**
 * anshin_mock_scenario_list_names:
 *
 * Returns: (transfer full): the names of the scenarios that
 *   anshin_mock_scenario_load() finds, sorted
 */
GStrv
anshin_mock_scenario_list_names (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_SCENARIO_DIRS; i++)
    {
      const char *dir_path = scenario_dirs (i);
      g_autoptr(GDir) dir = NULL;
      const char *entry;

      if (dir_path == NULL || *dir_path == '\0')
        continue;

      dir = g_dir_open (dir_path, 0, NULL);
      while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *name = NULL;
          gboolean seen = FALSE;

          if (!g_str_has_suffix (entry, ".json"))
            continue;

          name = g_strndup (entry, strlen (entry) - strlen (".json"));
          for (guint j = 0; j < names->len && !seen; j++)
            seen = g_str_equal (g_ptr_array_index (names, j), name);
          if (!seen && is_scenario_name (name))
            g_ptr_array_add (names, g_steal_pointer (&name));
        }
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

