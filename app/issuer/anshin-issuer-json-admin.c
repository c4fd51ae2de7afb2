/* anshin-issuer-json-admin.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mock issuer's demo-control answers (`/admin`): a scenario with its
 * steps and the one-time codes. (`POST /admin/clock` answers an issuer
 * time: anshin_issuer_json_to_issuer_time().)
 */

#include "config.h"

#include "anshin-issuer-json.h"
#include "anshin-issuer-json-private.h"

static GDateTime *
ref_time (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

static AnshinDemoStep *
read_step (Reader     *r,
           JsonObject *object,
           guint       position)
{
  g_autoptr(AnshinDemoStep) step = anshin_demo_step_new ();

  step->index = reader_int (r, object, "index", READ_OPTIONAL, 0, G_MAXINT, position);
  if (step->index != position)
    reader_fail (r, "steps[%u] has index %u", position, step->index);
  step->title = g_strdup (reader_string (r, object, "title", READ_REQUIRED));
  step->narration = g_strdup (reader_string (r, object, "narration", READ_MAYBE));
  step->at = ref_time (reader_time (r, object, "at", READ_MAYBE));

  return g_steal_pointer (&step);
}

/**
 * anshin_issuer_json_to_demo_scenario:
 * @root: the answer of `GET /admin/scenario`, `POST /admin/scenario` or
 *   `POST /admin/step`
 *
 * Returns: (transfer full) (nullable): the scenario, or %NULL with a
 *   protocol error
 */
AnshinDemoScenario *
anshin_issuer_json_to_demo_scenario (JsonNode  *root,
                                     GError   **error)
{
  g_auto(Reader) r = { .what = "scenario" };
  g_autoptr(AnshinDemoScenario) scenario = anshin_demo_scenario_new ();
  JsonObject *object = reader_root (&r, root);
  JsonArray *steps;

  scenario->name = g_strdup (reader_string (&r, object, "name", READ_REQUIRED));
  scenario->title = g_strdup (reader_string (&r, object, "title", READ_MAYBE));
  steps = reader_array (&r, object, "steps", READ_REQUIRED);
  for (guint i = 0; steps != NULL && r.error == NULL && i < json_array_get_length (steps); i++)
    {
      JsonNode *element = json_array_get_element (steps, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        reader_fail (&r, "steps[%u] is not an object", i);
      else
        g_ptr_array_add (scenario->steps, read_step (&r, json_node_get_object (element), i));
    }

  scenario->current_step = reader_int (&r, object, "current_step", READ_REQUIRED, 0, G_MAXINT, 0);
  if (r.error == NULL && scenario->steps->len > 0 && scenario->current_step >= scenario->steps->len)
    reader_fail (&r, "current_step %u is past the last step", scenario->current_step);

  scenario->issuer_time = ref_time (reader_time (&r, object, "issuer_time", READ_MAYBE));
  scenario->member_id = g_strdup (reader_string (&r, object, "member_id", READ_MAYBE));
  scenario->password = g_strdup (reader_string (&r, object, "password", READ_MAYBE));

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&scenario);
}

/**
 * anshin_issuer_json_to_one_time_codes:
 * @root: the answer of `GET /admin/one-time-codes`
 *
 * Returns: (transfer full) (element-type AnshinOneTimeCode) (nullable): the
 *   codes of the challenges still open, in the issuer's order
 */
GPtrArray *
anshin_issuer_json_to_one_time_codes (JsonNode  *root,
                                      GError   **error)
{
  g_auto(Reader) r = { .what = "one-time codes" };
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) anshin_one_time_code_free);
  JsonObject *object = reader_root (&r, root);
  JsonArray *array = reader_array (&r, object, "codes", READ_REQUIRED);

  for (guint i = 0; array != NULL && r.error == NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(AnshinOneTimeCode) code = anshin_one_time_code_new ();

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          reader_fail (&r, "codes[%u] is not an object", i);
          break;
        }

      code->challenge_id = g_strdup (reader_string (&r, json_node_get_object (element),
                                                    "challenge_id", READ_REQUIRED));
      code->code = g_strdup (reader_string (&r, json_node_get_object (element), "code", READ_REQUIRED));
      if (r.error == NULL)
        g_ptr_array_add (result, g_steal_pointer (&code));
    }

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&result);
}
