/* anshin-card.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The holder's prepaid card, as `GET /v1/card` describes it, with its
 * renewal, physical card and reissue parts flattened into properties. A
 * part the issuer sends as null is NONE in its status property, and its
 * times are NULL. Dates (renewal-date, physical-eta) are 00:00 in +09:00.
 */

#include "config.h"

#include "anshin-card.h"
#include "anshin-core-enum-types.h"
#include "anshin-model-private.h"

struct _AnshinCard
{
  GObject parent_instance;

  char *id;
  char *product_name;
  AnshinCardBrand brand;
  AnshinCardForm form;
  AnshinCardState state;
  char *number_last4;
  guint exp_month;
  guint exp_year;
  gint64 balance;
  AnshinRenewalStatus renewal_status;
  GDateTime *renewal_date;
  GDateTime *renewal_announced_at;
  GDateTime *renewal_completed_at;
  gboolean renewal_number_changes;
  guint renewal_new_exp_month;
  guint renewal_new_exp_year;
  AnshinPhysicalCardStatus physical_status;
  GDateTime *physical_eta;
  GDateTime *physical_shipped_at;
  GDateTime *physical_delivered_at;
  AnshinReissueStatus reissue_status;
  char *reissue_id;
  gboolean reissue_new_number;
  GDateTime *reissue_requested_at;
  GDateTime *reissue_ready_eta;
  GDateTime *reissue_completed_at;
};

G_DEFINE_FINAL_TYPE (AnshinCard, anshin_card, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PRODUCT_NAME,
  PROP_BRAND,
  PROP_FORM,
  PROP_STATE,
  PROP_NUMBER_LAST4,
  PROP_EXP_MONTH,
  PROP_EXP_YEAR,
  PROP_BALANCE,
  PROP_RENEWAL_STATUS,
  PROP_RENEWAL_DATE,
  PROP_RENEWAL_ANNOUNCED_AT,
  PROP_RENEWAL_COMPLETED_AT,
  PROP_RENEWAL_NUMBER_CHANGES,
  PROP_RENEWAL_NEW_EXP_MONTH,
  PROP_RENEWAL_NEW_EXP_YEAR,
  PROP_PHYSICAL_STATUS,
  PROP_PHYSICAL_ETA,
  PROP_PHYSICAL_SHIPPED_AT,
  PROP_PHYSICAL_DELIVERED_AT,
  PROP_REISSUE_STATUS,
  PROP_REISSUE_ID,
  PROP_REISSUE_NEW_NUMBER,
  PROP_REISSUE_REQUESTED_AT,
  PROP_REISSUE_READY_ETA,
  PROP_REISSUE_COMPLETED_AT,
  N_PROPS
};

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static GParamSpec *properties[N_PROPS];

