/* anshin-explainer-activity.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activity explained: why a payment was declined at the till (the
 * method wasn't working, and why; the card was frozen; the balance was
 * short), what works instead right now (from the payment methods' states)
 * and what to do; why an approved payment did not count for the holder's
 * programme; and the `payment_declined` notice, which says the same from
 * its params. Same structure as the notice explanations.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"
#include "anshin-explainer.h"
#include "anshin-explainer-private.h"
#include "anshin-format.h"
#include "anshin-labels.h"

static AnshinPaymentMethod *
find_method (GListModel              *methods,
             AnshinPaymentMethodKind  kind)
{
  guint n_items = methods != NULL ? g_list_model_get_n_items (methods) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);

      if (anshin_payment_method_get_kind (method) == kind)
        return method; /* the model keeps it alive */
    }

  return NULL;
}

static gboolean
is_in_person (AnshinPaymentMethodKind kind)
{
  return kind != ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE;
}

/* "Mastercard contactless" or "QUICPay (Apple Pay)" */
static char *
method_label (AnshinPaymentMethodKind kind,
              AnshinWallet            via)
{
  const char *label = anshin_payment_method_kind_get_label (kind);

  if ((via & ANSHIN_WALLET_APPLE_PAY) != 0)
    /* TRANSLATORS: %1$s is a payment method, %2$s the wallet it was used
     * through, e.g. "QUICPay (Apple Pay)"; Japanese: "%1$s（%2$s）" */
    return g_strdup_printf (C_("method via wallet", "%1$s (%2$s)"), label,
                            anshin_payment_method_kind_get_label (ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY));
  if ((via & ANSHIN_WALLET_GOOGLE_PAY) != 0)
    return g_strdup_printf (C_("method via wallet", "%1$s (%2$s)"), label,
                            anshin_payment_method_kind_get_label (ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY));

  return g_strdup (label);
}

static const char *
merchant_of (AnshinTransaction *transaction)
{
  const char *merchant = anshin_transaction_get_merchant (transaction);

  return merchant != NULL && merchant[0] != '\0' ? merchant : NULL;
}

/* The in-person (or, for an online payment, online) methods that work now,
 * other than @kind: what the holder can pay with instead. */
static GPtrArray *
working_instead (GListModel              *methods,
                 AnshinPaymentMethodKind  kind)
{
  static const AnshinPaymentMethodKind candidates[] = {
    ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS,
    ANSHIN_PAYMENT_METHOD_KIND_QUICPAY,
    ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE,
  };
  GPtrArray *labels = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      AnshinPaymentMethod *method = find_method (methods, candidates[i]);

      if (candidates[i] == kind || method == NULL ||
          is_in_person (candidates[i]) != is_in_person (kind) ||
          anshin_payment_method_get_state (method) != ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE)
        continue;

      g_ptr_array_add (labels, (gpointer) anshin_payment_method_kind_get_label (candidates[i]));
    }

  return labels;
}

/* "Right now Mastercard contactless works." (what_to_do's first sentence) */
static char *
instead_sentence (GListModel              *methods,
                  AnshinPaymentMethodKind  kind)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *names = NULL;

  if (methods == NULL)
    return NULL;

  labels = working_instead (methods, kind);
  if (labels->len == 0)
    return g_strdup (_("Right now no other way to pay with this card works at a till."));

  names = anshin_explainer_join_labels (labels);
  /* TRANSLATORS: %s is a payment method or a list of them, e.g.
   * "Mastercard contactless" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Right now %s works: you can pay with it instead.",
                                       "Right now %s work: you can pay with them instead.",
                                       labels->len),
                          names);
}

/* Why @kind didn't work, from its state now (@method may be %NULL). */
static char *
unavailable_reason (AnshinPaymentMethod     *method,
                    AnshinPaymentMethodKind  kind)
{
  const char *label = anshin_payment_method_kind_get_label (kind);

  if (method == NULL)
    return g_strdup_printf (_("%s wasn't working at the time."), label);

  if (anshin_payment_method_get_state (method) == ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE)
    /* TRANSLATORS: %s is a payment method */
    return g_strdup_printf (_("%s wasn't working at the time; it works again now."), label);

  switch (anshin_payment_method_get_reason (method))
    {
    case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING:
    case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED:
      /* TRANSLATORS: %s is a payment method; データ移行の遅延 */
      return g_strdup_printf (_("%s isn't working yet since your card's renewal: the issuer's data migration is late."),
                              label);
    case ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS:
      return g_strdup_printf (_("%s is paused while your card is reissued with a new number."), label);
    case ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN:
      return g_strdup_printf (_("%s doesn't work while your card is frozen."), label);
    case ANSHIN_PAYMENT_METHOD_REASON_WALLET_READD_REQUIRED:
      return g_strdup_printf (_("%s needs your card added to it again."), label);
    case ANSHIN_PAYMENT_METHOD_REASON_NONE:
    default:
      break;
    }

  if (anshin_payment_method_get_state (method) == ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP)
    return g_strdup_printf (_("%s isn't set up for your card."), label);

  return g_strdup_printf (_("%s isn't working right now."), label);
}

