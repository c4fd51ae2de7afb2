/* anshin-timeline-row.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One step of the renewal timeline on the Card page, as a row of a boxed
 * list. The state is in the icon, its colour and, for screen readers, its
 * accessible label ("Done", "In progress", "Upcoming").
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-format.h"
#include "anshin-timeline-row.h"

static const char *
step_icon_name (AnshinTimelineStepState state)
{
  switch (state)
    {
    case ANSHIN_TIMELINE_STEP_STATE_PAST:
      return "object-select-symbolic";
    case ANSHIN_TIMELINE_STEP_STATE_CURRENT:
      return "media-record-symbolic";
    case ANSHIN_TIMELINE_STEP_STATE_UPCOMING:
    default:
      return "content-loading-symbolic";
    }
}

static const char *
step_state_label (AnshinTimelineStepState state)
{
  switch (state)
    {
    case ANSHIN_TIMELINE_STEP_STATE_PAST:
      /* TRANSLATORS: a step of the renewal timeline that has happened */
      return C_("timeline step", "Done");
    case ANSHIN_TIMELINE_STEP_STATE_CURRENT:
      /* TRANSLATORS: the step of the renewal timeline under way now */
      return C_("timeline step", "In progress");
    case ANSHIN_TIMELINE_STEP_STATE_UPCOMING:
    default:
      /* TRANSLATORS: a step of the renewal timeline still to come */
      return C_("timeline step", "Upcoming");
    }
}

static const char *
step_style_class (AnshinTimelineStepState state)
{
  switch (state)
    {
    case ANSHIN_TIMELINE_STEP_STATE_PAST:
      return "success";
    case ANSHIN_TIMELINE_STEP_STATE_CURRENT:
      return "accent";
    case ANSHIN_TIMELINE_STEP_STATE_UPCOMING:
    default:
      return "dim-label";
    }
}

/**
 * anshin_timeline_row_new:
 * @step: a step of the renewal timeline
 *
 * Returns: (transfer floating): a row showing @step: an icon for whether
 *   it is done (a tick), in progress (a dot in the accent colour) or to
 *   come (an ellipsis), its title, what it means and its date
 */
GtkWidget *
anshin_timeline_row_new (AnshinTimelineStep *step)
{
  AnshinTimelineStepState state;
  GDateTime *date;
  GtkWidget *row;
  GtkWidget *icon;

  g_return_val_if_fail (ANSHIN_IS_TIMELINE_STEP (step), NULL);

  state = anshin_timeline_step_get_state (step);
  date = anshin_timeline_step_get_date (step);
  row = adw_action_row_new ();
  icon = gtk_image_new_from_icon_name (step_icon_name (state));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), anshin_timeline_step_get_title (step));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), anshin_timeline_step_get_description (step));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "timeline-step");
  if (state == ANSHIN_TIMELINE_STEP_STATE_CURRENT)
    gtk_widget_add_css_class (row, "current");

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, step_style_class (state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, step_state_label (state),
                                  -1);
  gtk_widget_set_tooltip_text (icon, step_state_label (state));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (date != NULL)
    {
      g_autofree char *text = anshin_format_date (date);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}
