/* anshin-demo-controller-steps.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinDemoController: going to any step of the scenario. The issuer's
 * clock only moves forward, so going back reloads the scenario (its state,
 * sessions and clock return to the start) and steps forward again to the
 * step asked for; going forward just steps.
 */

#include "config.h"

#include "anshin-demo-controller.h"

typedef struct {
  guint    target;
  gboolean reloaded;
} GoToStep;

static void step_forward (GTask *task);

static void
on_step_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!anshin_demo_controller_next_step_finish (ANSHIN_DEMO_CONTROLLER (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  step_forward (g_steal_pointer (&task));
}

static void
on_reloaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GoToStep *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!anshin_demo_controller_load_scenario_finish (ANSHIN_DEMO_CONTROLLER (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data->reloaded = TRUE;
  step_forward (g_steal_pointer (&task));
}

/* takes @task */
static void
step_forward (GTask *task)
{
  AnshinDemoController *self = g_task_get_source_object (task);
  GoToStep *data = g_task_get_task_data (task);

  if (anshin_demo_controller_get_current_step (self) >= data->target)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  anshin_demo_controller_next_step_async (self, g_task_get_cancellable (task), on_step_cb, task);
}

/**
 * anshin_demo_controller_go_to_step_async:
 * @index: the step to go to, counting from 0 (the last step if the
 *   scenario has fewer)
 *
 * Moves the demo to step @index: forward step by step, or, for an earlier
 * step, by reloading the scenario first. The window must then start over
 * (a reload resets the issuer's sessions):
 * anshin_demo_controller_go_to_step_finish() says whether it did.
 */
void
anshin_demo_controller_go_to_step_async (AnshinDemoController *self,
                                         guint                 index,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  const char *name;
  GTask *task;
  GoToStep *data;
  guint n_steps;

  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_demo_controller_go_to_step_async);
  data = g_new0 (GoToStep, 1);
  n_steps = anshin_demo_controller_get_n_steps (self);
  data->target = n_steps > 0 ? MIN (index, n_steps - 1) : 0;
  g_task_set_task_data (task, data, g_free);

  name = anshin_demo_controller_get_scenario_name (self);
  if (name == NULL)
    {
      g_task_return_new_error (task, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_FAILED,
                               "The demo issuer's scenario is not known yet");
      g_object_unref (task);
      return;
    }

  if (data->target < anshin_demo_controller_get_current_step (self))
    anshin_demo_controller_load_scenario_async (self, name, cancellable,
                                                on_reloaded_cb, task);
  else
    step_forward (task);
}

/**
 * anshin_demo_controller_go_to_step_finish:
 * @out_reloaded: (out) (optional): whether the scenario was reloaded (and
 *   with it the issuer's state and sessions)
 *
 * Returns: %TRUE if the demo is at the step asked for
 */
gboolean
anshin_demo_controller_go_to_step_finish (AnshinDemoController  *self,
                                          GAsyncResult          *result,
                                          gboolean              *out_reloaded,
                                          GError               **error)
{
  GoToStep *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anshin_demo_controller_go_to_step_async,
                        FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (out_reloaded != NULL)
    *out_reloaded = data->reloaded;

  return g_task_propagate_boolean (G_TASK (result), error);
}