/* The one-line answer: "QUICPay was declined at FamilyMart: QUICPay isn't
 * working yet since your card's renewal: … Right now Mastercard
 * contactless works: …" */
static char *
declined_headline (AnshinTransaction *transaction)
{
  g_autofree char *label = method_label (anshin_transaction_get_method (transaction),
                                         anshin_transaction_get_via (transaction));
  const char *merchant = merchant_of (transaction);

  if (merchant != NULL)
    /* TRANSLATORS: %1$s is a payment method, %2$s a shop, e.g. "QUICPay
     * (Apple Pay) was declined at FamilyMart"; never blame the holder:
     * ご利用いただけませんでした */
    return g_strdup_printf (_("%1$s was declined at %2$s"), label, merchant);

  return g_strdup_printf (_("A %s payment was declined"), label);
}

static char *
declined_what_happened (AnshinTransaction *transaction)
{
  g_autofree char *amount = anshin_format_yen (anshin_transaction_get_amount (transaction));
  GDateTime *at = anshin_transaction_get_occurred_at (transaction);
  g_autofree char *when = at != NULL ? anshin_format_date_time (at) : NULL;

  if (when != NULL)
    /* TRANSLATORS: %1$s is an amount, %2$s a date and time */
    return g_strdup_printf (_("The payment of %1$s on %2$s didn't go through, and nothing was taken from your balance."),
                            amount, when);

  return g_strdup_printf (_("The payment of %s didn't go through, and nothing was taken from your balance."),
                          amount);
}

static void
add_reissue_if_it_helps (AnshinDraft         *draft,
                         AnshinPaymentMethod *method,
                         AnshinCard          *card)
{
  AnshinPaymentMethodReason reason;

  if (method == NULL || card == NULL ||
      anshin_card_get_reissue_status (card) == ANSHIN_REISSUE_STATUS_IN_PROGRESS ||
      anshin_card_get_state (card) != ANSHIN_CARD_STATE_ACTIVE)
    return;

  reason = anshin_payment_method_get_reason (method);
  if (anshin_payment_method_get_state (method) == ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE ||
      (reason != ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING &&
       reason != ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED))
    return;

  anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER,
                           anshin_payment_method_get_kind (method), NULL, NULL,
                           _("A reissue with a new number brings it back in about 3 hours."));
}

