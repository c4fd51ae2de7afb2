/* anshin-explainer-notices.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The second half of the notice explainer (anshin-explainer.c has the
 * renewal, activation and physical-card notices): reissues, freezing,
 * charge cards, top-ups, and notices this version doesn't know.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-explainer.h"
#include "anshin-explainer-private.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-time.h"

typedef AnshinNoticeContext Context;

/* Whether the reissue in the card's details gives a new number; a notice
 * about a reissue the card doesn't show may say so in its params. */
static gboolean
reissue_gives_new_number (Context *ctx)
{
  const char *param;

  if (anshin_card_get_reissue_status (ctx->card) != ANSHIN_REISSUE_STATUS_NONE)
    return anshin_card_get_reissue_new_number (ctx->card);

  param = anshin_notice_get_param (ctx->notice, "new_number");
  return g_strcmp0 (param, "true") == 0;
}

static char *
reissue_evidence (Context    *ctx,
                  const char *matches_format)
{
  GDateTime *requested = anshin_card_get_reissue_requested_at (ctx->card);
  g_autofree char *requested_text = NULL;

  if (requested == NULL)
    return g_strdup (_("This matches the reissue in your card's details."));

  requested_text = anshin_format_date_time (requested);
  return g_strdup_printf (matches_format, requested_text);
}

static void
explain_reissue_unknown (AnshinDraft *draft)
{
  draft->expectation = ANSHIN_EXPECTATION_UNEXPECTED;
  draft->evidence = g_strdup (_("Your card's details show no reissue request."));
  draft->what_to_do = g_strdup (_("If you didn't ask for a reissue, contact the issuer's customer center now."));
  anshin_explainer_add_contact (draft);
}

void
anshin_explain_reissue_started_notice (AnshinDraft *draft,
                                       Context     *ctx)
{
  gboolean new_number = reissue_gives_new_number (ctx);
  AnshinReissueStatus status = anshin_card_get_reissue_status (ctx->card);
  GDateTime *ready = anshin_card_get_reissue_ready_eta (ctx->card);
  g_autoptr(GPtrArray) lagging = anshin_explainer_lagging_methods (ctx->methods);
  g_autoptr(GPtrArray) paused = g_ptr_array_new ();

  if (new_number)
    {
      draft->headline = g_strdup (_("Your card is being reissued with a new number"));
      draft->what_happened = g_strdup (_("The issuer is giving your card a new number."));
    }
  else
    {
      draft->headline = g_strdup (_("Your card is being reissued"));
      draft->what_happened = g_strdup (_("The issuer is reissuing your card; its number stays the same."));
    }

  for (guint i = 0; i < lagging->len; i++)
    {
      AnshinPaymentMethod *method = g_ptr_array_index (lagging, i);

      if (anshin_payment_method_get_reason (method) == ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS)
        g_ptr_array_add (paused, (gpointer) anshin_payment_method_kind_get_label (anshin_payment_method_get_kind (method)));
    }
  if (paused->len > 0)
    {
      g_autofree char *names = anshin_explainer_join_labels (paused);

      /* TRANSLATORS: %s is a payment method or a list of them */
      draft->what_happened = anshin_explainer_join (draft->what_happened,
                                                    g_strdup_printf (_("Until it's ready, %s can't be used."), names));
    }

  if (status == ANSHIN_REISSUE_STATUS_NONE)
    {
      explain_reissue_unknown (draft);
      return;
    }

  /* TRANSLATORS: %s is a date and time */
  draft->evidence = reissue_evidence (ctx, _("This matches the reissue requested on %s."));

  if (status == ANSHIN_REISSUE_STATUS_COMPLETED)
    {
      GDateTime *completed = anshin_card_get_reissue_completed_at (ctx->card);
      GDateTime *requested = anshin_card_get_reissue_requested_at (ctx->card);
      g_autofree char *completed_text = NULL;

      if (completed == NULL)
        completed = ctx->now;
      completed_text = anshin_explainer_ready_text (completed, requested);

      draft->what_to_do = g_strdup (_("You don't need to do anything about this notice: the reissue is finished."));
      if (anshin_explainer_same_day (completed, requested))
        /* TRANSLATORS: %s is a time of day, "13:15"; the day of the
         * request was said before */
        draft->what_next = g_strdup_printf (_("It was ready at %s."), completed_text);
      else
        draft->what_next = g_strdup_printf (_("It was ready on %s."), completed_text);
      return;
    }

  draft->what_to_do = g_strdup (_("You don't need to do anything until it's ready."));

  if (ready != NULL && g_date_time_compare (ready, ctx->now) > 0)
    {
      g_autofree char *relative = anshin_format_relative (ready, ctx->now);
      /* the day is the request's, said in the evidence: the time is enough */
      g_autofree char *ready_text = anshin_explainer_same_day (ready, anshin_card_get_reissue_requested_at (ctx->card))
                                    ? anshin_format_time (ready) : anshin_format_date_time (ready);

      if (new_number)
        /* TRANSLATORS: %1$s is e.g. "in about 3 hours", %2$s a date and time */
        draft->what_next = g_strdup_printf (_("Your new card number should be ready %1$s (%2$s)."), relative, ready_text);
      else
        draft->what_next = g_strdup_printf (_("Your reissued card should be ready %1$s (%2$s)."), relative, ready_text);
    }
  else if (ready != NULL)
    /* the day of the request is said in the evidence already */
    draft->what_next = anshin_explainer_overdue_sentence (ready, anshin_card_get_reissue_requested_at (ctx->card));

  if (new_number)
    {
      g_autoptr(GPtrArray) wallets = anshin_explainer_wallets_in_use (ctx->methods);
      g_autofree char *names = anshin_explainer_method_names (wallets);

      if (names != NULL)
        /* TRANSLATORS: %s is a wallet or a list of them, "Apple Pay and Google Pay" */
        draft->what_next = anshin_explainer_join (draft->what_next,
                                                  g_strdup_printf (_("Then re-add the card in %s."), names));
    }

  anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_WAIT, 0, ready, NULL,
                           draft->what_next);
}