static const gsize field_offsets[N_PROPS] = {
  [PROP_ID] = G_STRUCT_OFFSET (AnshinCard, id),
  [PROP_PRODUCT_NAME] = G_STRUCT_OFFSET (AnshinCard, product_name),
  [PROP_BRAND] = G_STRUCT_OFFSET (AnshinCard, brand),
  [PROP_FORM] = G_STRUCT_OFFSET (AnshinCard, form),
  [PROP_STATE] = G_STRUCT_OFFSET (AnshinCard, state),
  [PROP_NUMBER_LAST4] = G_STRUCT_OFFSET (AnshinCard, number_last4),
  [PROP_EXP_MONTH] = G_STRUCT_OFFSET (AnshinCard, exp_month),
  [PROP_EXP_YEAR] = G_STRUCT_OFFSET (AnshinCard, exp_year),
  [PROP_BALANCE] = G_STRUCT_OFFSET (AnshinCard, balance),
  [PROP_RENEWAL_STATUS] = G_STRUCT_OFFSET (AnshinCard, renewal_status),
  [PROP_RENEWAL_DATE] = G_STRUCT_OFFSET (AnshinCard, renewal_date),
  [PROP_RENEWAL_ANNOUNCED_AT] = G_STRUCT_OFFSET (AnshinCard, renewal_announced_at),
  [PROP_RENEWAL_COMPLETED_AT] = G_STRUCT_OFFSET (AnshinCard, renewal_completed_at),
  [PROP_RENEWAL_NUMBER_CHANGES] = G_STRUCT_OFFSET (AnshinCard, renewal_number_changes),
  [PROP_RENEWAL_NEW_EXP_MONTH] = G_STRUCT_OFFSET (AnshinCard, renewal_new_exp_month),
  [PROP_RENEWAL_NEW_EXP_YEAR] = G_STRUCT_OFFSET (AnshinCard, renewal_new_exp_year),
  [PROP_PHYSICAL_STATUS] = G_STRUCT_OFFSET (AnshinCard, physical_status),
  [PROP_PHYSICAL_ETA] = G_STRUCT_OFFSET (AnshinCard, physical_eta),
  [PROP_PHYSICAL_SHIPPED_AT] = G_STRUCT_OFFSET (AnshinCard, physical_shipped_at),
  [PROP_PHYSICAL_DELIVERED_AT] = G_STRUCT_OFFSET (AnshinCard, physical_delivered_at),
  [PROP_REISSUE_STATUS] = G_STRUCT_OFFSET (AnshinCard, reissue_status),
  [PROP_REISSUE_ID] = G_STRUCT_OFFSET (AnshinCard, reissue_id),
  [PROP_REISSUE_NEW_NUMBER] = G_STRUCT_OFFSET (AnshinCard, reissue_new_number),
  [PROP_REISSUE_REQUESTED_AT] = G_STRUCT_OFFSET (AnshinCard, reissue_requested_at),
  [PROP_REISSUE_READY_ETA] = G_STRUCT_OFFSET (AnshinCard, reissue_ready_eta),
  [PROP_REISSUE_COMPLETED_AT] = G_STRUCT_OFFSET (AnshinCard, reissue_completed_at),
};

static void
anshin_card_finalize (GObject *object)
{
  AnshinCard *self = (AnshinCard *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->product_name, g_free);
  g_clear_pointer (&self->number_last4, g_free);
  g_clear_pointer (&self->renewal_date, g_date_time_unref);
  g_clear_pointer (&self->renewal_announced_at, g_date_time_unref);
  g_clear_pointer (&self->renewal_completed_at, g_date_time_unref);
  g_clear_pointer (&self->physical_eta, g_date_time_unref);
  g_clear_pointer (&self->physical_shipped_at, g_date_time_unref);
  g_clear_pointer (&self->physical_delivered_at, g_date_time_unref);
  g_clear_pointer (&self->reissue_id, g_free);
  g_clear_pointer (&self->reissue_requested_at, g_date_time_unref);
  g_clear_pointer (&self->reissue_ready_eta, g_date_time_unref);
  g_clear_pointer (&self->reissue_completed_at, g_date_time_unref);

  G_OBJECT_CLASS (anshin_card_parent_class)->finalize (object);
}

