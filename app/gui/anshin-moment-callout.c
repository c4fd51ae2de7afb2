/* anshin-moment-callout.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One "right now" moment (app/core/anshin-moment.h) as a callout at the top
 * of a page: coloured by its tone, its title and body in the holder's
 * words, and whatever the moment carries to act on it at once: its action
 * as a button, its choices as rows each with its own button, a checklist,
 * the issuer's support desk (phone with a Copy button, hours, where the
 * number comes from) and a countdown kept to the second.
 *
 * The callout only shows what app/core decided; the page that holds it
 * picks the moments and hands them over. The countdown ticks once a second,
 * on the account's exact clock, only while one is shown.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-a11y.h"
#include "anshin-moment-callout.h"
#include "anshin-moment-choice.h"
#include "anshin-window.h"

struct _AnshinMomentCallout
{
  AdwBin         parent_instance;

  AnshinMoment  *moment;
  AnshinAccount *account;
  guint          tick_source;

  /* template children */
  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *body_label;
  GtkLabel      *countdown_label;
  GtkBox        *checklist_box;
  GtkListBox    *choices_list;
  GtkBox        *support_box;
  GtkLabel      *phone_label;
  GtkButton     *copy_button;
  GtkLabel      *hours_label;
  GtkLabel      *note_label;
  GtkButton     *action_button;
  GtkLabel      *action_button_label;
};

G_DEFINE_FINAL_TYPE (AnshinMomentCallout, anshin_moment_callout, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MOMENT,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const tone_classes[] = { "success", "info", "warning", "error" };

static const char *
tone_class (AnshinMomentTone tone)
{
  switch (tone)
    {
    case ANSHIN_MOMENT_TONE_SUCCESS:
      return "success";
    case ANSHIN_MOMENT_TONE_WARNING:
      return "warning";
    case ANSHIN_MOMENT_TONE_ERROR:
      return "error";
    case ANSHIN_MOMENT_TONE_INFO:
    default:
      return "info";
    }
}

static const char *
tone_icon (AnshinMomentTone tone)
{
  switch (tone)
    {
    case ANSHIN_MOMENT_TONE_SUCCESS:
      return "emblem-ok-symbolic";
    case ANSHIN_MOMENT_TONE_WARNING:
      return "dialog-warning-symbolic";
    case ANSHIN_MOMENT_TONE_ERROR:
      return "dialog-error-symbolic";
    case ANSHIN_MOMENT_TONE_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static GDateTime *
dup_exact_now (AnshinMomentCallout *self)
{
  if (self->account != NULL)
    return anshin_account_dup_exact_now (self->account);

  return g_date_time_new_now_local ();
}

static void
stop_ticking (AnshinMomentCallout *self)
{
  g_clear_handle_id (&self->tick_source, g_source_remove);
}

static void
update_countdown (AnshinMomentCallout *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (self->moment == NULL || anshin_moment_get_countdown_target (self->moment) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), FALSE);
      return;
    }

  now = dup_exact_now (self);
  text = anshin_moment_dup_countdown_text (self->moment, now);
  gtk_label_set_label (self->countdown_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), text != NULL && *text != '\0');
}

static gboolean
on_tick_cb (gpointer user_data)
{
  update_countdown (user_data);

  return G_SOURCE_CONTINUE;
}

/* A 1 s tick only while a countdown is on screen. */
static void
update_ticking (AnshinMomentCallout *self)
{
  gboolean wanted = self->moment != NULL &&
                    anshin_moment_get_countdown_target (self->moment) != NULL &&
                    gtk_widget_get_mapped (GTK_WIDGET (self));

  if (!wanted)
    {
      stop_ticking (self);
      return;
    }

  if (self->tick_source == 0)
    {
      self->tick_source = g_timeout_add_seconds (1, on_tick_cb, self);
      g_source_set_name_by_id (self->tick_source, "[anshin] moment countdown");
    }
}

/* Like gtk_actionable_set_detailed_action_name(), but gives the target
 * first: GTK 4.8 sets the name first, and "win.show-page" without its
 * target would be a parameter type mismatch for a moment. */
