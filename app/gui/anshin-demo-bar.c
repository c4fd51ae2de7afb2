/* anshin-demo-bar.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar along the bottom of the window in demo mode: the scenario's
 * current step and its narration (translated), the 3-D Secure one-time
 * code when the demo issuer has "sent" one, the scenario's title and a
 * menu of the other scenarios (a radio menu on the "demo.scenario"
 * property action), Restart, "+3 h" (the issuer's clock), Previous Step
 * and Next Step. One line by default (the step, whose title wraps rather
 * than being cut off at phone width, ‹ Previous Step, › Next Step and the
 * narration's toggle), so that it leaves the window to the story down to
 * phone width; the narration (the step's, or what the step says about the
 * page the window shows), the code and the other controls in the part the
 * toggle reveals (by itself when a code arrives). It drives an
 * AnshinDemoController; the window listens to ::scenario-loaded (the
 * issuer's state and sessions were reset: Restart, another scenario, or
 * Previous Step, which reloads the scenario and steps forward again since
 * the issuer's clock only moves forward) and ::failed (a toast).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-demo-bar.h"
#include "anshin-menu-button.h"
#include "anshin-pay-popover.h"
#include "anshin-width-layout.h"

struct _AnshinDemoBar
{
  AdwBin                parent_instance;

  AnshinDemoController *controller;
  GCancellable         *cancellable;
  gboolean              busy;
  char                 *page;                 /* the window's visible page */

  /* template children */
  GtkLabel             *scenario_label;
  GtkWidget            *step_column;
  GtkWidget            *controls_box;
  GtkLabel             *step_label;
  GtkLabel             *narration_label;
  GtkLabel             *code_label;
  GtkMenuButton        *scenario_button;
  GtkWidget            *pay_button;
  AnshinPayPopover     *pay_popover;          /* NULL until first opened */
  GtkWidget            *text_column;
  GtkToggleButton      *details_button;
};

G_DEFINE_FINAL_TYPE (AnshinDemoBar, anshin_demo_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTROLLER,
  PROP_SCENARIO,
  N_PROPS
};

enum {
  SCENARIO_LOADED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* controls_box's layout: its buttons in a row, with no baseline for the
 * row they are in. GTK 4.8's box adds up the children's baselines when it
 * measures its height for a width, not when it measures it for no width:
 * with a wrapping step (height for width) and buttons of different
 * baselines the bar was a pixel taller at any width than with none. */
static GQuark
controls_layout_quark (void)
{
  return g_quark_from_static_string ("anshin-demo-bar-controls-layout");
}

static void
controls_measure_cb (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  GtkLayoutManager *inner = g_object_get_qdata (G_OBJECT (widget), controls_layout_quark ());

  gtk_layout_manager_measure (inner, widget, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
controls_allocate_cb (GtkWidget *widget,
                      int        width,
                      int        height,
                      int        baseline)
{
  GtkLayoutManager *inner = g_object_get_qdata (G_OBJECT (widget), controls_layout_quark ());

  gtk_layout_manager_allocate (inner, widget, width, height, -1);
}

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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "demo.scenario", ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scenario_button), ready);
}

/* The narration's toggle says what it does next. */
static void
on_details_toggled_cb (AnshinDemoBar *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->details_button);
  const char *text = shown ? _("Hide Narration") : _("Show Narration");

  gtk_button_set_icon_name (GTK_BUTTON (self->details_button),
                            shown ? "pan-down-symbolic" : "pan-up-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->details_button),
                               shown ? _("Hide the narration and the demo controls")
                                     : _("Show the narration and the demo controls"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->details_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->details_button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, shown,
                               -1);
}

static void
update_labels (AnshinDemoBar *self)
{
  g_autofree char *step = NULL;
  const char *narration;
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
  /* what the step shows on the page the presenter is on, or the step's
   * own narration */
  narration = self->page != NULL
              ? anshin_demo_controller_get_page_narration (self->controller, self->page) : NULL;
  if (narration == NULL)
    narration = anshin_demo_controller_get_narration (self->controller);
  gtk_label_set_label (self->narration_label, translate (narration));

  code = anshin_demo_controller_get_one_time_code (self->controller);
  gtk_widget_set_visible (GTK_WIDGET (self->code_label), code != NULL);
  if (code != NULL)
    {
      /* TRANSLATORS: shown in the demo bar: the code an SMS would have brought */
      g_autofree char *text = g_strdup_printf (_("3-D Secure one-time code: %s"), code);

      gtk_label_set_label (self->code_label, text);
      /* the presenter needs the code now: the narration opens with it */
      gtk_toggle_button_set_active (self->details_button, TRUE);
    }

  update_actions (self);
}