static void
anshin_card_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  anshin_model_get_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_card_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  anshin_model_set_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_card_class_init (AnshinCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_card_finalize;
  object_class->get_property = anshin_card_get_property;
  object_class->set_property = anshin_card_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_BRAND] =
    g_param_spec_enum ("brand", NULL, NULL,
                       ANSHIN_TYPE_CARD_BRAND, ANSHIN_CARD_BRAND_UNKNOWN, PARAM_FLAGS);
  properties[PROP_FORM] =
    g_param_spec_enum ("form", NULL, NULL,
                       ANSHIN_TYPE_CARD_FORM, ANSHIN_CARD_FORM_VIRTUAL, PARAM_FLAGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       ANSHIN_TYPE_CARD_STATE, ANSHIN_CARD_STATE_ACTIVE, PARAM_FLAGS);
  properties[PROP_NUMBER_LAST4] =
    g_param_spec_string ("number-last4", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_EXP_MONTH] =
    g_param_spec_uint ("exp-month", NULL, NULL, 0, 12, 0, PARAM_FLAGS);
  properties[PROP_EXP_YEAR] =
    g_param_spec_uint ("exp-year", NULL, NULL, 0, G_MAXUINT, 0, PARAM_FLAGS);
  properties[PROP_BALANCE] =
    g_param_spec_int64 ("balance", NULL, NULL, G_MININT64, G_MAXINT64, 0, PARAM_FLAGS);
  properties[PROP_RENEWAL_STATUS] =
    g_param_spec_enum ("renewal-status", NULL, NULL,
                       ANSHIN_TYPE_RENEWAL_STATUS, ANSHIN_RENEWAL_STATUS_NONE, PARAM_FLAGS);
  properties[PROP_RENEWAL_DATE] =
    g_param_spec_boxed ("renewal-date", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_RENEWAL_ANNOUNCED_AT] =
    g_param_spec_boxed ("renewal-announced-at", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_RENEWAL_COMPLETED_AT] =
    g_param_spec_boxed ("renewal-completed-at", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_RENEWAL_NUMBER_CHANGES] =
    g_param_spec_boolean ("renewal-number-changes", NULL, NULL, FALSE, PARAM_FLAGS);
  properties[PROP_RENEWAL_NEW_EXP_MONTH] =
    g_param_spec_uint ("renewal-new-exp-month", NULL, NULL, 0, 12, 0, PARAM_FLAGS);
  properties[PROP_RENEWAL_NEW_EXP_YEAR] =
    g_param_spec_uint ("renewal-new-exp-year", NULL, NULL, 0, G_MAXUINT, 0, PARAM_FLAGS);
  properties[PROP_PHYSICAL_STATUS] =
    g_param_spec_enum ("physical-status", NULL, NULL,
                       ANSHIN_TYPE_PHYSICAL_CARD_STATUS,
                       ANSHIN_PHYSICAL_CARD_STATUS_NONE,
                       PARAM_FLAGS);
  properties[PROP_PHYSICAL_ETA] =
    g_param_spec_boxed ("physical-eta", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_PHYSICAL_SHIPPED_AT] =
    g_param_spec_boxed ("physical-shipped-at", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_PHYSICAL_DELIVERED_AT] =
    g_param_spec_boxed ("physical-delivered-at", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_REISSUE_STATUS] =
    g_param_spec_enum ("reissue-status", NULL, NULL,
                       ANSHIN_TYPE_REISSUE_STATUS, ANSHIN_REISSUE_STATUS_NONE, PARAM_FLAGS);
  properties[PROP_REISSUE_ID] =
    g_param_spec_string ("reissue-id", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_REISSUE_NEW_NUMBER] =
    g_param_spec_boolean ("reissue-new-number", NULL, NULL, FALSE, PARAM_FLAGS);
  properties[PROP_REISSUE_REQUESTED_AT] =
    g_param_spec_boxed ("reissue-requested-at", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_REISSUE_READY_ETA] =
    g_param_spec_boxed ("reissue-ready-eta", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_REISSUE_COMPLETED_AT] =
    g_param_spec_boxed ("reissue-completed-at", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_card_init (AnshinCard *self)
{
}

AnshinCard *
anshin_card_new (void)
{
  return g_object_new (ANSHIN_TYPE_CARD, NULL);
}

/**
 * anshin_card_update_from:
 * @self: the card views are bound to
 * @other: a freshly fetched copy
 *
 * Copies every property of @other into @self, notifying only the
 * properties whose value changed, once each, after all are copied.
 */
void
anshin_card_update_from (AnshinCard *self,
                         AnshinCard *other)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));
  g_return_if_fail (ANSHIN_IS_CARD (other));

  anshin_model_update_from (G_OBJECT (self), G_OBJECT (other));
}

const char *
anshin_card_get_id (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->id;
}

void
anshin_card_set_id (AnshinCard *self,
                    const char *id)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_string (self, &self->id, id, properties[PROP_ID]);
}

const char *
anshin_card_get_product_name (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->product_name;
}

void
anshin_card_set_product_name (AnshinCard *self,
                              const char *product_name)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_string (self, &self->product_name, product_name, properties[PROP_PRODUCT_NAME]);
}

AnshinCardBrand
anshin_card_get_brand (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), ANSHIN_CARD_BRAND_UNKNOWN);

  return self->brand;
}

void
anshin_card_set_brand (AnshinCard      *self,
                       AnshinCardBrand  brand)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_enum (self, (int *) &self->brand, brand, properties[PROP_BRAND]);
}

