/* anshin-transaction.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the card's activity (`GET /v1/transactions`): a payment
 * attempt at a shop, approved or declined, or a top-up. method and via are
 * meaningful for payments only; the program-* properties hold the
 * transaction's `program` object when has-program is set.
 */

#include "config.h"

#include "anshin-transaction.h"
#include "anshin-core-enum-types.h"
#include "anshin-model-private.h"

struct _AnshinTransaction
{
  GObject parent_instance;

  char *id;
  AnshinTransactionKind kind;
  AnshinTransactionStatus status;
  gint64 amount;
  char *merchant;
  AnshinPaymentMethodKind method;
  AnshinWallet via;
  GDateTime *occurred_at;
  AnshinDeclineReason decline_reason;
  gint64 balance_after;
  gboolean has_program;
  char *program_id;
  gboolean program_eligible;
  AnshinProgramReason program_reason;
  gint64 program_points;
};

G_DEFINE_FINAL_TYPE (AnshinTransaction, anshin_transaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_STATUS,
  PROP_AMOUNT,
  PROP_MERCHANT,
  PROP_METHOD,
  PROP_VIA,
  PROP_OCCURRED_AT,
  PROP_DECLINE_REASON,
  PROP_BALANCE_AFTER,
  PROP_HAS_PROGRAM,
  PROP_PROGRAM_ID,
  PROP_PROGRAM_ELIGIBLE,
  PROP_PROGRAM_REASON,
  PROP_PROGRAM_POINTS,
  N_PROPS
};

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static GParamSpec *properties[N_PROPS];

static const gsize field_offsets[N_PROPS] = {
  [PROP_ID] = G_STRUCT_OFFSET (AnshinTransaction, id),
  [PROP_KIND] = G_STRUCT_OFFSET (AnshinTransaction, kind),
  [PROP_STATUS] = G_STRUCT_OFFSET (AnshinTransaction, status),
  [PROP_AMOUNT] = G_STRUCT_OFFSET (AnshinTransaction, amount),
  [PROP_MERCHANT] = G_STRUCT_OFFSET (AnshinTransaction, merchant),
  [PROP_METHOD] = G_STRUCT_OFFSET (AnshinTransaction, method),
  [PROP_VIA] = G_STRUCT_OFFSET (AnshinTransaction, via),
  [PROP_OCCURRED_AT] = G_STRUCT_OFFSET (AnshinTransaction, occurred_at),
  [PROP_DECLINE_REASON] = G_STRUCT_OFFSET (AnshinTransaction, decline_reason),
  [PROP_BALANCE_AFTER] = G_STRUCT_OFFSET (AnshinTransaction, balance_after),
  [PROP_HAS_PROGRAM] = G_STRUCT_OFFSET (AnshinTransaction, has_program),
  [PROP_PROGRAM_ID] = G_STRUCT_OFFSET (AnshinTransaction, program_id),
  [PROP_PROGRAM_ELIGIBLE] = G_STRUCT_OFFSET (AnshinTransaction, program_eligible),
  [PROP_PROGRAM_REASON] = G_STRUCT_OFFSET (AnshinTransaction, program_reason),
  [PROP_PROGRAM_POINTS] = G_STRUCT_OFFSET (AnshinTransaction, program_points),
};

static void
anshin_transaction_finalize (GObject *object)
{
  AnshinTransaction *self = (AnshinTransaction *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->merchant, g_free);
  g_clear_pointer (&self->occurred_at, g_date_time_unref);
  g_clear_pointer (&self->program_id, g_free);

  G_OBJECT_CLASS (anshin_transaction_parent_class)->finalize (object);
}

