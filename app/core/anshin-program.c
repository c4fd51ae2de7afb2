/* anshin-program.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A programme of the issuer (`GET /v1/programs`), e.g. a shopping
 * programme, and the payment methods whose payments count for it
 * (requires-methods: API names such as "quicpay"). since is a date, 00:00
 * in +09:00. A counted payment earns floor (amount / earn-yen) * earn-points
 * (0 when earn-yen is 0: the issuer did not say).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-format.h"
#include "anshin-program.h"
#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"
#include "anshin-model-private.h"

struct _AnshinProgram
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char **requires_methods;
  GDateTime *since;
  gint64 earn_yen;
  gint64 earn_points;
  gint64 points_balance;
  char *name_ja;
};

G_DEFINE_FINAL_TYPE (AnshinProgram, anshin_program, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_REQUIRES_METHODS,
  PROP_SINCE,
  PROP_EARN_YEN,
  PROP_EARN_POINTS,
  PROP_POINTS_BALANCE,
  PROP_NAME_JA,
  N_PROPS
};

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static GParamSpec *properties[N_PROPS];

static const gsize field_offsets[N_PROPS] = {
  [PROP_ID] = G_STRUCT_OFFSET (AnshinProgram, id),
  [PROP_NAME] = G_STRUCT_OFFSET (AnshinProgram, name),
  [PROP_DESCRIPTION] = G_STRUCT_OFFSET (AnshinProgram, description),
  [PROP_REQUIRES_METHODS] = G_STRUCT_OFFSET (AnshinProgram, requires_methods),
  [PROP_SINCE] = G_STRUCT_OFFSET (AnshinProgram, since),
  [PROP_EARN_YEN] = G_STRUCT_OFFSET (AnshinProgram, earn_yen),
  [PROP_EARN_POINTS] = G_STRUCT_OFFSET (AnshinProgram, earn_points),
  [PROP_POINTS_BALANCE] = G_STRUCT_OFFSET (AnshinProgram, points_balance),
  [PROP_NAME_JA] = G_STRUCT_OFFSET (AnshinProgram, name_ja),
};

static void
anshin_program_finalize (GObject *object)
{
  AnshinProgram *self = (AnshinProgram *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->requires_methods, g_strfreev);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->name_ja, g_free);

  G_OBJECT_CLASS (anshin_program_parent_class)->finalize (object);
}

static void
anshin_program_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  anshin_model_get_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_program_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  anshin_model_set_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_program_class_init (AnshinProgramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_program_finalize;
  object_class->get_property = anshin_program_get_property;
  object_class->set_property = anshin_program_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_REQUIRES_METHODS] =
    g_param_spec_boxed ("requires-methods", NULL, NULL, G_TYPE_STRV, PARAM_FLAGS);
  properties[PROP_SINCE] =
    g_param_spec_boxed ("since", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_EARN_YEN] =
    g_param_spec_int64 ("earn-yen", NULL, NULL, G_MININT64, G_MAXINT64, 0, PARAM_FLAGS);
  properties[PROP_EARN_POINTS] =
    g_param_spec_int64 ("earn-points", NULL, NULL, G_MININT64, G_MAXINT64, 0, PARAM_FLAGS);
  properties[PROP_POINTS_BALANCE] =
    g_param_spec_int64 ("points-balance", NULL, NULL, G_MININT64, G_MAXINT64, 0, PARAM_FLAGS);
  properties[PROP_NAME_JA] =
    g_param_spec_string ("name-ja", NULL, NULL, NULL, PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_program_init (AnshinProgram *self)
{
}

AnshinProgram *
anshin_program_new (void)
{
  return g_object_new (ANSHIN_TYPE_PROGRAM, NULL);
}

/**
 * anshin_program_update_from:
 * @self: the programme views are bound to
 * @other: a freshly fetched copy
 *
 * Copies every property of @other into @self, notifying only the
 * properties whose value changed, once each, after all are copied.
 */
void
anshin_program_update_from (AnshinProgram *self,
                            AnshinProgram *other)
{
  g_return_if_fail (ANSHIN_IS_PROGRAM (self));
  g_return_if_fail (ANSHIN_IS_PROGRAM (other));

  anshin_model_update_from (G_OBJECT (self), G_OBJECT (other));
}

const char *
anshin_program_get_id (AnshinProgram *self)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), NULL);

  return self->id;
}

void
anshin_program_set_id (AnshinProgram *self,
                       const char    *id)
{
  g_return_if_fail (ANSHIN_IS_PROGRAM (self));

  anshin_model_set_string (self, &self->id, id, properties[PROP_ID]);
}

const char *
anshin_program_get_name (AnshinProgram *self)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), NULL);

  return self->name;
}

void
anshin_program_set_name (AnshinProgram *self,
                         const char    *name)
{
  g_return_if_fail (ANSHIN_IS_PROGRAM (self));

  anshin_model_set_string (self, &self->name, name, properties[PROP_NAME]);
}

