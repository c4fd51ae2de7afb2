/* anshin-demo-controller.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo bar's state: the embedded mock issuer's scenario and its current
 * step, the catalog of scenarios (titles and demo members, read from the
 * scenario files on a worker thread) and the one-time 3-D Secure code the
 * issuer "sent by SMS". The calls to the issuer's demo control go through
 * AnshinIssuerAdmin (app/issuer), on a client of the controller's own,
 * cancelled on dispose. One-time codes are fetched only while a challenge
 * waits for its code (:awaiting-code); going to any step is in
 * anshin-demo-controller-steps.c.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "anshin-demo-controller.h"
#include "anshin-issuer-admin.h"
#include "anshin-mock-scenario.h"

/* While a challenge waits for its code: the code exists once the issuer
 * has answered the registration with a challenge, so the first fetch
 * finds it; later ones follow a new challenge (an expired one replaced). */
#define CODES_POLL_SECONDS 2
/* The embedded issuer applies a step's changes before it answers. */
#define ADMIN_TIMEOUT_SECONDS 30

struct _AnshinDemoController
{
  GObject            parent_instance;

  char              *base_url;
  AnshinIssuerAdmin *admin;          /* NULL if base_url is not usable */
  GError            *admin_error;
  GCancellable      *cancellable;

  gboolean           awaiting_code;
  guint              codes_source;
  GCancellable      *codes_cancellable;

  char              *scenario_name;
  char              *title;
  guint              current_step;
  guint              start_step;     /* where prepare takes the demo, once */
  guint              n_steps;
  char              *step_title;
  char              *narration;
  char              *one_time_code;

  GtkStringList     *scenarios;
  GHashTable        *infos;          /* name -> ScenarioInfo */
  gboolean           catalog_loaded;
  GError            *catalog_error;
  GPtrArray         *catalog_waiters;
};

typedef struct {
  char      *title;
  char      *member_id;
  char      *password;
  GPtrArray *page_narrations;   /* a step's GHashTable (page -> narration), or NULL */
} ScenarioInfo;

G_DEFINE_FINAL_TYPE (AnshinDemoController, anshin_demo_controller, G_TYPE_OBJECT)

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
  PROP_AWAITING_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* a step without narrations of its own for pages holds NULL */
static void
page_narrations_free (gpointer data)
{
  if (data != NULL)
    g_hash_table_unref (data);
}

