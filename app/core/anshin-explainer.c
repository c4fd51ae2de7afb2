/* anshin-explainer.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer's notices, explained in plain language: what happened,
 * whether the holder had been told to expect it (checked against the card:
 * its renewal, physical card and reissue), what to do and what happens
 * next. The words a worried cardholder reads, so: calm, concrete, dated,
 * and never the issuer's own title.
 *
 * Notice params read here (all optional; the card is the main source):
 * "renewal_date" (YYYY-MM-DD) for renewal_scheduled; "eta" (YYYY-MM-DD)
 * for physical_card_shipped; "locked_until" (RFC 3339) for
 * charge_card_registration_locked; "amount" (yen) and "charge_card_last4"
 * for charge_completed; "last4" for charge_card_registered.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-explainer.h"
#include "anshin-explainer-private.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-time.h"

typedef AnshinNoticeContext Context;

static void
add_freeze_and_contact (AnshinDraft *draft,
                        AnshinCard  *card)
{
  if (anshin_card_get_state (card) != ANSHIN_CARD_STATE_FROZEN)
    anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_FREEZE_CARD, 0, NULL, NULL,
                             _("Stops every payment with this card until you unfreeze it."));
  anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_CONTACT_ISSUER, 0, NULL, NULL,
                           _("Ask the issuer's customer center whether they made this change."));
}

static char *
number_sentence (AnshinCard *card,
                 gboolean    changed)
{
  g_autofree char *masked = anshin_explainer_masked_number (card);

  if (changed)
    /* TRANSLATORS: %s is the masked card number, "•••• 5678" */
    return g_strdup_printf (_("Your card has a new number (%s)."), masked);

  /* TRANSLATORS: %s is the masked card number, "•••• 1234" */
  return g_strdup_printf (_("Your card number has not changed (%s)."), masked);
}

/* Where the new physical card is, for a card that has one. */
static char *
physical_sentence (AnshinCard *card)
{
  GDateTime *eta = anshin_card_get_physical_eta (card);
  g_autofree char *eta_text = eta != NULL ? anshin_format_date (eta) : NULL;

  switch (anshin_card_get_physical_status (card))
    {
    case ANSHIN_PHYSICAL_CARD_STATUS_PREPARING:
      if (eta_text != NULL)
        return g_strdup_printf (_("Your new physical card is being prepared and should arrive around %s."), eta_text);
      return g_strdup (_("Your new physical card is being prepared; it usually arrives about two weeks after the renewal."));
    case ANSHIN_PHYSICAL_CARD_STATUS_SHIPPED:
      if (eta_text != NULL)
        return g_strdup_printf (_("Your new physical card is on its way and should arrive on %s."), eta_text);
      return g_strdup (_("Your new physical card is on its way."));
    case ANSHIN_PHYSICAL_CARD_STATUS_NONE:
      if (anshin_card_get_form (card) == ANSHIN_CARD_FORM_VIRTUAL)
        return g_strdup (_("Your card is virtual only, so no physical card is sent."));
      return NULL;
    case ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED:
    default:
      return NULL;
    }
}

/* The methods that aren't working yet: what to do, when they will, and
 * what that means for programmes. */
static void
explain_lagging_methods (AnshinDraft *draft,
                         Context     *ctx)
{
  g_autoptr(GPtrArray) lagging = anshin_explainer_lagging_methods (ctx->methods);
  g_autofree char *names = NULL;

  if (lagging->len == 0)
    {
      draft->what_to_do = g_strdup (_("You don't need to do anything."));
      return;
    }

  names = anshin_explainer_method_names (lagging);
  /* TRANSLATORS: %s is a payment method or a list of them, e.g. "QUICPay"
   * or "QUICPay, Apple Pay and Google Pay" */
  draft->what_to_do = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Nothing for the card itself, but %s isn't ready yet: the Methods page shows what you can do.",
                                                    "Nothing for the card itself, but %s aren't ready yet: the Methods page shows what you can do.",
                                                    lagging->len),
                                       names);

  /* when each should work: one sentence for one method, rows with dates
   * for several (not a near-identical sentence each) */
  if (lagging->len == 1)
    draft->what_next = anshin_explainer_join (draft->what_next,
                                              anshin_explainer_lagging_sentence (g_ptr_array_index (lagging, 0),
                                                                                 ctx->now));
  else
    anshin_explainer_schedule_methods (draft, lagging, ctx->now);

  for (guint i = 0; i < lagging->len; i++)
    {
      AnshinPaymentMethod *method = g_ptr_array_index (lagging, i);
      AnshinPaymentMethodKind kind = anshin_payment_method_get_kind (method);
      GDateTime *eta = anshin_payment_method_get_eta (method);
      gboolean dated = eta != NULL && g_date_time_compare (eta, ctx->now) > 0;

      /* the programme's sentence once, however many methods it counts */
      draft->programme_impact =
        anshin_explainer_join_once (draft->programme_impact,
                                    anshin_explainer_programme_impact (ctx->programs, kind,
                                                                       dated ? ANSHIN_IMPACT_UNTIL_THEN
                                                                             : ANSHIN_IMPACT_UNTIL_WORKS_AGAIN));
    }

  anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, 0, NULL, NULL,
                           _("See which payment methods work right now and your options."));
}

