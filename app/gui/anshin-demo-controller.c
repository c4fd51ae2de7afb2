/* anshin-demo-controller.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo bar's link to the embedded mock issuer's demo-control endpoints
 * (`/admin`, ISSUER-API.md): the scenario and its current step, moving to
 * the next step, restarting or switching scenarios, moving the clock, and
 * the one-time 3-D Secure code the issuer "sent by SMS". Every call is a
 * libsoup request on the main context, cancelled on dispose. The catalog
 * of scenarios (titles and demo members) is read from the scenario files
 * on a worker thread.
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "anshin-demo-controller.h"
#include "anshin-mock-scenario.h"

#define CODES_POLL_SECONDS 3

struct _AnshinDemoController
{
  GObject        parent_instance;

  char          *base_url;
  SoupSession   *session;
  GCancellable  *cancellable;
  guint          codes_source;
  gboolean       codes_busy;

  char          *scenario_name;
  char          *title;
  guint          current_step;
  guint          n_steps;
  char          *step_title;
  char          *narration;
  char          *one_time_code;

  GtkStringList *scenarios;
  GHashTable    *infos;        /* name -> ScenarioInfo */
};

typedef struct {
  char *title;
  char *member_id;
  char *password;
} ScenarioInfo;

G_DEFINE_FINAL_TYPE (AnshinDemoController, anshin_demo_controller, G_TYPE_OBJECT)
G_DEFINE_QUARK (anshin-demo-error-quark, anshin_demo_error)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_SCENARIO_NAME,
  PROP_TITLE,
  PROP_CURRENT_STEP,
  PROP_N_STEPS,
  PROP_HAS_NEXT_STEP,
  PROP_STEP_TITLE,
  PROP_NARRATION,
  PROP_ONE_TIME_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scenario_info_free (gpointer data)
{
  ScenarioInfo *info = data;

  g_free (info->title);
  g_free (info->member_id);
  g_free (info->password);
  g_free (info);
}

static void
set_string (AnshinDemoController  *self,
            char                 **field,
            const char            *value,
            guint                  prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_uint (AnshinDemoController *self,
          guint                *field,
          guint                 value,
          guint                 prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
apply_scenario (AnshinDemoController *self,
                JsonObject           *object)
{
  JsonArray *steps = NULL;
  guint n_steps = 0;
  guint current;
  gboolean had_next = anshin_demo_controller_get_has_next_step (self);
  const char *step_title = NULL;
  const char *narration = NULL;

  g_object_freeze_notify (G_OBJECT (self));

  if (json_object_has_member (object, "steps")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "steps")))
    {
      steps = json_object_get_array_member (object, "steps");
      n_steps = json_array_get_length (steps);
    }

  current = (guint) CLAMP (json_object_get_int_member_with_default (object, "current_step", 0),
                           0, G_MAXINT);
  if (steps != NULL && current < n_steps
      && JSON_NODE_HOLDS_OBJECT (json_array_get_element (steps, current)))
    {
      JsonObject *step = json_array_get_object_element (steps, current);

      step_title = json_object_get_string_member_with_default (step, "title", NULL);
      narration = json_object_get_string_member_with_default (step, "narration", NULL);
    }

  set_string (self, &self->scenario_name,
              json_object_get_string_member_with_default (object, "name", NULL),
              PROP_SCENARIO_NAME);
  set_string (self, &self->title,
              json_object_get_string_member_with_default (object, "title", NULL),
              PROP_TITLE);
  set_uint (self, &self->n_steps, n_steps, PROP_N_STEPS);
  set_uint (self, &self->current_step, current, PROP_CURRENT_STEP);
  set_string (self, &self->step_title, step_title, PROP_STEP_TITLE);
  set_string (self, &self->narration, narration, PROP_NARRATION);

  if (had_next != anshin_demo_controller_get_has_next_step (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_NEXT_STEP]);

  g_object_thaw_notify (G_OBJECT (self));
}

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
    apply_scenario (self, json_node_get_object (root));

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

static gboolean
finish_boolean (AnshinDemoController  *self,
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

  set_string (self, &self->one_time_code, code, PROP_ONE_TIME_CODE);
}

static gboolean
on_codes_timeout_cb (gpointer user_data)
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

/* The catalog of scenarios, read from the files on a worker thread */

