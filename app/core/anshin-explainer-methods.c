/* anshin-explainer-methods.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each payment method's state and reason, explained: why it doesn't work,
 * whether that was to be expected, when it will work, what the holder can
 * do (wait, reissue with a new number, unfreeze, re-add the card to a
 * wallet) and what it means for the programmes that count it. Also the
 * trade-off of a reissue with a new number, for its confirmation dialog.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-explainer.h"
#include "anshin-explainer-private.h"
#include "anshin-format.h"
#include "anshin-labels.h"

typedef struct
{
  AnshinPaymentMethod *method;
  AnshinPaymentMethodKind kind;
  const char *label;
  AnshinCard *card;
  GListModel *programs;
  GDateTime *now;
} Context;

/* The renewal date, once the card has been renewed. */
static GDateTime *
renewed_on (AnshinCard *card)
{
  if (anshin_card_get_renewal_status (card) != ANSHIN_RENEWAL_STATUS_COMPLETED)
    return NULL;

  return anshin_card_get_renewal_date (card);
}

/* A reissue with a new number helps only if it is faster than waiting. */
static gboolean
reissue_helps (Context *ctx)
{
  GDateTime *eta = anshin_payment_method_get_eta (ctx->method);
  AnshinCardState state = anshin_card_get_state (ctx->card);

  if (anshin_card_get_reissue_status (ctx->card) == ANSHIN_REISSUE_STATUS_IN_PROGRESS ||
      state == ANSHIN_CARD_STATE_REISSUING || state == ANSHIN_CARD_STATE_CLOSED ||
      state == ANSHIN_CARD_STATE_FROZEN)
    return FALSE;

  return !anshin_explainer_is_future (eta, ctx->now) ||
         g_date_time_difference (eta, ctx->now) > ANSHIN_REISSUE_DURATION;
}

/* Waiting, as advice. When is the schedule row's to say, not the
 * advice's: the advice says only that nothing is needed. */
static void
add_wait (AnshinDraft *draft,
          Context     *ctx,
          GDateTime   *until)
{
  /* TRANSLATORS: %s is a payment method; under "You can wait", beside a
   * row saying when it should work (or that no date is given) */
  g_autofree char *description = g_strdup_printf (_("%s starts working by itself."), ctx->label);

  anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_WAIT, ctx->kind, until, NULL, description);
}

static void
add_reissue (AnshinDraft *draft,
             Context     *ctx)
{
  g_autoptr(GDateTime) ready = g_date_time_add (ctx->now, ANSHIN_REISSUE_DURATION);
  g_autofree char *description = anshin_explainer_reissue_summary (ctx->kind, ctx->now);

  anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER, ctx->kind, ready, NULL, description);
}

/* @described: whether the button says how under it (not when what to do
 * says it already) */
static void
add_readd (AnshinDraft             *draft,
           AnshinPaymentMethodKind  wallet,
           gboolean                 described)
{
  const char *label = anshin_payment_method_kind_get_label (wallet);
  g_autofree char *button = g_strdup_printf (C_("action", "Re-add to %s"), label);
  g_autofree char *description = NULL;

  if (described)
    description = g_strdup_printf (_("Remove the old card from %s and add it again with the new number."),
                                   label);

  anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_READD_TO_WALLET, wallet, NULL, button, description);
}

static void
explain_available (AnshinDraft *draft,
                   Context     *ctx)
{
  GDateTime *since = anshin_payment_method_get_since (ctx->method);

  /* TRANSLATORS: %s is a payment method */
  draft->headline = g_strdup_printf (_("You can pay with %s"), ctx->label);
  if (since != NULL)
    {
      g_autofree char *since_text = anshin_format_date_time (since);

      draft->what_happened = g_strdup_printf (_("It has worked since %s."), since_text);
    }
  else
    draft->what_happened = g_strdup (_("It works."));
  draft->evidence = g_strdup (_("The issuer reports it as available."));
  draft->what_to_do = g_strdup (_("You don't need to do anything."));
  draft->programme_impact = anshin_explainer_programme_impact (ctx->programs, ctx->kind, ANSHIN_IMPACT_WORKS);
}