static void
explain_declined (AnshinDraft       *draft,
                  AnshinTransaction *transaction,
                  AnshinCard        *card,
                  GListModel        *methods,
                  GListModel        *programs,
                  GDateTime         *now)
{
  AnshinPaymentMethodKind kind = anshin_transaction_get_method (transaction);
  AnshinPaymentMethod *method = find_method (methods, kind);

  draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
  draft->headline = declined_headline (transaction);
  draft->what_happened = declined_what_happened (transaction);

  switch (anshin_transaction_get_decline_reason (transaction))
    {
    case ANSHIN_DECLINE_REASON_NETWORK_UNAVAILABLE:
      draft->evidence = unavailable_reason (method, kind);
      draft->what_to_do = instead_sentence (methods, kind);
      if (method != NULL && anshin_payment_method_get_state (method) != ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE)
        {
          /* the evidence said why already: when it works again (or that
           * nobody has said) is a schedule row, one for the methods that
           * wait the same way */
          if (!anshin_explainer_schedule_method (draft, method, methods, now))
            draft->what_next = anshin_explainer_lagging_sentence (method, now);
          draft->programme_impact = anshin_explainer_programme_impact (programs, kind,
                                                                       ANSHIN_IMPACT_UNTIL_WORKS_AGAIN);
        }
      add_reissue_if_it_helps (draft, method, card);
      anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, kind, NULL, NULL, NULL);
      break;

    case ANSHIN_DECLINE_REASON_CARD_FROZEN:
      draft->evidence = g_strdup (_("Your card was frozen, so the issuer declined every payment."));
      if (card != NULL && anshin_card_get_state (card) == ANSHIN_CARD_STATE_FROZEN)
        {
          draft->what_to_do = g_strdup (_("If you froze it yourself and want to pay with it again, unfreeze it. If you didn't, contact the issuer's customer center."));
          anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_UNFREEZE_CARD, 0, NULL, NULL, NULL);
          anshin_explainer_add_contact (draft);
        }
      else
        draft->what_to_do = g_strdup (_("Your card isn't frozen any more: you can pay with it again."));
      break;

    case ANSHIN_DECLINE_REASON_INSUFFICIENT_BALANCE:
      {
        g_autofree char *balance = anshin_format_yen (anshin_transaction_get_balance_after (transaction));

        /* TRANSLATORS: %s is the balance then, e.g. "¥300" */
        draft->evidence = g_strdup_printf (_("Your balance was %s, less than the payment."), balance);
        draft->what_to_do = g_strdup (_("Top up your balance, then pay again, or pay the difference another way."));
      }
      break;

    case ANSHIN_DECLINE_REASON_OTHER:
    case ANSHIN_DECLINE_REASON_NONE:
    default:
      draft->evidence = g_strdup (_("The issuer didn't say why."));
      draft->what_to_do = g_strdup (_("If it happens again, contact the issuer's customer center."));
      anshin_explainer_add_contact (draft);
      break;
    }
}

/* The programme @transaction was counted (or not) for, if the app knows it. */
static AnshinProgram *
transaction_program (AnshinTransaction *transaction,
                     GListModel        *programs)
{
  guint n_items = programs != NULL ? g_list_model_get_n_items (programs) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinProgram) program = g_list_model_get_item (programs, i);

      if (g_strcmp0 (anshin_program_get_id (program), anshin_transaction_get_program_id (transaction)) == 0)
        return program;
    }

  return NULL;
}

static char *
required_labels (AnshinProgram *program)
{
  const char * const *required = anshin_program_get_requires_methods (program);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; required != NULL && required[i] != NULL; i++)
    {
      int kind;

      if (anshin_enum_from_api (ANSHIN_TYPE_PAYMENT_METHOD_KIND, required[i], &kind))
        g_ptr_array_add (labels, (gpointer) anshin_payment_method_kind_get_label (kind));
    }

  return labels->len > 0 ? anshin_explainer_join_labels (labels) : NULL;
}