void
anshin_explain_reissue_completed_notice (AnshinDraft *draft,
                                         Context     *ctx)
{
  gboolean new_number = reissue_gives_new_number (ctx);
  g_autofree char *masked = anshin_explainer_masked_number (ctx->card);
  const char *last4 = anshin_card_get_number_last4 (ctx->card);
  g_autoptr(GPtrArray) wallets = anshin_explainer_wallets_in_use (ctx->methods);
  g_autofree char *names = anshin_explainer_method_names (wallets);
  guint n_methods = ctx->methods != NULL ? g_list_model_get_n_items (ctx->methods) : 0;

  if (new_number)
    {
      draft->headline = g_strdup (_("Your card has a new number"));
      /* TRANSLATORS: %s is the last 4 digits of the new card number */
      draft->what_happened = g_strdup_printf (_("Your reissued card is ready, and its number now ends in %s."),
                                              last4 != NULL ? last4 : "");
    }
  else
    {
      draft->headline = g_strdup (_("Your reissued card is ready"));
      /* TRANSLATORS: %s is "•••• 1234" */
      draft->what_happened = g_strdup_printf (_("Your reissued card is ready; its number hasn't changed (%s)."), masked);
    }

  for (guint i = 0; i < n_methods; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (ctx->methods, i);

      if (anshin_payment_method_get_kind (method) == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY &&
          anshin_payment_method_get_state (method) == ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE)
        {
          draft->what_happened = anshin_explainer_join (draft->what_happened, g_strdup (_("QUICPay works again.")));
          draft->programme_impact = anshin_explainer_programme_impact (ctx->programs,
                                                                       ANSHIN_PAYMENT_METHOD_KIND_QUICPAY,
                                                                       ANSHIN_IMPACT_WORKS);
        }
    }

  if (anshin_card_get_reissue_status (ctx->card) == ANSHIN_REISSUE_STATUS_NONE)
    {
      explain_reissue_unknown (draft);
      return;
    }

  /* TRANSLATORS: %s is a date and time */
  draft->evidence = reissue_evidence (ctx, _("This completes the reissue requested on %s."));

  if (!new_number)
    {
      draft->what_to_do = g_strdup (_("You don't need to do anything."));
      return;
    }

  if (names != NULL)
    /* TRANSLATORS: %s is a wallet or a list of them, "Apple Pay and Google Pay" */
    draft->what_to_do = g_strdup_printf (_("Re-add the card in %s, and update the number wherever it is saved (online shops, subscriptions)."),
                                         names);
  else
    draft->what_to_do = g_strdup (_("Update the card number wherever it is saved (online shops, subscriptions)."));

  for (guint i = 0; i < wallets->len; i++)
    {
      AnshinPaymentMethodKind kind = anshin_payment_method_get_kind (g_ptr_array_index (wallets, i));
      const char *label = anshin_payment_method_kind_get_label (kind);
      /* TRANSLATORS: a button; %s is "Apple Pay" or "Google Pay" */
      g_autofree char *button = g_strdup_printf (C_("action", "Re-add to %s"), label);
      g_autofree char *description = g_strdup_printf (_("Remove the old card from %s and add it again with the new number."),
                                                      label);

      anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_READD_TO_WALLET, kind, NULL, button, description);
    }
}