static void
scenario_info_free (gpointer data)
{
  ScenarioInfo *info = data;

  g_free (info->title);
  g_free (info->member_id);
  g_free (info->password);
  g_clear_pointer (&info->page_narrations, g_ptr_array_unref);
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
apply_scenario (AnshinDemoController     *self,
                const AnshinDemoScenario *scenario)
{
  const AnshinDemoStep *step = anshin_demo_scenario_get_current (scenario);
  gboolean had_next = anshin_demo_controller_get_has_next_step (self);

  g_object_freeze_notify (G_OBJECT (self));

  set_string (self, &self->scenario_name, scenario->name, PROP_SCENARIO_NAME);
  set_string (self, &self->title, scenario->title, PROP_TITLE);
  set_uint (self, &self->n_steps, scenario->steps->len, PROP_N_STEPS);
  set_uint (self, &self->current_step, scenario->current_step, PROP_CURRENT_STEP);
  set_string (self, &self->step_title, step != NULL ? step->title : NULL, PROP_STEP_TITLE);
  set_string (self, &self->narration, step != NULL ? step->narration : NULL, PROP_NARRATION);

  if (had_next != anshin_demo_controller_get_has_next_step (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_NEXT_STEP]);

  g_object_thaw_notify (G_OBJECT (self));
}

/* A task for a call to the demo control, or NULL (the task answered) when
 * there is no usable client. */
static GTask *
admin_task_new (AnshinDemoController *self,
                gpointer              source_tag,
                GCancellable         *cancellable,
                GAsyncReadyCallback   callback,
                gpointer              user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);

  if (self->admin == NULL)
    {
      g_task_return_new_error (task, ANSHIN_DEMO_ERROR, ANSHIN_DEMO_ERROR_FAILED,
                               "Not a usable demo issuer address: %s", self->admin_error->message);
      g_object_unref (task);
      return NULL;
    }

  return task;
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

/* The answer of a call that returns the scenario: applied, then @task
 * returns. */
static void
on_scenario_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinDemoController *self = g_task_get_source_object (task);
  AnshinIssuerAdmin *admin = ANSHIN_ISSUER_ADMIN (object);
  gpointer source_tag = g_task_get_source_tag (task);
  g_autoptr(AnshinDemoScenario) scenario = NULL;
  GError *error = NULL;

  if (source_tag == anshin_demo_controller_refresh_async)
    scenario = anshin_issuer_admin_get_scenario_finish (admin, result, &error);
  else if (source_tag == anshin_demo_controller_next_step_async)
    scenario = anshin_issuer_admin_next_step_finish (admin, result, &error);
  else
    scenario = anshin_issuer_admin_load_scenario_finish (admin, result, &error);

  if (scenario == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  apply_scenario (self, scenario);
  g_task_return_boolean (task, TRUE);
}

/* One-time codes: fetched only while a challenge waits for its code */

static void
set_one_time_code (AnshinDemoController *self,
                   const char           *code)
{
  set_string (self, &self->one_time_code, code, PROP_ONE_TIME_CODE);
}

static void
on_codes_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AnshinDemoController *self;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GError) error = NULL;

  codes = anshin_issuer_admin_list_one_time_codes_finish (ANSHIN_ISSUER_ADMIN (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANSHIN_DEMO_CONTROLLER (user_data);
  g_clear_object (&self->codes_cancellable);

  if (codes == NULL)
    {
      g_debug ("No one-time codes: %s", error->message);
      return;
    }

  /* the latest challenge's code is the one the holder types */
  if (self->awaiting_code)
    set_one_time_code (self, codes->len > 0
                               ? ((AnshinOneTimeCode *) g_ptr_array_index (codes, codes->len - 1))->code
                               : NULL);
}

static gboolean
fetch_codes (gpointer user_data)
{
  AnshinDemoController *self = user_data;

  /* one at a time; the callback runs only while the fetch is not cancelled */
  if (self->codes_cancellable == NULL && self->admin != NULL)
    {
      self->codes_cancellable = g_cancellable_new ();
      anshin_issuer_admin_list_one_time_codes_async (self->admin, self->codes_cancellable,
                                                     on_codes_cb, self);
    }

  return G_SOURCE_CONTINUE;
}

static void
stop_codes (AnshinDemoController *self)
{
  g_clear_handle_id (&self->codes_source, g_source_remove);
  g_cancellable_cancel (self->codes_cancellable);
  g_clear_object (&self->codes_cancellable);
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
      info->page_narrations = g_ptr_array_new_with_free_func (page_narrations_free);
      for (guint j = 0; j < anshin_mock_scenario_get_n_steps (scenario); j++)
        {
          GHashTable *pages = anshin_mock_scenario_get_step (scenario, j)->page_narrations;

          g_ptr_array_add (info->page_narrations, pages != NULL ? g_hash_table_ref (pages) : NULL);
        }
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
finish_prepare (AnshinDemoController *self,
                GTask                *task)
{
  if (self->catalog_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->catalog_error));
      return;
    }

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
on_catalog_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AnshinDemoController *self = ANSHIN_DEMO_CONTROLLER (object);
  g_autoptr(GHashTable) infos = NULL;
  g_autofree const char **names = NULL;
  g_autoptr(GPtrArray) waiters = NULL;
  GError *error = NULL;

  infos = g_task_propagate_pointer (G_TASK (result), &error);
  self->catalog_loaded = TRUE;
  g_debug ("Scenario catalog loaded");
  if (infos == NULL)
    self->catalog_error = error;
  else
    {
      guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->scenarios));

      g_clear_pointer (&self->infos, g_hash_table_unref);
      self->infos = g_steal_pointer (&infos);

      names = (const char **) g_hash_table_get_keys_as_array (self->infos, NULL);
      g_qsort_with_data (names, g_hash_table_size (self->infos), sizeof (char *),
                         compare_names, NULL);
      gtk_string_list_splice (self->scenarios, 0, n_before, names);
    }

  waiters = g_steal_pointer (&self->catalog_waiters);
  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    finish_prepare (self, g_ptr_array_index (waiters, i));
}

static void
wait_for_catalog (AnshinDemoController *self,
                  GTask                *task)
{
  if (self->catalog_loaded)
    finish_prepare (self, task);
  else
    {
      if (self->catalog_waiters == NULL)
        self->catalog_waiters = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->catalog_waiters, g_object_ref (task));
    }
}

