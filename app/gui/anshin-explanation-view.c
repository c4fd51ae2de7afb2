/* anshin-explanation-view.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AnshinExplanation from app/core laid out for reading: the headline,
 * whether it was expected (a badge and the evidence), what happened, what
 * it means for the holder's programmes, what they can do and what happens
 * next, with the explanation's schedule as rows with dates. Each action
 * becomes a control that really does it (anshin-action-widget.c).
 *
 * Used by the Notices page (one notice), by each Payment methods row and
 * by the Activity page (one entry): the same rows for each.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-action-widget.h"
#include "anshin-explanation-view.h"
#include "anshin-labels.h"

struct _AnshinExplanationView
{
  AdwBin             parent_instance;

  AnshinExplanation *explanation;
  AnshinCard        *card;
  gboolean           show_expectation;

  /* template children */
  GtkLabel          *headline_label;
  GtkWidget         *expectation_badge;
  GtkImage          *expectation_icon;
  GtkLabel          *expectation_label;
  GtkWidget         *what_happened_section;
  GtkLabel          *what_happened_label;
  GtkWidget         *evidence_section;
  GtkLabel          *evidence_heading;
  GtkLabel          *evidence_label;
  GtkWidget         *impact_section;
  GtkLabel          *impact_label;
  GtkWidget         *what_to_do_section;
  GtkLabel          *what_to_do_label;
  GtkWidget         *actions_box;
  GtkWidget         *what_next_section;
  GtkLabel          *what_next_label;
  GtkListBox        *schedule_box;
};

G_DEFINE_FINAL_TYPE (AnshinExplanationView, anshin_explanation_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EXPLANATION,
  PROP_CARD,
  PROP_SHOW_EXPECTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *icon_name;
  const char *style_class;
} expectation_styles[] = {
  [ANSHIN_EXPECTATION_EXPECTED] = { "object-select-symbolic", "success" },
  [ANSHIN_EXPECTATION_NEEDS_ATTENTION] = { "dialog-warning-symbolic", "warning" },
  [ANSHIN_EXPECTATION_UNEXPECTED] = { "emblem-important-symbolic", "error" },
};

static void
set_section_text (GtkWidget  *section,
                  GtkLabel   *label,
                  const char *text)
{
  gboolean has_text = text != NULL && text[0] != '\0';

  gtk_label_set_label (label, has_text ? text : "");
  gtk_widget_set_visible (section, has_text);
}

static gboolean
same_actions (GListModel *a,
              GListModel *b)
{
  guint n_items = a != NULL ? g_list_model_get_n_items (a) : 0;

  if (n_items != (b != NULL ? g_list_model_get_n_items (b) : 0))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinAction) x = g_list_model_get_item (a, i);
      g_autoptr(AnshinAction) y = g_list_model_get_item (b, i);
      GDateTime *x_when = anshin_action_get_when (x);
      GDateTime *y_when = anshin_action_get_when (y);

      if (anshin_action_get_kind (x) != anshin_action_get_kind (y) ||
          anshin_action_get_method (x) != anshin_action_get_method (y) ||
          g_strcmp0 (anshin_action_get_label (x), anshin_action_get_label (y)) != 0 ||
          g_strcmp0 (anshin_action_get_description (x), anshin_action_get_description (y)) != 0 ||
          (x_when == NULL) != (y_when == NULL) ||
          (x_when != NULL && !g_date_time_equal (x_when, y_when)))
        return FALSE;
    }

  return TRUE;
}

static void
rebuild_actions (AnshinExplanationView *self)
{
  GtkWidget *child;
  GListModel *actions;
  guint n_items;

  while ((child = gtk_widget_get_first_child (self->actions_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->actions_box), child);

  actions = self->explanation != NULL ? anshin_explanation_get_actions (self->explanation) : NULL;
  n_items = actions != NULL ? g_list_model_get_n_items (actions) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinAction) action = g_list_model_get_item (actions, i);
      /* facing an activation nobody explains, freezing comes first */
      gboolean urgent = anshin_action_get_kind (action) == ANSHIN_ACTION_KIND_FREEZE_CARD &&
                        anshin_explanation_get_expectation (self->explanation) == ANSHIN_EXPECTATION_UNEXPECTED;
      GtkWidget *widget = anshin_action_widget_new (action, self->card, urgent);

      if (widget != NULL)
        gtk_box_append (GTK_BOX (self->actions_box), widget);
    }

  gtk_widget_set_visible (self->actions_box, n_items > 0);
}

/* Whether an action already says @text (the explainer may describe the
 * wait, or the reissue, with the same sentence as what happens next). */
