/* anshin-payment-method.h
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

#define ANSHIN_TYPE_PAYMENT_METHOD (anshin_payment_method_get_type ())

G_DECLARE_FINAL_TYPE (AnshinPaymentMethod, anshin_payment_method, ANSHIN, PAYMENT_METHOD, GObject)

AnshinPaymentMethod *anshin_payment_method_new (void);
void anshin_payment_method_update_from (AnshinPaymentMethod *self,
                                        AnshinPaymentMethod *other);

AnshinPaymentMethodKind anshin_payment_method_get_kind (AnshinPaymentMethod *self);
void anshin_payment_method_set_kind (AnshinPaymentMethod     *self,
                                     AnshinPaymentMethodKind  kind);

AnshinPaymentMethodState anshin_payment_method_get_state (AnshinPaymentMethod *self);
void anshin_payment_method_set_state (AnshinPaymentMethod      *self,
                                      AnshinPaymentMethodState  state);

GDateTime *anshin_payment_method_get_since (AnshinPaymentMethod *self);
void anshin_payment_method_set_since (AnshinPaymentMethod *self,
                                      GDateTime           *since);

GDateTime *anshin_payment_method_get_eta (AnshinPaymentMethod *self);
void anshin_payment_method_set_eta (AnshinPaymentMethod *self,
                                    GDateTime           *eta);

AnshinPaymentMethodReason anshin_payment_method_get_reason (AnshinPaymentMethod *self);
void anshin_payment_method_set_reason (AnshinPaymentMethod       *self,
                                       AnshinPaymentMethodReason  reason);

AnshinWallet anshin_payment_method_get_via (AnshinPaymentMethod *self);
void anshin_payment_method_set_via (AnshinPaymentMethod *self,
                                    AnshinWallet         via);

gboolean anshin_payment_method_is_unusable (AnshinPaymentMethod *self);

G_END_DECLS