void
anshin_explain_card_frozen_notice (AnshinDraft *draft,
                                   Context     *ctx)
{
  g_autofree char *masked = anshin_explainer_masked_number (ctx->card);
  g_autofree char *at_text = anshin_format_date_time (ctx->at);

  if (anshin_card_get_state (ctx->card) != ANSHIN_CARD_STATE_FROZEN)
    {
      /* TRANSLATORS: %1$s is "•••• 1234", %2$s a date and time */
      draft->what_happened = g_strdup_printf (_("Your card (%1$s) was frozen on %2$s. Nobody can pay with it while it's frozen."),
                                              masked, at_text);
      draft->headline = g_strdup (_("Your card was frozen for a while"));
      draft->evidence = g_strdup (_("Your card has been unfrozen since then."));
      draft->what_to_do = g_strdup (_("You don't need to do anything."));
      return;
    }

  /* what it means and how long, once: no separate "what happens next" */
  /* TRANSLATORS: %1$s is "•••• 1234", %2$s a date and time */
  draft->what_happened = g_strdup_printf (_("Your card (%1$s) was frozen on %2$s: nobody can pay with it until you unfreeze it."),
                                          masked, at_text);
  draft->headline = g_strdup (_("Your card is frozen"));
  draft->evidence = g_strdup (_("Your card's details show it frozen right now."));
  draft->what_to_do = g_strdup (_("Unfreeze it when you want to pay with it again; if you didn't freeze it, contact the issuer's customer center."));
  anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_UNFREEZE_CARD, 0, NULL, NULL,
                           _("Payments work again straight away."));
  anshin_explainer_add_contact (draft);
}

void
anshin_explain_card_unfrozen_notice (AnshinDraft *draft,
                                     Context     *ctx)
{
  g_autofree char *masked = anshin_explainer_masked_number (ctx->card);
  g_autofree char *at_text = anshin_format_date_time (ctx->at);

  /* that payments work again is the headline's (or the evidence's) */
  /* TRANSLATORS: %1$s is "•••• 1234", %2$s a date and time */
  draft->what_happened = g_strdup_printf (_("Your card (%1$s) was unfrozen on %2$s."),
                                          masked, at_text);

  if (anshin_card_get_state (ctx->card) == ANSHIN_CARD_STATE_FROZEN)
    {
      draft->headline = g_strdup (_("Your card was unfrozen, and is frozen again now"));
      draft->evidence = g_strdup (_("Your card has been frozen again since then."));
      draft->what_to_do = g_strdup (_("You don't need to do anything."));
      return;
    }

  draft->headline = g_strdup (_("Your card can be used again"));
  draft->evidence = g_strdup (_("Your card's details show it is no longer frozen."));
  draft->what_to_do = g_strdup (_("You don't need to do anything; if you didn't unfreeze it yourself, freeze it again and contact the issuer's customer center."));
}

void
anshin_explain_charge_card_registered_notice (AnshinDraft *draft,
                                              Context     *ctx)
{
  const char *last4 = anshin_notice_get_param (ctx->notice, "last4");

  draft->headline = g_strdup (_("A charge card was added for top-ups"));
  if (last4 != NULL)
    /* TRANSLATORS: %s is the last 4 digits of a credit card */
    draft->what_happened = g_strdup_printf (_("The credit card ending in %s can now be used to top up your balance."), last4);
  else
    draft->what_happened = g_strdup (_("A credit card can now be used to top up your balance."));

  draft->evidence = g_strdup (_("You add charge cards yourself in Top-up; the issuer sends this notice to confirm each one."));
  draft->what_to_do = g_strdup (_("You don't need to do anything; if you didn't add this card, contact the issuer's customer center."));
  draft->what_next = g_strdup (_("You can top up with it in Top-up."));
}

