/* anshin-charge-card.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Getters return (transfer none) values; string, GDateTime and array getters
 * may return NULL. Setters copy strings and arrays and keep a reference to a
 * GDateTime; they notify only when the value changes.
 */

#pragma once

#include <glib-object.h>

#include "anshin-core-enums.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_CHARGE_CARD (anshin_charge_card_get_type ())

G_DECLARE_FINAL_TYPE (AnshinChargeCard, anshin_charge_card, ANSHIN, CHARGE_CARD, GObject)

AnshinChargeCard *anshin_charge_card_new (void);
void anshin_charge_card_update_from (AnshinChargeCard *self,
                                     AnshinChargeCard *other);

const char *anshin_charge_card_get_id (AnshinChargeCard *self);
void anshin_charge_card_set_id (AnshinChargeCard *self,
                                const char       *id);

AnshinCardBrand anshin_charge_card_get_brand (AnshinChargeCard *self);
void anshin_charge_card_set_brand (AnshinChargeCard *self,
                                   AnshinCardBrand   brand);

const char *anshin_charge_card_get_last4 (AnshinChargeCard *self);
void anshin_charge_card_set_last4 (AnshinChargeCard *self,
                                   const char       *last4);

guint anshin_charge_card_get_exp_month (AnshinChargeCard *self);
void anshin_charge_card_set_exp_month (AnshinChargeCard *self,
                                       guint             exp_month);

guint anshin_charge_card_get_exp_year (AnshinChargeCard *self);
void anshin_charge_card_set_exp_year (AnshinChargeCard *self,
                                      guint             exp_year);

const char *anshin_charge_card_get_holder_name (AnshinChargeCard *self);
void anshin_charge_card_set_holder_name (AnshinChargeCard *self,
                                         const char       *holder_name);

GDateTime *anshin_charge_card_get_registered_at (AnshinChargeCard *self);
void anshin_charge_card_set_registered_at (AnshinChargeCard *self,
                                           GDateTime        *registered_at);

G_END_DECLS
