/* anshin-demo-bar.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar along the bottom of the window in demo mode: the scenario's
 * current step and its narration (translated), the 3-D Secure one-time
 * code when the demo issuer has "sent" one, a scenario picker, Restart,
 * "+3 h" (the issuer's clock), Previous Step and Next Step. It drives an
 * AnshinDemoController; the window listens to ::scenario-loaded (the
 * issuer's state and sessions were reset: Restart, another scenario, or
 * Previous Step, which reloads the scenario and steps forward again since
 * the issuer's clock only moves forward) and ::failed (a toast).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-demo-bar.h"

struct _AnshinDemoBar
{
  AdwBin                parent_instance;

  AnshinDemoController *controller;
  GCancellable         *cancellable;
  gboolean              busy;
  gboolean              updating_dropdown;

  /* template children */
  GtkLabel             *step_label;
  GtkLabel             *narration_label;
  GtkLabel             *code_label;
  GtkDropDown          *scenario_dropdown;
};

G_DEFINE_FINAL_TYPE (AnshinDemoBar, anshin_demo_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTROLLER,
  N_PROPS
};

enum {
  SCENARIO_LOADED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
translate (const char *text)
{
  return text != NULL && *text != '\0' ? _(text) : "";
}

static void
update_actions (AnshinDemoBar *self)
{
  gboolean ready = self->controller != NULL && !self->busy
                   && anshin_demo_controller_get_scenario_name (self->controller) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "demo.next-step",
                                 ready && anshin_demo_controller_get_has_next_step (self->controller));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "demo.previous-step",
                                 ready && anshin_demo_controller_get_current_step (self->controller) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "demo.restart", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "demo.advance-clock", ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scenario_dropdown), ready);
}

static void
update_labels (AnshinDemoBar *self)
{
  g_autofree char *step = NULL;
  const char *code;

  if (self->controller == NULL
      || anshin_demo_controller_get_scenario_name (self->controller) == NULL)
    {
      gtk_label_set_label (self->step_label, _("Starting the demo issuer…"));
      gtk_label_set_label (self->narration_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->code_label), FALSE);
      update_actions (self);
      return;
    }

  /* TRANSLATORS: the demo bar's heading: "Step 3 of 7: Renewal day" */
  step = g_strdup_printf (_("Step %u of %u: %s"),
                          anshin_demo_controller_get_current_step (self->controller) + 1,
                          anshin_demo_controller_get_n_steps (self->controller),
                          translate (anshin_demo_controller_get_step_title (self->controller)));
  gtk_label_set_label (self->step_label, step);
  gtk_label_set_label (self->narration_label,
                       translate (anshin_demo_controller_get_narration (self->controller)));

  code = anshin_demo_controller_get_one_time_code (self->controller);
  gtk_widget_set_visible (GTK_WIDGET (self->code_label), code != NULL);
  if (code != NULL)
    {
      /* TRANSLATORS: shown in the demo bar: the code an SMS would have brought */
      g_autofree char *text = g_strdup_printf (_("3-D Secure one-time code: %s"), code);

      gtk_label_set_label (self->code_label, text);
    }

  update_actions (self);
}

static void
update_dropdown (AnshinDemoBar *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GListModel *names;
  const char *current;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (self->controller == NULL)
    return;

  names = anshin_demo_controller_get_scenarios (self->controller);
  current = anshin_demo_controller_get_scenario_name (self->controller);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);
      const char *title = anshin_demo_controller_get_scenario_title (self->controller, name);

      gtk_string_list_append (titles, title != NULL ? _(title) : name);
      if (g_strcmp0 (name, current) == 0)
        selected = i;
    }

  self->updating_dropdown = TRUE;
  gtk_drop_down_set_model (self->scenario_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->scenario_dropdown, selected);
  self->updating_dropdown = FALSE;
}

static void
set_busy (AnshinDemoBar *self,
          gboolean       busy)
{
  self->busy = busy;
  update_actions (self);
}

