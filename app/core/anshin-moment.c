/* anshin-moment.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The holder's moment: what is frightening right now, answered in one or
 * two sentences with the next step in reach. Written by app/core
 * (anshin-moments.c decides which moments apply and words them); a view
 * shows it as a callout: the title, the body, a button for the suggested
 * window action, the choice rows, the checklist, the issuer's own support
 * contact (phone, hours, and where the contact comes from) and a
 * countdown. Immutable once written.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-core-enum-types.h"
#include "anshin-format.h"
#include "anshin-moment-private.h"

struct _AnshinMoment
{
  GObject parent_instance;

  AnshinMomentKind kind;
  AnshinMomentTone tone;
  char *title;
  char *body;
  char *action_name;
  char *action_label;
  GListStore *choices;
  GPtrArray *checklist;        /* NULL-terminated */
  char *support_phone;
  char *support_hours;
  char *support_note;
  GDateTime *countdown_target;
};

G_DEFINE_FINAL_TYPE (AnshinMoment, anshin_moment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TONE,
  PROP_TITLE,
  PROP_BODY,
  PROP_ACTION_NAME,
  PROP_ACTION_LABEL,
  PROP_CHOICES,
  PROP_CHECKLIST,
  PROP_SUPPORT_PHONE,
  PROP_SUPPORT_HOURS,
  PROP_SUPPORT_NOTE,
  PROP_COUNTDOWN_TARGET,
  N_PROPS
};

#define READ_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static GParamSpec *properties[N_PROPS];

static void
anshin_moment_finalize (GObject *object)
{
  AnshinMoment *self = (AnshinMoment *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->action_name, g_free);
  g_clear_pointer (&self->action_label, g_free);
  g_clear_object (&self->choices);
  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  g_clear_pointer (&self->support_phone, g_free);
  g_clear_pointer (&self->support_hours, g_free);
  g_clear_pointer (&self->support_note, g_free);
  g_clear_pointer (&self->countdown_target, g_date_time_unref);

  G_OBJECT_CLASS (anshin_moment_parent_class)->finalize (object);
}

