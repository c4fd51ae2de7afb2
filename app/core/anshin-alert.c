/* anshin-alert.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which desktop notification an event deserves and what it says. A
 * notification is read in a glance: the explainer's headline as its title
 * and the one sentence that explains it as its body (the evidence for an
 * expected notice, what to do for one that needs the holder).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-alert.h"
#include "anshin-explainer.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-time.h"

G_DEFINE_BOXED_TYPE (AnshinAlert, anshin_alert, anshin_alert_copy, anshin_alert_free)

static AnshinAlert *
alert_new (AnshinAlertKind  kind,
           char            *key,
           const char      *id,
           const char      *title,
           char            *body,
           const char      *page)
{
  AnshinAlert *self = g_new0 (AnshinAlert, 1);

  self->kind = kind;
  self->key = key;
  self->id = g_strdup (id != NULL ? id : key);
  self->title = g_strdup (title);
  self->body = body;
  self->page = g_strdup (page);
  return self;
}

AnshinAlert *
anshin_alert_copy (const AnshinAlert *self)
{
  AnshinAlert *copy = g_new0 (AnshinAlert, 1);

  *copy = *self;
  copy->key = g_strdup (self->key);
  copy->id = g_strdup (self->id);
  copy->title = g_strdup (self->title);
  copy->body = g_strdup (self->body);
  copy->page = g_strdup (self->page);
  copy->notice_id = g_strdup (self->notice_id);
  return copy;
}

void
anshin_alert_free (AnshinAlert *self)
{
  if (self == NULL)
    return;

  g_free (self->key);
  g_free (self->id);
  g_free (self->title);
  g_free (self->body);
  g_free (self->page);
  g_free (self->notice_id);
  g_free (self);
}

/**
 * anshin_alert_dup_notice_notification_id:
 * @notice_id: an issuer notice's id
 *
 * The desktop notification of a notice has this id in every process, so
 * that the app withdraws it when the notice is read (and a second send
 * replaces the first rather than adding one).
 *
 * Returns: (transfer full): "notice-" and the notice's id
 */
char *
anshin_alert_dup_notice_notification_id (const char *notice_id)
{
  g_return_val_if_fail (notice_id != NULL, NULL);

  return g_strconcat ("notice-", notice_id, NULL);
}

/**
 * anshin_alert_first_sentence:
 * @text: (nullable): sentences, in English or Japanese
 *
 * Returns: (transfer full) (nullable): the first sentence of @text
 */
char *
anshin_alert_first_sentence (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3002 /* 。 */)
        return g_strndup (text, g_utf8_next_char (p) - text);
      if ((c == '.' || c == '!' || c == '?') && p[1] == ' ')
        return g_strndup (text, p + 1 - text);
    }

  return g_strdup (text);
}

static AnshinPaymentMethod *
find_method (GListModel              *methods,
             AnshinPaymentMethodKind  kind)
{
  guint n = methods != NULL ? g_list_model_get_n_items (methods) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);

      if (anshin_payment_method_get_kind (method) == kind)
        return method;
    }

  return NULL;
}