static gboolean
said_by_an_action (AnshinExplanation *explanation,
                   const char        *text)
{
  GListModel *actions = anshin_explanation_get_actions (explanation);
  guint n_items = actions != NULL ? g_list_model_get_n_items (actions) : 0;

  for (guint i = 0; text != NULL && i < n_items; i++)
    {
      g_autoptr(AnshinAction) action = g_list_model_get_item (actions, i);

      if (g_strcmp0 (anshin_action_get_description (action), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
update_expectation (AnshinExplanationView *self)
{
  AnshinExpectation expectation;

  for (guint i = 0; i < G_N_ELEMENTS (expectation_styles); i++)
    gtk_widget_remove_css_class (self->expectation_badge, expectation_styles[i].style_class);

  gtk_widget_set_visible (self->expectation_badge,
                          self->explanation != NULL && self->show_expectation);
  if (self->explanation == NULL)
    return;

  expectation = anshin_explanation_get_expectation (self->explanation);
  g_return_if_fail (expectation < G_N_ELEMENTS (expectation_styles));

  gtk_image_set_from_icon_name (self->expectation_icon, expectation_styles[expectation].icon_name);
  gtk_label_set_label (self->expectation_label, anshin_expectation_get_label (expectation));
  gtk_widget_add_css_class (self->expectation_badge, expectation_styles[expectation].style_class);
}

static GtkWidget *
create_schedule_row_cb (gpointer item,
                        gpointer user_data)
{
  AnshinScheduleItem *schedule_item = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), anshin_schedule_item_get_label (schedule_item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), anshin_schedule_item_get_text (schedule_item));

  return row;
}

/* The schedule's rows, under what happens next */
static gboolean
update_schedule (AnshinExplanationView *self)
{
  GListModel *schedule = self->explanation != NULL ? anshin_explanation_get_schedule (self->explanation) : NULL;
  gboolean has_rows = schedule != NULL && g_list_model_get_n_items (schedule) > 0;

  gtk_list_box_bind_model (self->schedule_box, has_rows ? schedule : NULL,
                           create_schedule_row_cb, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_box), has_rows);

  return has_rows;
}

static void
update (AnshinExplanationView *self,
        gboolean               actions_changed)
{
  AnshinExplanation *explanation = self->explanation;
  const char *what_to_do = NULL;

  gtk_label_set_label (self->headline_label,
                       explanation != NULL ? anshin_explanation_get_headline (explanation) : "");
  update_expectation (self);

  gtk_label_set_label (self->evidence_heading,
                       self->show_expectation ? _("Was this expected?")
                                              /* TRANSLATORS: a heading above the reasons for a state */
                                              : _("Why"));

  set_section_text (self->what_happened_section, self->what_happened_label,
                    explanation != NULL ? anshin_explanation_get_what_happened (explanation) : NULL);
  set_section_text (self->evidence_section, self->evidence_label,
                    explanation != NULL ? anshin_explanation_get_evidence (explanation) : NULL);
  set_section_text (self->impact_section, self->impact_label,
                    explanation != NULL ? anshin_explanation_get_programme_impact (explanation) : NULL);
  set_section_text (self->what_next_section, self->what_next_label,
                    explanation != NULL && !said_by_an_action (explanation, anshin_explanation_get_what_next (explanation))
                      ? anshin_explanation_get_what_next (explanation) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->what_next_label), gtk_widget_get_visible (self->what_next_section));
  if (update_schedule (self))
    gtk_widget_set_visible (self->what_next_section, TRUE);

  if (explanation != NULL)
    what_to_do = anshin_explanation_get_what_to_do (explanation);
  gtk_label_set_label (self->what_to_do_label, what_to_do != NULL ? what_to_do : "");
  gtk_widget_set_visible (GTK_WIDGET (self->what_to_do_label), what_to_do != NULL && what_to_do[0] != '\0');

  if (actions_changed)
    rebuild_actions (self);
  gtk_widget_set_visible (self->what_to_do_section,
                          gtk_widget_get_visible (GTK_WIDGET (self->what_to_do_label)) ||
                          gtk_widget_get_visible (self->actions_box));
}

static void
anshin_explanation_view_dispose (GObject *object)
{
  AnshinExplanationView *self = ANSHIN_EXPLANATION_VIEW (object);

  /* the box is AdwBin's child: let AdwBin drop it before the template */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_EXPLANATION_VIEW);
  g_clear_object (&self->explanation);
  g_clear_object (&self->card);

  G_OBJECT_CLASS (anshin_explanation_view_parent_class)->dispose (object);
}