static void
explain_not_set_up (AnshinDraft *draft,
                    Context     *ctx)
{
  /* TRANSLATORS: %s is a payment method */
  draft->headline = g_strdup_printf (_("%s isn't set up"), ctx->label);
  draft->evidence = g_strdup (_("Nothing is wrong: a payment method only works once it has been set up."));

  if (ctx->kind == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)
    {
      draft->what_happened = g_strdup (_("QUICPay works through Apple Pay or Google Pay, and your card isn't set up there yet."));
      draft->what_to_do = g_strdup (_("To pay with QUICPay, add the card in Apple Pay or Google Pay on your phone."));
    }
  else if (anshin_explainer_is_wallet (ctx->kind))
    {
      draft->what_happened = g_strdup_printf (_("Your card hasn't been added to %s."), ctx->label);
      draft->what_to_do = g_strdup_printf (_("If you want to pay with %s, add the card in the wallet app on your phone."),
                                           ctx->label);
    }
  else
    {
      draft->what_happened = g_strdup_printf (_("The issuer reports %s as not set up for your card."), ctx->label);
      draft->what_to_do = g_strdup (_("If you need it, contact the issuer's customer center."));
      anshin_explainer_add_contact (draft);
    }

  draft->programme_impact = anshin_explainer_programme_impact (ctx->programs, ctx->kind, ANSHIN_IMPACT_NOT_SET_UP);
}

static void
explain_wallet_readd (AnshinDraft *draft,
                      Context     *ctx)
{
  g_autofree char *masked = anshin_explainer_masked_number (ctx->card);
  GDateTime *completed = anshin_card_get_reissue_completed_at (ctx->card);
  gboolean new_number = anshin_card_get_reissue_status (ctx->card) == ANSHIN_REISSUE_STATUS_COMPLETED &&
                        anshin_card_get_reissue_new_number (ctx->card);

  if (ctx->kind == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)
    {
      AnshinWallet via = anshin_payment_method_get_via (ctx->method);

      draft->headline = g_strdup (_("Add your card to Apple Pay or Google Pay again to use QUICPay"));
      /* TRANSLATORS: %s is "•••• 5678" */
      draft->what_happened = g_strdup_printf (_("Your card has a new number (%s), so QUICPay in your phone's wallet needs the card added again."),
                                              masked);
      draft->what_to_do = g_strdup (_("Remove the old card from your wallet app and add it again with the new number."));
      if (via == ANSHIN_WALLET_NONE || (via & ANSHIN_WALLET_APPLE_PAY) != 0)
        add_readd (draft, ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY, TRUE);
      if (via == ANSHIN_WALLET_NONE || (via & ANSHIN_WALLET_GOOGLE_PAY) != 0)
        add_readd (draft, ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY, TRUE);
    }
  else
    {
      /* TRANSLATORS: %s is "Apple Pay" or "Google Pay" */
      draft->headline = g_strdup_printf (_("Add your card to %s again"), ctx->label);
      if (new_number)
        /* TRANSLATORS: %1$s is "•••• 5678", %2$s "Apple Pay" or "Google Pay" */
        draft->what_happened = g_strdup_printf (_("Your card has a new number (%1$s), so the card saved in %2$s no longer works."),
                                                masked, ctx->label);
      else
        draft->what_happened = g_strdup_printf (_("The issuer says the card saved in %s no longer works and must be added again."),
                                                ctx->label);
      draft->what_to_do = g_strdup_printf (_("Remove the old card from %s and add it again with the new number."),
                                           ctx->label);
      /* what to do says how: the button doesn't say it again */
      add_readd (draft, ctx->kind, FALSE);
    }

  if (new_number)
    {
      g_autofree char *completed_text = anshin_format_date_time (completed != NULL ? completed : ctx->now);

      draft->evidence = g_strdup_printf (_("Your card was reissued with a new number on %s."), completed_text);
    }
  else
    {
      draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
      draft->evidence = g_strdup (_("Your card's details show no new number, so it isn't clear why; the issuer's customer center can tell you."));
      anshin_explainer_add_contact (draft);
    }

  /* when it works again is the schedule row's to say */
  if (!anshin_explainer_schedule_method (draft, ctx->method, NULL, ctx->now))
    draft->what_next = anshin_explainer_lagging_sentence (ctx->method, ctx->now);
  draft->programme_impact = anshin_explainer_programme_impact (ctx->programs, ctx->kind,
                                                               ANSHIN_IMPACT_UNTIL_WORKS_AGAIN);
}