AnshinCardForm
anshin_card_get_form (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), ANSHIN_CARD_FORM_VIRTUAL);

  return self->form;
}

void
anshin_card_set_form (AnshinCard     *self,
                      AnshinCardForm  form)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_enum (self, (int *) &self->form, form, properties[PROP_FORM]);
}

AnshinCardState
anshin_card_get_state (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), ANSHIN_CARD_STATE_ACTIVE);

  return self->state;
}

void
anshin_card_set_state (AnshinCard      *self,
                       AnshinCardState  state)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_enum (self, (int *) &self->state, state, properties[PROP_STATE]);
}

const char *
anshin_card_get_number_last4 (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->number_last4;
}

void
anshin_card_set_number_last4 (AnshinCard *self,
                              const char *number_last4)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_string (self, &self->number_last4, number_last4, properties[PROP_NUMBER_LAST4]);
}

guint
anshin_card_get_exp_month (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), 0);

  return self->exp_month;
}

void
anshin_card_set_exp_month (AnshinCard *self,
                           guint       exp_month)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));
  g_return_if_fail (exp_month <= 12);

  anshin_model_set_uint (self, &self->exp_month, exp_month, properties[PROP_EXP_MONTH]);
}

guint
anshin_card_get_exp_year (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), 0);

  return self->exp_year;
}

void
anshin_card_set_exp_year (AnshinCard *self,
                          guint       exp_year)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_uint (self, &self->exp_year, exp_year, properties[PROP_EXP_YEAR]);
}

gint64
anshin_card_get_balance (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), 0);

  return self->balance;
}

void
anshin_card_set_balance (AnshinCard *self,
                         gint64      balance)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_int64 (self, &self->balance, balance, properties[PROP_BALANCE]);
}

AnshinRenewalStatus
anshin_card_get_renewal_status (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), ANSHIN_RENEWAL_STATUS_NONE);

  return self->renewal_status;
}

void
anshin_card_set_renewal_status (AnshinCard          *self,
                                AnshinRenewalStatus  renewal_status)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_enum (self, (int *) &self->renewal_status, renewal_status,
                         properties[PROP_RENEWAL_STATUS]);
}

GDateTime *
anshin_card_get_renewal_date (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->renewal_date;
}

void
anshin_card_set_renewal_date (AnshinCard *self,
                              GDateTime  *renewal_date)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_date_time (self, &self->renewal_date, renewal_date,
                              properties[PROP_RENEWAL_DATE]);
}

GDateTime *
anshin_card_get_renewal_announced_at (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->renewal_announced_at;
}

void
anshin_card_set_renewal_announced_at (AnshinCard *self,
                                      GDateTime  *renewal_announced_at)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_date_time (self, &self->renewal_announced_at, renewal_announced_at,
                              properties[PROP_RENEWAL_ANNOUNCED_AT]);
}

GDateTime *
anshin_card_get_renewal_completed_at (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->renewal_completed_at;
}

void
anshin_card_set_renewal_completed_at (AnshinCard *self,
                                      GDateTime  *renewal_completed_at)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_date_time (self, &self->renewal_completed_at, renewal_completed_at,
                              properties[PROP_RENEWAL_COMPLETED_AT]);
}

gboolean
anshin_card_get_renewal_number_changes (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), FALSE);

  return self->renewal_number_changes;
}

void
anshin_card_set_renewal_number_changes (AnshinCard *self,
                                        gboolean    renewal_number_changes)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_boolean (self, &self->renewal_number_changes, renewal_number_changes,
                            properties[PROP_RENEWAL_NUMBER_CHANGES]);
}

guint
anshin_card_get_renewal_new_exp_month (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), 0);

  return self->renewal_new_exp_month;
}

void
anshin_card_set_renewal_new_exp_month (AnshinCard *self,
                                       guint       renewal_new_exp_month)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));
  g_return_if_fail (renewal_new_exp_month <= 12);

  anshin_model_set_uint (self, &self->renewal_new_exp_month, renewal_new_exp_month,
                         properties[PROP_RENEWAL_NEW_EXP_MONTH]);
}