static void
explain_approved (AnshinDraft       *draft,
                  AnshinTransaction *transaction,
                  GListModel        *methods,
                  GListModel        *programs,
                  GDateTime         *now)
{
  AnshinPaymentMethodKind kind = anshin_transaction_get_method (transaction);
  g_autofree char *label = method_label (kind, anshin_transaction_get_via (transaction));
  g_autofree char *amount = anshin_format_yen (anshin_transaction_get_amount (transaction));
  g_autofree char *balance = anshin_format_yen (anshin_transaction_get_balance_after (transaction));
  AnshinProgram *program = transaction_program (transaction, programs);
  const char *program_name = program != NULL ? anshin_program_get_display_name (program) : NULL;
  const char *merchant = merchant_of (transaction);

  if (merchant != NULL)
    /* TRANSLATORS: %1$s is an amount, %2$s a shop, %3$s a payment method,
     * e.g. "You paid ¥480 at FamilyMart with Mastercard contactless" */
    draft->headline = g_strdup_printf (_("You paid %1$s at %2$s with %3$s"), amount, merchant, label);
  else
    draft->headline = g_strdup_printf (_("You paid %1$s with %2$s"), amount, label);
  /* TRANSLATORS: %s is an amount */
  draft->what_happened = g_strdup_printf (_("The payment went through. Your balance after it was %s."), balance);
  draft->what_to_do = g_strdup (_("You don't need to do anything."));

  if (!anshin_transaction_get_has_program (transaction) || program_name == NULL)
    return;

  if (anshin_transaction_get_program_eligible (transaction))
    {
      gint64 points = anshin_transaction_get_program_points (transaction);

      /* TRANSLATORS: %1$s is a programme's name, %2$d points */
      draft->programme_impact = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "It counted toward your %1$s and earned %2$d point.",
                                                              "It counted toward your %1$s and earned %2$d points.",
                                                              points),
                                                 program_name, (int) MIN (points, G_MAXINT));
      return;
    }

  draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
  if (anshin_transaction_get_program_reason (transaction) == ANSHIN_PROGRAM_REASON_NETWORK_NOT_ELIGIBLE)
    {
      g_autofree char *required = required_labels (program);
      AnshinPaymentMethod *quicpay = find_method (methods, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
      gint64 would = anshin_program_points_for (program, anshin_transaction_get_amount (transaction));

      if (required != NULL)
        /* TRANSLATORS: %1$s is a programme's name, %2$s a payment method
         * or a list of them, %3$s the method used */
        draft->programme_impact = g_strdup_printf (_("It didn't count toward your %1$s: it only counts %2$s payments, and this one was made with %3$s."),
                                                   program_name, required, label);
      else
        draft->programme_impact = g_strdup_printf (_("It didn't count toward your %s: payments made this way don't count."),
                                                   program_name);

      if (would > 0)
        /* TRANSLATORS: %d is a number of points */
        draft->programme_impact = anshin_explainer_join (draft->programme_impact,
                                                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                                       "Made that way, it would have earned about %d point.",
                                                                                       "Made that way, it would have earned about %d points.",
                                                                                       would),
                                                                          (int) MIN (would, G_MAXINT)));

      if (anshin_program_requires_method (program, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY) && quicpay != NULL &&
          anshin_payment_method_is_unusable (quicpay))
        {
          draft->evidence = unavailable_reason (quicpay, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
          g_clear_pointer (&draft->what_to_do, g_free);
          /* TRANSLATORS: %s is a payment method or a list of them */
          draft->what_to_do = g_strdup_printf (_("Once %s works again, pay with it to have your payments count."),
                                               required != NULL ? required : anshin_payment_method_kind_get_label (ANSHIN_PAYMENT_METHOD_KIND_QUICPAY));
          /* when that is, as a row */
          anshin_explainer_schedule_method (draft, quicpay, methods, now);
        }
      else if (required != NULL)
        {
          g_clear_pointer (&draft->what_to_do, g_free);
          draft->what_to_do = g_strdup_printf (_("Pay with %s to have your payments count."), required);
        }
    }
  else
    draft->programme_impact = g_strdup_printf (_("It didn't count toward your %s; the issuer didn't say why."),
                                               program_name);
}

static void
explain_top_up (AnshinDraft       *draft,
                AnshinTransaction *transaction)
{
  g_autofree char *amount = anshin_format_yen (anshin_transaction_get_amount (transaction));
  g_autofree char *balance = anshin_format_yen (anshin_transaction_get_balance_after (transaction));

  /* TRANSLATORS: %s is an amount */
  draft->headline = g_strdup_printf (_("You topped up %s"), amount);
  /* TRANSLATORS: %s is an amount */
  draft->what_happened = g_strdup_printf (_("Your balance after the top-up was %s."), balance);
  draft->what_to_do = g_strdup (_("You don't need to do anything."));
}

/**
 * anshin_explain_transaction:
 * @transaction: an entry of the activity
 * @card: (nullable): the card
 * @methods: (nullable): the card's #AnshinPaymentMethods, as they are now
 * @programs: (nullable): the issuer's #AnshinPrograms
 * @now: the issuer's clock
 *
 * Explains @transaction: for a declined payment, why (the method wasn't
 * working and why, the card was frozen, the balance was short), what works
 * instead right now and what to do; for an approved payment that did not
 * count for the holder's programme, why, and what it would have earned.
 *
 * Returns: (transfer full): the explanation
 */
AnshinExplanation *
anshin_explain_transaction (AnshinTransaction *transaction,
                            AnshinCard        *card,
                            GListModel        *methods,
                            GListModel        *programs,
                            GDateTime         *now)
{
  AnshinDraft draft;

  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (transaction), NULL);
  g_return_val_if_fail (card == NULL || ANSHIN_IS_CARD (card), NULL);
  g_return_val_if_fail (methods == NULL || G_IS_LIST_MODEL (methods), NULL);
  g_return_val_if_fail (programs == NULL || G_IS_LIST_MODEL (programs), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  anshin_draft_init (&draft);

  if (!anshin_transaction_is_payment (transaction))
    explain_top_up (&draft, transaction);
  else if (anshin_transaction_is_declined (transaction))
    explain_declined (&draft, transaction, card, methods, programs, now);
  else
    explain_approved (&draft, transaction, methods, programs, now);

  return anshin_draft_finish (&draft);
}

