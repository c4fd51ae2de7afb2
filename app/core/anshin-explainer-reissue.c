/* anshin-explainer-reissue.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trade-off of a reissue with a new number, for the dialog that
 * confirms it: what it brings back and when, and what it costs.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-explainer.h"
#include "anshin-explainer-private.h"
#include "anshin-format.h"
#include "anshin-labels.h"

/* The methods a reissue with a new number brings back: those waiting for
 * the issuer's migration after the renewal. */
static GPtrArray *
methods_fixed_by_reissue (GListModel *methods)
{
  GPtrArray *lagging = anshin_explainer_lagging_methods (methods);

  for (guint i = lagging->len; i > 0; i--)
    {
      AnshinPaymentMethodReason reason = anshin_payment_method_get_reason (g_ptr_array_index (lagging, i - 1));

      if (reason != ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING &&
          reason != ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED)
        g_ptr_array_remove_index (lagging, i - 1);
    }

  return lagging;
}

static void
explain_reissue_already_running (AnshinDraft *draft,
                                 AnshinCard  *card,
                                 GDateTime   *now)
{
  GDateTime *ready = anshin_card_get_reissue_ready_eta (card);
  GDateTime *requested = anshin_card_get_reissue_requested_at (card);
  g_autofree char *requested_text = anshin_format_date_time (requested != NULL ? requested : now);

  draft->headline = g_strdup (_("Your card is already being reissued"));
  if (anshin_explainer_is_future (ready, now))
    {
      g_autofree char *relative = anshin_format_relative (ready, now);
      g_autofree char *ready_text = anshin_explainer_ready_text (ready, requested != NULL ? requested : now);

      draft->what_happened = g_strdup_printf (_("Your new card number should be ready %1$s (%2$s)."), relative, ready_text);
    }
  else if (ready != NULL)
    draft->what_happened = anshin_explainer_overdue_sentence (ready, requested != NULL ? requested : now);
  else
    draft->what_happened = g_strdup (_("The issuer is reissuing your card."));

  draft->evidence = g_strdup_printf (_("You requested the reissue on %s."), requested_text);
  draft->what_to_do = g_strdup (_("You don't need to do anything until it's ready."));
  anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_WAIT, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, ready, NULL, NULL);
}

/**
 * anshin_explain_reissue_tradeoff:
 * @card: the card
 * @methods: (nullable): the card's #AnshinPaymentMethods
 * @programs: (nullable): the issuer's #AnshinPrograms
 * @now: the issuer's clock
 *
 * What a reissue with a new number brings and costs, for the dialog that
 * confirms it: which methods work again and when, that the number changes
 * (so the card must be re-added to wallets and updated where it is saved),
 * and that the balance stays. The %ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER
 * action's description sums it up in one paragraph.
 *
 * Returns: (transfer full): the explanation
 */
AnshinExplanation *
anshin_explain_reissue_tradeoff (AnshinCard *card,
                                 GListModel *methods,
                                 GListModel *programs,
                                 GDateTime  *now)
{
  g_autoptr(GPtrArray) fixed = NULL;
  g_autoptr(GPtrArray) wallets = NULL;
  g_autoptr(GDateTime) ready = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *fixed_names = NULL;
  g_autofree char *wallet_names = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *summary = NULL;
  AnshinPaymentMethodKind main_kind = ANSHIN_PAYMENT_METHOD_KIND_QUICPAY;
  AnshinDraft draft;

  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);
  g_return_val_if_fail (methods == NULL || G_IS_LIST_MODEL (methods), NULL);
  g_return_val_if_fail (programs == NULL || G_IS_LIST_MODEL (programs), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  anshin_draft_init (&draft);

  if (anshin_card_get_reissue_status (card) == ANSHIN_REISSUE_STATUS_IN_PROGRESS)
    {
      explain_reissue_already_running (&draft, card, now);
      return anshin_draft_finish (&draft);
    }

  ready = g_date_time_add (now, ANSHIN_REISSUE_DURATION);
  relative = anshin_format_relative (ready, now);
  fixed = methods_fixed_by_reissue (methods);
  fixed_names = anshin_explainer_method_names (fixed);
  wallets = anshin_explainer_wallets_in_use (methods);
  wallet_names = anshin_explainer_method_names (wallets);
  balance = anshin_format_yen (anshin_card_get_balance (card));

  draft.headline = g_strdup (_("Reissue your card with a new number?"));
  draft.expectation = ANSHIN_EXPECTATION_NEEDS_ATTENTION;

  if (fixed->len > 0)
    {
      AnshinPaymentMethod *first = g_ptr_array_index (fixed, 0);

      main_kind = anshin_payment_method_get_kind (first);
      /* TRANSLATORS: %1$s is a payment method or a list of them, %2$s e.g.
       * "in about 3 hours" */
      draft.what_happened = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%1$s is ready %2$s.",
                                                          "%1$s are ready %2$s.",
                                                          fixed->len),
                                             fixed_names, relative);

      if (anshin_explainer_is_future (anshin_payment_method_get_eta (first), now))
        {
          g_autofree char *eta_text = anshin_format_date_time (anshin_payment_method_get_eta (first));

          /* TRANSLATORS: %1$s is a payment method, %2$s a date and time */
          draft.evidence = g_strdup_printf (_("Without a reissue, the issuer expects %1$s to work from %2$s."),
                                            anshin_payment_method_kind_get_label (main_kind), eta_text);
        }
      else
        draft.evidence = g_strdup_printf (_("Without a reissue, there is no date for %s: the issuer's data migration is late."),
                                          anshin_payment_method_kind_get_label (main_kind));

      for (guint i = 0; i < fixed->len; i++)
        draft.programme_impact =
          anshin_explainer_join (draft.programme_impact,
                                 anshin_explainer_programme_impact (programs,
                                                                    anshin_payment_method_get_kind (g_ptr_array_index (fixed, i)),
                                                                    ANSHIN_IMPACT_AFTER_REISSUE));
    }
  else
    {
      /* TRANSLATORS: %s is e.g. "in about 3 hours" */
      draft.what_happened = g_strdup_printf (_("Your card with its new number is ready %s."), relative);
    }

  if (wallet_names != NULL)
    /* TRANSLATORS: %s is a wallet or a list of them, "Apple Pay and Google Pay" */
    draft.what_to_do = g_strdup_printf (_("Your card number changes: re-add the card in %s, and update it wherever it is saved (online shops, subscriptions)."),
                                        wallet_names);
  else
    draft.what_to_do = g_strdup (_("Your card number changes: update it wherever it is saved (online shops, subscriptions)."));

  /* TRANSLATORS: %s is an amount of yen */
  draft.what_next = g_strdup_printf (_("Your balance of %s stays on the card."), balance);

  summary = anshin_explainer_join (anshin_explainer_join (g_strdup (draft.what_happened),
                                                          g_strdup (draft.what_to_do)),
                                   g_strdup (draft.what_next));
  anshin_draft_add_action (&draft, ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER, main_kind, ready, NULL, summary);
  anshin_draft_add_action (&draft, ANSHIN_ACTION_KIND_WAIT, main_kind, NULL, NULL,
                           _("Keep your card number and wait for the issuer."));

  return anshin_draft_finish (&draft);
}
