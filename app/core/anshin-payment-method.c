/* anshin-payment-method.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One way of paying with the card, as `GET /v1/card/networks` lists it:
 * its state and since when, when it is expected to change (eta; NULL when
 * the issuer gives no date), why (reason; NONE for none), and for QUICPay
 * the wallets it is used through (via).
 */

#include "config.h"

#include "anshin-payment-method.h"
#include "anshin-core-enum-types.h"
#include "anshin-model-private.h"

struct _AnshinPaymentMethod
{
  GObject parent_instance;

  AnshinPaymentMethodKind kind;
  AnshinPaymentMethodState state;
  GDateTime *since;
  GDateTime *eta;
  AnshinPaymentMethodReason reason;
  AnshinWallet via;
};

G_DEFINE_FINAL_TYPE (AnshinPaymentMethod, anshin_payment_method, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_STATE,
  PROP_SINCE,
  PROP_ETA,
  PROP_REASON,
  PROP_VIA,
  N_PROPS
};

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static GParamSpec *properties[N_PROPS];

static const gsize field_offsets[N_PROPS] = {
  [PROP_KIND] = G_STRUCT_OFFSET (AnshinPaymentMethod, kind),
  [PROP_STATE] = G_STRUCT_OFFSET (AnshinPaymentMethod, state),
  [PROP_SINCE] = G_STRUCT_OFFSET (AnshinPaymentMethod, since),
  [PROP_ETA] = G_STRUCT_OFFSET (AnshinPaymentMethod, eta),
  [PROP_REASON] = G_STRUCT_OFFSET (AnshinPaymentMethod, reason),
  [PROP_VIA] = G_STRUCT_OFFSET (AnshinPaymentMethod, via),
};

static void
anshin_payment_method_finalize (GObject *object)
{
  AnshinPaymentMethod *self = (AnshinPaymentMethod *)object;

  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->eta, g_date_time_unref);

  G_OBJECT_CLASS (anshin_payment_method_parent_class)->finalize (object);
}

static void
anshin_payment_method_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  anshin_model_get_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_payment_method_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  anshin_model_set_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_payment_method_class_init (AnshinPaymentMethodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_payment_method_finalize;
  object_class->get_property = anshin_payment_method_get_property;
  object_class->set_property = anshin_payment_method_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       ANSHIN_TYPE_PAYMENT_METHOD_KIND,
                       ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE,
                       PARAM_FLAGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       ANSHIN_TYPE_PAYMENT_METHOD_STATE,
                       ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE,
                       PARAM_FLAGS);
  properties[PROP_SINCE] =
    g_param_spec_boxed ("since", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_ETA] =
    g_param_spec_boxed ("eta", NULL, NULL, G_TYPE_DATE_TIME, PARAM_FLAGS);
  properties[PROP_REASON] =
    g_param_spec_enum ("reason", NULL, NULL,
                       ANSHIN_TYPE_PAYMENT_METHOD_REASON,
                       ANSHIN_PAYMENT_METHOD_REASON_NONE,
                       PARAM_FLAGS);
  properties[PROP_VIA] =
    g_param_spec_flags ("via", NULL, NULL, ANSHIN_TYPE_WALLET, ANSHIN_WALLET_NONE, PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_payment_method_init (AnshinPaymentMethod *self)
{
}

AnshinPaymentMethod *
anshin_payment_method_new (void)
{
  return g_object_new (ANSHIN_TYPE_PAYMENT_METHOD, NULL);
}

/**
 * anshin_payment_method_update_from:
 * @self: the payment method views are bound to
 * @other: a freshly fetched copy
 *
 * Copies every property of @other into @self, notifying only the
 * properties whose value changed, once each, after all are copied.
 */
void
anshin_payment_method_update_from (AnshinPaymentMethod *self,
                                   AnshinPaymentMethod *other)
{
  g_return_if_fail (ANSHIN_IS_PAYMENT_METHOD (self));
  g_return_if_fail (ANSHIN_IS_PAYMENT_METHOD (other));

  anshin_model_update_from (G_OBJECT (self), G_OBJECT (other));
}

AnshinPaymentMethodKind
anshin_payment_method_get_kind (AnshinPaymentMethod *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (self),
                        ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE);

  return self->kind;
}

void
anshin_payment_method_set_kind (AnshinPaymentMethod     *self,
                                AnshinPaymentMethodKind  kind)
{
  g_return_if_fail (ANSHIN_IS_PAYMENT_METHOD (self));

  anshin_model_set_enum (self, (int *) &self->kind, kind, properties[PROP_KIND]);
}

AnshinPaymentMethodState
anshin_payment_method_get_state (AnshinPaymentMethod *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (self), ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE);

  return self->state;
}

void
anshin_payment_method_set_state (AnshinPaymentMethod      *self,
                                 AnshinPaymentMethodState  state)
{
  g_return_if_fail (ANSHIN_IS_PAYMENT_METHOD (self));

  anshin_model_set_enum (self, (int *) &self->state, state, properties[PROP_STATE]);
}

GDateTime *
anshin_payment_method_get_since (AnshinPaymentMethod *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (self), NULL);

  return self->since;
}

void
anshin_payment_method_set_since (AnshinPaymentMethod *self,
                                 GDateTime           *since)
{
  g_return_if_fail (ANSHIN_IS_PAYMENT_METHOD (self));

  anshin_model_set_date_time (self, &self->since, since, properties[PROP_SINCE]);
}

GDateTime *
anshin_payment_method_get_eta (AnshinPaymentMethod *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (self), NULL);

  return self->eta;
}

void
anshin_payment_method_set_eta (AnshinPaymentMethod *self,
                               GDateTime           *eta)
{
  g_return_if_fail (ANSHIN_IS_PAYMENT_METHOD (self));

  anshin_model_set_date_time (self, &self->eta, eta, properties[PROP_ETA]);
}

AnshinPaymentMethodReason
anshin_payment_method_get_reason (AnshinPaymentMethod *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (self), ANSHIN_PAYMENT_METHOD_REASON_NONE);

  return self->reason;
}

void
anshin_payment_method_set_reason (AnshinPaymentMethod       *self,
                                  AnshinPaymentMethodReason  reason)
{
  g_return_if_fail (ANSHIN_IS_PAYMENT_METHOD (self));

  anshin_model_set_enum (self, (int *) &self->reason, reason, properties[PROP_REASON]);
}

AnshinWallet
anshin_payment_method_get_via (AnshinPaymentMethod *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (self), ANSHIN_WALLET_NONE);

  return self->via;
}

void
anshin_payment_method_set_via (AnshinPaymentMethod *self,
                               AnshinWallet         via)
{
  g_return_if_fail (ANSHIN_IS_PAYMENT_METHOD (self));

  anshin_model_set_flags (self, (guint *) &self->via, via, properties[PROP_VIA]);
}

/**
 * anshin_payment_method_is_unusable:
 * @self: a payment method
 *
 * Whether the method is set up but can't be used right now (it is updating
 * or unavailable): the one rule every view uses to decide that a method
 * needs the holder's attention.
 *
 * Returns: %TRUE if the holder can't pay with @self at the moment
 */
gboolean
anshin_payment_method_is_unusable (AnshinPaymentMethod *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (self), FALSE);

  return self->state == ANSHIN_PAYMENT_METHOD_STATE_UPDATING ||
         self->state == ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE;
}