static void
anshin_transaction_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  anshin_model_get_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_transaction_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  anshin_model_set_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_transaction_class_init (AnshinTransactionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_transaction_finalize;
  object_class->get_property = anshin_transaction_get_property;
  object_class->set_property = anshin_transaction_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       ANSHIN_TYPE_TRANSACTION_KIND, ANSHIN_TRANSACTION_KIND_PAYMENT, PARAM_FLAGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       ANSHIN_TYPE_TRANSACTION_STATUS, ANSHIN_TRANSACTION_STATUS_APPROVED, PARAM_FLAGS);
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0, PARAM_FLAGS);
  properties[PROP_MERCHANT] =
    g_param_spec_string ("merchant", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_METHOD] =
    g_param_spec_enum ("method", NULL, NULL,
                       ANSHIN_TYPE_PAYMENT_METHOD_KIND, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE, PARAM_FLAGS);
  properties[PROP_VIA] =
    g_param_spec_flags ("via", NULL, NULL,
                       ANSHIN_TYPE_WALLET, ANSHIN_WALLET_NONE, PARAM_FLAGS);
  properties[PROP_OCCURRED_AT] =
    g_param_spec_boxed ("occurred-at", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_DECLINE_REASON] =
    g_param_spec_enum ("decline-reason", NULL, NULL,
                       ANSHIN_TYPE_DECLINE_REASON, ANSHIN_DECLINE_REASON_NONE, PARAM_FLAGS);
  properties[PROP_BALANCE_AFTER] =
    g_param_spec_int64 ("balance-after", NULL, NULL, G_MININT64, G_MAXINT64, 0, PARAM_FLAGS);
  properties[PROP_HAS_PROGRAM] =
    g_param_spec_boolean ("has-program", NULL, NULL, FALSE, PARAM_FLAGS);
  properties[PROP_PROGRAM_ID] =
    g_param_spec_string ("program-id", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_PROGRAM_ELIGIBLE] =
    g_param_spec_boolean ("program-eligible", NULL, NULL, FALSE, PARAM_FLAGS);
  properties[PROP_PROGRAM_REASON] =
    g_param_spec_enum ("program-reason", NULL, NULL,
                       ANSHIN_TYPE_PROGRAM_REASON, ANSHIN_PROGRAM_REASON_NONE, PARAM_FLAGS);
  properties[PROP_PROGRAM_POINTS] =
    g_param_spec_int64 ("program-points", NULL, NULL, G_MININT64, G_MAXINT64, 0, PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_transaction_init (AnshinTransaction *self)
{
}

AnshinTransaction *
anshin_transaction_new (void)
{
  return g_object_new (ANSHIN_TYPE_TRANSACTION, NULL);
}

/**
 * anshin_transaction_update_from:
 * @self: the transaction views are bound to
 * @other: a freshly fetched copy
 *
 * Copies every property of @other into @self, notifying only the
 * properties whose value changed, once each, after all are copied.
 */
void
anshin_transaction_update_from (AnshinTransaction *self,
                                AnshinTransaction *other)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));
  g_return_if_fail (ANSHIN_IS_TRANSACTION (other));

  anshin_model_update_from (G_OBJECT (self), G_OBJECT (other));
}

const char *
anshin_transaction_get_id (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), NULL);

  return self->id;
}

void
anshin_transaction_set_id (AnshinTransaction *self,
                           const char        *id)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_string (self, &self->id, id, properties[PROP_ID]);
}

AnshinTransactionKind
anshin_transaction_get_kind (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), 0);

  return self->kind;
}

void
anshin_transaction_set_kind (AnshinTransaction     *self,
                             AnshinTransactionKind  kind)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_enum (self, (int *) &self->kind, kind, properties[PROP_KIND]);
}

AnshinTransactionStatus
anshin_transaction_get_status (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), 0);

  return self->status;
}

void
anshin_transaction_set_status (AnshinTransaction       *self,
                               AnshinTransactionStatus  status)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_enum (self, (int *) &self->status, status, properties[PROP_STATUS]);
}

gint64
anshin_transaction_get_amount (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), 0);

  return self->amount;
}

void
anshin_transaction_set_amount (AnshinTransaction *self,
                               gint64             amount)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_int64 (self, &self->amount, amount, properties[PROP_AMOUNT]);
}

const char *
anshin_transaction_get_merchant (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), NULL);

  return self->merchant;
}

void
anshin_transaction_set_merchant (AnshinTransaction *self,
                                 const char        *merchant)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_string (self, &self->merchant, merchant, properties[PROP_MERCHANT]);
}