static void
set_detailed_action (GtkWidget  *widget,
                     const char *detailed_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *name = NULL;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), NULL);
  if (detailed_name == NULL)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (widget), NULL);
      return;
    }

  if (!g_action_parse_detailed_name (detailed_name, &name, &target, &error))
    {
      g_critical ("A moment's action %s: %s", detailed_name, error->message);
      return;
    }

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (widget), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), name);
}

static GtkWidget *
create_choice_row (gpointer item,
                   gpointer user_data)
{
  AnshinMomentChoice *choice = item;
  GtkWidget *row = adw_action_row_new ();
  const char *action_name = anshin_moment_choice_get_action_name (choice);
  const char *action_label = anshin_moment_choice_get_action_label (choice);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), anshin_moment_choice_get_title (choice));
  if (anshin_moment_choice_get_subtitle (choice) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), anshin_moment_choice_get_subtitle (choice));
  gtk_widget_add_css_class (row, "moment-choice");

  if (action_name != NULL && action_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (action_label);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      set_detailed_action (button, action_name);
      /* named once by its text (GTK 4.8 would name it twice) */
      anshin_a11y_name_buttons (button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
update_checklist (AnshinMomentCallout *self)
{
  const char * const *items = self->moment != NULL ? anshin_moment_get_checklist (self->moment) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_box))) != NULL)
    gtk_box_remove (self->checklist_box, child);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      /* TRANSLATORS: one line of a list, %s is e.g. "Add the new number
       * to Apple Pay and Google Pay." */
      g_autofree char *text = g_strdup_printf (C_("list item", "• %s"), items[i]);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (self->checklist_box, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->checklist_box), items != NULL && items[0] != NULL);
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update_support (AnshinMomentCallout *self)
{
  const char *phone = self->moment != NULL ? anshin_moment_get_support_phone (self->moment) : NULL;
  g_autofree char *hours = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->support_box), phone != NULL && *phone != '\0');
  if (phone == NULL || *phone == '\0')
    return;

  gtk_label_set_label (self->phone_label, phone);
  if (anshin_moment_get_support_hours (self->moment) != NULL)
    /* TRANSLATORS: %s is the support desk's opening hours, e.g. "9:00–18:00" */
    hours = g_strdup_printf (_("Open %s"), anshin_moment_get_support_hours (self->moment));
  set_optional_label (self->hours_label, hours);
  set_optional_label (self->note_label, anshin_moment_get_support_note (self->moment));
}

static void
update (AnshinMomentCallout *self)
{
  AnshinMoment *moment = self->moment;
  const char *action_name;
  const char *action_label;
  GListModel *choices;

  gtk_widget_set_visible (GTK_WIDGET (self), moment != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tone_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), tone_classes[i]);

  if (moment == NULL)
    {
      gtk_list_box_bind_model (self->choices_list, NULL, NULL, NULL, NULL);
      stop_ticking (self);
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (self), tone_class (anshin_moment_get_tone (moment)));
  gtk_image_set_from_icon_name (self->icon, tone_icon (anshin_moment_get_tone (moment)));
  gtk_label_set_label (self->title_label, anshin_moment_get_title (moment));
  set_optional_label (self->body_label, anshin_moment_get_body (moment));

  action_name = anshin_moment_get_action_name (moment);
  action_label = anshin_moment_get_action_label (moment);
  gtk_widget_set_visible (GTK_WIDGET (self->action_button), action_name != NULL && action_label != NULL);
  set_detailed_action (GTK_WIDGET (self->action_button), action_name);
  gtk_label_set_label (self->action_button_label, action_label != NULL ? action_label : "");

  choices = anshin_moment_get_choices (moment);
  gtk_list_box_bind_model (self->choices_list, choices, create_choice_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->choices_list),
                          choices != NULL && g_list_model_get_n_items (choices) > 0);

  update_checklist (self);
  update_support (self);
  update_countdown (self);
  update_ticking (self);

  /* read as one region by screen readers, named by its title */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, anshin_moment_get_title (moment),
                                  -1);
}

static void
on_copy_clicked_cb (AnshinMomentCallout *self)
{
  const char *phone;
  GtkRoot *root;

  if (self->moment == NULL || (phone = anshin_moment_get_support_phone (self->moment)) == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), phone);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (ANSHIN_IS_WINDOW (root))
    anshin_window_add_toast (ANSHIN_WINDOW (root), adw_toast_new (_("Phone number copied")));
}