static void
explain_renewal_scheduled (AnshinDraft *draft,
                           Context     *ctx)
{
  GDateTime *card_date = anshin_card_get_renewal_date (ctx->card);
  const char *param = anshin_notice_get_param (ctx->notice, "renewal_date");
  g_autoptr(GDateTime) date = param != NULL ? anshin_date_parse (param) : NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *masked = anshin_explainer_masked_number (ctx->card);
  guint new_month = anshin_card_get_renewal_new_exp_month (ctx->card);
  guint new_year = anshin_card_get_renewal_new_exp_year (ctx->card);
  gboolean card_knows = anshin_card_get_renewal_status (ctx->card) != ANSHIN_RENEWAL_STATUS_NONE &&
                        card_date != NULL;

  if (date == NULL && card_knows)
    date = g_date_time_ref (card_date);

  if (date == NULL)
    {
      draft->headline = g_strdup (_("The issuer announced a card renewal"));
      draft->what_happened = g_strdup (_("The issuer says your card will be renewed, but your card's details don't show a renewal date yet."));
      draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
      draft->evidence = g_strdup (_("Without a date in your card's details, this notice can't be checked against them."));
      draft->what_to_do = g_strdup (_("If you're unsure, ask the issuer's customer center for the renewal date."));
      anshin_explainer_add_contact (draft);
      return;
    }

  date_text = anshin_format_date (date);
  /* TRANSLATORS: %s is a date, e.g. "30 Nov 2025" */
  draft->headline = g_strdup_printf (_("Your card will be renewed on %s"), date_text);

  if (new_month >= 1 && new_month <= 12 && new_year > 0)
    {
      g_autofree char *expiry = anshin_format_month_year (new_month, new_year);

      /* the date is the headline's: said once */
      /* TRANSLATORS: %s is the new expiry in prose, "November 2030" */
      draft->what_happened = g_strdup_printf (_("It renews automatically, with the new expiry date %s."),
                                              expiry);
    }
  else
    draft->what_happened = g_strdup (_("It renews automatically."));

  if (anshin_card_get_renewal_number_changes (ctx->card))
    draft->what_happened = anshin_explainer_join (draft->what_happened,
                                                  g_strdup (_("It will get a new card number.")));
  else
    draft->what_happened = anshin_explainer_join (draft->what_happened,
                                                  /* TRANSLATORS: %s is "•••• 1234"; カード番号は原則そのまま */
                                                  g_strdup_printf (_("Your card number stays the same (%s)."), masked));

  if (card_knows && anshin_explainer_same_day (date, card_date))
    {
      draft->evidence = g_strdup (_("Your card's details show the same renewal date."));
      draft->what_to_do = g_strdup (_("You don't need to do anything: the card switches over by itself."));
    }
  else
    {
      draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
      draft->evidence = g_strdup (_("Your card's details don't show this renewal date yet."));
      draft->what_to_do = g_strdup (_("If you're unsure, ask the issuer's customer center to confirm the renewal."));
      anshin_explainer_add_contact (draft);
    }

  if (anshin_card_get_renewal_status (ctx->card) == ANSHIN_RENEWAL_STATUS_COMPLETED)
    {
      draft->what_next = g_strdup (_("Your card has since been renewed, as announced."));
      return;
    }

  /* The point of explaining this notice: defuse the scary one ahead. */
  /* TRANSLATORS: the quoted name is the issuer's notice, カード有効化完了のお知らせ */
  draft->what_next = g_strdup (_("That day you'll get a “card activation complete” notice. That is the renewal, not a sign that someone else has your card."));
  if (anshin_card_get_form (ctx->card) == ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL)
    draft->what_next = anshin_explainer_join (draft->what_next,
                                              g_strdup (_("Your new physical card arrives about two weeks after that.")));
}