static void
load_catalog_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_auto(GStrv) names = anshin_mock_scenario_list_names ();
  g_autoptr(GHashTable) infos = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, scenario_info_free);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(AnshinMockScenario) scenario = NULL;
      g_autoptr(GError) error = NULL;
      ScenarioInfo *info;

      scenario = anshin_mock_scenario_load (names[i], &error);
      if (scenario == NULL)
        {
          g_debug ("Skipping scenario %s: %s", names[i], error->message);
          continue;
        }

      info = g_new0 (ScenarioInfo, 1);
      info->title = g_strdup (anshin_mock_scenario_get_title (scenario));
      info->member_id = g_strdup (anshin_mock_scenario_get_member_id (scenario));
      info->password = g_strdup (anshin_mock_scenario_get_password (scenario));
      g_hash_table_insert (infos, g_strdup (names[i]), info);
    }

  g_task_return_pointer (task, g_steal_pointer (&infos), (GDestroyNotify) g_hash_table_unref);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
on_prepare_catalog_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinDemoController *self = g_task_get_source_object (task);
  g_autoptr(GHashTable) infos = NULL;
  g_autofree const char **names = NULL;
  GError *error = NULL;
  guint n_before;

  infos = g_task_propagate_pointer (G_TASK (result), &error);
  if (infos == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_clear_pointer (&self->infos, g_hash_table_unref);
  self->infos = g_steal_pointer (&infos);

  names = (const char **) g_hash_table_get_keys_as_array (self->infos, NULL);
  g_qsort_with_data (names, g_hash_table_size (self->infos), sizeof (char *),
                     compare_names, NULL);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (self->scenarios));
  gtk_string_list_splice (self->scenarios, 0, n_before, names);

  if (self->scenario_name == NULL
      || !g_hash_table_contains (self->infos, self->scenario_name))
    {
      g_task_return_new_error (task, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_UNKNOWN_SCENARIO,
                               "The scenario file of the demo issuer's scenario is missing");
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_prepare_scenario_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinDemoController *self = ANSHIN_DEMO_CONTROLLER (object);
  GCancellable *cancellable;
  GError *error = NULL;
  GTask *catalog;

  if (!anshin_demo_controller_refresh_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  catalog = g_task_new (self, cancellable, on_prepare_catalog_cb, g_steal_pointer (&task));
  g_task_run_in_thread (catalog, load_catalog_thread);
  g_object_unref (catalog);
}

/* GObject */

static void
anshin_demo_controller_dispose (GObject *object)
{
  AnshinDemoController *self = ANSHIN_DEMO_CONTROLLER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->codes_source, g_source_remove);

  G_OBJECT_CLASS (anshin_demo_controller_parent_class)->dispose (object);
}

static void
anshin_demo_controller_finalize (GObject *object)
{
  AnshinDemoController *self = ANSHIN_DEMO_CONTROLLER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->scenarios);
  g_clear_pointer (&self->infos, g_hash_table_unref);
  g_free (self->base_url);
  g_free (self->scenario_name);
  g_free (self->title);
  g_free (self->step_title);
  g_free (self->narration);
  g_free (self->one_time_code);

  G_OBJECT_CLASS (anshin_demo_controller_parent_class)->finalize (object);
}

static void
anshin_demo_controller_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AnshinDemoController *self = ANSHIN_DEMO_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_SCENARIO_NAME:
      g_value_set_string (value, self->scenario_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CURRENT_STEP:
      g_value_set_uint (value, self->current_step);
      break;
    case PROP_N_STEPS:
      g_value_set_uint (value, self->n_steps);
      break;
    case PROP_HAS_NEXT_STEP:
      g_value_set_boolean (value, anshin_demo_controller_get_has_next_step (self));
      break;
    case PROP_STEP_TITLE:
      g_value_set_string (value, self->step_title);
      break;
    case PROP_NARRATION:
      g_value_set_string (value, self->narration);
      break;
    case PROP_ONE_TIME_CODE:
      g_value_set_string (value, self->one_time_code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_demo_controller_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AnshinDemoController *self = ANSHIN_DEMO_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_demo_controller_class_init (AnshinDemoControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = anshin_demo_controller_dispose;
  object_class->finalize = anshin_demo_controller_finalize;
  object_class->get_property = anshin_demo_controller_get_property;
  object_class->set_property = anshin_demo_controller_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO_NAME] = g_param_spec_string ("scenario-name", NULL, NULL, NULL, ro);
  /* untranslated, as the scenario file has it; the demo bar translates */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_CURRENT_STEP] =
    g_param_spec_uint ("current-step", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_STEPS] = g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_HAS_NEXT_STEP] =
    g_param_spec_boolean ("has-next-step", NULL, NULL, FALSE, ro);
  properties[PROP_STEP_TITLE] = g_param_spec_string ("step-title", NULL, NULL, NULL, ro);
  properties[PROP_NARRATION] = g_param_spec_string ("narration", NULL, NULL, NULL, ro);
  properties[PROP_ONE_TIME_CODE] = g_param_spec_string ("one-time-code", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_demo_controller_init (AnshinDemoController *self)
{
  self->cancellable = g_cancellable_new ();
  self->session = soup_session_new_with_options ("timeout", 30, NULL);
  self->scenarios = gtk_string_list_new (NULL);
}

/**
 * anshin_demo_controller_new:
 * @base_url: the embedded mock issuer's address, with `/admin` enabled
 *
 * Returns: (transfer full): a new controller; call
 *   anshin_demo_controller_prepare_async() before using it
 */
AnshinDemoController *
anshin_demo_controller_new (const char *base_url)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (ANSHIN_TYPE_DEMO_CONTROLLER, "base-url", base_url, NULL);
}