static const char *
scenario_title (AnshinDemoBar *self,
                const char    *name)
{
  const char *title = anshin_demo_controller_get_scenario_title (self->controller, name);

  return title != NULL && *title != '\0' ? _(title) : name;
}

/* The scenarios as a radio menu on "demo.scenario", in the list's order */
static void
update_menu (AnshinDemoBar *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GListModel *names;

  if (self->controller == NULL)
    {
      anshin_menu_button_set_menu_on_open (self->scenario_button, NULL, NULL);
      return;
    }

  names = anshin_demo_controller_get_scenarios (self->controller);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);
      g_auto(GStrv) parts = g_strsplit (scenario_title (self, name), "_", -1);
      /* a menu reads "_" as a mnemonic: a title shows it as it is */
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "demo.scenario", g_variant_new_string (name));
      g_menu_append_item (menu, item);
    }

  anshin_menu_button_set_menu_on_open (self->scenario_button, G_MENU_MODEL (menu),
                                       _("Demo Scenarios"));
}

/* the title of the scenario that plays, whole, above its step */
static void
update_caption (AnshinDemoBar *self)
{
  const char *current = NULL;

  if (self->controller != NULL)
    current = anshin_demo_controller_get_scenario_name (self->controller);

  gtk_widget_set_visible (GTK_WIDGET (self->scenario_label), current != NULL);
  if (current != NULL)
    gtk_label_set_label (self->scenario_label, scenario_title (self, current));
}