static gboolean
matches_renewal (Context *ctx)
{
  AnshinRenewalStatus status = anshin_card_get_renewal_status (ctx->card);

  if (status == ANSHIN_RENEWAL_STATUS_NONE)
    return FALSE;

  return anshin_explainer_same_day (ctx->at, anshin_card_get_renewal_date (ctx->card)) ||
         (status == ANSHIN_RENEWAL_STATUS_COMPLETED &&
          anshin_explainer_same_day (ctx->at, anshin_card_get_renewal_completed_at (ctx->card)));
}

static gboolean
matches_reissue (Context *ctx)
{
  if (anshin_card_get_reissue_status (ctx->card) == ANSHIN_REISSUE_STATUS_NONE)
    return FALSE;

  return anshin_explainer_same_day (ctx->at, anshin_card_get_reissue_requested_at (ctx->card)) ||
         anshin_explainer_same_day (ctx->at, anshin_card_get_reissue_ready_eta (ctx->card)) ||
         anshin_explainer_same_day (ctx->at, anshin_card_get_reissue_completed_at (ctx->card));
}

static void
explain_card_activated (AnshinDraft *draft,
                        Context     *ctx)
{
  g_autofree char *at_text = anshin_format_date (ctx->at);
  g_autofree char *masked = anshin_explainer_masked_number (ctx->card);
  GDateTime *renewal_date = anshin_card_get_renewal_date (ctx->card);
  g_autofree char *renewal_text = renewal_date != NULL ? anshin_format_date (renewal_date) : NULL;

  if (matches_renewal (ctx))
    {
      GDateTime *announced = anshin_card_get_renewal_announced_at (ctx->card);
      guint month = anshin_card_get_renewal_new_exp_month (ctx->card);
      guint year = anshin_card_get_renewal_new_exp_year (ctx->card);

      draft->headline = g_strdup (_("Your card was renewed as planned"));
      if (month >= 1 && month <= 12 && year > 0)
        {
          g_autofree char *expiry = anshin_format_month_year (month, year);

          /* TRANSLATORS: %1$s is a date, %2$s the new expiry, "November 2030"; the
           * quoted name is the issuer's notice, カード有効化完了のお知らせ */
          draft->what_happened = g_strdup_printf (_("On %1$s your card switched to its new expiry date, %2$s. The issuer calls this “card activation complete”."),
                                                  at_text, expiry);
        }
      else
        draft->what_happened = g_strdup_printf (_("On %s your card was renewed. The issuer calls this “card activation complete”."),
                                                at_text);

      /* the day is in what happened: the renewal date only when it differs */
      if (announced != NULL && anshin_explainer_same_day (ctx->at, renewal_date))
        {
          g_autofree char *announced_text = anshin_format_date (announced);

          /* TRANSLATORS: %s is the date the renewal was announced */
          draft->evidence = g_strdup_printf (_("This is the renewal announced on %s."), announced_text);
        }
      else if (announced != NULL)
        {
          g_autofree char *announced_text = anshin_format_date (announced);

          /* TRANSLATORS: %1$s is the date the renewal was announced, %2$s the renewal date */
          draft->evidence = g_strdup_printf (_("This matches the renewal announced on %1$s for %2$s."),
                                             announced_text, renewal_text);
        }
      else if (anshin_explainer_same_day (ctx->at, renewal_date))
        draft->evidence = g_strdup (_("This is the renewal scheduled for that day."));
      else
        draft->evidence = g_strdup_printf (_("This matches the renewal scheduled for %s."), renewal_text);

      draft->evidence = anshin_explainer_join (draft->evidence,
                                               number_sentence (ctx->card,
                                                                anshin_card_get_renewal_number_changes (ctx->card)));
      draft->what_next = physical_sentence (ctx->card);
      explain_lagging_methods (draft, ctx);
      return;
    }

  if (matches_reissue (ctx))
    {
      g_autofree char *requested = NULL;
      gboolean new_number = anshin_card_get_reissue_new_number (ctx->card);

      draft->headline = g_strdup (_("Your reissued card is active"));
      draft->what_happened = g_strdup_printf (_("Your reissued card was activated on %s."), at_text);
      if (anshin_explainer_same_day (ctx->at, anshin_card_get_reissue_requested_at (ctx->card)))
        {
          /* the day is in what happened */
          requested = anshin_format_time (anshin_card_get_reissue_requested_at (ctx->card));
          /* TRANSLATORS: %s is a time of day, "10:15" */
          draft->evidence = g_strdup_printf (_("This matches the reissue requested that day at %s."), requested);
        }
      else if (anshin_card_get_reissue_requested_at (ctx->card) != NULL)
        {
          requested = anshin_format_date_time (anshin_card_get_reissue_requested_at (ctx->card));
          draft->evidence = g_strdup_printf (_("This matches the reissue requested on %s."), requested);
        }
      else
        draft->evidence = g_strdup (_("This matches the reissue in your card's details."));
      draft->evidence = anshin_explainer_join (draft->evidence, number_sentence (ctx->card, new_number));
      explain_lagging_methods (draft, ctx);
      return;
    }

  draft->expectation = ANSHIN_EXPECTATION_UNEXPECTED;
  if (anshin_card_get_renewal_status (ctx->card) != ANSHIN_RENEWAL_STATUS_NONE && renewal_text != NULL)
    {
      draft->headline = g_strdup (_("Your card was activated on a day no renewal was planned"));
      /* the day of the activation is in what happened */
      /* TRANSLATORS: %s is the renewal date */
      draft->evidence = g_strdup_printf (_("Your renewal is scheduled for %s, and no reissue was requested."),
                                         renewal_text);
    }
  else
    {
      draft->headline = g_strdup (_("Your card was activated, but no renewal was announced"));
      draft->evidence = g_strdup (_("Your card has no renewal scheduled and no reissue requested, so nothing you were told explains this activation."));
    }

  /* TRANSLATORS: %1$s is "•••• 1234", %2$s a date */
  draft->what_happened = g_strdup_printf (_("The issuer says your card (%1$s) was activated on %2$s."),
                                          masked, at_text);
  if (anshin_card_get_state (ctx->card) == ANSHIN_CARD_STATE_FROZEN)
    draft->what_to_do = g_strdup (_("Your card is already frozen: contact the issuer's customer center and ask who activated it."));
  else
    draft->what_to_do = g_strdup (_("Freeze your card now so nobody can pay with it, then contact the issuer's customer center."));
  /* what freezing does is the Freeze button's description */
  draft->what_next = g_strdup (_("Unfreeze it once the issuer has confirmed that everything is in order."));
  add_freeze_and_contact (draft, ctx->card);
}