const char *
anshin_demo_controller_get_base_url (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);
  return self->base_url;
}

const char *
anshin_demo_controller_get_scenario_name (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);
  return self->scenario_name;
}

const char *
anshin_demo_controller_get_title (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);
  return self->title;
}

guint
anshin_demo_controller_get_current_step (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), 0);
  return self->current_step;
}

guint
anshin_demo_controller_get_n_steps (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), 0);
  return self->n_steps;
}

gboolean
anshin_demo_controller_get_has_next_step (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), FALSE);
  return self->current_step + 1 < self->n_steps;
}

const char *
anshin_demo_controller_get_step_title (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);
  return self->step_title;
}

const char *
anshin_demo_controller_get_narration (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);
  return self->narration;
}

/**
 * anshin_demo_controller_get_one_time_code:
 *
 * Returns: (nullable): the 3-D Secure one-time code of the latest
 *   challenge, as an SMS would have told the holder
 */
const char *
anshin_demo_controller_get_one_time_code (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);
  return self->one_time_code;
}

/**
 * anshin_demo_controller_get_scenarios:
 *
 * Returns: (transfer none): a #GtkStringList of scenario names, sorted
 */
GListModel *
anshin_demo_controller_get_scenarios (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);
  return G_LIST_MODEL (self->scenarios);
}

/**
 * anshin_demo_controller_get_scenario_title:
 *
 * Returns: (nullable): the untranslated title of scenario @name
 */
const char *
anshin_demo_controller_get_scenario_title (AnshinDemoController *self,
                                           const char           *name)
{
  ScenarioInfo *info;

  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);

  if (self->infos == NULL || name == NULL)
    return NULL;

  info = g_hash_table_lookup (self->infos, name);
  return info != NULL ? info->title : NULL;
}

static ScenarioInfo *
current_info (AnshinDemoController *self)
{
  if (self->infos == NULL || self->scenario_name == NULL)
    return NULL;

  return g_hash_table_lookup (self->infos, self->scenario_name);
}

/**
 * anshin_demo_controller_get_member_id:
 *
 * Returns: (nullable): the current scenario's demo member
 */
const char *
anshin_demo_controller_get_member_id (AnshinDemoController *self)
{
  ScenarioInfo *info;

  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);

  info = current_info (self);
  return info != NULL ? info->member_id : NULL;
}

/**
 * anshin_demo_controller_get_password:
 *
 * Returns: (nullable): the current scenario's demo member's password (a
 *   demo password, printed in the scenario file)
 */
const char *
anshin_demo_controller_get_password (AnshinDemoController *self)
{
  ScenarioInfo *info;

  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);

  info = current_info (self);
  return info != NULL ? info->password : NULL;
}

/**
 * anshin_demo_controller_prepare_async:
 *
 * Learns the issuer's scenario and step, reads the catalog of scenarios
 * (titles, demo members) and starts watching for one-time codes.
 */
void
anshin_demo_controller_prepare_async (AnshinDemoController *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_demo_controller_prepare_async);

  if (self->codes_source == 0)
    self->codes_source = g_timeout_add_seconds (CODES_POLL_SECONDS, on_codes_timeout_cb, self);

  anshin_demo_controller_refresh_async (self, cancellable, on_prepare_scenario_cb, task);
}

gboolean
anshin_demo_controller_prepare_finish (AnshinDemoController  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  return finish_boolean (self, result, anshin_demo_controller_prepare_async, error);
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
  return finish_boolean (self, result, anshin_demo_controller_refresh_async, error);
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
  return finish_boolean (self, result, anshin_demo_controller_next_step_async, error);
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
  return finish_boolean (self, result, anshin_demo_controller_load_scenario_async, error);
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
  return finish_boolean (self, result, anshin_demo_controller_advance_clock_async, error);
}