guint
anshin_card_get_renewal_new_exp_year (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), 0);

  return self->renewal_new_exp_year;
}

void
anshin_card_set_renewal_new_exp_year (AnshinCard *self,
                                      guint       renewal_new_exp_year)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_uint (self, &self->renewal_new_exp_year, renewal_new_exp_year,
                         properties[PROP_RENEWAL_NEW_EXP_YEAR]);
}

AnshinPhysicalCardStatus
anshin_card_get_physical_status (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), ANSHIN_PHYSICAL_CARD_STATUS_NONE);

  return self->physical_status;
}

void
anshin_card_set_physical_status (AnshinCard               *self,
                                 AnshinPhysicalCardStatus  physical_status)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_enum (self, (int *) &self->physical_status, physical_status,
                         properties[PROP_PHYSICAL_STATUS]);
}

GDateTime *
anshin_card_get_physical_eta (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->physical_eta;
}

void
anshin_card_set_physical_eta (AnshinCard *self,
                              GDateTime  *physical_eta)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_date_time (self, &self->physical_eta, physical_eta,
                              properties[PROP_PHYSICAL_ETA]);
}

GDateTime *
anshin_card_get_physical_shipped_at (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->physical_shipped_at;
}

void
anshin_card_set_physical_shipped_at (AnshinCard *self,
                                     GDateTime  *physical_shipped_at)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_date_time (self, &self->physical_shipped_at, physical_shipped_at,
                              properties[PROP_PHYSICAL_SHIPPED_AT]);
}

GDateTime *
anshin_card_get_physical_delivered_at (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->physical_delivered_at;
}

void
anshin_card_set_physical_delivered_at (AnshinCard *self,
                                       GDateTime  *physical_delivered_at)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_date_time (self, &self->physical_delivered_at, physical_delivered_at,
                              properties[PROP_PHYSICAL_DELIVERED_AT]);
}

AnshinReissueStatus
anshin_card_get_reissue_status (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), ANSHIN_REISSUE_STATUS_NONE);

  return self->reissue_status;
}

void
anshin_card_set_reissue_status (AnshinCard          *self,
                                AnshinReissueStatus  reissue_status)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_enum (self, (int *) &self->reissue_status, reissue_status,
                         properties[PROP_REISSUE_STATUS]);
}

const char *
anshin_card_get_reissue_id (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->reissue_id;
}

void
anshin_card_set_reissue_id (AnshinCard *self,
                            const char *reissue_id)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_string (self, &self->reissue_id, reissue_id, properties[PROP_REISSUE_ID]);
}

gboolean
anshin_card_get_reissue_new_number (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), FALSE);

  return self->reissue_new_number;
}

void
anshin_card_set_reissue_new_number (AnshinCard *self,
                                    gboolean    reissue_new_number)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_boolean (self, &self->reissue_new_number, reissue_new_number,
                            properties[PROP_REISSUE_NEW_NUMBER]);
}

GDateTime *
anshin_card_get_reissue_requested_at (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->reissue_requested_at;
}

void
anshin_card_set_reissue_requested_at (AnshinCard *self,
                                      GDateTime  *reissue_requested_at)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_date_time (self, &self->reissue_requested_at, reissue_requested_at,
                              properties[PROP_REISSUE_REQUESTED_AT]);
}

GDateTime *
anshin_card_get_reissue_ready_eta (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->reissue_ready_eta;
}

void
anshin_card_set_reissue_ready_eta (AnshinCard *self,
                                   GDateTime  *reissue_ready_eta)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_date_time (self, &self->reissue_ready_eta, reissue_ready_eta,
                              properties[PROP_REISSUE_READY_ETA]);
}

GDateTime *
anshin_card_get_reissue_completed_at (AnshinCard *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD (self), NULL);

  return self->reissue_completed_at;
}

void
anshin_card_set_reissue_completed_at (AnshinCard *self,
                                      GDateTime  *reissue_completed_at)
{
  g_return_if_fail (ANSHIN_IS_CARD (self));

  anshin_model_set_date_time (self, &self->reissue_completed_at, reissue_completed_at,
                              properties[PROP_REISSUE_COMPLETED_AT]);
}
