/* anshin-moment-choice.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One of the ways out a moment offers, shown as a row: a title, a
 * subtitle saying what it means, and optionally the window action that
 * takes it (with its button label). Immutable.
 */

#include "config.h"

#include "anshin-moment-choice.h"

struct _AnshinMomentChoice
{
  GObject parent_instance;

  char *title;
  char *subtitle;
  char *action_name;
  char *action_label;
};

G_DEFINE_FINAL_TYPE (AnshinMomentChoice, anshin_moment_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ACTION_NAME,
  PROP_ACTION_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
anshin_moment_choice_finalize (GObject *object)
{
  AnshinMomentChoice *self = (AnshinMomentChoice *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->action_name, g_free);
  g_clear_pointer (&self->action_label, g_free);

  G_OBJECT_CLASS (anshin_moment_choice_parent_class)->finalize (object);
}

static void
anshin_moment_choice_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnshinMomentChoice *self = ANSHIN_MOMENT_CHOICE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_ACTION_NAME:
      g_value_set_string (value, self->action_name);
      break;
    case PROP_ACTION_LABEL:
      g_value_set_string (value, self->action_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_moment_choice_class_init (AnshinMomentChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_moment_choice_finalize;
  object_class->get_property = anshin_moment_choice_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_LABEL] =
    g_param_spec_string ("action-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_moment_choice_init (AnshinMomentChoice *self)
{
}

/**
 * anshin_moment_choice_new:
 * @title: what the holder can do, e.g. "Wait"
 * @subtitle: (nullable): what it means
 * @action_name: (nullable): the detailed window action that does it, e.g.
 *   "win.reissue-card"
 * @action_label: (nullable): the label of its button
 *
 * Returns: (transfer full): a new choice
 */
AnshinMomentChoice *
anshin_moment_choice_new (const char *title,
                          const char *subtitle,
                          const char *action_name,
                          const char *action_label)
{
  AnshinMomentChoice *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (ANSHIN_TYPE_MOMENT_CHOICE, NULL);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->action_name = g_strdup (action_name);
  self->action_label = g_strdup (action_label);

  return self;
}

const char *
anshin_moment_choice_get_title (AnshinMomentChoice *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT_CHOICE (self), NULL);
  return self->title;
}

const char *
anshin_moment_choice_get_subtitle (AnshinMomentChoice *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT_CHOICE (self), NULL);
  return self->subtitle;
}

/**
 * anshin_moment_choice_get_action_name:
 *
 * Returns: (nullable): the detailed window action, or %NULL for advice
 */
const char *
anshin_moment_choice_get_action_name (AnshinMomentChoice *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT_CHOICE (self), NULL);
  return self->action_name;
}

const char *
anshin_moment_choice_get_action_label (AnshinMomentChoice *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT_CHOICE (self), NULL);
  return self->action_label;
}