static void
on_prepare_step_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinDemoController *self = ANSHIN_DEMO_CONTROLLER (object);
  GError *error = NULL;

  if (!anshin_demo_controller_go_to_step_finish (self, result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  wait_for_catalog (self, task);
}

static void
on_prepare_scenario_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnshinDemoController *self = ANSHIN_DEMO_CONTROLLER (object);
  GError *error = NULL;

  if (!anshin_demo_controller_refresh_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_debug ("Demo scenario known");

  /* anshin --step N: go there before anyone signs in, once */
  if (self->start_step > self->current_step)
    {
      guint start_step = self->start_step;
      GCancellable *cancellable = g_task_get_cancellable (task);

      self->start_step = 0;
      anshin_demo_controller_go_to_step_async (self, start_step, cancellable,
                                               on_prepare_step_cb, g_steal_pointer (&task));
      return;
    }

  wait_for_catalog (self, task);
}

/* GObject */

static void
anshin_demo_controller_dispose (GObject *object)
{
  AnshinDemoController *self = ANSHIN_DEMO_CONTROLLER (object);

  g_cancellable_cancel (self->cancellable);
  stop_codes (self);

  G_OBJECT_CLASS (anshin_demo_controller_parent_class)->dispose (object);
}

static void
anshin_demo_controller_finalize (GObject *object)
{
  AnshinDemoController *self = ANSHIN_DEMO_CONTROLLER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->admin);
  g_clear_error (&self->admin_error);
  g_clear_object (&self->scenarios);
  g_clear_pointer (&self->infos, g_hash_table_unref);
  g_clear_pointer (&self->catalog_waiters, g_ptr_array_unref);
  g_clear_error (&self->catalog_error);
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
    case PROP_AWAITING_CODE:
      g_value_set_boolean (value, self->awaiting_code);
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
    case PROP_AWAITING_CODE:
      anshin_demo_controller_set_awaiting_code (self, g_value_get_boolean (value));
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
  /* TRUE while a 3-D Secure challenge waits for its code: :one-time-code
   * is fetched then, and only then */
  properties[PROP_AWAITING_CODE] =
    g_param_spec_boolean ("awaiting-code", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_demo_controller_init (AnshinDemoController *self)
{
  self->cancellable = g_cancellable_new ();
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
  AnshinDemoController *self;
  g_autoptr(GTask) catalog = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (ANSHIN_TYPE_DEMO_CONTROLLER, "base-url", base_url, NULL);

  self->admin = anshin_issuer_admin_new_for_url (base_url, ADMIN_TIMEOUT_SECONDS, &self->admin_error);
  if (self->admin == NULL)
    g_debug ("No demo control: %s", self->admin_error->message);

  /* read the scenario files at once, meanwhile the window is built */
  catalog = g_task_new (self, self->cancellable, on_catalog_cb, NULL);
  g_task_set_source_tag (catalog, anshin_demo_controller_new);
  g_task_run_in_thread (catalog, load_catalog_thread);

  return self;
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

static ScenarioInfo *current_info (AnshinDemoController *self);

/**
 * anshin_demo_controller_get_page_narration:
 * @page: a page of the window ("card", "notices", …)
 *
 * What the current step says to look at on @page, when the scenario has
 * a narration of its own for that page.
 *
 * Returns: (nullable): the untranslated narration, or %NULL (the step's
 *   own narration applies)
 */
const char *
anshin_demo_controller_get_page_narration (AnshinDemoController *self,
                                           const char           *page)
{
  ScenarioInfo *info;
  GHashTable *pages;

  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), NULL);
  g_return_val_if_fail (page != NULL, NULL);

  info = current_info (self);
  if (info == NULL || info->page_narrations == NULL ||
      self->current_step >= info->page_narrations->len)
    return NULL;

  pages = g_ptr_array_index (info->page_narrations, self->current_step);
  return pages != NULL ? g_hash_table_lookup (pages, page) : NULL;
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
 * anshin_demo_controller_set_start_step:
 * @index: a step, counting from 0 (the last step if the scenario has fewer)
 *
 * Makes the next anshin_demo_controller_prepare_async() move the demo to
 * step @index before it finishes, so that the window signs in there
 * (`anshin --demo --step N`, for presenters).
 */
void
anshin_demo_controller_set_start_step (AnshinDemoController *self,
                                       guint                 index)
{
  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));

  self->start_step = index;
}

/**
 * anshin_demo_controller_prepare_async:
 *
 * Learns the issuer's scenario and step and reads the catalog of scenarios
 * (titles, demo members).
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

  anshin_demo_controller_refresh_async (self, cancellable, on_prepare_scenario_cb, task);
}

gboolean
anshin_demo_controller_prepare_finish (AnshinDemoController  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  return finish_boolean (self, result, anshin_demo_controller_prepare_async, error);
}

/**
 * anshin_demo_controller_refresh_async:
 *
 * Learns the issuer's scenario and its current step again.
 */
