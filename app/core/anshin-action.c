/* anshin-action.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Something the holder can do about an explanation (wait, reissue with a
 * new number, freeze the card, ...), which the GUI turns into a button
 * that does it. Immutable: every property is set once, at construction.
 */

#include "config.h"

#include "anshin-action.h"
#include "anshin-core-enum-types.h"
#include "anshin-labels.h"

struct _AnshinAction
{
  GObject parent_instance;

  AnshinActionKind kind;
  AnshinPaymentMethodKind method;
  GDateTime *when;
  char *label;
  char *description;
};

G_DEFINE_FINAL_TYPE (AnshinAction, anshin_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_METHOD,
  PROP_WHEN,
  PROP_LABEL,
  PROP_DESCRIPTION,
  N_PROPS
};

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | \
                     G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static GParamSpec *properties[N_PROPS];

static void
anshin_action_constructed (GObject *object)
{
  AnshinAction *self = (AnshinAction *)object;

  G_OBJECT_CLASS (anshin_action_parent_class)->constructed (object);

  if (self->label == NULL)
    self->label = g_strdup (anshin_action_kind_get_label (self->kind));
}

static void
anshin_action_finalize (GObject *object)
{
  AnshinAction *self = (AnshinAction *)object;

  g_clear_pointer (&self->when, g_date_time_unref);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (anshin_action_parent_class)->finalize (object);
}

static void
anshin_action_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AnshinAction *self = ANSHIN_ACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_METHOD:
      g_value_set_enum (value, self->method);
      break;
    case PROP_WHEN:
      g_value_set_boxed (value, self->when);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_action_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AnshinAction *self = ANSHIN_ACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_METHOD:
      self->method = g_value_get_enum (value);
      break;
    case PROP_WHEN:
      self->when = g_value_dup_boxed (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_action_class_init (AnshinActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = anshin_action_constructed;
  object_class->finalize = anshin_action_finalize;
  object_class->get_property = anshin_action_get_property;
  object_class->set_property = anshin_action_set_property;

  /**
   * AnshinAction:kind:
   *
   * What the action does.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       ANSHIN_TYPE_ACTION_KIND,
                       ANSHIN_ACTION_KIND_WAIT,
                       PARAM_FLAGS);

  /**
   * AnshinAction:method:
   *
   * The payment method the action is about: the method an explanation of
   * a payment method was made for, or the wallet of a
   * %ANSHIN_ACTION_KIND_READD_TO_WALLET. Meaningless for actions about
   * the card as a whole (freeze, contact the issuer).
   */
  properties[PROP_METHOD] =
    g_param_spec_enum ("method", NULL, NULL,
                       ANSHIN_TYPE_PAYMENT_METHOD_KIND,
                       ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE,
                       PARAM_FLAGS);

  /**
   * AnshinAction:when:
   *
   * For %ANSHIN_ACTION_KIND_WAIT, when the wait should be over; for
   * %ANSHIN_ACTION_KIND_TRY_AGAIN_AT, when trying again makes sense; for
   * %ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER, when the new number would be
   * ready. %NULL when nobody knows.
   */
  properties[PROP_WHEN] =
    g_param_spec_boxed ("when", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        PARAM_FLAGS);

  /**
   * AnshinAction:label:
   *
   * The button label, e.g. "Try Again at 10:00".
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         PARAM_FLAGS);

  /**
   * AnshinAction:description:
   *
   * One sentence on what the action does and what follows from it, for
   * a subtitle or tooltip.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_action_init (AnshinAction *self)
{
}

/**
 * anshin_action_new:
 * @kind: what the action does
 * @method: the payment method it is about (see #AnshinAction:method)
 * @when: (nullable): see #AnshinAction:when
 * @label: (nullable): the button label, or %NULL for @kind's usual label
 * @description: (nullable): what the action does, in one sentence
 *
 * Returns: (transfer full): a new action
 */
AnshinAction *
anshin_action_new (AnshinActionKind         kind,
                   AnshinPaymentMethodKind  method,
                   GDateTime               *when,
                   const char              *label,
                   const char              *description)
{
  return g_object_new (ANSHIN_TYPE_ACTION,
                       "kind", kind,
                       "method", method,
                       "when", when,
                       "label", label,
                       "description", description,
                       NULL);
}

AnshinActionKind
anshin_action_get_kind (AnshinAction *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTION (self), ANSHIN_ACTION_KIND_WAIT);

  return self->kind;
}

const char *
anshin_action_get_label (AnshinAction *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTION (self), NULL);

  return self->label;
}

const char *
anshin_action_get_description (AnshinAction *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTION (self), NULL);

  return self->description;
}

/**
 * anshin_action_get_when:
 * @self: an action
 *
 * Returns: (transfer none) (nullable): see #AnshinAction:when
 */
GDateTime *
anshin_action_get_when (AnshinAction *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTION (self), NULL);

  return self->when;
}

AnshinPaymentMethodKind
anshin_action_get_method (AnshinAction *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTION (self), ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE);

  return self->method;
}