static void
on_scenario_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AnshinDemoBar) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anshin_demo_controller_load_scenario_finish (ANSHIN_DEMO_CONTROLLER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      update_dropdown (self);
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  set_busy (self, FALSE);
  update_dropdown (self);
  g_signal_emit (self, signals[SCENARIO_LOADED], 0);
}

static void
load_scenario (AnshinDemoBar *self,
               const char    *name)
{
  set_busy (self, TRUE);
  anshin_demo_controller_load_scenario_async (self->controller, name, self->cancellable,
                                              on_scenario_loaded_cb, g_object_ref (self));
}

static void
on_next_step_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnshinDemoBar) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anshin_demo_controller_next_step_finish (ANSHIN_DEMO_CONTROLLER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_signal_emit (self, signals[FAILED], 0, error);
    }

  set_busy (self, FALSE);
}

static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnshinDemoBar *self = ANSHIN_DEMO_BAR (widget);

  if (self->controller == NULL || self->busy)
    return;

  set_busy (self, TRUE);
  anshin_demo_controller_next_step_async (self->controller, self->cancellable,
                                          on_next_step_cb, g_object_ref (self));
}

static void
on_previous_step_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AnshinDemoBar) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean reloaded = FALSE;

  if (!anshin_demo_controller_go_to_step_finish (ANSHIN_DEMO_CONTROLLER (object), result,
                                                 &reloaded, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_signal_emit (self, signals[FAILED], 0, error);
    }

  set_busy (self, FALSE);
  /* the issuer started over: the window signs in again */
  if (reloaded)
    g_signal_emit (self, signals[SCENARIO_LOADED], 0);
}

static void
previous_step_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AnshinDemoBar *self = ANSHIN_DEMO_BAR (widget);
  guint current;

  if (self->controller == NULL || self->busy)
    return;

  current = anshin_demo_controller_get_current_step (self->controller);
  if (current == 0)
    return;

  set_busy (self, TRUE);
  anshin_demo_controller_go_to_step_async (self->controller, current - 1, self->cancellable,
                                           on_previous_step_cb, g_object_ref (self));
}

static void
on_clock_advanced_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AnshinDemoBar) self = user_data;
  g_autoptr(GError) error = NULL;

  /* what falls due reaches the window as the issuer's live events */
  if (!anshin_demo_controller_advance_clock_finish (ANSHIN_DEMO_CONTROLLER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_signal_emit (self, signals[FAILED], 0, error);
    }

  set_busy (self, FALSE);
}

static void
advance_clock_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AnshinDemoBar *self = ANSHIN_DEMO_BAR (widget);
  gint64 seconds = g_variant_get_int64 (parameter);

  if (self->controller == NULL || self->busy || seconds <= 0)
    return;

  set_busy (self, TRUE);
  anshin_demo_controller_advance_clock_async (self->controller, seconds, self->cancellable,
                                              on_clock_advanced_cb, g_object_ref (self));
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnshinDemoBar *self = ANSHIN_DEMO_BAR (widget);
  const char *name;

  if (self->controller == NULL || self->busy)
    return;

  name = anshin_demo_controller_get_scenario_name (self->controller);
  if (name != NULL)
    load_scenario (self, name);
}

static void
on_dropdown_selected_cb (AnshinDemoBar *self,
                         GParamSpec    *pspec,
                         GtkDropDown   *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GListModel *names;
  const char *name;

  if (self->updating_dropdown || self->controller == NULL || self->busy)
    return;

  names = anshin_demo_controller_get_scenarios (self->controller);
  if (selected >= g_list_model_get_n_items (names))
    return;

  name = gtk_string_list_get_string (GTK_STRING_LIST (names), selected);
  if (g_strcmp0 (name, anshin_demo_controller_get_scenario_name (self->controller)) != 0)
    load_scenario (self, name);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      /* the button shows the start of a long title; the list all of it */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static GtkListItemFactory *
new_title_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  return factory;
}