static void
anshin_moment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AnshinMoment *self = ANSHIN_MOMENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TONE:
      g_value_set_enum (value, self->tone);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_ACTION_NAME:
      g_value_set_string (value, self->action_name);
      break;
    case PROP_ACTION_LABEL:
      g_value_set_string (value, self->action_label);
      break;
    case PROP_CHOICES:
      g_value_set_object (value, self->choices);
      break;
    case PROP_CHECKLIST:
      g_value_set_boxed (value, anshin_moment_get_checklist (self));
      break;
    case PROP_SUPPORT_PHONE:
      g_value_set_string (value, self->support_phone);
      break;
    case PROP_SUPPORT_HOURS:
      g_value_set_string (value, self->support_hours);
      break;
    case PROP_SUPPORT_NOTE:
      g_value_set_string (value, self->support_note);
      break;
    case PROP_COUNTDOWN_TARGET:
      g_value_set_boxed (value, self->countdown_target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_moment_class_init (AnshinMomentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_moment_finalize;
  object_class->get_property = anshin_moment_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ANSHIN_TYPE_MOMENT_KIND,
                       ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED, READ_FLAGS);
  properties[PROP_TONE] =
    g_param_spec_enum ("tone", NULL, NULL, ANSHIN_TYPE_MOMENT_TONE,
                       ANSHIN_MOMENT_TONE_INFO, READ_FLAGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, READ_FLAGS);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, READ_FLAGS);
  properties[PROP_ACTION_NAME] = g_param_spec_string ("action-name", NULL, NULL, NULL, READ_FLAGS);
  properties[PROP_ACTION_LABEL] = g_param_spec_string ("action-label", NULL, NULL, NULL, READ_FLAGS);
  properties[PROP_CHOICES] =
    g_param_spec_object ("choices", NULL, NULL, G_TYPE_LIST_MODEL, READ_FLAGS);
  properties[PROP_CHECKLIST] =
    g_param_spec_boxed ("checklist", NULL, NULL, G_TYPE_STRV, READ_FLAGS);
  properties[PROP_SUPPORT_PHONE] = g_param_spec_string ("support-phone", NULL, NULL, NULL, READ_FLAGS);
  properties[PROP_SUPPORT_HOURS] = g_param_spec_string ("support-hours", NULL, NULL, NULL, READ_FLAGS);
  properties[PROP_SUPPORT_NOTE] = g_param_spec_string ("support-note", NULL, NULL, NULL, READ_FLAGS);
  properties[PROP_COUNTDOWN_TARGET] =
    g_param_spec_boxed ("countdown-target", NULL, NULL, G_TYPE_DATE_TIME, READ_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_moment_init (AnshinMoment *self)
{
  self->choices = g_list_store_new (ANSHIN_TYPE_MOMENT_CHOICE);
  self->checklist = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->checklist, NULL);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

AnshinMoment *
_anshin_moment_new (AnshinMomentKind  kind,
                    AnshinMomentTone  tone,
                    const char       *title,
                    const char       *body)
{
  AnshinMoment *self = g_object_new (ANSHIN_TYPE_MOMENT, NULL);

  self->kind = kind;
  self->tone = tone;
  self->title = g_strdup (title);
  self->body = g_strdup (body);

  return self;
}

void
_anshin_moment_set_action (AnshinMoment *self,
                           const char   *action_name,
                           const char   *action_label)
{
  set_string (&self->action_name, action_name);
  set_string (&self->action_label, action_label);
}

void
_anshin_moment_add_choice (AnshinMoment *self,
                           const char   *title,
                           const char   *subtitle,
                           const char   *action_name,
                           const char   *action_label)
{
  g_autoptr(AnshinMomentChoice) choice = anshin_moment_choice_new (title, subtitle,
                                                                   action_name, action_label);

  g_list_store_append (self->choices, choice);
}

void
_anshin_moment_add_check (AnshinMoment *self,
                          const char   *line)
{
  g_ptr_array_insert (self->checklist, self->checklist->len - 1, g_strdup (line));
}

void
_anshin_moment_set_support (AnshinMoment *self,
                            const char   *phone,
                            const char   *hours,
                            const char   *note)
{
  set_string (&self->support_phone, phone);
  set_string (&self->support_hours, hours);
  set_string (&self->support_note, note);
}

void
_anshin_moment_set_countdown (AnshinMoment *self,
                              GDateTime    *target)
{
  g_clear_pointer (&self->countdown_target, g_date_time_unref);
  self->countdown_target = target != NULL ? g_date_time_ref (target) : NULL;
}

AnshinMomentKind
anshin_moment_get_kind (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), 0);
  return self->kind;
}

AnshinMomentTone
anshin_moment_get_tone (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), 0);
  return self->tone;
}

const char *
anshin_moment_get_title (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  return self->title;
}

/**
 * anshin_moment_get_body:
 *
 * Returns: one or two sentences: what is going on and what to do
 */
const char *
anshin_moment_get_body (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  return self->body;
}

/**
 * anshin_moment_get_action_name:
 *
 * Returns: (nullable): the suggested detailed window action, e.g.
 *   "win.freeze-card" or "win.show-page::payment-methods"
 */
const char *
anshin_moment_get_action_name (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  return self->action_name;
}

/**
 * anshin_moment_get_action_label:
 *
 * Returns: (nullable): the label of the suggested action's button
 */
const char *
anshin_moment_get_action_label (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  return self->action_label;
}

/**
 * anshin_moment_get_choices:
 *
 * Returns: (transfer none): the #AnshinMomentChoice rows, often none
 */
GListModel *
anshin_moment_get_choices (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  return G_LIST_MODEL (self->choices);
}

/**
 * anshin_moment_get_checklist:
 *
 * Returns: (transfer none) (array zero-terminated=1): what is left for the
 *   holder to do, one line each; empty when nothing
 */
const char * const *
anshin_moment_get_checklist (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);

  return (const char * const *) self->checklist->pdata;
}

