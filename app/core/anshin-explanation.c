/* anshin-explanation.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the explainer hands to the views: a headline, what happened,
 * whether it was expected and why we think so, what to do, what happens
 * next, the effect on programmes, and the AnshinActions the holder can
 * take. Immutable: every property is set once, at construction.
 */

#include "config.h"

#include "anshin-explanation.h"
#include "anshin-core-enum-types.h"

struct _AnshinExplanation
{
  GObject parent_instance;

  char *headline;
  char *what_happened;
  AnshinExpectation expectation;
  char *evidence;
  char *what_to_do;
  char *what_next;
  char *programme_impact;
  GListModel *actions;
  GListModel *schedule;
};

G_DEFINE_FINAL_TYPE (AnshinExplanation, anshin_explanation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HEADLINE,
  PROP_WHAT_HAPPENED,
  PROP_EXPECTATION,
  PROP_EVIDENCE,
  PROP_WHAT_TO_DO,
  PROP_WHAT_NEXT,
  PROP_PROGRAMME_IMPACT,
  PROP_ACTIONS,
  PROP_SCHEDULE,
  N_PROPS
};

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | \
                     G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static GParamSpec *properties[N_PROPS];

static void
anshin_explanation_constructed (GObject *object)
{
  AnshinExplanation *self = (AnshinExplanation *)object;

  G_OBJECT_CLASS (anshin_explanation_parent_class)->constructed (object);

  if (self->actions == NULL)
    self->actions = G_LIST_MODEL (g_list_store_new (ANSHIN_TYPE_ACTION));
  if (self->schedule == NULL)
    self->schedule = G_LIST_MODEL (g_list_store_new (ANSHIN_TYPE_SCHEDULE_ITEM));
}

static void
anshin_explanation_dispose (GObject *object)
{
  AnshinExplanation *self = (AnshinExplanation *)object;

  g_clear_object (&self->actions);
  g_clear_object (&self->schedule);

  G_OBJECT_CLASS (anshin_explanation_parent_class)->dispose (object);
}

static void
anshin_explanation_finalize (GObject *object)
{
  AnshinExplanation *self = (AnshinExplanation *)object;

  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->what_happened, g_free);
  g_clear_pointer (&self->evidence, g_free);
  g_clear_pointer (&self->what_to_do, g_free);
  g_clear_pointer (&self->what_next, g_free);
  g_clear_pointer (&self->programme_impact, g_free);

  G_OBJECT_CLASS (anshin_explanation_parent_class)->finalize (object);
}