/* Whether the card has a physical card coming at all. */
static gboolean
expects_physical_card (AnshinCard *card)
{
  return anshin_card_get_form (card) == ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL &&
         anshin_card_get_physical_status (card) != ANSHIN_PHYSICAL_CARD_STATUS_NONE;
}

static char *
physical_evidence (AnshinCard *card)
{
  GDateTime *renewed = anshin_card_get_renewal_completed_at (card);

  if (anshin_card_get_renewal_status (card) == ANSHIN_RENEWAL_STATUS_COMPLETED && renewed != NULL)
    {
      g_autofree char *renewed_text = anshin_format_date (renewed);

      return g_strdup_printf (_("New physical cards are sent about two weeks after the renewal, and your card was renewed on %s."),
                              renewed_text);
    }

  return g_strdup (_("Your card's details list a physical card being sent."));
}

static void
explain_physical_unexpected (AnshinDraft *draft)
{
  draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
  draft->evidence = g_strdup (_("Your card's details don't list a physical card on its way."));
  draft->what_to_do = g_strdup (_("Contact the issuer's customer center to ask about this card."));
  anshin_explainer_add_contact (draft);
}

static void
explain_physical_shipped (AnshinDraft *draft,
                          Context     *ctx)
{
  GDateTime *shipped = anshin_card_get_physical_shipped_at (ctx->card);
  g_autofree char *shipped_text = anshin_format_date (shipped != NULL ? shipped : ctx->at);
  const char *param = anshin_notice_get_param (ctx->notice, "eta");
  g_autoptr(GDateTime) eta = param != NULL ? anshin_date_parse (param) : NULL;
  g_autofree char *masked = anshin_explainer_masked_number (ctx->card);

  if (anshin_card_get_physical_eta (ctx->card) != NULL)
    {
      g_clear_pointer (&eta, g_date_time_unref);
      eta = g_date_time_ref (anshin_card_get_physical_eta (ctx->card));
    }

  draft->headline = g_strdup (_("Your new physical card is on its way"));
  draft->what_happened = g_strdup_printf (_("The issuer shipped your new physical card on %s."), shipped_text);

  if (!expects_physical_card (ctx->card))
    {
      explain_physical_unexpected (draft);
      return;
    }

  draft->evidence = physical_evidence (ctx->card);
  /* TRANSLATORS: %s is "•••• 1234" */
  draft->what_to_do = g_strdup_printf (_("You don't need to do anything; the physical card has the same number as your virtual card (%s)."),
                                       masked);

  if (anshin_card_get_physical_status (ctx->card) == ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED &&
      anshin_card_get_physical_delivered_at (ctx->card) != NULL)
    {
      g_autofree char *delivered = anshin_format_date (anshin_card_get_physical_delivered_at (ctx->card));

      draft->what_next = g_strdup_printf (_("It was delivered on %s."), delivered);
    }
  else if (eta != NULL)
    {
      g_autofree char *eta_text = anshin_format_date (eta);

      draft->what_next = g_strdup_printf (_("It should arrive on %s."), eta_text);
    }
  else
    draft->what_next = g_strdup (_("It usually arrives within a few days."));
}