static void
explain_card_frozen (AnshinDraft *draft,
                     Context     *ctx)
{
  if (anshin_card_get_state (ctx->card) == ANSHIN_CARD_STATE_FROZEN)
    {
      /* TRANSLATORS: %s is a payment method */
      draft->headline = g_strdup_printf (_("%s is paused while your card is frozen"), ctx->label);
      draft->what_happened = g_strdup_printf (_("Your card is frozen, so no payments go through, including with %s."),
                                              ctx->label);
      draft->evidence = g_strdup (_("Your card's details show it frozen."));
      draft->what_to_do = g_strdup (_("Unfreeze the card when you want to pay with it again."));
      if (!anshin_explainer_schedule_method (draft, ctx->method, NULL, ctx->now))
        draft->what_next = g_strdup_printf (_("%s works again as soon as the card is unfrozen."), ctx->label);
      anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_UNFREEZE_CARD, ctx->kind, NULL, NULL,
                               _("Payments work again straight away."));
    }
  else
    {
      /* TRANSLATORS: %s is a payment method */
      draft->headline = g_strdup_printf (_("%s is still paused"), ctx->label);
      draft->what_happened = g_strdup_printf (_("The issuer still reports %s as paused for a frozen card."), ctx->label);
      draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
      draft->evidence = g_strdup_printf (_("Your card is no longer frozen, but the issuer hasn't updated %s yet."),
                                         ctx->label);
      draft->what_to_do = g_strdup (_("Wait a few minutes; if it stays like this, contact the issuer's customer center."));
      draft->what_next = g_strdup_printf (_("%s should work again shortly."), ctx->label);
      anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_WAIT, ctx->kind, NULL, NULL, draft->what_next);
      anshin_explainer_add_contact (draft);
    }

  draft->programme_impact = anshin_explainer_programme_impact (ctx->programs, ctx->kind,
                                                               ANSHIN_IMPACT_UNTIL_WORKS_AGAIN);
}

static void
explain_reissue_in_progress (AnshinDraft *draft,
                             Context     *ctx)
{
  GDateTime *ready = anshin_card_get_reissue_ready_eta (ctx->card);
  GDateTime *requested = anshin_card_get_reissue_requested_at (ctx->card);
  /* the day the evidence names, if it names one */
  GDateTime *said_day = anshin_card_get_reissue_status (ctx->card) == ANSHIN_REISSUE_STATUS_IN_PROGRESS
                        ? (requested != NULL ? requested : ctx->now) : NULL;

  if (ready == NULL)
    ready = anshin_payment_method_get_eta (ctx->method);

  /* TRANSLATORS: %s is a payment method */
  draft->headline = g_strdup_printf (_("%s works again when your new card number is ready"), ctx->label);
  draft->what_happened = g_strdup_printf (_("Your card is being reissued with a new number; until it's ready, you can't pay with %s."),
                                          ctx->label);

  if (anshin_card_get_reissue_status (ctx->card) == ANSHIN_REISSUE_STATUS_IN_PROGRESS)
    {
      g_autofree char *requested_text = anshin_format_date_time (requested != NULL ? requested : ctx->now);

      draft->evidence = g_strdup_printf (_("You requested the reissue on %s."), requested_text);
    }
  else
    {
      draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
      draft->evidence = g_strdup (_("Your card's details show no reissue in progress."));
    }

  if (anshin_explainer_is_future (ready, ctx->now))
    {
      g_autofree char *relative = anshin_format_relative (ready, ctx->now);
      /* the evidence names the day of the request: the day once */
      g_autofree char *ready_text = anshin_explainer_ready_text (ready, said_day);

      /* the reissue's ready time is said here, once: no schedule row */
      draft->what_next = g_strdup_printf (_("Your new card number should be ready %1$s (%2$s)."), relative, ready_text);
    }
  else if (ready != NULL)
    draft->what_next = anshin_explainer_overdue_sentence (ready, said_day);

  if (anshin_explainer_is_wallet (ctx->kind))
    draft->what_next = anshin_explainer_join (draft->what_next,
                                              g_strdup_printf (_("Then re-add the card in %s."), ctx->label));

  if (draft->expectation == ANSHIN_EXPECTATION_EXPECTED)
    {
      draft->what_to_do = g_strdup (_("You don't need to do anything until the new number is ready."));
      anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_WAIT, ctx->kind, ready, NULL, draft->what_next);
    }
  else
    {
      draft->what_to_do = g_strdup (_("Wait a while; if it stays like this, contact the issuer's customer center."));
      anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_WAIT, ctx->kind, ready, NULL, draft->what_next);
      anshin_explainer_add_contact (draft);
    }
  draft->programme_impact = anshin_explainer_programme_impact (ctx->programs, ctx->kind,
                                                               anshin_explainer_is_future (ready, ctx->now) ? ANSHIN_IMPACT_UNTIL_THEN
                                                                                           : ANSHIN_IMPACT_UNTIL_WORKS_AGAIN);
}