static void
anshin_explanation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnshinExplanation *self = ANSHIN_EXPLANATION (object);

  switch (prop_id)
    {
    case PROP_HEADLINE:
      g_value_set_string (value, self->headline);
      break;
    case PROP_WHAT_HAPPENED:
      g_value_set_string (value, self->what_happened);
      break;
    case PROP_EXPECTATION:
      g_value_set_enum (value, self->expectation);
      break;
    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;
    case PROP_WHAT_TO_DO:
      g_value_set_string (value, self->what_to_do);
      break;
    case PROP_WHAT_NEXT:
      g_value_set_string (value, self->what_next);
      break;
    case PROP_PROGRAMME_IMPACT:
      g_value_set_string (value, self->programme_impact);
      break;
    case PROP_ACTIONS:
      g_value_set_object (value, self->actions);
      break;
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_explanation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnshinExplanation *self = ANSHIN_EXPLANATION (object);

  switch (prop_id)
    {
    case PROP_HEADLINE:
      self->headline = g_value_dup_string (value);
      break;
    case PROP_WHAT_HAPPENED:
      self->what_happened = g_value_dup_string (value);
      break;
    case PROP_EXPECTATION:
      self->expectation = g_value_get_enum (value);
      break;
    case PROP_EVIDENCE:
      self->evidence = g_value_dup_string (value);
      break;
    case PROP_WHAT_TO_DO:
      self->what_to_do = g_value_dup_string (value);
      break;
    case PROP_WHAT_NEXT:
      self->what_next = g_value_dup_string (value);
      break;
    case PROP_PROGRAMME_IMPACT:
      self->programme_impact = g_value_dup_string (value);
      break;
    case PROP_ACTIONS:
      self->actions = g_value_dup_object (value);
      break;
    case PROP_SCHEDULE:
      self->schedule = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_explanation_class_init (AnshinExplanationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = anshin_explanation_constructed;
  object_class->dispose = anshin_explanation_dispose;
  object_class->finalize = anshin_explanation_finalize;
  object_class->get_property = anshin_explanation_get_property;
  object_class->set_property = anshin_explanation_set_property;

  /**
   * AnshinExplanation:headline:
   *
   * A plain sentence saying what this is about, never the issuer's title.
   */
  properties[PROP_HEADLINE] =
    g_param_spec_string ("headline", NULL, NULL, NULL, PARAM_FLAGS);

  /**
   * AnshinExplanation:what-happened:
   *
   * What happened, with dates and the card's last 4 digits where they help.
   */
  properties[PROP_WHAT_HAPPENED] =
    g_param_spec_string ("what-happened", NULL, NULL, NULL, PARAM_FLAGS);

  /**
   * AnshinExplanation:expectation:
   *
   * Whether this was expected, needs the holder's attention, or is
   * unexpected.
   */
  properties[PROP_EXPECTATION] =
    g_param_spec_enum ("expectation", NULL, NULL,
                       ANSHIN_TYPE_EXPECTATION,
                       ANSHIN_EXPECTATION_EXPECTED,
                       PARAM_FLAGS);

  /**
   * AnshinExplanation:evidence:
   *
   * Why the explainer thinks so: what this matches, or what it doesn't.
   */
  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL, NULL, PARAM_FLAGS);

  /**
   * AnshinExplanation:what-to-do:
   *
   * One sentence: what the holder should do, possibly nothing.
   */
  properties[PROP_WHAT_TO_DO] =
    g_param_spec_string ("what-to-do", NULL, NULL, NULL, PARAM_FLAGS);

  /**
   * AnshinExplanation:what-next:
   *
   * What happens next and when things will change; %NULL when nothing
   * further is expected.
   */
  properties[PROP_WHAT_NEXT] =
    g_param_spec_string ("what-next", NULL, NULL, NULL, PARAM_FLAGS);

  /**
   * AnshinExplanation:programme-impact:
   *
   * How this affects the holder's programmes (points, miles), naming
   * them; %NULL when no programme is affected.
   */
  properties[PROP_PROGRAMME_IMPACT] =
    g_param_spec_string ("programme-impact", NULL, NULL, NULL, PARAM_FLAGS);

  /**
   * AnshinExplanation:actions:
   *
   * A #GListModel of #AnshinAction: what the holder can do, the most
   * fitting first. Empty when there is nothing to do.
   */
  properties[PROP_ACTIONS] =
    g_param_spec_object ("actions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         PARAM_FLAGS);

  /**
   * AnshinExplanation:schedule:
   *
   * A #GListModel of #AnshinScheduleItem: when each of several things
   * (payment methods) should work, as rows with dates rather than a
   * sentence each; shown under what happens next. Usually empty.
   */
  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_explanation_init (AnshinExplanation *self)
{
}

const char *
anshin_explanation_get_headline (AnshinExplanation *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), NULL);

  return self->headline;
}

const char *
anshin_explanation_get_what_happened (AnshinExplanation *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), NULL);

  return self->what_happened;
}

AnshinExpectation
anshin_explanation_get_expectation (AnshinExplanation *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), ANSHIN_EXPECTATION_EXPECTED);

  return self->expectation;
}

const char *
anshin_explanation_get_evidence (AnshinExplanation *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), NULL);

  return self->evidence;
}

const char *
anshin_explanation_get_what_to_do (AnshinExplanation *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), NULL);

  return self->what_to_do;
}

const char *
anshin_explanation_get_what_next (AnshinExplanation *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), NULL);

  return self->what_next;
}

const char *
anshin_explanation_get_programme_impact (AnshinExplanation *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), NULL);

  return self->programme_impact;
}

/**
 * anshin_explanation_get_actions:
 * @self: an explanation
 *
 * Returns: (transfer none): a #GListModel of #AnshinAction
 */
GListModel *
anshin_explanation_get_actions (AnshinExplanation *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), NULL);

  return self->actions;
}

/**
 * anshin_explanation_get_schedule:
 * @self: an explanation
 *
 * Returns: (transfer none): a #GListModel of #AnshinScheduleItem
 */
GListModel *
anshin_explanation_get_schedule (AnshinExplanation *self)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), NULL);

  return self->schedule;
}

/**
 * anshin_explanation_find_action:
 * @self: an explanation
 * @kind: an action kind
 *
 * Returns: (transfer none) (nullable): the first action of @kind
 */
AnshinAction *
anshin_explanation_find_action (AnshinExplanation *self,
                                AnshinActionKind   kind)
{
  guint n_items;

  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), NULL);

  n_items = g_list_model_get_n_items (self->actions);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinAction) action = g_list_model_get_item (self->actions, i);

      if (anshin_action_get_kind (action) == kind)
        return action;
    }

  return NULL;
}

/**
 * anshin_explanation_has_action:
 * @self: an explanation
 * @kind: an action kind
 *
 * Returns: %TRUE if the holder is offered an action of @kind
 */
gboolean
anshin_explanation_has_action (AnshinExplanation *self,
                               AnshinActionKind   kind)
{
  g_return_val_if_fail (ANSHIN_IS_EXPLANATION (self), FALSE);

  return anshin_explanation_find_action (self, kind) != NULL;
}
