/* anshin-mock-scenario-strings.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The titles and narrations of the scenarios in data/scenarios/, marked for
 * xgettext: the scenario files carry them in English and the app shows them
 * through gettext. test-mock-scenario checks that this list and the files
 * agree; add a string here whenever a scenario gains one.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-mock-scenario.h"

static const char * const translatable_strings[] = {
  /* locked-out */
  /* TRANSLATORS: Title of a demo scenario */
  N_("Charge-card registration locked after too many errors"),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("Locked out"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("Five failed attempts to register a charge card this morning locked registration until 8:00 tomorrow; a new session or browser does not help."),
  /* TRANSLATORS: Narration of a step in a demo scenario for one page of the window, shown in the demo bar while that page is open */
  N_("Top-up says until when adding a charge card is paused and counts down; the form opens again by itself when the lock lifts."),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("Lock lifted"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("Exactly 24 hours after the last failed attempt the lock lifts and registration can be tried again."),
  /* renewal-smooth */
  /* TRANSLATORS: Title of a demo scenario */
  N_("A renewal where every payment method keeps working"),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("Before the renewal"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("Tsubasa Pay works everywhere: Mastercard online and contactless, and QUICPay through Apple Pay and Google Pay."),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("Renewal announced"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("The issuer emails that the card renews automatically on 30 November 2025, with the same number and a new expiry date."),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("Renewal day"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("The expected “card activation complete” notice arrives; for a few hours QUICPay and the wallets are being updated."),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("Everything works again"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("QUICPay, Apple Pay and Google Pay are all available again on the renewal day itself."),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("Physical card shipped"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("The renewed plastic card is on its way and should arrive on 16 December."),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("Physical card delivered"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("The renewed plastic card has arrived; the virtual card kept working all along."),
  /* seed-story */
  /* TRANSLATORS: Title of a demo scenario */
  N_("Renewal day, the QUICPay delay and the charge-card lock"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("A “card activation complete” notice arrives unasked: the card switched to its new expiry date, and QUICPay and the wallets are still being updated."),
  /* TRANSLATORS: Narration of a step in a demo scenario for one page of the window, shown in the demo bar while that page is open */
  N_("On Notices the “card activation complete” notice keeps the issuer’s own subject and is marked Expected: it is the scheduled renewal, not a takeover."),
  /* TRANSLATORS: Narration of a step in a demo scenario for one page of the window, shown in the demo bar while that page is open */
  N_("Right after the renewal QUICPay, Apple Pay and Google Pay are being updated; each says when it should work again."),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("Wallets work again"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("Apple Pay and Google Pay work again; QUICPay is expected back on 2 December at 9:00."),
  /* TRANSLATORS: Narration of a step in a demo scenario for one page of the window, shown in the demo bar while that page is open */
  N_("Apple Pay and Google Pay work again; QUICPay is still being updated and shows when it is expected back."),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("QUICPay delayed"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("At 9:41 QUICPay was declined at FamilyMart and the holder paid by Mastercard contactless a minute later, which does not count for the shopping programme. The issuer gives no new date; a reissue with a new number would bring QUICPay back in about three hours."),
  /* TRANSLATORS: Narration of a step in a demo scenario for one page of the window, shown in the demo bar while that page is open */
  N_("QUICPay says why it isn’t working, what that costs in the shopping programme, and offers the reissue with a new number."),
  /* TRANSLATORS: Narration of a step in a demo scenario for one page of the window, shown in the demo bar while that page is open */
  N_("The QUICPay payment declined at 9:41 and the Mastercard payment a minute later: open each to see why the first was declined and that the second did not count for the programme."),
  /* unexpected-activation */
  /* TRANSLATORS: Title of a demo scenario */
  N_("A card activation notice that nobody announced"),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("An ordinary day"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("The card renewed last November; no renewal or reissue is scheduled."),
  /* TRANSLATORS: Title of a step in a demo scenario */
  N_("Unexpected activation"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("A “card activation complete” notice arrives although nothing was announced or requested: this one needs the holder’s attention."),
  /* TRANSLATORS: Narration of a step in a demo scenario for one page of the window, shown in the demo bar while that page is open */
  N_("The notice is marked Unexpected: nothing announced or requested it. Its explanation says to freeze the card and call the issuer’s own support desk."),
  /* virtual-only */
  /* TRANSLATORS: Title of a demo scenario */
  N_("A virtual-only card: renewal without a plastic card"),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("This holder has a virtual card only: no plastic card is issued or sent."),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("The issuer emails that the virtual card renews automatically on 30 November 2025, with the same number."),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("The card switches to its new expiry date; no plastic card will follow, and that is expected."),
  /* TRANSLATORS: Narration of a step in a demo scenario, shown in the demo bar */
  N_("QUICPay is still unusable and the issuer gives no date; a reissue with a new number would bring it back in about three hours."),
  NULL
};

/**
 * anshin_mock_scenario_get_translatable_strings:
 *
 * Returns: (transfer none): every scenario title and narration (a step's
 *   own and its narrations for pages of the window), untranslated
 */
const char * const *
anshin_mock_scenario_get_translatable_strings (void)
{
  return translatable_strings;
}
