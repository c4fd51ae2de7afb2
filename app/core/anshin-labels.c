/* anshin-labels.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Short translated names for the domain's enums, as the views show them:
 * row titles, state badges and button labels. Longer sentences live in the
 * explainer.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-labels.h"

/**
 * anshin_payment_method_kind_get_label:
 * @kind: a payment method
 *
 * Returns: the method's name, e.g. "Mastercard contactless"
 */
const char *
anshin_payment_method_kind_get_label (AnshinPaymentMethodKind kind)
{
  switch (kind)
    {
    case ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE:
      /* TRANSLATORS: paying with the card number in online shops */
      return C_("payment method", "Mastercard online");
    case ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS:
      /* TRANSLATORS: tapping the card or phone at a terminal; Japanese
       * holders say "Mastercardタッチ決済" */
      return C_("payment method", "Mastercard contactless");
    case ANSHIN_PAYMENT_METHOD_KIND_QUICPAY:
      /* TRANSLATORS: a brand name; Japanese may add "（クイックペイ）" once
       * elsewhere, but keep this label short */
      return C_("payment method", "QUICPay");
    case ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY:
      return C_("payment method", "Apple Pay");
    case ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY:
      return C_("payment method", "Google Pay");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * anshin_payment_method_state_get_label:
 * @state: the state of a payment method
 *
 * Returns: a short state, e.g. "Updating"
 */
const char *
anshin_payment_method_state_get_label (AnshinPaymentMethodState state)
{
  switch (state)
    {
    case ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE:
      /* TRANSLATORS: a payment method can be used to pay */
      return C_("payment method state", "Available");
    case ANSHIN_PAYMENT_METHOD_STATE_UPDATING:
      /* TRANSLATORS: the issuer is updating a payment method; it can't be
       * used until the update is finished */
      return C_("payment method state", "Updating");
    case ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE:
      return C_("payment method state", "Unavailable");
    case ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP:
      /* TRANSLATORS: e.g. the card was never added to Apple Pay */
      return C_("payment method state", "Not set up");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * anshin_card_state_get_label:
 * @state: the state of the card
 *
 * Returns: a short state, e.g. "Frozen"
 */
const char *
anshin_card_state_get_label (AnshinCardState state)
{
  switch (state)
    {
    case ANSHIN_CARD_STATE_ACTIVE:
      return C_("card state", "Active");
    case ANSHIN_CARD_STATE_FROZEN:
      /* TRANSLATORS: the card is paused (一時停止); nobody can pay with it */
      return C_("card state", "Frozen");
    case ANSHIN_CARD_STATE_REISSUING:
      /* TRANSLATORS: the card is being reissued (再発行中) */
      return C_("card state", "Being reissued");
    case ANSHIN_CARD_STATE_CLOSED:
      return C_("card state", "Closed");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * anshin_expectation_get_label:
 * @expectation: whether something was expected
 *
 * Returns: a short verdict, e.g. "Needs your attention"
 */
const char *
anshin_expectation_get_label (AnshinExpectation expectation)
{
  switch (expectation)
    {
    case ANSHIN_EXPECTATION_EXPECTED:
      /* TRANSLATORS: a notice matches what the holder was told would happen */
      return C_("expectation", "Expected");
    case ANSHIN_EXPECTATION_NEEDS_ATTENTION:
      return C_("expectation", "Needs your attention");
    case ANSHIN_EXPECTATION_UNEXPECTED:
      /* TRANSLATORS: nothing the holder was told explains this notice */
      return C_("expectation", "Unexpected");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * anshin_action_kind_get_label:
 * @kind: something the holder can do
 *
 * Returns: the label of the button that does it, e.g. "Freeze Card"
 */
const char *
anshin_action_kind_get_label (AnshinActionKind kind)
{
  switch (kind)
    {
    case ANSHIN_ACTION_KIND_WAIT:
      /* TRANSLATORS: a button: keep things as they are until the issuer is done */
      return C_("action", "Wait");
    case ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER:
      /* TRANSLATORS: a button; Japanese holders say "番号を切り替えて再発行" */
      return C_("action", "Reissue with a New Number");
    case ANSHIN_ACTION_KIND_FREEZE_CARD:
      /* TRANSLATORS: a button; pauses the card (一時停止) */
      return C_("action", "Freeze Card");
    case ANSHIN_ACTION_KIND_UNFREEZE_CARD:
      return C_("action", "Unfreeze Card");
    case ANSHIN_ACTION_KIND_CONTACT_ISSUER:
      /* TRANSLATORS: a button; the issuer's customer center (カスタマーセンター) */
      return C_("action", "Contact the Issuer");
    case ANSHIN_ACTION_KIND_REGISTER_CHARGE_CARD:
      /* TRANSLATORS: a button; the credit card used to top up (チャージ用クレジットカード) */
      return C_("action", "Register a Charge Card");
    case ANSHIN_ACTION_KIND_TRY_AGAIN_AT:
      return C_("action", "Try Again Later");
    case ANSHIN_ACTION_KIND_READD_TO_WALLET:
      /* TRANSLATORS: a button: add the card to Apple Pay or Google Pay again */
      return C_("action", "Re-add to Wallet");
    case ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS:
      return C_("action", "View Payment Methods");
    default:
      g_return_val_if_reached (NULL);
    }
}