/* renewal_migration_pending and renewal_migration_delayed */
static void
explain_migration (AnshinDraft *draft,
                   Context     *ctx)
{
  GDateTime *eta = anshin_payment_method_get_eta (ctx->method);
  GDateTime *renewal = renewed_on (ctx->card);
  g_autofree char *renewal_text = renewal != NULL ? anshin_format_date (renewal) : NULL;
  gboolean delayed = anshin_payment_method_get_reason (ctx->method) == ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED;
  gboolean dated = anshin_explainer_is_future (eta, ctx->now);
  gboolean offer_reissue = reissue_helps (ctx);

  if (delayed)
    {
      /* TRANSLATORS: %s is a payment method */
      draft->headline = g_strdup_printf (dated ? _("%s is delayed") : _("%s is delayed, with no new date"),
                                         ctx->label);

      if (renewal_text != NULL)
        /* TRANSLATORS: %1$s is a payment method, %2$s the renewal date */
        draft->what_happened = g_strdup_printf (_("%1$s stopped working when your card was renewed on %2$s."),
                                                ctx->label, renewal_text);
      else
        draft->what_happened = g_strdup_printf (_("%s doesn't work yet."), ctx->label);

      draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
      /* why, once: whether there is a new date is the headline's and the
       * schedule row's to say */
      draft->evidence = g_strdup (_("The issuer's data migration is late."));
    }
  else
    {
      if (renewal_text != NULL)
        {
          draft->headline = g_strdup_printf (_("%s is being updated after your card renewal"), ctx->label);
          /* TRANSLATORS: %1$s is the renewal date, %2$s a payment method */
          draft->what_happened = g_strdup_printf (_("Since your card was renewed on %1$s, the issuer has been moving your card's details over to %2$s; until that's finished, you can't pay with %2$s."),
                                                  renewal_text, ctx->label);
          /* what happened names the renewal's day already */
          draft->evidence = g_strdup (_("This is part of your card renewal: the issuer moves each payment method over to the renewed card."));
        }
      else
        {
          draft->headline = g_strdup_printf (_("%s is being updated"), ctx->label);
          draft->what_happened = g_strdup_printf (_("The issuer is moving your card's details to %1$s; until that's finished, you can't pay with %1$s."),
                                                  ctx->label);
          draft->evidence = g_strdup_printf (_("The issuer is still moving %s over to your card's current details."),
                                             ctx->label);
        }

      if (!dated)
        {
          draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
          g_free (draft->evidence);
          if (eta != NULL)
            /* the passed date is the schedule row's to say */
            draft->evidence = g_strdup (_("The time the issuer gave has passed, and they haven't given a new one."));
          else
            draft->evidence = anshin_explainer_lagging_sentence (ctx->method, ctx->now);
        }
    }

  /* when it should work is the schedule row's to say, not a sentence's */
  if (!dated && offer_reissue)
    draft->what_next = anshin_explainer_reissue_summary (ctx->kind, ctx->now);

  if (offer_reissue && dated)
    /* TRANSLATORS: %s is a payment method; the date is in a row beside */
    draft->what_to_do = g_strdup_printf (_("Wait, or reissue the card with a new number if you need %s sooner."),
                                         ctx->label);
  else if (offer_reissue)
    draft->what_to_do = g_strdup_printf (_("Wait for the issuer, or reissue the card with a new number if you need %s sooner."),
                                         ctx->label);
  else if (dated)
    draft->what_to_do = g_strdup (_("You don't need to do anything."));
  else
    draft->what_to_do = g_strdup (_("Wait for the issuer; if it takes too long, contact the issuer's customer center."));

  add_wait (draft, ctx, dated ? eta : NULL);
  if (offer_reissue)
    add_reissue (draft, ctx);
  else if (!dated)
    anshin_explainer_add_contact (draft);
  anshin_explainer_schedule_method (draft, ctx->method, NULL, ctx->now);

  draft->programme_impact = anshin_explainer_programme_impact (ctx->programs, ctx->kind,
                                                               dated ? ANSHIN_IMPACT_UNTIL_THEN
                                                                     : ANSHIN_IMPACT_UNTIL_WORKS_AGAIN);
}