static void
explain_physical_delivered (AnshinDraft *draft,
                            Context     *ctx)
{
  GDateTime *delivered = anshin_card_get_physical_delivered_at (ctx->card);
  GDateTime *shipped = anshin_card_get_physical_shipped_at (ctx->card);
  g_autofree char *delivered_text = anshin_format_date (delivered != NULL ? delivered : ctx->at);
  const char *last4 = anshin_card_get_number_last4 (ctx->card);

  draft->headline = g_strdup (_("Your new physical card was delivered"));
  draft->what_happened = g_strdup_printf (_("Your new physical card was delivered on %s."), delivered_text);

  if (!expects_physical_card (ctx->card))
    {
      explain_physical_unexpected (draft);
      return;
    }

  if (shipped != NULL)
    {
      g_autofree char *shipped_text = anshin_format_date (shipped);

      draft->evidence = anshin_explainer_join (g_strdup_printf (_("It was shipped on %s."), shipped_text),
                                               physical_evidence (ctx->card));
    }
  else
    draft->evidence = physical_evidence (ctx->card);

  /* TRANSLATORS: %s is the last 4 digits of the card number */
  draft->what_to_do = g_strdup_printf (_("Check that the number on the new card ends in %s; if you didn't receive it, contact the issuer's customer center."),
                                       last4 != NULL ? last4 : "");
}

/**
 * anshin_explain_notice:
 * @notice: a notice from the issuer
 * @card: the card the notice is about
 * @methods: (nullable): the card's #AnshinPaymentMethods
 * @programs: (nullable): the issuer's #AnshinPrograms
 * @now: the issuer's clock
 *
 * Explains @notice in plain language, checked against what the holder was
 * told would happen: a `card_activated` notice on the renewal day is
 * expected; one with no renewal or reissue behind it is unexpected and
 * comes with the actions to take (freeze the card, contact the issuer).
 *
 * Returns: (transfer full): the explanation
 */
AnshinExplanation *
anshin_explain_notice (AnshinNotice *notice,
                       AnshinCard   *card,
                       GListModel   *methods,
                       GListModel   *programs,
                       GDateTime    *now)
{
  AnshinDraft draft;
  Context ctx;

  g_return_val_if_fail (ANSHIN_IS_NOTICE (notice), NULL);
  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);
  g_return_val_if_fail (methods == NULL || G_IS_LIST_MODEL (methods), NULL);
  g_return_val_if_fail (programs == NULL || G_IS_LIST_MODEL (programs), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  ctx.notice = notice;
  ctx.card = card;
  ctx.methods = methods;
  ctx.programs = programs;
  ctx.now = now;
  ctx.at = anshin_notice_get_issued_at (notice);
  if (ctx.at == NULL)
    ctx.at = now;

  anshin_draft_init (&draft);

  switch (anshin_notice_get_code (notice))
    {
    case ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED:
      explain_renewal_scheduled (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_CARD_ACTIVATED:
      explain_card_activated (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_PHYSICAL_CARD_SHIPPED:
      explain_physical_shipped (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_PHYSICAL_CARD_DELIVERED:
      explain_physical_delivered (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_REISSUE_STARTED:
      anshin_explain_reissue_started_notice (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_REISSUE_COMPLETED:
      anshin_explain_reissue_completed_notice (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_CARD_FROZEN:
      anshin_explain_card_frozen_notice (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_CARD_UNFROZEN:
      anshin_explain_card_unfrozen_notice (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTERED:
      anshin_explain_charge_card_registered_notice (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTRATION_LOCKED:
      anshin_explain_registration_locked_notice (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_CHARGE_COMPLETED:
      anshin_explain_charge_completed_notice (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_PAYMENT_DECLINED:
      anshin_explain_payment_declined_notice (&draft, &ctx);
      break;
    case ANSHIN_NOTICE_CODE_UNKNOWN:
    default:
      anshin_explain_unknown_notice (&draft, &ctx);
      break;
    }

  return anshin_draft_finish (&draft);
}
