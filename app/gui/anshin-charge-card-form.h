/* anshin-charge-card-form.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-issuer-error.h"
#include "anshin-issuer-types.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_CHARGE_CARD_FORM (anshin_charge_card_form_get_type ())

G_DECLARE_FINAL_TYPE (AnshinChargeCardForm, anshin_charge_card_form, ANSHIN, CHARGE_CARD_FORM, AdwBin)

GtkWidget               *anshin_charge_card_form_new              (void);
void                     anshin_charge_card_form_set_registration (AnshinChargeCardForm          *self,
                                                                   const AnshinRegistrationForm  *form);
void                     anshin_charge_card_form_set_now          (AnshinChargeCardForm          *self,
                                                                   GDateTime                     *now);
int                      anshin_charge_card_form_get_attempts     (AnshinChargeCardForm          *self);
gboolean                 anshin_charge_card_form_get_locked       (AnshinChargeCardForm          *self);
void                     anshin_charge_card_form_set_lock_explained (AnshinChargeCardForm        *self,
                                                                   gboolean                       explained);
gboolean                 anshin_charge_card_form_get_valid        (AnshinChargeCardForm          *self);
gboolean                 anshin_charge_card_form_get_busy         (AnshinChargeCardForm          *self);
void                     anshin_charge_card_form_set_busy         (AnshinChargeCardForm          *self,
                                                                   gboolean                       busy);
AnshinChargeCardDetails *anshin_charge_card_form_dup_details      (AnshinChargeCardForm          *self);
void                     anshin_charge_card_form_clear            (AnshinChargeCardForm          *self);
void                     anshin_charge_card_form_wipe_secrets     (AnshinChargeCardForm          *self);
void                     anshin_charge_card_form_show_failure     (AnshinChargeCardForm          *self,
                                                                   const char                    *message,
                                                                   gboolean                       offer_retry);
void                     anshin_charge_card_form_show_issuer_fields (AnshinChargeCardForm        *self,
                                                                     AnshinIssuerProblem         *problem);
const char              *anshin_charge_card_form_get_failure      (AnshinChargeCardForm          *self);
const char              *anshin_charge_card_form_get_field_error  (AnshinChargeCardForm          *self,
                                                                   AnshinCardField                field);
GtkWidget               *anshin_charge_card_form_get_submit_button (AnshinChargeCardForm         *self);
GtkWidget               *anshin_charge_card_form_get_field_widget (AnshinChargeCardForm          *self,
                                                                   AnshinCardField                field);

G_END_DECLS