/**
 * anshin_explain_decline_briefly:
 * @transaction: a declined payment
 * @methods: (nullable): the card's #AnshinPaymentMethods, as they are now
 * @now: the issuer's clock
 *
 * The plain words of a desktop notification at the moment of a decline,
 * e.g. "QUICPay (Apple Pay) was declined at FamilyMart: QUICPay isn't
 * working yet since your card's renewal: the issuer's data migration is
 * late. Right now Mastercard contactless works: you can pay with it
 * instead."
 *
 * Returns: (transfer full): the text
 */
char *
anshin_explain_decline_briefly (AnshinTransaction *transaction,
                                GListModel        *methods,
                                GDateTime         *now)
{
  g_autoptr(AnshinExplanation) explanation = NULL;
  char *text;

  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (transaction), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  explanation = anshin_explain_transaction (transaction, NULL, methods, NULL, now);

  /* TRANSLATORS: a headline and its reason, e.g. "QUICPay was declined at
   * FamilyMart: QUICPay isn't working yet since …"; Japanese: "%s。%s" */
  text = g_strdup_printf (C_("headline and reason", "%s: %s"),
                          anshin_explanation_get_headline (explanation),
                          anshin_explanation_get_evidence (explanation) != NULL ?
                            anshin_explanation_get_evidence (explanation) :
                            anshin_explanation_get_what_happened (explanation));

  if (anshin_explanation_get_what_to_do (explanation) != NULL &&
      anshin_transaction_get_decline_reason (transaction) == ANSHIN_DECLINE_REASON_NETWORK_UNAVAILABLE)
    text = anshin_explainer_join (text, g_strdup (anshin_explanation_get_what_to_do (explanation)));

  return text;
}

/* The `payment_declined` notice, from its params: transaction_id, method,
 * reason. The merchant and amount are in the activity, not the notice. */
void
anshin_explain_payment_declined_notice (AnshinDraft         *draft,
                                        AnshinNoticeContext *ctx)
{
  g_autoptr(AnshinTransaction) transaction = anshin_transaction_new ();
  const char *method = anshin_notice_get_param (ctx->notice, "method");
  const char *reason = anshin_notice_get_param (ctx->notice, "reason");
  int kind = ANSHIN_PAYMENT_METHOD_KIND_QUICPAY;
  int decline_reason = ANSHIN_DECLINE_REASON_OTHER;
  g_autofree char *label = NULL;
  g_autofree char *when = anshin_format_date_time (ctx->at);

  if (method == NULL || !anshin_enum_from_api (ANSHIN_TYPE_PAYMENT_METHOD_KIND, method, &kind))
    kind = -1;
  if (reason == NULL || !anshin_enum_from_api (ANSHIN_TYPE_DECLINE_REASON, reason, &decline_reason) ||
      decline_reason == ANSHIN_DECLINE_REASON_NONE)
    decline_reason = ANSHIN_DECLINE_REASON_OTHER;

  anshin_transaction_set_kind (transaction, ANSHIN_TRANSACTION_KIND_PAYMENT);
  anshin_transaction_set_status (transaction, ANSHIN_TRANSACTION_STATUS_DECLINED);
  anshin_transaction_set_decline_reason (transaction, decline_reason);
  anshin_transaction_set_occurred_at (transaction, ctx->at);

  if (kind < 0)
    {
      draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
      draft->headline = g_strdup (_("A payment with your card was declined"));
      /* TRANSLATORS: %s is a date and time */
      draft->what_happened = g_strdup_printf (_("On %s a payment with your card didn't go through, and nothing was taken from your balance."),
                                              when);
      draft->evidence = g_strdup (_("The issuer didn't say which way of paying was used."));
      draft->what_to_do = g_strdup (_("If you didn't try to pay then, contact the issuer's customer center."));
      anshin_explainer_add_contact (draft);
      return;
    }

  anshin_transaction_set_method (transaction, kind);
  explain_declined (draft, transaction, ctx->card, ctx->methods, ctx->programs, ctx->now);

  /* the notice has no shop: say which method and when */
  label = g_strdup (anshin_payment_method_kind_get_label (kind));
  g_clear_pointer (&draft->headline, g_free);
  /* TRANSLATORS: %s is a payment method */
  draft->headline = g_strdup_printf (_("A %s payment was declined"), label);
  g_clear_pointer (&draft->what_happened, g_free);
  draft->what_happened = g_strdup_printf (_("On %s a payment with your card didn't go through, and nothing was taken from your balance."),
                                          when);
}
