/* anshin-card.h
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

#define ANSHIN_TYPE_CARD (anshin_card_get_type ())

G_DECLARE_FINAL_TYPE (AnshinCard, anshin_card, ANSHIN, CARD, GObject)

AnshinCard *anshin_card_new (void);
void anshin_card_update_from (AnshinCard *self,
                              AnshinCard *other);

const char *anshin_card_get_id (AnshinCard *self);
void anshin_card_set_id (AnshinCard *self,
                         const char *id);

const char *anshin_card_get_product_name (AnshinCard *self);
void anshin_card_set_product_name (AnshinCard *self,
                                   const char *product_name);

AnshinCardBrand anshin_card_get_brand (AnshinCard *self);
void anshin_card_set_brand (AnshinCard      *self,
                            AnshinCardBrand  brand);

AnshinCardForm anshin_card_get_form (AnshinCard *self);
void anshin_card_set_form (AnshinCard     *self,
                           AnshinCardForm  form);

AnshinCardState anshin_card_get_state (AnshinCard *self);
void anshin_card_set_state (AnshinCard      *self,
                            AnshinCardState  state);

const char *anshin_card_get_number_last4 (AnshinCard *self);
void anshin_card_set_number_last4 (AnshinCard *self,
                                   const char *number_last4);

guint anshin_card_get_exp_month (AnshinCard *self);
void anshin_card_set_exp_month (AnshinCard *self,
                                guint       exp_month);

guint anshin_card_get_exp_year (AnshinCard *self);
void anshin_card_set_exp_year (AnshinCard *self,
                               guint       exp_year);

gint64 anshin_card_get_balance (AnshinCard *self);
void anshin_card_set_balance (AnshinCard *self,
                              gint64      balance);

AnshinRenewalStatus anshin_card_get_renewal_status (AnshinCard *self);
void anshin_card_set_renewal_status (AnshinCard          *self,
                                     AnshinRenewalStatus  renewal_status);

GDateTime *anshin_card_get_renewal_date (AnshinCard *self);
void anshin_card_set_renewal_date (AnshinCard *self,
                                   GDateTime  *renewal_date);

GDateTime *anshin_card_get_renewal_announced_at (AnshinCard *self);
void anshin_card_set_renewal_announced_at (AnshinCard *self,
                                           GDateTime  *renewal_announced_at);

GDateTime *anshin_card_get_renewal_completed_at (AnshinCard *self);
void anshin_card_set_renewal_completed_at (AnshinCard *self,
                                           GDateTime  *renewal_completed_at);

gboolean anshin_card_get_renewal_number_changes (AnshinCard *self);
void anshin_card_set_renewal_number_changes (AnshinCard *self,
                                             gboolean    renewal_number_changes);

guint anshin_card_get_renewal_new_exp_month (AnshinCard *self);
void anshin_card_set_renewal_new_exp_month (AnshinCard *self,
                                            guint       renewal_new_exp_month);

guint anshin_card_get_renewal_new_exp_year (AnshinCard *self);
void anshin_card_set_renewal_new_exp_year (AnshinCard *self,
                                           guint       renewal_new_exp_year);

AnshinPhysicalCardStatus anshin_card_get_physical_status (AnshinCard *self);
void anshin_card_set_physical_status (AnshinCard               *self,
                                      AnshinPhysicalCardStatus  physical_status);

GDateTime *anshin_card_get_physical_eta (AnshinCard *self);
void anshin_card_set_physical_eta (AnshinCard *self,
                                   GDateTime  *physical_eta);

GDateTime *anshin_card_get_physical_shipped_at (AnshinCard *self);
void anshin_card_set_physical_shipped_at (AnshinCard *self,
                                          GDateTime  *physical_shipped_at);

GDateTime *anshin_card_get_physical_delivered_at (AnshinCard *self);
void anshin_card_set_physical_delivered_at (AnshinCard *self,
                                            GDateTime  *physical_delivered_at);

AnshinReissueStatus anshin_card_get_reissue_status (AnshinCard *self);
void anshin_card_set_reissue_status (AnshinCard          *self,
                                     AnshinReissueStatus  reissue_status);

const char *anshin_card_get_reissue_id (AnshinCard *self);
void anshin_card_set_reissue_id (AnshinCard *self,
                                 const char *reissue_id);

gboolean anshin_card_get_reissue_new_number (AnshinCard *self);
void anshin_card_set_reissue_new_number (AnshinCard *self,
                                         gboolean    reissue_new_number);

GDateTime *anshin_card_get_reissue_requested_at (AnshinCard *self);
void anshin_card_set_reissue_requested_at (AnshinCard *self,
                                           GDateTime  *reissue_requested_at);

GDateTime *anshin_card_get_reissue_ready_eta (AnshinCard *self);
void anshin_card_set_reissue_ready_eta (AnshinCard *self,
                                        GDateTime  *reissue_ready_eta);

GDateTime *anshin_card_get_reissue_completed_at (AnshinCard *self);
void anshin_card_set_reissue_completed_at (AnshinCard *self,
                                           GDateTime  *reissue_completed_at);

G_END_DECLS
