/* anshin-demo-controller-calls.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinDemoController's requests to the demo issuer's /admin endpoints:
 * libsoup on the main context, JSON answers applied to the controller's
 * properties, the one-time codes polled as an SMS would arrive.
 */

#include "config.h"

#include <string.h>

#include "anshin-demo-controller-private.h"

/* Requests */

static void
on_request_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          g_debug ("Demo issuer request failed: %s", error->message);
          g_task_return_new_error (task, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_UNREACHABLE,
                                   "The demo issuer did not answer: %s", error->message);
        }
      return;
    }

  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_NO_CONTENT)
    {
      g_task_return_pointer (task, json_node_new (JSON_NODE_NULL), (GDestroyNotify) json_node_unref);
      return;
    }

  if (status == SOUP_STATUS_CONFLICT && g_task_get_source_tag (task) == anshin_demo_controller_next_step_async)
    {
      g_task_return_new_error (task, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_LAST_STEP,
                               "This is the scenario's last step");
      return;
    }

  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_task_return_new_error (task, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_UNKNOWN_SCENARIO,
                               "The demo issuer knows no such scenario");
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_new_error (task, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_FAILED,
                               "The demo issuer answered %u", status);
      return;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &error)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_task_return_new_error (task, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_FAILED,
                               "The demo issuer's answer is not a JSON object");
      return;
    }

  g_task_return_pointer (task, json_node_ref (json_parser_get_root (parser)),
                         (GDestroyNotify) json_node_unref);
}

static void
send_request (AnshinDemoController *self,
              const char           *method,
              const char           *path,
              const char           *json_body,
              GTask                *task)
{
  g_autofree char *uri = NULL;
  g_autoptr(SoupMessage) message = NULL;
  gsize base_len = strlen (self->base_url);

  /* the base URL may end with a slash ("http://127.0.0.1:PORT/") */
  while (base_len > 0 && self->base_url[base_len - 1] == '/')
    base_len--;
  uri = g_strdup_printf ("%.*s%s", (int) base_len, self->base_url, path);
  message = soup_message_new (method, uri);

  if (message == NULL)
    {
      g_task_return_new_error (task, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_FAILED,
                               "Not a valid address: %s", uri);
      g_object_unref (task);
      return;
    }

  if (json_body != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (message, "application/json", body);
    }

  g_task_set_task_data (task, g_object_ref (message), g_object_unref);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), on_request_cb, task);
}

/* A request whose answer is a scenario object, applied to the properties */

static void
on_scenario_answer_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  AnshinDemoController *self = g_task_get_source_object (outer);
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;

  root = g_task_propagate_pointer (G_TASK (result), &error);
  if (root == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    anshin_demo_controller_apply_scenario (self, json_node_get_object (root));

  g_task_return_boolean (outer, TRUE);
}

static void
scenario_request (AnshinDemoController *self,
                  const char           *method,
                  const char           *path,
                  const char           *json_body,
                  gpointer              source_tag,
                  GCancellable         *cancellable,
                  GAsyncReadyCallback   callback,
                  gpointer              user_data)
{
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  GTask *inner;

  g_task_set_source_tag (outer, source_tag);
  inner = g_task_new (self, cancellable, on_scenario_answer_cb, outer);
  g_task_set_source_tag (inner, source_tag);
  send_request (self, method, path, json_body, inner);
}

gboolean
anshin_demo_controller_finish_boolean (AnshinDemoController  *self,
                                       GAsyncResult          *result,
                                       gpointer               source_tag,
                                       GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* One-time codes: polled while the demo runs, as an SMS would arrive */

static void
on_codes_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AnshinDemoController) self = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *code = NULL;

  self->codes_busy = FALSE;
  root = g_task_propagate_pointer (G_TASK (result), &error);
  if (root == NULL)
    {
      g_debug ("No one-time codes: %s", error->message);
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *codes = json_object_get_member (object, "codes");

      if (codes != NULL && JSON_NODE_HOLDS_ARRAY (codes))
        {
          JsonArray *array = json_node_get_array (codes);
          guint n = json_array_get_length (array);

          /* the latest challenge's code is the one the holder types */
          if (n > 0 && JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, n - 1)))
            code = json_object_get_string_member_with_default (json_array_get_object_element (array, n - 1),
                                                               "code", NULL);
        }
    }

  anshin_demo_controller_set_one_time_code (self, code);
}

