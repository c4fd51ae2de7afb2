/* anshin-transaction.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Getters return (transfer none) values; string and GDateTime getters may
 * return NULL. Setters copy strings and keep a reference to a GDateTime;
 * they notify only when the value changes.
 */

#pragma once

#include <glib-object.h>

#include "anshin-core-enums.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_TRANSACTION (anshin_transaction_get_type ())

G_DECLARE_FINAL_TYPE (AnshinTransaction, anshin_transaction, ANSHIN, TRANSACTION, GObject)

AnshinTransaction *anshin_transaction_new (void);
void anshin_transaction_update_from (AnshinTransaction *self,
                                     AnshinTransaction *other);

const char *anshin_transaction_get_id (AnshinTransaction *self);
void anshin_transaction_set_id (AnshinTransaction *self,
                                const char        *id);

AnshinTransactionKind anshin_transaction_get_kind (AnshinTransaction *self);
void anshin_transaction_set_kind (AnshinTransaction     *self,
                                  AnshinTransactionKind  kind);

AnshinTransactionStatus anshin_transaction_get_status (AnshinTransaction *self);
void anshin_transaction_set_status (AnshinTransaction       *self,
                                    AnshinTransactionStatus  status);

gint64 anshin_transaction_get_amount (AnshinTransaction *self);
void anshin_transaction_set_amount (AnshinTransaction *self,
                                    gint64             amount);

const char *anshin_transaction_get_merchant (AnshinTransaction *self);
void anshin_transaction_set_merchant (AnshinTransaction *self,
                                      const char        *merchant);

AnshinPaymentMethodKind anshin_transaction_get_method (AnshinTransaction *self);
void anshin_transaction_set_method (AnshinTransaction       *self,
                                    AnshinPaymentMethodKind  method);

AnshinWallet anshin_transaction_get_via (AnshinTransaction *self);
void anshin_transaction_set_via (AnshinTransaction *self,
                                 AnshinWallet       via);

GDateTime *anshin_transaction_get_occurred_at (AnshinTransaction *self);
void anshin_transaction_set_occurred_at (AnshinTransaction *self,
                                         GDateTime         *occurred_at);

AnshinDeclineReason anshin_transaction_get_decline_reason (AnshinTransaction *self);
void anshin_transaction_set_decline_reason (AnshinTransaction   *self,
                                            AnshinDeclineReason  reason);

gint64 anshin_transaction_get_balance_after (AnshinTransaction *self);
void anshin_transaction_set_balance_after (AnshinTransaction *self,
                                           gint64             balance_after);

gboolean anshin_transaction_get_has_program (AnshinTransaction *self);
void anshin_transaction_set_has_program (AnshinTransaction *self,
                                         gboolean           has_program);

const char *anshin_transaction_get_program_id (AnshinTransaction *self);
void anshin_transaction_set_program_id (AnshinTransaction *self,
                                        const char        *program_id);

gboolean anshin_transaction_get_program_eligible (AnshinTransaction *self);
void anshin_transaction_set_program_eligible (AnshinTransaction *self,
                                              gboolean           eligible);

AnshinProgramReason anshin_transaction_get_program_reason (AnshinTransaction *self);
void anshin_transaction_set_program_reason (AnshinTransaction   *self,
                                            AnshinProgramReason  reason);

gint64 anshin_transaction_get_program_points (AnshinTransaction *self);
void anshin_transaction_set_program_points (AnshinTransaction *self,
                                            gint64             points);

gboolean anshin_transaction_is_payment (AnshinTransaction *self);
gboolean anshin_transaction_is_declined (AnshinTransaction *self);
gboolean anshin_transaction_counted (AnshinTransaction *self);

G_END_DECLS
