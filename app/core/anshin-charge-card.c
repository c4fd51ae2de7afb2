/* anshin-charge-card.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A credit card registered to top up the balance (`GET /v1/charge-cards`).
 * The app only ever knows its last 4 digits.
 */

#include "config.h"

#include "anshin-charge-card.h"
#include "anshin-core-enum-types.h"
#include "anshin-model-private.h"

struct _AnshinChargeCard
{
  GObject parent_instance;

  char *id;
  AnshinCardBrand brand;
  char *last4;
  guint exp_month;
  guint exp_year;
  char *holder_name;
  GDateTime *registered_at;
};

G_DEFINE_FINAL_TYPE (AnshinChargeCard, anshin_charge_card, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BRAND,
  PROP_LAST4,
  PROP_EXP_MONTH,
  PROP_EXP_YEAR,
  PROP_HOLDER_NAME,
  PROP_REGISTERED_AT,
  N_PROPS
};

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static GParamSpec *properties[N_PROPS];

static const gsize field_offsets[N_PROPS] = {
  [PROP_ID] = G_STRUCT_OFFSET (AnshinChargeCard, id),
  [PROP_BRAND] = G_STRUCT_OFFSET (AnshinChargeCard, brand),
  [PROP_LAST4] = G_STRUCT_OFFSET (AnshinChargeCard, last4),
  [PROP_EXP_MONTH] = G_STRUCT_OFFSET (AnshinChargeCard, exp_month),
  [PROP_EXP_YEAR] = G_STRUCT_OFFSET (AnshinChargeCard, exp_year),
  [PROP_HOLDER_NAME] = G_STRUCT_OFFSET (AnshinChargeCard, holder_name),
  [PROP_REGISTERED_AT] = G_STRUCT_OFFSET (AnshinChargeCard, registered_at),
};

static void
anshin_charge_card_finalize (GObject *object)
{
  AnshinChargeCard *self = (AnshinChargeCard *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->last4, g_free);
  g_clear_pointer (&self->holder_name, g_free);
  g_clear_pointer (&self->registered_at, g_date_time_unref);

  G_OBJECT_CLASS (anshin_charge_card_parent_class)->finalize (object);
}

static void
anshin_charge_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  anshin_model_get_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_charge_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  anshin_model_set_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_charge_card_class_init (AnshinChargeCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_charge_card_finalize;
  object_class->get_property = anshin_charge_card_get_property;
  object_class->set_property = anshin_charge_card_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_BRAND] =
    g_param_spec_enum ("brand", NULL, NULL,
                       ANSHIN_TYPE_CARD_BRAND, ANSHIN_CARD_BRAND_UNKNOWN, PARAM_FLAGS);
  properties[PROP_LAST4] =
    g_param_spec_string ("last4", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_EXP_MONTH] =
    g_param_spec_uint ("exp-month", NULL, NULL, 0, 12, 0, PARAM_FLAGS);
  properties[PROP_EXP_YEAR] =
    g_param_spec_uint ("exp-year", NULL, NULL, 0, G_MAXUINT, 0, PARAM_FLAGS);
  properties[PROP_HOLDER_NAME] =
    g_param_spec_string ("holder-name", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_REGISTERED_AT] =
    g_param_spec_boxed ("registered-at", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_charge_card_init (AnshinChargeCard *self)
{
}

AnshinChargeCard *
anshin_charge_card_new (void)
{
  return g_object_new (ANSHIN_TYPE_CHARGE_CARD, NULL);
}

/**
 * anshin_charge_card_update_from:
 * @self: the charge card views are bound to
 * @other: a freshly fetched copy
 *
 * Copies every property of @other into @self, notifying only the
 * properties whose value changed, once each, after all are copied.
 */
void
anshin_charge_card_update_from (AnshinChargeCard *self,
                                AnshinChargeCard *other)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD (self));
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD (other));

  anshin_model_update_from (G_OBJECT (self), G_OBJECT (other));
}

const char *
anshin_charge_card_get_id (AnshinChargeCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (self), NULL);

  return self->id;
}

void
anshin_charge_card_set_id (AnshinChargeCard *self,
                           const char       *id)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD (self));

  anshin_model_set_string (self, &self->id, id, properties[PROP_ID]);
}

AnshinCardBrand
anshin_charge_card_get_brand (AnshinChargeCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (self), ANSHIN_CARD_BRAND_UNKNOWN);

  return self->brand;
}

void
anshin_charge_card_set_brand (AnshinChargeCard *self,
                              AnshinCardBrand   brand)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD (self));

  anshin_model_set_enum (self, (int *) &self->brand, brand, properties[PROP_BRAND]);
}

const char *
anshin_charge_card_get_last4 (AnshinChargeCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (self), NULL);

  return self->last4;
}

void
anshin_charge_card_set_last4 (AnshinChargeCard *self,
                              const char       *last4)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD (self));

  anshin_model_set_string (self, &self->last4, last4, properties[PROP_LAST4]);
}

guint
anshin_charge_card_get_exp_month (AnshinChargeCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (self), 0);

  return self->exp_month;
}

void
anshin_charge_card_set_exp_month (AnshinChargeCard *self,
                                  guint             exp_month)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD (self));
  g_return_if_fail (exp_month <= 12);

  anshin_model_set_uint (self, &self->exp_month, exp_month, properties[PROP_EXP_MONTH]);
}

guint
anshin_charge_card_get_exp_year (AnshinChargeCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (self), 0);

  return self->exp_year;
}

void
anshin_charge_card_set_exp_year (AnshinChargeCard *self,
                                 guint             exp_year)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD (self));

  anshin_model_set_uint (self, &self->exp_year, exp_year, properties[PROP_EXP_YEAR]);
}

const char *
anshin_charge_card_get_holder_name (AnshinChargeCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (self), NULL);

  return self->holder_name;
}

void
anshin_charge_card_set_holder_name (AnshinChargeCard *self,
                                    const char       *holder_name)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD (self));

  anshin_model_set_string (self, &self->holder_name, holder_name, properties[PROP_HOLDER_NAME]);
}

GDateTime *
anshin_charge_card_get_registered_at (AnshinChargeCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (self), NULL);

  return self->registered_at;
}

void
anshin_charge_card_set_registered_at (AnshinChargeCard *self,
                                      GDateTime        *registered_at)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD (self));

  anshin_model_set_date_time (self, &self->registered_at, registered_at,
                              properties[PROP_REGISTERED_AT]);
}