static void
on_scenario_name_changed_cb (AnshinDemoBar *self)
{
  update_caption (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
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

      /* the scenario that played plays on: the radio menu never moved */
      set_busy (self, FALSE);
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  set_busy (self, FALSE);
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
on_pay_failed_cb (AnshinDemoBar *self,
                  GError        *error)
{
  g_signal_emit (self, signals[FAILED], 0, error);
}

/* "Pay…": its popover is made when first opened */
static void
on_pay_clicked_cb (AnshinDemoBar *self)
{
  if (self->pay_popover == NULL)
    {
      self->pay_popover = ANSHIN_PAY_POPOVER (anshin_pay_popover_new ());
      anshin_pay_popover_set_controller (self->pay_popover, self->controller);
      g_signal_connect_object (self->pay_popover, "failed", G_CALLBACK (on_pay_failed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_set_parent (GTK_WIDGET (self->pay_popover), self->pay_button);
    }

  gtk_popover_popup (GTK_POPOVER (self->pay_popover));
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

/* "demo.scenario" (the radio menu) sets this: another scenario loads */
static void
set_scenario (AnshinDemoBar *self,
              const char    *name)
{
  if (self->controller == NULL || self->busy || name == NULL || *name == '\0')
    return;

  if (g_strcmp0 (name, anshin_demo_controller_get_scenario_name (self->controller)) != 0)
    load_scenario (self, name);
}

static void
anshin_demo_bar_dispose (GObject *object)
{
  AnshinDemoBar *self = ANSHIN_DEMO_BAR (object);

  g_cancellable_cancel (self->cancellable);
  anshin_demo_bar_set_controller (self, NULL);
  if (self->pay_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->pay_popover)));
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_DEMO_BAR);

  G_OBJECT_CLASS (anshin_demo_bar_parent_class)->dispose (object);
}

static void
anshin_demo_bar_finalize (GObject *object)
{
  AnshinDemoBar *self = ANSHIN_DEMO_BAR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->page, g_free);

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
    case PROP_SCENARIO:
      /* "" rather than NULL: the property action's state is a string */
      g_value_set_string (value, self->controller != NULL
                                 && anshin_demo_controller_get_scenario_name (self->controller) != NULL
                                 ? anshin_demo_controller_get_scenario_name (self->controller) : "");
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
    case PROP_SCENARIO:
      set_scenario (self, g_value_get_string (value));
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

  /**
   * AnshinDemoBar:scenario:
   *
   * The name of the scenario that plays ("" before the first has
   * loaded). Setting another name loads that scenario; the property
   * changes once it has loaded. The scenario menu's radio items are the
   * "demo.scenario" action on it.
   */
  properties[PROP_SCENARIO] =
    g_param_spec_string ("scenario", NULL, NULL, "",
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
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, scenario_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, step_column);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, controls_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, step_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, narration_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, code_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, scenario_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, pay_button);
  gtk_widget_class_bind_template_callback (widget_class, on_pay_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, text_column);
  gtk_widget_class_bind_template_child (widget_class, AnshinDemoBar, details_button);

  gtk_widget_class_install_action (widget_class, "demo.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "demo.previous-step", NULL, previous_step_action);
  gtk_widget_class_install_action (widget_class, "demo.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "demo.advance-clock", "x", advance_clock_action);
  gtk_widget_class_install_property_action (widget_class, "demo.scenario", "scenario");
}

static void
anshin_demo_bar_init (AnshinDemoBar *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the column of text (scenario, step, narration, code) measures its
   * width once, whatever height the bar offers it */
  anshin_width_layout_apply (self->text_column, gtk_box_layout_new (GTK_ORIENTATION_VERTICAL));
  anshin_width_layout_apply (self->step_column, gtk_box_layout_new (GTK_ORIENTATION_VERTICAL));
  {
    GtkLayoutManager *controls = gtk_box_layout_new (GTK_ORIENTATION_HORIZONTAL);

    gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (controls), 6);
    g_object_set_qdata_full (G_OBJECT (self->controls_box), controls_layout_quark (), controls,
                             g_object_unref);
  }
  gtk_widget_set_layout_manager (self->controls_box,
                                 gtk_custom_layout_new (NULL, controls_measure_cb, controls_allocate_cb));

  g_signal_connect_swapped (self->details_button, "notify::active",
                            G_CALLBACK (on_details_toggled_cb), self);

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
  g_autofree char *old_scenario = NULL;

  g_return_if_fail (ANSHIN_IS_DEMO_BAR (self));
  g_return_if_fail (controller == NULL || ANSHIN_IS_DEMO_CONTROLLER (controller));

  if (self->controller == controller)
    return;

  old_scenario = g_strdup (self->controller != NULL
                           ? anshin_demo_controller_get_scenario_name (self->controller) : NULL);

  if (self->controller != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->controller, self);
      g_signal_handlers_disconnect_by_data (anshin_demo_controller_get_scenarios (self->controller),
                                            self);
    }
  g_set_object (&self->controller, controller);
  if (self->pay_popover != NULL)
    anshin_pay_popover_set_controller (self->pay_popover, controller);

  if (controller != NULL)
    {
      g_signal_connect_swapped (controller, "notify::scenario-name",
                                G_CALLBACK (on_scenario_name_changed_cb), self);
      g_signal_connect_swapped (controller, "notify", G_CALLBACK (update_labels), self);
      g_signal_connect_swapped (anshin_demo_controller_get_scenarios (controller), "items-changed",
                                G_CALLBACK (update_menu), self);
    }

  update_menu (self);
  update_caption (self);
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROLLER]);
  if (g_strcmp0 (old_scenario, controller != NULL
                               ? anshin_demo_controller_get_scenario_name (controller) : NULL) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

/**
 * anshin_demo_bar_set_page:
 * @page: (nullable): the name of the page the window shows ("card",
 *   "notices", …)
 *
 * The narration follows the page the presenter is on: a step may say what
 * to look at on each page (the scenario's per-page narrations); on a page
 * it says nothing special about, the step's own narration shows.
 */
void
anshin_demo_bar_set_page (AnshinDemoBar *self,
                          const char    *page)
{
  g_return_if_fail (ANSHIN_IS_DEMO_BAR (self));

  if (g_strcmp0 (self->page, page) == 0)
    return;

  g_free (self->page);
  self->page = g_strdup (page);
  update_labels (self);
}