void
anshin_demo_controller_refresh_async (AnshinDemoController *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));

  task = admin_task_new (self, anshin_demo_controller_refresh_async, cancellable, callback, user_data);
  if (task != NULL)
    anshin_issuer_admin_get_scenario_async (self->admin, cancellable, on_scenario_cb, task);
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
  GTask *task;

  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));

  task = admin_task_new (self, anshin_demo_controller_next_step_async, cancellable, callback, user_data);
  if (task != NULL)
    anshin_issuer_admin_next_step_async (self->admin, cancellable, on_scenario_cb, task);
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
  GTask *task;

  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));
  g_return_if_fail (name != NULL);

  task = admin_task_new (self, anshin_demo_controller_load_scenario_async, cancellable, callback,
                         user_data);
  if (task != NULL)
    anshin_issuer_admin_load_scenario_async (self->admin, name, cancellable, on_scenario_cb, task);
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
  g_autoptr(GTask) task = user_data;
  g_autoptr(GDateTime) issuer_time = NULL;
  GError *error = NULL;

  issuer_time = anshin_issuer_admin_advance_clock_finish (ANSHIN_ISSUER_ADMIN (object), result, &error);
  if (issuer_time == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
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
  GTask *task;

  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));
  g_return_if_fail (seconds >= 0);

  task = admin_task_new (self, anshin_demo_controller_advance_clock_async, cancellable, callback,
                         user_data);
  if (task != NULL)
    anshin_issuer_admin_advance_clock_async (self->admin, seconds, cancellable, on_clock_cb, task);
}

gboolean
anshin_demo_controller_advance_clock_finish (AnshinDemoController  *self,
                                             GAsyncResult          *result,
                                             GError               **error)
{
  return finish_boolean (self, result, anshin_demo_controller_advance_clock_async, error);
}

static void
on_paid_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  AnshinTransaction *payment;

  payment = anshin_issuer_admin_pay_finish (ANSHIN_ISSUER_ADMIN (object), result, &error);
  if (payment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, payment, g_object_unref);
}

/**
 * anshin_demo_controller_pay_async:
 * @method: the payment method used at the till
 * @via: %ANSHIN_WALLET_NONE, or the phone wallet used
 * @amount: yen
 * @merchant: the shop's name
 *
 * Makes the till moment happen: a payment attempt at a shop now, decided
 * by the issuer's rules. The app learns of it as the holder would (the
 * live events, a notice when declined).
 */
void
anshin_demo_controller_pay_async (AnshinDemoController    *self,
                                  AnshinPaymentMethodKind  method,
                                  AnshinWallet             via,
                                  gint64                   amount,
                                  const char              *merchant,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));
  g_return_if_fail (merchant != NULL);

  task = admin_task_new (self, anshin_demo_controller_pay_async, cancellable, callback, user_data);
  if (task != NULL)
    anshin_issuer_admin_pay_async (self->admin, method, via, amount, merchant, cancellable,
                                   on_paid_cb, task);
}

/**
 * anshin_demo_controller_pay_finish:
 *
 * Returns: (transfer full): the payment, approved or declined
 */
AnshinTransaction *
anshin_demo_controller_pay_finish (AnshinDemoController  *self,
                                   GAsyncResult          *result,
                                   GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anshin_demo_controller_pay_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
anshin_demo_controller_get_awaiting_code (AnshinDemoController *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self), FALSE);
  return self->awaiting_code;
}

/**
 * anshin_demo_controller_set_awaiting_code:
 * @awaiting: whether a 3-D Secure challenge waits for its one-time code
 *
 * While @awaiting, the controller fetches the issuer's one-time codes (at
 * once, then every few seconds) and shows the latest as :one-time-code, as
 * the holder's phone would; otherwise it fetches none and :one-time-code
 * is %NULL. The window sets it while a challenge dialog is open.
 */
void
anshin_demo_controller_set_awaiting_code (AnshinDemoController *self,
                                          gboolean              awaiting)
{
  g_return_if_fail (ANSHIN_IS_DEMO_CONTROLLER (self));

  awaiting = !!awaiting;
  if (self->awaiting_code == awaiting)
    return;

  self->awaiting_code = awaiting;
  stop_codes (self);
  if (awaiting)
    {
      fetch_codes (self);
      self->codes_source = g_timeout_add_seconds (CODES_POLL_SECONDS, fetch_codes, self);
    }
  else
    set_one_time_code (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWAITING_CODE]);
}