const char *
anshin_program_get_description (AnshinProgram *self)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), NULL);

  return self->description;
}

void
anshin_program_set_description (AnshinProgram *self,
                                const char    *description)
{
  g_return_if_fail (ANSHIN_IS_PROGRAM (self));

  anshin_model_set_string (self, &self->description, description, properties[PROP_DESCRIPTION]);
}

/**
 * anshin_program_get_requires_methods:
 * @self: a programme
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the API
 *   names of the payment methods whose payments count for the programme
 */
const char * const *
anshin_program_get_requires_methods (AnshinProgram *self)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), NULL);

  return (const char * const *) self->requires_methods;
}

void
anshin_program_set_requires_methods (AnshinProgram      *self,
                                     const char * const *requires_methods)
{
  g_return_if_fail (ANSHIN_IS_PROGRAM (self));

  anshin_model_set_strv (self, &self->requires_methods, requires_methods,
                         properties[PROP_REQUIRES_METHODS]);
}

GDateTime *
anshin_program_get_since (AnshinProgram *self)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), NULL);

  return self->since;
}

void
anshin_program_set_since (AnshinProgram *self,
                          GDateTime     *since)
{
  g_return_if_fail (ANSHIN_IS_PROGRAM (self));

  anshin_model_set_date_time (self, &self->since, since, properties[PROP_SINCE]);
}

/**
 * anshin_program_requires_method:
 * @self: a programme
 * @kind: a payment method
 *
 * Returns: %TRUE if payments made with @kind count for the programme
 */
gboolean
anshin_program_requires_method (AnshinProgram           *self,
                                AnshinPaymentMethodKind  kind)
{
  const char *api_name;

  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), FALSE);

  api_name = anshin_enum_to_api (ANSHIN_TYPE_PAYMENT_METHOD_KIND, kind);
  if (api_name == NULL || self->requires_methods == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) self->requires_methods, api_name);
}

gint64
anshin_program_get_earn_yen (AnshinProgram *self)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), 0);

  return self->earn_yen;
}

void
anshin_program_set_earn_yen (AnshinProgram *self,
                             gint64         earn_yen)
{
  g_return_if_fail (ANSHIN_IS_PROGRAM (self));

  anshin_model_set_int64 (self, &self->earn_yen, MAX (earn_yen, 0), properties[PROP_EARN_YEN]);
}

gint64
anshin_program_get_earn_points (AnshinProgram *self)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), 0);

  return self->earn_points;
}

void
anshin_program_set_earn_points (AnshinProgram *self,
                                gint64         earn_points)
{
  g_return_if_fail (ANSHIN_IS_PROGRAM (self));

  anshin_model_set_int64 (self, &self->earn_points, MAX (earn_points, 0), properties[PROP_EARN_POINTS]);
}

gint64
anshin_program_get_points_balance (AnshinProgram *self)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), 0);

  return self->points_balance;
}

void
anshin_program_set_points_balance (AnshinProgram *self,
                                   gint64         points_balance)
{
  g_return_if_fail (ANSHIN_IS_PROGRAM (self));

  anshin_model_set_int64 (self, &self->points_balance, points_balance, properties[PROP_POINTS_BALANCE]);
}

const char *
anshin_program_get_name_ja (AnshinProgram *self)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), NULL);

  return self->name_ja;
}

void
anshin_program_set_name_ja (AnshinProgram *self,
                            const char    *name_ja)
{
  g_return_if_fail (ANSHIN_IS_PROGRAM (self));

  anshin_model_set_string (self, &self->name_ja, name_ja, properties[PROP_NAME_JA]);
}

/**
 * anshin_program_get_display_name:
 * @self: a programme
 *
 * The programme's name as the holder reads it: in the Japanese
 * translation, the issuer's own Japanese name (`name_ja`) when it gave
 * one; otherwise `name`. Like the money and date formats, the choice
 * follows the translation in use, not LC_* alone.
 *
 * Returns: (transfer none) (nullable): the name to show
 */
const char *
anshin_program_get_display_name (AnshinProgram *self)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), NULL);

  if (self->name_ja != NULL && self->name_ja[0] != '\0' && anshin_format_is_japanese ())
    return self->name_ja;

  return self->name != NULL ? self->name : self->name_ja;
}

/**
 * anshin_program_points_for:
 * @self: a programme
 * @amount: a payment in yen
 *
 * Returns: the points a counted payment of @amount earns:
 *   floor (@amount / earn-yen) * earn-points, 0 if earn-yen is unknown
 */
gint64
anshin_program_points_for (AnshinProgram *self,
                           gint64         amount)
{
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (self), 0);

  if (self->earn_yen <= 0 || amount <= 0)
    return 0;

  /* earn_points is at most G_MAXINT64 and amount / earn_yen too: saturate */
  if (self->earn_points != 0 && amount / self->earn_yen > G_MAXINT64 / self->earn_points)
    return G_MAXINT64;

  return (amount / self->earn_yen) * self->earn_points;
}