static void
anshin_moment_callout_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (anshin_moment_callout_parent_class)->map (widget);

  update_countdown (ANSHIN_MOMENT_CALLOUT (widget));
  update_ticking (ANSHIN_MOMENT_CALLOUT (widget));
}

static void
anshin_moment_callout_unmap (GtkWidget *widget)
{
  stop_ticking (ANSHIN_MOMENT_CALLOUT (widget));

  GTK_WIDGET_CLASS (anshin_moment_callout_parent_class)->unmap (widget);
}

static void
anshin_moment_callout_dispose (GObject *object)
{
  AnshinMomentCallout *self = ANSHIN_MOMENT_CALLOUT (object);

  stop_ticking (self);
  if (self->choices_list != NULL)
    gtk_list_box_bind_model (self->choices_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->moment);
  g_clear_object (&self->account);

  gtk_widget_dispose_template (GTK_WIDGET (object), ANSHIN_TYPE_MOMENT_CALLOUT);

  G_OBJECT_CLASS (anshin_moment_callout_parent_class)->dispose (object);
}

static void
anshin_moment_callout_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AnshinMomentCallout *self = ANSHIN_MOMENT_CALLOUT (object);

  switch (prop_id)
    {
    case PROP_MOMENT:
      g_value_set_object (value, self->moment);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_moment_callout_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AnshinMomentCallout *self = ANSHIN_MOMENT_CALLOUT (object);

  switch (prop_id)
    {
    case PROP_MOMENT:
      anshin_moment_callout_set_moment (self, g_value_get_object (value));
      break;
    case PROP_ACCOUNT:
      anshin_moment_callout_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_moment_callout_class_init (AnshinMomentCalloutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_moment_callout_dispose;
  object_class->get_property = anshin_moment_callout_get_property;
  object_class->set_property = anshin_moment_callout_set_property;
  widget_class->map = anshin_moment_callout_map;
  widget_class->unmap = anshin_moment_callout_unmap;

  properties[PROP_MOMENT] =
    g_param_spec_object ("moment", NULL, NULL, ANSHIN_TYPE_MOMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* whose exact clock the countdown follows */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-moment-callout.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, icon);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, body_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, choices_list);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, support_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, phone_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, copy_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, hours_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, note_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, action_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinMomentCallout, action_button_label);
}

static void
anshin_moment_callout_init (AnshinMomentCallout *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (on_copy_clicked_cb), self);
}

/**
 * anshin_moment_callout_new:
 *
 * Returns: (transfer floating): a new callout, hidden until it is given a
 *   moment
 */
GtkWidget *
anshin_moment_callout_new (void)
{
  return g_object_new (ANSHIN_TYPE_MOMENT_CALLOUT, NULL);
}

/**
 * anshin_moment_callout_get_moment:
 *
 * Returns: (transfer none) (nullable): the moment shown
 */
AnshinMoment *
anshin_moment_callout_get_moment (AnshinMomentCallout *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT_CALLOUT (self), NULL);

  return self->moment;
}

/**
 * anshin_moment_callout_set_moment:
 * @self: a callout
 * @moment: (nullable): the moment to show, or %NULL to hide the callout
 */
void
anshin_moment_callout_set_moment (AnshinMomentCallout *self,
                                  AnshinMoment        *moment)
{
  g_return_if_fail (ANSHIN_IS_MOMENT_CALLOUT (self));
  g_return_if_fail (moment == NULL || ANSHIN_IS_MOMENT (moment));

  /* a moment rebuilt for the same situation is shown again all the same:
   * its texts may have changed */
  g_set_object (&self->moment, moment);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOMENT]);
}

AnshinAccount *
anshin_moment_callout_get_account (AnshinMomentCallout *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT_CALLOUT (self), NULL);

  return self->account;
}

/**
 * anshin_moment_callout_set_account:
 * @self: a callout
 * @account: (nullable): the account whose exact clock a countdown follows
 */
void
anshin_moment_callout_set_account (AnshinMomentCallout *self,
                                   AnshinAccount       *account)
{
  g_return_if_fail (ANSHIN_IS_MOMENT_CALLOUT (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (!g_set_object (&self->account, account))
    return;

  update_countdown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}