static void
anshin_explanation_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnshinExplanationView *self = ANSHIN_EXPLANATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_EXPLANATION:
      g_value_set_object (value, self->explanation);
      break;
    case PROP_CARD:
      g_value_set_object (value, self->card);
      break;
    case PROP_SHOW_EXPECTATION:
      g_value_set_boolean (value, self->show_expectation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_explanation_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnshinExplanationView *self = ANSHIN_EXPLANATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_EXPLANATION:
      anshin_explanation_view_set_explanation (self, g_value_get_object (value));
      break;
    case PROP_CARD:
      anshin_explanation_view_set_card (self, g_value_get_object (value));
      break;
    case PROP_SHOW_EXPECTATION:
      anshin_explanation_view_set_show_expectation (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_explanation_view_class_init (AnshinExplanationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_explanation_view_dispose;
  object_class->get_property = anshin_explanation_view_get_property;
  object_class->set_property = anshin_explanation_view_set_property;

  properties[PROP_EXPLANATION] =
    g_param_spec_object ("explanation", NULL, NULL,
                         ANSHIN_TYPE_EXPLANATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL,
                         ANSHIN_TYPE_CARD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_EXPECTATION] =
    g_param_spec_boolean ("show-expectation", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "explanationview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-explanation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, headline_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, expectation_badge);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, expectation_icon);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, expectation_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, what_happened_section);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, what_happened_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, evidence_section);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, evidence_heading);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, impact_section);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, impact_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, what_to_do_section);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, what_to_do_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, what_next_section);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, what_next_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinExplanationView, schedule_box);
}

static void
anshin_explanation_view_init (AnshinExplanationView *self)
{
  self->show_expectation = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  update (self, TRUE);
}

GtkWidget *
anshin_explanation_view_new (void)
{
  return g_object_new (ANSHIN_TYPE_EXPLANATION_VIEW, NULL);
}

/**
 * anshin_explanation_view_get_explanation:
 * @self: a #AnshinExplanationView
 *
 * Returns: (transfer none) (nullable): the explanation shown
 */
AnshinExplanation *
anshin_explanation_view_get_explanation (AnshinExplanationView *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION_VIEW (self), NULL);

  return self->explanation;
}

/**
 * anshin_explanation_view_set_explanation:
 * @self: a #AnshinExplanationView
 * @explanation: (nullable): the explanation to show
 *
 * Shows @explanation; explanations are immutable, so a changed situation
 * comes as a new one.
 */
void
anshin_explanation_view_set_explanation (AnshinExplanationView *self,
                                         AnshinExplanation     *explanation)
{
  gboolean actions_changed;

  g_return_if_fail (ANSHIN_IS_EXPLANATION_VIEW (self));
  g_return_if_fail (explanation == NULL || ANSHIN_IS_EXPLANATION (explanation));

  if (self->explanation == explanation)
    return;

  /* A refresh (the issuer's clock moved) brings a new explanation with the
   * same actions: keep their buttons, and any popover the holder opened. */
  actions_changed =
    self->explanation == NULL || explanation == NULL ||
    anshin_explanation_get_expectation (self->explanation) != anshin_explanation_get_expectation (explanation) ||
    !same_actions (anshin_explanation_get_actions (self->explanation),
                   anshin_explanation_get_actions (explanation));

  if (g_set_object (&self->explanation, explanation))
    {
      update (self, actions_changed);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLANATION]);
    }
}

/**
 * anshin_explanation_view_get_card:
 * @self: a #AnshinExplanationView
 *
 * Returns: (transfer none) (nullable): the card the explanation is about
 */
AnshinCard *
anshin_explanation_view_get_card (AnshinExplanationView *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION_VIEW (self), NULL);

  return self->card;
}

/**
 * anshin_explanation_view_set_card:
 * @self: a #AnshinExplanationView
 * @card: (nullable): the card the explanation is about
 *
 * The card names the issuer and the last 4 digits in the "how to" texts
 * (contacting the issuer, re-adding the card to a wallet).
 */
void
anshin_explanation_view_set_card (AnshinExplanationView *self,
                                  AnshinCard            *card)
{
  g_return_if_fail (ANSHIN_IS_EXPLANATION_VIEW (self));
  g_return_if_fail (card == NULL || ANSHIN_IS_CARD (card));

  if (g_set_object (&self->card, card))
    {
      rebuild_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
    }
}

gboolean
anshin_explanation_view_get_show_expectation (AnshinExplanationView *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION_VIEW (self), FALSE);

  return self->show_expectation;
}

/**
 * anshin_explanation_view_set_show_expectation:
 * @self: a #AnshinExplanationView
 * @show_expectation: whether to show the "Expected" / "Unexpected" badge
 *
 * Notices get the badge; a payment method's state is not something the
 * holder was told to expect or not, so its rows hide it.
 */
void
anshin_explanation_view_set_show_expectation (AnshinExplanationView *self,
                                              gboolean               show_expectation)
{
  g_return_if_fail (ANSHIN_IS_EXPLANATION_VIEW (self));

  show_expectation = !!show_expectation;
  if (self->show_expectation == show_expectation)
    return;

  self->show_expectation = show_expectation;
  update (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EXPECTATION]);
}