void
anshin_explain_registration_locked_notice (AnshinDraft *draft,
                                           Context     *ctx)
{
  const char *param = anshin_notice_get_param (ctx->notice, "locked_until");
  g_autoptr(GDateTime) until = param != NULL ? anshin_time_parse (param) : NULL;
  g_autofree char *until_text = NULL;
  gboolean estimated = until == NULL;

  /* The lock lasts 24 hours from the last counted failure, which is when
   * the issuer sends this notice. */
  if (until == NULL)
    until = g_date_time_add_hours (ctx->at, 24);
  until_text = anshin_format_date_time (until);

  draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;

  if (g_date_time_compare (until, ctx->now) <= 0)
    {
      g_autofree char *relative = anshin_format_relative (until, ctx->now);

      draft->headline = g_strdup (_("You can add a charge card again"));
      draft->what_happened = g_strdup (_("Adding a charge card was paused after too many failed attempts."));
      /* when it ended, once */
      /* TRANSLATORS: %1$s is e.g. "2 hours ago", %2$s a date and time */
      draft->evidence = g_strdup_printf (_("The pause ended %1$s (%2$s)."), relative, until_text);
      draft->what_to_do = g_strdup (_("Register your charge card when you're ready."));
      anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_REGISTER_CHARGE_CARD, 0, NULL, NULL,
                               _("Opens the registration form in Top-up."));
      return;
    }

  {
    g_autofree char *relative = anshin_format_relative (until, ctx->now);
    g_autofree char *time_text = anshin_format_time (until);
    g_autofree char *button = NULL;
    g_autofree char *description = NULL;

    /* TRANSLATORS: %s is a date and time, e.g. "1 Dec 2025, 10:00" */
    draft->headline = g_strdup_printf (_("Adding a charge card is paused until %s"), until_text);
    draft->what_happened = g_strdup (_("After too many failed attempts, the issuer paused charge-card registration for your account. Attempts that ended in a session timeout on the issuer's form can count as failures too."));
    /* the end of the pause is the headline's: said once, with the
     * countdown on the button */
    if (estimated)
      {
        g_autofree char *at_text = anshin_format_date_time (ctx->at);

        draft->evidence = g_strdup_printf (_("The issuer pauses registration for 24 hours after the last failed attempt, which was on %s."),
                                           at_text);
      }
    else
      draft->evidence = g_strdup (_("The end of the pause is the one in the issuer's notice."));

    draft->what_to_do = g_strdup (_("Wait until the pause ends, then try again; trying earlier is refused but doesn't make the pause longer."));

    /* TRANSLATORS: a button; %s is a time of day, "10:00" */
    button = g_strdup_printf (C_("action", "Try Again at %s"), time_text);
    description = g_strdup_printf (_("Registration opens again %s."), relative);
    /* what happens next is the button's description (the view says it once) */
    draft->what_next = g_strdup (description);
    anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_TRY_AGAIN_AT, 0, until, button, description);
  }
}

void
anshin_explain_charge_completed_notice (AnshinDraft *draft,
                                        Context     *ctx)
{
  const char *amount_param = anshin_notice_get_param (ctx->notice, "amount");
  const char *last4 = anshin_notice_get_param (ctx->notice, "charge_card_last4");
  g_autofree char *at_text = anshin_format_date_time (ctx->at);
  g_autofree char *balance = anshin_format_yen (anshin_card_get_balance (ctx->card));
  gint64 amount = 0;

  if (amount_param != NULL &&
      g_ascii_string_to_signed (amount_param, 10, 1, G_MAXINT64, &amount, NULL))
    {
      g_autofree char *amount_text = anshin_format_yen (amount);

      /* TRANSLATORS: %s is an amount of yen, "¥5,000" */
      draft->headline = g_strdup_printf (_("%s was added to your balance"), amount_text);
      /* TRANSLATORS: %1$s is an amount of yen, %2$s a date and time */
      draft->what_happened = g_strdup_printf (_("Your top-up of %1$s went through on %2$s."), amount_text, at_text);
    }
  else
    {
      g_debug ("charge_completed notice without a usable amount");
      draft->headline = g_strdup (_("Your top-up went through"));
      draft->what_happened = g_strdup_printf (_("Your top-up went through on %s."), at_text);
    }

  /* TRANSLATORS: %s is an amount of yen */
  draft->what_happened = anshin_explainer_join (draft->what_happened,
                                                g_strdup_printf (_("Your balance is now %s."), balance));

  if (last4 != NULL)
    draft->evidence = g_strdup_printf (_("It was charged to your credit card ending in %s."), last4);
  else
    draft->evidence = g_strdup (_("It was charged to your registered charge card."));
  draft->what_to_do = g_strdup (_("You don't need to do anything; if you didn't make this top-up, contact the issuer's customer center."));
}

void
anshin_explain_unknown_notice (AnshinDraft *draft,
                               Context     *ctx)
{
  draft->headline = g_strdup (_("A notice this app can't explain yet"));
  draft->what_happened = g_strdup (_("The issuer sent a kind of notice this version of Anshin Wallet doesn't know. The issuer's own text is shown below."));
  draft->expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;
  draft->evidence = g_strdup (_("Anshin Wallet can't check this notice against your card's details."));
  draft->what_to_do = g_strdup (_("Read the issuer's text below; if anything is unclear, contact the issuer's customer center."));
  anshin_explainer_add_contact (draft);
}