gboolean
anshin_demo_controller_poll_codes (gpointer user_data)
{
  AnshinDemoController *self = user_data;
  GTask *task;

  if (self->codes_busy)
    return G_SOURCE_CONTINUE;

  self->codes_busy = TRUE;
  task = g_task_new (self, self->cancellable, on_codes_cb, g_object_ref (self));
  send_request (self, "GET", "/admin/one-time-codes", NULL, task);

  return G_SOURCE_CONTINUE;
}

void
anshin_demo_controller_refresh_async (AnshinDemoController *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));

  scenario_request (self, "GET", "/admin/scenario", NULL, anshin_demo_controller_refresh_async,
                    cancellable, callback, user_data);
}

gboolean
anshin_demo_controller_refresh_finish (AnshinDemoController  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  return anshin_demo_controller_finish_boolean (self, result,
                                                anshin_demo_controller_refresh_async, error);
}

/**
 * anshin_demo_controller_next_step_async:
 *
 * Moves the issuer's clock to the scenario's next step; fails with
 * %ANSHIN_DEMO_ERROR_LAST_STEP at the last one.
 */
void
anshin_demo_controller_next_step_async (AnshinDemoController *self,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));

  scenario_request (self, "POST", "/admin/step", "{}", anshin_demo_controller_next_step_async,
                    cancellable, callback, user_data);
}

gboolean
anshin_demo_controller_next_step_finish (AnshinDemoController  *self,
                                         GAsyncResult          *result,
                                         GError               **error)
{
  return anshin_demo_controller_finish_boolean (self, result,
                                                anshin_demo_controller_next_step_async, error);
}

/**
 * anshin_demo_controller_load_scenario_async:
 * @name: a scenario name, or the current one to restart it
 *
 * Loads scenario @name in the issuer, which resets its state, its
 * sessions and its clock to the scenario's start.
 */
void
anshin_demo_controller_load_scenario_async (AnshinDemoController *self,
                                            const char           *name,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));
  g_return_if_fail (name != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);

  scenario_request (self, "POST", "/admin/scenario", body,
                    anshin_demo_controller_load_scenario_async,
                    cancellable, callback, user_data);
}

gboolean
anshin_demo_controller_load_scenario_finish (AnshinDemoController  *self,
                                             GAsyncResult          *result,
                                             GError               **error)
{
  return anshin_demo_controller_finish_boolean (self, result,
                                                anshin_demo_controller_load_scenario_async, error);
}

static void
on_clock_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;

  root = g_task_propagate_pointer (G_TASK (result), &error);
  if (root == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_boolean (outer, TRUE);
}

/**
 * anshin_demo_controller_advance_clock_async:
 * @seconds: how far to move the issuer's clock forward
 *
 * Moves the issuer's clock; changes that fall due are applied in order.
 */
void
anshin_demo_controller_advance_clock_async (AnshinDemoController *self,
                                            gint64                seconds,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  g_autofree char *body = NULL;
  GTask *outer;
  GTask *inner;

  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));
  g_return_if_fail (seconds >= 0);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, anshin_demo_controller_advance_clock_async);
  body = g_strdup_printf ("{\"advance_seconds\": %" G_GINT64_FORMAT "}", seconds);
  inner = g_task_new (self, cancellable, on_clock_cb, outer);
  send_request (self, "POST", "/admin/clock", body, inner);
}

gboolean
anshin_demo_controller_advance_clock_finish (AnshinDemoController  *self,
                                             GAsyncResult          *result,
                                             GError               **error)
{
  return anshin_demo_controller_finish_boolean (self, result,
                                                anshin_demo_controller_advance_clock_async, error);
}