/* updating or unavailable, and the issuer gives no reason */
static void
explain_no_reason (AnshinDraft *draft,
                   Context     *ctx)
{
  GDateTime *eta = anshin_payment_method_get_eta (ctx->method);
  gboolean dated = anshin_explainer_is_future (eta, ctx->now);

  if (anshin_payment_method_get_state (ctx->method) == ANSHIN_PAYMENT_METHOD_STATE_UPDATING)
    {
      draft->headline = g_strdup_printf (_("%s is being updated"), ctx->label);
      draft->what_happened = g_strdup_printf (_("The issuer is updating %s; you can't pay with it until that's finished."),
                                              ctx->label);
    }
  else
    {
      /* TRANSLATORS: %s is a payment method */
      draft->headline = g_strdup_printf (_("%s can't be used right now"), ctx->label);
      draft->what_happened = g_strdup_printf (_("The issuer reports %s as unavailable."), ctx->label);
    }

  if (dated)
    {
      draft->evidence = g_strdup (_("The issuer has given a date for it."));
      /* the date is in a row beside */
      draft->what_to_do = g_strdup (_("Wait for it; you can pay another way meanwhile."));
    }
  else
    {
      draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
      draft->evidence = g_strdup (_("The issuer hasn't said why or for how long."));
      draft->what_to_do = g_strdup (_("Wait a while; if it stays like this, contact the issuer's customer center."));
    }

  add_wait (draft, ctx, dated ? eta : NULL);
  if (!dated)
    anshin_explainer_add_contact (draft);
  /* when it should work, or that nobody has said */
  if (!anshin_explainer_schedule_method (draft, ctx->method, NULL, ctx->now))
    draft->what_next = anshin_explainer_lagging_sentence (ctx->method, ctx->now);
  draft->programme_impact = anshin_explainer_programme_impact (ctx->programs, ctx->kind,
                                                               dated ? ANSHIN_IMPACT_UNTIL_THEN
                                                                     : ANSHIN_IMPACT_UNTIL_WORKS_AGAIN);
}

/**
 * anshin_explain_payment_method:
 * @method: a payment method of the card
 * @card: the card
 * @programs: (nullable): the issuer's #AnshinPrograms
 * @now: the issuer's clock
 *
 * Explains why @method works or not, when that will change, what the
 * holder can do, and what it means for the programmes that count it.
 *
 * Returns: (transfer full): the explanation
 */
AnshinExplanation *
anshin_explain_payment_method (AnshinPaymentMethod *method,
                               AnshinCard          *card,
                               GListModel          *programs,
                               GDateTime           *now)
{
  AnshinDraft draft;
  Context ctx;

  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (method), NULL);
  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);
  g_return_val_if_fail (programs == NULL || G_IS_LIST_MODEL (programs), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  ctx.method = method;
  ctx.kind = anshin_payment_method_get_kind (method);
  ctx.label = anshin_payment_method_kind_get_label (ctx.kind);
  ctx.card = card;
  ctx.programs = programs;
  ctx.now = now;

  anshin_draft_init (&draft);

  /* Available wins over any stale reason; re-adding to a wallet is the
   * fix whatever state the issuer reports with it. */
  if (anshin_payment_method_get_state (method) == ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE)
    explain_available (&draft, &ctx);
  else if (anshin_payment_method_get_reason (method) == ANSHIN_PAYMENT_METHOD_REASON_WALLET_READD_REQUIRED)
    explain_wallet_readd (&draft, &ctx);
  else if (anshin_payment_method_get_state (method) == ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP)
    explain_not_set_up (&draft, &ctx);
  else
    {
      switch (anshin_payment_method_get_reason (method))
        {
        case ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN:
          explain_card_frozen (&draft, &ctx);
          break;
        case ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS:
          explain_reissue_in_progress (&draft, &ctx);
          break;
        case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING:
        case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED:
          explain_migration (&draft, &ctx);
          break;
        case ANSHIN_PAYMENT_METHOD_REASON_NONE:
        case ANSHIN_PAYMENT_METHOD_REASON_WALLET_READD_REQUIRED:
        default:
          explain_no_reason (&draft, &ctx);
          break;
        }
    }

  return anshin_draft_finish (&draft);
}
