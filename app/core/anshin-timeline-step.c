/* anshin-timeline-step.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One step of the renewal timeline (anshin-timeline.c makes them): what it
 * is, whether it is past, current or upcoming, its date and a plain
 * sentence. Steps are immutable: a new "now" or a changed card makes a new
 * timeline.
 */

#include "config.h"

#include "anshin-core-enum-types.h"
#include "anshin-timeline-step.h"

struct _AnshinTimelineStep
{
  GObject                  parent_instance;

  AnshinTimelineStepKind   kind;
  AnshinTimelineStepState  state;
  GDateTime               *date;
  char                    *title;
  char                    *description;
};

G_DEFINE_FINAL_TYPE (AnshinTimelineStep, anshin_timeline_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_STATE,
  PROP_DATE,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
anshin_timeline_step_finalize (GObject *object)
{
  AnshinTimelineStep *self = (AnshinTimelineStep *) object;

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (anshin_timeline_step_parent_class)->finalize (object);
}

static void
anshin_timeline_step_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnshinTimelineStep *self = ANSHIN_TIMELINE_STEP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_timeline_step_class_init (AnshinTimelineStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_timeline_step_finalize;
  object_class->get_property = anshin_timeline_step_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       ANSHIN_TYPE_TIMELINE_STEP_KIND,
                       ANSHIN_TIMELINE_STEP_KIND_RENEWAL_ANNOUNCED,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       ANSHIN_TYPE_TIMELINE_STEP_STATE,
                       ANSHIN_TIMELINE_STEP_STATE_UPCOMING,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_timeline_step_init (AnshinTimelineStep *self)
{
  self->state = ANSHIN_TIMELINE_STEP_STATE_UPCOMING;
}

/**
 * anshin_timeline_step_new:
 * @kind: what the step is
 * @state: past, current or upcoming
 * @date: (nullable): when it happened or is expected
 * @title: a short title, e.g. "Card renewed"
 * @description: a plain sentence or two
 *
 * Returns: (transfer full): a new step
 */
AnshinTimelineStep *
anshin_timeline_step_new (AnshinTimelineStepKind   kind,
                          AnshinTimelineStepState  state,
                          GDateTime               *date,
                          const char              *title,
                          const char              *description)
{
  AnshinTimelineStep *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (description != NULL, NULL);

  self = g_object_new (ANSHIN_TYPE_TIMELINE_STEP, NULL);
  self->kind = kind;
  self->state = state;
  self->date = date != NULL ? g_date_time_ref (date) : NULL;
  self->title = g_strdup (title);
  self->description = g_strdup (description);

  return self;
}

AnshinTimelineStepKind
anshin_timeline_step_get_kind (AnshinTimelineStep *self)
{
  g_return_val_if_fail (ANSHIN_IS_TIMELINE_STEP (self), 0);

  return self->kind;
}

AnshinTimelineStepState
anshin_timeline_step_get_state (AnshinTimelineStep *self)
{
  g_return_val_if_fail (ANSHIN_IS_TIMELINE_STEP (self), ANSHIN_TIMELINE_STEP_STATE_UPCOMING);

  return self->state;
}

/**
 * anshin_timeline_step_get_date:
 * @self: a #AnshinTimelineStep
 *
 * The date of a step that happened, or the expected one of a step to come.
 *
 * Returns: (transfer none) (nullable): the date, or %NULL if not known
 */
GDateTime *
anshin_timeline_step_get_date (AnshinTimelineStep *self)
{
  g_return_val_if_fail (ANSHIN_IS_TIMELINE_STEP (self), NULL);

  return self->date;
}

const char *
anshin_timeline_step_get_title (AnshinTimelineStep *self)
{
  g_return_val_if_fail (ANSHIN_IS_TIMELINE_STEP (self), NULL);

  return self->title;
}

const char *
anshin_timeline_step_get_description (AnshinTimelineStep *self)
{
  g_return_val_if_fail (ANSHIN_IS_TIMELINE_STEP (self), NULL);

  return self->description;
}