/**
 * anshin_moment_get_support_phone:
 *
 * Returns: (nullable): the issuer's support phone number, from the
 *   issuer's own service (`GET /v1/issuer`), for a Copy button
 */
const char *
anshin_moment_get_support_phone (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  return self->support_phone;
}

/**
 * anshin_moment_get_support_hours:
 *
 * Returns: (nullable): the support desk's hours in the UI language
 */
const char *
anshin_moment_get_support_hours (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  return self->support_hours;
}

/**
 * anshin_moment_get_support_note:
 *
 * Returns: (nullable): one sentence saying where the contact comes from
 *   (the issuer's own service, not the notice)
 */
const char *
anshin_moment_get_support_note (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  return self->support_note;
}

/**
 * anshin_moment_get_countdown_target:
 *
 * Returns: (nullable) (transfer none): when what the moment waits for
 *   happens (registration opens again, the new number is ready)
 */
GDateTime *
anshin_moment_get_countdown_target (AnshinMoment *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  return self->countdown_target;
}

/**
 * anshin_moment_dup_countdown_text:
 * @self: a moment
 * @now: the issuer's clock
 *
 * Returns: (transfer full) (nullable): the countdown as a sentence, e.g.
 *   "Opens again in 23 hours.", or %NULL without a countdown
 */
char *
anshin_moment_dup_countdown_text (AnshinMoment *self,
                                  GDateTime    *now)
{
  g_autofree char *left = NULL;

  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (self->countdown_target == NULL)
    return NULL;

  left = anshin_format_duration (MAX (g_date_time_difference (self->countdown_target, now), 0));

  switch (self->kind)
    {
    case ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED:
      /* TRANSLATORS: %s is a duration, e.g. "23 hours 59 minutes" */
      return g_strdup_printf (_("Opens again in %s."), left);
    case ANSHIN_MOMENT_KIND_REISSUE_IN_PROGRESS:
      /* TRANSLATORS: %s is a duration, e.g. "2 hours 40 minutes"; the new
       * card number */
      return g_strdup_printf (_("Ready in %s."), left);
    case ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED:
    case ANSHIN_MOMENT_KIND_UNEXPECTED_ACTIVATION:
    case ANSHIN_MOMENT_KIND_METHOD_NOT_WORKING:
    case ANSHIN_MOMENT_KIND_REISSUE_DONE:
    default:
      return NULL;
    }
}

/**
 * anshin_moment_dup_texts:
 * @self: a moment
 * @now: the issuer's clock (for the countdown)
 *
 * Everything the moment's callout states, as it shows it: the title, the
 * body, each choice's title and subtitle, the checklist, the support
 * desk's hours and note, and the countdown. Other parts of the same page
 * use it not to say any of it again.
 *
 * Returns: (transfer full): a %NULL-terminated array of texts
 */
char **
anshin_moment_dup_texts (AnshinMoment *self,
                         GDateTime    *now)
{
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  g_autofree char *countdown = NULL;

  g_return_val_if_fail (ANSHIN_IS_MOMENT (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (self->title != NULL)
    g_strv_builder_add (texts, self->title);
  if (self->body != NULL)
    g_strv_builder_add (texts, self->body);

  for (guint i = 0; self->choices != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->choices)); i++)
    {
      g_autoptr(AnshinMomentChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      g_strv_builder_add (texts, anshin_moment_choice_get_title (choice));
      if (anshin_moment_choice_get_subtitle (choice) != NULL)
        g_strv_builder_add (texts, anshin_moment_choice_get_subtitle (choice));
    }

  if (self->checklist != NULL)
    g_strv_builder_addv (texts, (const char **) self->checklist->pdata);
  if (self->support_hours != NULL)
    g_strv_builder_add (texts, self->support_hours);
  if (self->support_note != NULL)
    g_strv_builder_add (texts, self->support_note);

  countdown = anshin_moment_dup_countdown_text (self, now);
  if (countdown != NULL)
    g_strv_builder_add (texts, countdown);

  return g_strv_builder_end (texts);
}