AnshinPaymentMethodKind
anshin_transaction_get_method (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), 0);

  return self->method;
}

void
anshin_transaction_set_method (AnshinTransaction       *self,
                               AnshinPaymentMethodKind  method)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_enum (self, (int *) &self->method, method, properties[PROP_METHOD]);
}

AnshinWallet
anshin_transaction_get_via (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), 0);

  return self->via;
}

void
anshin_transaction_set_via (AnshinTransaction *self,
                            AnshinWallet       via)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_flags (self, (guint *) &self->via, via, properties[PROP_VIA]);
}

GDateTime *
anshin_transaction_get_occurred_at (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), NULL);

  return self->occurred_at;
}

void
anshin_transaction_set_occurred_at (AnshinTransaction *self,
                                    GDateTime         *occurred_at)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_date_time (self, &self->occurred_at, occurred_at, properties[PROP_OCCURRED_AT]);
}

AnshinDeclineReason
anshin_transaction_get_decline_reason (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), 0);

  return self->decline_reason;
}

void
anshin_transaction_set_decline_reason (AnshinTransaction   *self,
                                       AnshinDeclineReason  decline_reason)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_enum (self, (int *) &self->decline_reason, decline_reason, properties[PROP_DECLINE_REASON]);
}

gint64
anshin_transaction_get_balance_after (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), 0);

  return self->balance_after;
}

void
anshin_transaction_set_balance_after (AnshinTransaction *self,
                                      gint64             balance_after)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_int64 (self, &self->balance_after, balance_after, properties[PROP_BALANCE_AFTER]);
}

gboolean
anshin_transaction_get_has_program (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), FALSE);

  return self->has_program;
}

void
anshin_transaction_set_has_program (AnshinTransaction *self,
                                    gboolean           has_program)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_boolean (self, &self->has_program, has_program, properties[PROP_HAS_PROGRAM]);
}

const char *
anshin_transaction_get_program_id (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), NULL);

  return self->program_id;
}

void
anshin_transaction_set_program_id (AnshinTransaction *self,
                                   const char        *program_id)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_string (self, &self->program_id, program_id, properties[PROP_PROGRAM_ID]);
}

gboolean
anshin_transaction_get_program_eligible (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), FALSE);

  return self->program_eligible;
}

void
anshin_transaction_set_program_eligible (AnshinTransaction *self,
                                         gboolean           program_eligible)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_boolean (self, &self->program_eligible, program_eligible, properties[PROP_PROGRAM_ELIGIBLE]);
}

AnshinProgramReason
anshin_transaction_get_program_reason (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), 0);

  return self->program_reason;
}

void
anshin_transaction_set_program_reason (AnshinTransaction   *self,
                                       AnshinProgramReason  program_reason)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_enum (self, (int *) &self->program_reason, program_reason, properties[PROP_PROGRAM_REASON]);
}

gint64
anshin_transaction_get_program_points (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), 0);

  return self->program_points;
}

void
anshin_transaction_set_program_points (AnshinTransaction *self,
                                       gint64             program_points)
{
  g_return_if_fail (ANSHIN_IS_TRANSACTION (self));

  anshin_model_set_int64 (self, &self->program_points, program_points, properties[PROP_PROGRAM_POINTS]);
}

gboolean
anshin_transaction_is_payment (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), FALSE);

  return self->kind == ANSHIN_TRANSACTION_KIND_PAYMENT;
}

gboolean
anshin_transaction_is_declined (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), FALSE);

  return self->kind == ANSHIN_TRANSACTION_KIND_PAYMENT &&
         self->status == ANSHIN_TRANSACTION_STATUS_DECLINED;
}

/**
 * anshin_transaction_counted:
 * @self: a transaction
 *
 * Returns: %TRUE for an approved payment that counted for its programme
 */
gboolean
anshin_transaction_counted (AnshinTransaction *self)
{
  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (self), FALSE);

  return self->kind == ANSHIN_TRANSACTION_KIND_PAYMENT &&
         self->status == ANSHIN_TRANSACTION_STATUS_APPROVED &&
         self->has_program && self->program_eligible;
}