/* The wallets QUICPay is used through, as words: "Apple Pay and Google Pay" */
static char *
wallet_names (GListModel *methods)
{
  AnshinPaymentMethod *quicpay = find_method (methods, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  AnshinWallet via = quicpay != NULL ? anshin_payment_method_get_via (quicpay) : ANSHIN_WALLET_NONE;
  const char *apple = anshin_payment_method_kind_get_label (ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY);
  const char *google = anshin_payment_method_kind_get_label (ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY);

  if ((via & ANSHIN_WALLET_APPLE_PAY) && (via & ANSHIN_WALLET_GOOGLE_PAY))
    return g_strdup_printf (C_("list", "%s and %s"), apple, google);
  if (via & ANSHIN_WALLET_APPLE_PAY)
    return g_strdup (apple);
  if (via & ANSHIN_WALLET_GOOGLE_PAY)
    return g_strdup (google);
  return NULL;
}

static gboolean
parse_method_kind (const char              *api,
                   AnshinPaymentMethodKind *out_kind)
{
  static const struct { const char *api; AnshinPaymentMethodKind kind; } kinds[] = {
    { "mastercard_online", ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE },
    { "mastercard_contactless", ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS },
    { "quicpay", ANSHIN_PAYMENT_METHOD_KIND_QUICPAY },
    { "apple_pay", ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY },
    { "google_pay", ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY },
  };

  for (guint i = 0; api != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (api, kinds[i].api))
        {
          *out_kind = kinds[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

/* A `payment_declined` notice (ISSUER-API.md, Activity): told by its
 * params, transaction_id, method and reason. */
static gboolean
is_payment_declined (AnshinNotice *notice)
{
  return anshin_notice_get_param (notice, "transaction_id") != NULL &&
         anshin_notice_get_param (notice, "reason") != NULL;
}

static AnshinAlert *
alert_for_declined_payment (AnshinNotice *notice)
{
  g_autofree char *id = anshin_alert_dup_notice_notification_id (anshin_notice_get_id (notice));
  const char *reason = anshin_notice_get_param (notice, "reason");
  AnshinPaymentMethodKind kind;
  g_autofree char *title = NULL;
  char *body;
  AnshinAlert *alert;

  if (parse_method_kind (anshin_notice_get_param (notice, "method"), &kind))
    /* TRANSLATORS: %s is a payment method, "QUICPay" */
    title = g_strdup_printf (_("A %s payment didn't go through"), anshin_payment_method_kind_get_label (kind));
  else
    title = g_strdup (_("A card payment didn't go through"));

  if (g_strcmp0 (reason, "card_frozen") == 0)
    body = g_strdup (_("Your card is frozen; unfreeze it in Anshin Wallet to pay with it again."));
  else if (g_strcmp0 (reason, "insufficient_balance") == 0)
    body = g_strdup (_("Your balance didn't cover the amount; top up to pay with the card again."));
  else if (g_strcmp0 (reason, "network_unavailable") == 0)
    body = g_strdup (_("This way of paying isn't working on your card right now; the Methods page shows what works instead."));
  else
    body = g_strdup (_("The issuer declined it; Anshin Wallet shows what works instead."));

  alert = alert_new (ANSHIN_ALERT_KIND_PAYMENT_DECLINED,
                     g_strconcat ("notice:", anshin_notice_get_id (notice), NULL),
                     id, title, body, "notices");
  alert->notice_id = g_strdup (anshin_notice_get_id (notice));
  return alert;
}

/**
 * anshin_alert_for_notice:
 *
 * A notice that the holder has not read deserves a notification: its
 * explanation's headline and one sentence. A reissue that completed says
 * what to re-add; an activation nobody announced is urgent and offers to
 * freeze the card.
 *
 * Returns: (transfer full) (nullable): the alert, or %NULL for a read notice
 */
AnshinAlert *
anshin_alert_for_notice (AnshinNotice *notice,
                         AnshinCard   *card,
                         GListModel   *methods,
                         GListModel   *programs,
                         GDateTime    *now)
{
  g_autoptr(AnshinExplanation) explanation = NULL;
  g_autofree char *id = NULL;
  AnshinExpectation expectation;
  AnshinAlertKind kind = ANSHIN_ALERT_KIND_NOTICE;
  AnshinAlert *alert;
  char *body = NULL;

  g_return_val_if_fail (ANSHIN_IS_NOTICE (notice), NULL);
  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);

  if (anshin_notice_get_read (notice) || anshin_notice_get_id (notice) == NULL)
    return NULL;

  if (is_payment_declined (notice))
    return alert_for_declined_payment (notice);

  explanation = anshin_explain_notice (notice, card, methods, programs, now);
  if (explanation == NULL)
    return NULL;

  expectation = anshin_explanation_get_expectation (explanation);
  if (anshin_notice_get_code (notice) == ANSHIN_NOTICE_CODE_REISSUE_COMPLETED)
    {
      g_autofree char *wallets = wallet_names (methods);

      kind = ANSHIN_ALERT_KIND_REISSUE_READY;
      if (anshin_card_get_reissue_new_number (card) && wallets != NULL)
        /* TRANSLATORS: %s is "Apple Pay and Google Pay" */
        body = g_strdup_printf (_("QUICPay works again: add the new number to %s."), wallets);
      else if (anshin_card_get_reissue_new_number (card))
        body = g_strdup (_("Update the card number wherever it is saved."));
    }
  else if (expectation == ANSHIN_EXPECTATION_UNEXPECTED
           && anshin_notice_get_code (notice) == ANSHIN_NOTICE_CODE_CARD_ACTIVATED)
    kind = ANSHIN_ALERT_KIND_UNEXPECTED_ACTIVATION;

  /* the renewal-day activation frightens: its evidence reassures ("This
   * matches the renewal announced on ..."); other expected notices say
   * what happened */
  if (body == NULL && expectation == ANSHIN_EXPECTATION_EXPECTED
      && anshin_notice_get_code (notice) == ANSHIN_NOTICE_CODE_CARD_ACTIVATED)
    body = anshin_alert_first_sentence (anshin_explanation_get_evidence (explanation));
  if (body == NULL && expectation == ANSHIN_EXPECTATION_EXPECTED)
    body = anshin_alert_first_sentence (anshin_explanation_get_what_happened (explanation));
  if (body == NULL)
    body = anshin_alert_first_sentence (anshin_explanation_get_what_to_do (explanation));
  if (body == NULL)
    body = anshin_alert_first_sentence (anshin_explanation_get_what_happened (explanation));

  id = anshin_alert_dup_notice_notification_id (anshin_notice_get_id (notice));
  alert = alert_new (kind, g_strconcat ("notice:", anshin_notice_get_id (notice), NULL),
                     id, anshin_explanation_get_headline (explanation), body, "notices");
  alert->notice_id = g_strdup (anshin_notice_get_id (notice));
  alert->urgent = kind == ANSHIN_ALERT_KIND_UNEXPECTED_ACTIVATION;
  alert->offer_freeze = kind == ANSHIN_ALERT_KIND_UNEXPECTED_ACTIVATION
                        && anshin_card_get_state (card) == ANSHIN_CARD_STATE_ACTIVE;
  return alert;
}

/**
 * anshin_alert_for_method_change:
 * @method: a payment method as it is now
 * @old_state: its state when last seen
 * @old_reason: why it was not available then
 *
 * A method that works again after a renewal's migration deserves a
 * notification ("QUICPay works again"). One that comes back with a
 * reissue or an unfreeze does not: their own notices say so.
 *
 * Returns: (transfer full) (nullable): the alert, or %NULL
 */
AnshinAlert *
anshin_alert_for_method_change (AnshinPaymentMethod       *method,
                                AnshinPaymentMethodState   old_state,
                                AnshinPaymentMethodReason  old_reason)
{
  AnshinPaymentMethodKind kind;
  g_autofree char *title = NULL;
  g_autofree char *since = NULL;
  char *body;

  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (method), NULL);

  if (anshin_payment_method_get_state (method) != ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE)
    return NULL;
  if (old_state != ANSHIN_PAYMENT_METHOD_STATE_UPDATING
      && old_state != ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE)
    return NULL;
  if (old_reason != ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING
      && old_reason != ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED
      && old_reason != ANSHIN_PAYMENT_METHOD_REASON_NONE)
    return NULL;

  kind = anshin_payment_method_get_kind (method);
  /* TRANSLATORS: %s is a payment method, "QUICPay" */
  title = g_strdup_printf (_("%s works again"), anshin_payment_method_kind_get_label (kind));
  if (kind == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)
    body = g_strdup (_("The issuer finished moving your renewed card to QUICPay, so payments through Apple Pay and Google Pay go through and count again."));
  else
    body = g_strdup (_("The issuer finished updating your renewed card, so you can pay this way again."));

  since = anshin_payment_method_get_since (method) != NULL
          ? anshin_time_to_string (anshin_payment_method_get_since (method))
          : g_strdup ("");
  return alert_new (ANSHIN_ALERT_KIND_METHOD_WORKS_AGAIN,
                    g_strdup_printf ("works-again:%d:%s", (int) kind, since),
                    NULL, title, body, "payment-methods");
}

/**
 * anshin_alert_for_registration_opens:
 * @opens_at: when charge-card registration opens again
 *
 * The reminder the holder asked for on the lock's callout.
 *
 * Returns: (transfer full): the alert
 */
AnshinAlert *
anshin_alert_for_registration_opens (GDateTime *opens_at)
{
  g_autofree char *at = NULL;

  g_return_val_if_fail (opens_at != NULL, NULL);

  at = anshin_time_to_string (opens_at);
  return alert_new (ANSHIN_ALERT_KIND_REGISTRATION_OPENS,
                    g_strconcat ("registration-opens:", at, NULL), NULL,
                    _("You can add a charge card again"),
                    g_strdup (_("The pause on registering a charge card has ended; register it in Top-up when you're ready.")),
                    "top-up");
}

/**
 * anshin_alert_for_sign_in_again:
 *
 * The issuer no longer accepts the stored sign-in: watching has stopped.
 *
 * Returns: (transfer full): the alert
 */
AnshinAlert *
anshin_alert_for_sign_in_again (void)
{
  return alert_new (ANSHIN_ALERT_KIND_SIGN_IN_AGAIN, g_strdup ("sign-in-again"), NULL,
                    _("Sign in to Anshin Wallet again"),
                    g_strdup (_("Your sign-in has ended, so Anshin Wallet stopped watching your card; open it and sign in to be told about changes again.")),
                    "card");
}

/**
 * anshin_alert_dup_watch_offer:
 * @card: (nullable): the card, or %NULL while there is none
 * @methods: (nullable): its #AnshinPaymentMethods
 * @locked_until: (nullable): until when adding a charge card is locked
 * @now: the issuer's clock
 *
 * What would be worth being told about with the window closed: a reissue
 * in progress, a payment method that does not work yet, a registration
 * lock that opens again later. Words the one-time offer to keep watching
 * in the background.
 *
 * Returns: (transfer full) (nullable): a sentence saying what the watcher
 *   would tell, or %NULL when nothing is pending
 */
char *
anshin_alert_dup_watch_offer (AnshinCard *card,
                              GListModel *methods,
                              GDateTime  *locked_until,
                              GDateTime  *now)
{
  guint n_methods = methods != NULL ? g_list_model_get_n_items (methods) : 0;

  g_return_val_if_fail (now != NULL, NULL);

  if (card != NULL && anshin_card_get_reissue_status (card) == ANSHIN_REISSUE_STATUS_IN_PROGRESS)
    return g_strdup (_("Your card is being reissued. Keep watching, and Anshin Wallet tells you when the new number is ready, even with its window closed."));

  for (guint i = 0; i < n_methods; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);

      if (anshin_payment_method_is_unusable (method) &&
          anshin_payment_method_get_state (method) != ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP &&
          anshin_payment_method_get_reason (method) != ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN)
        /* TRANSLATORS: %s is a payment method, e.g. "QUICPay" */
        return g_strdup_printf (_("%s isn’t working yet. Keep watching, and Anshin Wallet tells you when it works again, even with its window closed."),
                                anshin_payment_method_kind_get_label (anshin_payment_method_get_kind (method)));
    }

  if (locked_until != NULL && g_date_time_compare (locked_until, now) > 0)
    {
      g_autofree char *when = anshin_format_date_time (locked_until);

      /* TRANSLATORS: %s is a date and time */
      return g_strdup_printf (_("Adding a charge card opens again at %s. Keep watching, and Anshin Wallet reminds you then, even with its window closed."),
                              when);
    }

  return NULL;
}
