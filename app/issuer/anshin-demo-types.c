/* anshin-demo-types.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anshin-demo-types.h"

G_DEFINE_BOXED_TYPE (AnshinDemoStep, anshin_demo_step,
                     anshin_demo_step_copy, anshin_demo_step_free)
G_DEFINE_BOXED_TYPE (AnshinDemoScenario, anshin_demo_scenario,
                     anshin_demo_scenario_copy, anshin_demo_scenario_free)
G_DEFINE_BOXED_TYPE (AnshinOneTimeCode, anshin_one_time_code,
                     anshin_one_time_code_copy, anshin_one_time_code_free)

static GDateTime *
ref_time (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

static gpointer
copy_step (gconstpointer src,
           gpointer      user_data)
{
  return anshin_demo_step_copy (src);
}

AnshinDemoStep *
anshin_demo_step_new (void)
{
  return g_new0 (AnshinDemoStep, 1);
}

AnshinDemoStep *
anshin_demo_step_copy (const AnshinDemoStep *self)
{
  AnshinDemoStep *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = anshin_demo_step_new ();
  copy->index = self->index;
  copy->title = g_strdup (self->title);
  copy->narration = g_strdup (self->narration);
  copy->at = ref_time (self->at);

  return copy;
}

void
anshin_demo_step_free (AnshinDemoStep *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->narration);
  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self);
}

AnshinDemoScenario *
anshin_demo_scenario_new (void)
{
  AnshinDemoScenario *self = g_new0 (AnshinDemoScenario, 1);

  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) anshin_demo_step_free);

  return self;
}

AnshinDemoScenario *
anshin_demo_scenario_copy (const AnshinDemoScenario *self)
{
  AnshinDemoScenario *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AnshinDemoScenario, 1);
  copy->name = g_strdup (self->name);
  copy->title = g_strdup (self->title);
  copy->steps = g_ptr_array_copy (self->steps, copy_step, NULL);
  g_ptr_array_set_free_func (copy->steps, (GDestroyNotify) anshin_demo_step_free);
  copy->current_step = self->current_step;
  copy->issuer_time = ref_time (self->issuer_time);
  copy->member_id = g_strdup (self->member_id);
  copy->password = g_strdup (self->password);

  return copy;
}

void
anshin_demo_scenario_free (AnshinDemoScenario *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->title);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->issuer_time, g_date_time_unref);
  g_free (self->member_id);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self);
}

/**
 * anshin_demo_scenario_get_current:
 *
 * Returns: (nullable) (transfer none): the current step, or %NULL for a
 *   scenario without steps
 */
const AnshinDemoStep *
anshin_demo_scenario_get_current (const AnshinDemoScenario *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->current_step >= self->steps->len)
    return NULL;

  return g_ptr_array_index (self->steps, self->current_step);
}

AnshinOneTimeCode *
anshin_one_time_code_new (void)
{
  return g_new0 (AnshinOneTimeCode, 1);
}

AnshinOneTimeCode *
anshin_one_time_code_copy (const AnshinOneTimeCode *self)
{
  AnshinOneTimeCode *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = anshin_one_time_code_new ();
  copy->challenge_id = g_strdup (self->challenge_id);
  copy->code = g_strdup (self->code);

  return copy;
}

void
anshin_one_time_code_free (AnshinOneTimeCode *self)
{
  if (self == NULL)
    return;

  g_free (self->challenge_id);
  g_free (self->code);
  g_free (self);
}