static void
anshin_demo_bar_dispose (GObject *object)
{
  AnshinDemoBar *self = ANSHIN_DEMO_BAR (object);

  g_cancellable_cancel (self->cancellable);
  anshin_demo_bar_set_controller (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_DEMO_BAR);

  G_OBJECT_CLASS (anshin_demo_bar_parent_class)->dispose (object);
}

static void
anshin_demo_bar_finalize (GObject *object)
{
  AnshinDemoBar *self = ANSHIN_DEMO_BAR (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (anshin_demo_bar_parent_class)->finalize (object);
}

static void
anshin_demo_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AnshinDemoBar *self = ANSHIN_DEMO_BAR (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER:
      g_value_set_object (value, self->controller);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_demo_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AnshinDemoBar *self = ANSHIN_DEMO_BAR (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER:
      anshin_demo_bar_set_controller (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_demo_bar_class_init (AnshinDemoBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_demo_bar_dispose;
  object_class->finalize = anshin_demo_bar_finalize;
  object_class->get_property = anshin_demo_bar_get_property;
  object_class->set_property = anshin_demo_bar_set_property;

  properties[PROP_CONTROLLER] =
    g_param_spec_object ("controller", NULL, NULL, ANSHIN_TYPE_DEMO_CONTROLLER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnshinDemoBar::scenario-loaded:
   *
   * The holder restarted the scenario or picked another: the issuer's
   * state, sessions and clock are back at the scenario's start.
   */
  signals[SCENARIO_LOADED] =
    g_signal_new ("scenario-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AnshinDemoBar::failed:
   * @error: what went wrong (#ANSHIN_DEMO_ERROR)
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anshin-demo-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, step_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, narration_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, code_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, scenario_dropdown);

  gtk_widget_class_install_action (widget_class, "demo.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "demo.previous-step", NULL, previous_step_action);
  gtk_widget_class_install_action (widget_class, "demo.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "demo.advance-clock", "x", advance_clock_action);
}

static void
anshin_demo_bar_init (AnshinDemoBar *self)
{
  g_autoptr(GtkListItemFactory) button_factory = new_title_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = new_title_factory (FALSE);

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_factory (self->scenario_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->scenario_dropdown, list_factory);
  g_signal_connect_object (self->scenario_dropdown, "notify::selected",
                           G_CALLBACK (on_dropdown_selected_cb), self, G_CONNECT_SWAPPED);
  update_labels (self);
}

GtkWidget *
anshin_demo_bar_new (void)
{
  return g_object_new (ANSHIN_TYPE_DEMO_BAR, NULL);
}

AnshinDemoController *
anshin_demo_bar_get_controller (AnshinDemoBar *self)
{
  g_return_val_if_fail (ANSHIN_IS_DEMO_BAR (self), NULL);
  return self->controller;
}

/**
 * anshin_demo_bar_set_controller:
 * @controller: (nullable): the embedded issuer's demo controller
 */
void
anshin_demo_bar_set_controller (AnshinDemoBar        *self,
                                AnshinDemoController *controller)
{
  g_return_if_fail (ANSHIN_IS_DEMO_BAR (self));
  g_return_if_fail (controller == NULL || ANSHIN_IS_DEMO_CONTROLLER (controller));

  if (self->controller == controller)
    return;

  if (self->controller != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->controller, self);
      g_signal_handlers_disconnect_by_data (anshin_demo_controller_get_scenarios (self->controller),
                                            self);
    }
  g_set_object (&self->controller, controller);

  if (controller != NULL)
    {
      g_signal_connect_swapped (controller, "notify::scenario-name",
                                G_CALLBACK (update_dropdown), self);
      g_signal_connect_swapped (controller, "notify", G_CALLBACK (update_labels), self);
      g_signal_connect_swapped (anshin_demo_controller_get_scenarios (controller), "items-changed",
                                G_CALLBACK (update_dropdown), self);
    }

  update_dropdown (self);
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROLLER]);
}
