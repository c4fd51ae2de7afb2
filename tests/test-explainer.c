/* test-explainer.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The explainer at the moments of the seed story: renewal announced on
 * 2025-08-30 for 2025-11-30, the renewal day at 09:00, the delayed QUICPay
 * migration on 2025-12-02 10:00, a reissue in flight and done, the physical
 * card, the registration lock, and an activation nobody announced. Every
 * notice code and every payment-method state x reason is in a table.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-card.h"
#include "anshin-core-enum-types.h"
#include "anshin-explainer.h"
#include "anshin-labels.h"
#include "anshin-notice.h"
#include "anshin-payment-method.h"
#include "anshin-program.h"
#include "anshin-time.h"

#include "explanation-test-util.h"

#define END (-1)
#define ISSUER_TITLE "カード有効化完了のお知らせ"

typedef enum {
  ANNOUNCED,          /* 2025-08-30 10:05, renewal scheduled for 11-30 */
  RENEWAL_DAY,        /* 2025-11-30 09:05, QUICPay, Apple Pay, Google Pay updating */
  RENEWAL_NOON,       /* 2025-11-30 12:30, only QUICPay still updating */
  RENEWAL_STALE,      /* 2025-11-30 09:01, the card not yet refreshed: still scheduled */
  RENEWAL_SMOOTH,     /* 2025-11-30 09:05, everything migrated */
  DELAYED,            /* 2025-12-02 10:00, QUICPay delayed with no date */
  REISSUING,          /* 2025-12-02 10:15, reissue with a new number requested */
  REISSUED,           /* 2025-12-02 13:20, new number 5678 */
  SHIPPED,            /* 2025-12-14 10:00 */
  DELIVERED,          /* 2025-12-16 15:00 */
  VIRTUAL_ONLY,       /* renewed, no physical card */
  UNEXPECTED,         /* 2025-10-15 14:05, no renewal at all */
  UNEXPECTED_FROZEN,  /* the same, card already frozen */
  MISMATCH,           /* 2025-10-15 14:05, renewal scheduled for 11-30 */
  FROZEN,             /* 2025-12-03 08:00, card frozen */
  LOCKED,             /* 2025-11-30 11:00 */
} Moment;

typedef struct
{
  AnshinCard *card;
  GListStore *methods;
  GListStore *programs;
  GDateTime *now;
} World;

static GDateTime *
at (const char *rfc3339)
{
  GDateTime *time = anshin_time_parse (rfc3339);

  g_assert_nonnull (time);
  return time;
}

static GDateTime *
day (const char *date)
{
  GDateTime *time = anshin_date_parse (date);

  g_assert_nonnull (time);
  return time;
}

#define SET_TIME(setter, object, text) \
  G_STMT_START { \
    g_autoptr(GDateTime) value_ = (text) != NULL ? at (text) : NULL; \
    setter (object, value_); \
  } G_STMT_END

#define SET_DAY(setter, object, text) \
  G_STMT_START { \
    g_autoptr(GDateTime) value_ = day (text); \
    setter (object, value_); \
  } G_STMT_END

static AnshinPaymentMethod *
world_method (World                   *world,
              AnshinPaymentMethodKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (world->methods)); i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (G_LIST_MODEL (world->methods), i);

      if (anshin_payment_method_get_kind (method) == kind)
        return method;
    }

  g_assert_not_reached ();
}

static void
set_method (World                     *world,
            AnshinPaymentMethodKind    kind,
            AnshinPaymentMethodState   state,
            AnshinPaymentMethodReason  reason,
            const char                *since,
            const char                *eta)
{
  AnshinPaymentMethod *method = world_method (world, kind);

  anshin_payment_method_set_state (method, state);
  anshin_payment_method_set_reason (method, reason);
  SET_TIME (anshin_payment_method_set_since, method, since);
  SET_TIME (anshin_payment_method_set_eta, method, eta);
}

static void
set_wallets (World                     *world,
             AnshinPaymentMethodState   state,
             AnshinPaymentMethodReason  reason,
             const char                *since,
             const char                *eta)
{
  set_method (world, ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY, state, reason, since, eta);
  set_method (world, ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY, state, reason, since, eta);
}

static void
renew (World *world)
{
  anshin_card_set_renewal_status (world->card, ANSHIN_RENEWAL_STATUS_COMPLETED);
  SET_TIME (anshin_card_set_renewal_completed_at, world->card, "2025-11-30T09:00:00+09:00");
  anshin_card_set_exp_year (world->card, 2030);
  anshin_card_set_physical_status (world->card, ANSHIN_PHYSICAL_CARD_STATUS_PREPARING);
  SET_DAY (anshin_card_set_physical_eta, world->card, "2025-12-16");
}

static void
delay_quicpay (World *world)
{
  set_method (world, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE,
              ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED, "2025-11-30T09:00:00+09:00", NULL);
}

static void
request_reissue (World *world)
{
  anshin_card_set_state (world->card, ANSHIN_CARD_STATE_REISSUING);
  anshin_card_set_reissue_status (world->card, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  anshin_card_set_reissue_id (world->card, "reissue_1");
  anshin_card_set_reissue_new_number (world->card, TRUE);
  SET_TIME (anshin_card_set_reissue_requested_at, world->card, "2025-12-02T10:15:00+09:00");
  SET_TIME (anshin_card_set_reissue_ready_eta, world->card, "2025-12-02T13:15:00+09:00");
}

static World *
world_new (Moment moment)
{
  const char * const quicpay_only[] = { "quicpay", NULL };
  const AnshinPaymentMethodKind kinds[] = {
    ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE,
    ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS,
    ANSHIN_PAYMENT_METHOD_KIND_QUICPAY,
    ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY,
    ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY,
  };
  g_autoptr(AnshinProgram) program = anshin_program_new ();
  World *world = g_new0 (World, 1);
  const char *now = NULL;

  world->card = anshin_card_new ();
  anshin_card_set_id (world->card, "card_1");
  anshin_card_set_product_name (world->card, "Tsubasa Pay");
  anshin_card_set_brand (world->card, ANSHIN_CARD_BRAND_MASTERCARD);
  anshin_card_set_form (world->card, ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL);
  anshin_card_set_state (world->card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_card_set_number_last4 (world->card, "1234");
  anshin_card_set_exp_month (world->card, 11);
  anshin_card_set_exp_year (world->card, 2025);
  anshin_card_set_balance (world->card, 12345);
  anshin_card_set_renewal_status (world->card, ANSHIN_RENEWAL_STATUS_SCHEDULED);
  SET_DAY (anshin_card_set_renewal_date, world->card, "2025-11-30");
  SET_TIME (anshin_card_set_renewal_announced_at, world->card, "2025-08-30T10:00:00+09:00");
  anshin_card_set_renewal_number_changes (world->card, FALSE);
  anshin_card_set_renewal_new_exp_month (world->card, 11);
  anshin_card_set_renewal_new_exp_year (world->card, 2030);

  world->methods = g_list_store_new (ANSHIN_TYPE_PAYMENT_METHOD);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(AnshinPaymentMethod) method = anshin_payment_method_new ();

      anshin_payment_method_set_kind (method, kinds[i]);
      anshin_payment_method_set_state (method, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE);
      SET_TIME (anshin_payment_method_set_since, method, "2024-11-01T00:00:00+09:00");
      if (kinds[i] == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)
        anshin_payment_method_set_via (method, ANSHIN_WALLET_APPLE_PAY | ANSHIN_WALLET_GOOGLE_PAY);
      g_list_store_append (world->methods, method);
    }

  world->programs = g_list_store_new (ANSHIN_TYPE_PROGRAM);
  anshin_program_set_id (program, "tsubasa_shopping");
  anshin_program_set_name (program, "Tsubasa Shopping Program");
  anshin_program_set_requires_methods (program, quicpay_only);
  SET_DAY (anshin_program_set_since, program, "2024-11-01");
  g_list_store_append (world->programs, program);

  switch (moment)
    {
    case ANNOUNCED:
      now = "2025-08-30T10:05:00+09:00";
      break;
    case RENEWAL_DAY:
    case RENEWAL_NOON:
    case RENEWAL_STALE:
    case RENEWAL_SMOOTH:
      now = moment == RENEWAL_NOON ? "2025-11-30T12:30:00+09:00"
          : moment == RENEWAL_STALE ? "2025-11-30T09:01:00+09:00"
          : "2025-11-30T09:05:00+09:00";
      if (moment != RENEWAL_STALE)
        renew (world);
      if (moment == RENEWAL_SMOOTH)
        break;
      set_method (world, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                  ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING,
                  "2025-11-30T09:00:00+09:00", "2025-12-02T09:00:00+09:00");
      if (moment == RENEWAL_DAY)
        set_wallets (world, ANSHIN_PAYMENT_METHOD_STATE_UPDATING, ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING,
                     "2025-11-30T09:00:00+09:00", "2025-11-30T12:00:00+09:00");
      break;
    case DELAYED:
    case REISSUING:
    case REISSUED:
      now = moment == DELAYED ? "2025-12-02T10:00:00+09:00"
          : moment == REISSUING ? "2025-12-02T10:15:00+09:00"
          : "2025-12-02T13:20:00+09:00";
      renew (world);
      delay_quicpay (world);
      if (moment == DELAYED)
        break;
      request_reissue (world);
      if (moment == REISSUING)
        {
          set_method (world, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                      ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS,
                      "2025-12-02T10:15:00+09:00", "2025-12-02T13:15:00+09:00");
          set_wallets (world, ANSHIN_PAYMENT_METHOD_STATE_UPDATING, ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS,
                       "2025-12-02T10:15:00+09:00", "2025-12-02T13:15:00+09:00");
          break;
        }
      anshin_card_set_state (world->card, ANSHIN_CARD_STATE_ACTIVE);
      anshin_card_set_number_last4 (world->card, "5678");
      anshin_card_set_reissue_status (world->card, ANSHIN_REISSUE_STATUS_COMPLETED);
      SET_TIME (anshin_card_set_reissue_completed_at, world->card, "2025-12-02T13:15:00+09:00");
      set_method (world, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE,
                  ANSHIN_PAYMENT_METHOD_REASON_NONE, "2025-12-02T13:15:00+09:00", NULL);
      set_wallets (world, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE, ANSHIN_PAYMENT_METHOD_REASON_WALLET_READD_REQUIRED,
                   "2025-12-02T13:15:00+09:00", NULL);
      break;
    case SHIPPED:
    case DELIVERED:
      now = moment == SHIPPED ? "2025-12-14T10:00:00+09:00" : "2025-12-16T15:00:00+09:00";
      renew (world);
      delay_quicpay (world);
      anshin_card_set_physical_status (world->card, moment == SHIPPED ? ANSHIN_PHYSICAL_CARD_STATUS_SHIPPED
                                                                      : ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED);
      SET_TIME (anshin_card_set_physical_shipped_at, world->card, "2025-12-14T09:00:00+09:00");
      if (moment == DELIVERED)
        SET_TIME (anshin_card_set_physical_delivered_at, world->card, "2025-12-16T14:00:00+09:00");
      break;
    case VIRTUAL_ONLY:
      now = "2025-12-14T10:00:00+09:00";
      renew (world);
      anshin_card_set_form (world->card, ANSHIN_CARD_FORM_VIRTUAL);
      anshin_card_set_physical_status (world->card, ANSHIN_PHYSICAL_CARD_STATUS_NONE);
      anshin_card_set_physical_eta (world->card, NULL);
      break;
    case UNEXPECTED:
    case UNEXPECTED_FROZEN:
      now = "2025-10-15T14:05:00+09:00";
      anshin_card_set_renewal_status (world->card, ANSHIN_RENEWAL_STATUS_NONE);
      anshin_card_set_renewal_date (world->card, NULL);
      anshin_card_set_renewal_announced_at (world->card, NULL);
      anshin_card_set_exp_year (world->card, 2027);
      if (moment == UNEXPECTED_FROZEN)
        anshin_card_set_state (world->card, ANSHIN_CARD_STATE_FROZEN);
      break;
    case MISMATCH:
      now = "2025-10-15T14:05:00+09:00";
      break;
    case FROZEN:
      now = "2025-12-03T08:00:00+09:00";
      renew (world);
      anshin_card_set_state (world->card, ANSHIN_CARD_STATE_FROZEN);
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        set_method (world, kinds[i], ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE,
                    ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN, "2025-12-03T07:30:00+09:00", NULL);
      break;
    case LOCKED:
      now = "2025-11-30T11:00:00+09:00";
      renew (world);
      break;
    default:
      g_assert_not_reached ();
    }

  world->now = at (now);
  return world;
}

static void
world_free (World *world)
{
  g_assert_finalize_object (world->card);
  g_clear_object (&world->methods);
  g_clear_object (&world->programs);
  g_date_time_unref (world->now);
  g_free (world);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

/* What every explanation must be, whatever it says. */
static void
assert_well_formed (AnshinExplanation *explanation,
                    const char        *issuer_title)
{
  const char *texts[] = {
    anshin_explanation_get_headline (explanation),
    anshin_explanation_get_what_happened (explanation),
    anshin_explanation_get_evidence (explanation),
    anshin_explanation_get_what_to_do (explanation),
    anshin_explanation_get_what_next (explanation),
    anshin_explanation_get_programme_impact (explanation),
  };
  GListModel *actions = anshin_explanation_get_actions (explanation);

  g_assert_nonnull (texts[0]);
  g_assert_cmpstr (texts[0], !=, "");
  g_assert_cmpstr (texts[0], !=, issuer_title);
  g_assert_nonnull (texts[1]);
  g_assert_cmpstr (texts[1], !=, "");
  g_assert_nonnull (texts[3]);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      /* calm: no exclamation marks; complete: no unformatted placeholders */
      g_assert_null (texts[i] != NULL ? strchr (texts[i], '!') : NULL);
      g_assert_null (texts[i] != NULL ? strstr (texts[i], "%s") : NULL);
      g_assert_null (texts[i] != NULL ? strstr (texts[i], "(null)") : NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(AnshinAction) action = g_list_model_get_item (actions, i);

      g_assert_nonnull (anshin_action_get_label (action));
      g_assert_cmpstr (anshin_action_get_label (action), !=, "");
    }
}

static void
assert_contains (const char *field,
                 const char *text,
                 const char *expected)
{
  if (expected == NULL)
    return;

  if (text == NULL || strstr (text, expected) == NULL)
    g_error ("%s: expected to contain “%s”, got “%s”", field, expected, text);
}

static void
assert_impact (const char *impact,
               const char *expected)
{
  if (expected == NULL)
    g_assert_null (impact);
  else
    assert_contains ("programme impact", impact, expected);
}

static void
assert_actions (AnshinExplanation *explanation,
                const int         *expected)
{
  GListModel *actions = anshin_explanation_get_actions (explanation);
  guint n_expected = 0;

  while (expected[n_expected] != END)
    n_expected++;

  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(AnshinAction) action = g_list_model_get_item (actions, i);

      g_assert_cmpint (anshin_action_get_kind (action), ==, expected[i]);
      g_assert_true (anshin_explanation_has_action (explanation, expected[i]));
    }
}

/* Notices */

typedef struct
{
  const char *name;
  Moment moment;
  AnshinNoticeCode code;
  const char *issued_at;
  const char *params[7];          /* key, value, ..., NULL */
  AnshinExpectation expectation;
  const char *headline;           /* the checks are substrings; NULL: any */
  const char *what_happened;
  const char *evidence;
  const char *what_to_do;
  const char *what_next;
  const char *impact;             /* NULL: no programme is affected */
  int actions[4];
} NoticeCase;

static const NoticeCase notice_cases[] = {
  { "renewal-scheduled", ANNOUNCED, ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED, "2025-08-30T10:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card will be renewed on 30 Nov 2025",
    "with the new expiry date November 2030. Your card number stays the same (•••• 1234).",
    "Your card's details show the same renewal date.",
    "You don't need to do anything",
    "That day you'll get a “card activation complete” notice. That is the renewal, not a sign that someone else has your card.",
    NULL, { END } },
  { "renewal-scheduled-unknown-to-card", UNEXPECTED, ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED, "2025-10-15T10:00:00+09:00",
    { "renewal_date", "2025-11-30", NULL },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "Your card will be renewed on 30 Nov 2025", NULL,
    "Your card's details don't show this renewal date yet.", "customer center", NULL,
    NULL, { ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "activated-renewal-day", RENEWAL_DAY, ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-11-30T09:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card was renewed as planned",
    "On 30 Nov 2025 your card switched to its new expiry date, November 2030.",
    "This is the renewal announced on 30 Aug 2025. Your card number has not changed (•••• 1234).",
    "Nothing for the card itself, but QUICPay, Apple Pay and Google Pay aren't ready yet",
    "Your new physical card is being prepared and should arrive around 16 Dec 2025.",
    "Your Tsubasa Shopping Program only counts QUICPay payments. Payments made with Mastercard contactless until QUICPay works won't count.",
    { ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, END } },
  { "activated-renewal-noon", RENEWAL_NOON, ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-11-30T09:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card was renewed as planned", NULL,
    "This is the renewal announced on 30 Aug 2025.",
    "Nothing for the card itself, but QUICPay isn't ready yet: the Methods page shows what you can do.",
    "Your new physical card is being prepared and should arrive around 16 Dec 2025.",
    "Your Tsubasa Shopping Program only counts QUICPay payments.",
    { ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, END } },
  { "activated-card-not-refreshed", RENEWAL_STALE, ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-11-30T09:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card was renewed as planned", NULL,
    "This is the renewal announced on 30 Aug 2025.", NULL, NULL,
    "Your Tsubasa Shopping Program only counts QUICPay payments.",
    { ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, END } },
  { "activated-renewal-smooth", RENEWAL_SMOOTH, ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-11-30T09:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card was renewed as planned", NULL,
    "Your card number has not changed (•••• 1234).", "You don't need to do anything.",
    "Your new physical card is being prepared and should arrive around 16 Dec 2025.",
    NULL, { END } },
  { "activated-virtual-only", VIRTUAL_ONLY, ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-11-30T09:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card was renewed as planned", NULL, NULL, NULL,
    "Your card is virtual only, so no physical card is sent.", NULL, { END } },
  { "activated-unexpected", UNEXPECTED, ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-10-15T14:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_UNEXPECTED, "Your card was activated, but no renewal was announced",
    "The issuer says your card (•••• 1234) was activated on 15 Oct 2025.",
    "Your card has no renewal scheduled and no reissue requested",
    "Freeze your card now so nobody can pay with it, then contact the issuer's customer center.",
    "Unfreeze it once the issuer has confirmed that everything is in order.",
    NULL, { ANSHIN_ACTION_KIND_FREEZE_CARD, ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "activated-unexpected-already-frozen", UNEXPECTED_FROZEN, ANSHIN_NOTICE_CODE_CARD_ACTIVATED,
    "2025-10-15T14:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_UNEXPECTED, "Your card was activated, but no renewal was announced", NULL, NULL,
    "Your card is already frozen", NULL, NULL, { ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "activated-other-day", MISMATCH, ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-10-15T14:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_UNEXPECTED, "Your card was activated on a day no renewal was planned", NULL,
    "Your renewal is scheduled for 30 Nov 2025, and no reissue was requested.",
    "Freeze your card now", NULL,
    NULL, { ANSHIN_ACTION_KIND_FREEZE_CARD, ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "activated-after-reissue", REISSUED, ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-12-02T13:15:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your reissued card is active", NULL,
    "This matches the reissue requested that day at 10:15. Your card has a new number (•••• 5678).",
    "Apple Pay and Google Pay aren't ready yet", NULL,
    NULL, { ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, END } },
  { "physical-shipped", SHIPPED, ANSHIN_NOTICE_CODE_PHYSICAL_CARD_SHIPPED, "2025-12-14T09:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your new physical card is on its way",
    "The issuer shipped your new physical card on 14 Dec 2025.",
    "your card was renewed on 30 Nov 2025.", "the physical card has the same number as your virtual card (•••• 1234)",
    "It should arrive on 16 Dec 2025.", NULL, { END } },
  { "physical-shipped-virtual-only", VIRTUAL_ONLY, ANSHIN_NOTICE_CODE_PHYSICAL_CARD_SHIPPED,
    "2025-12-14T09:00:00+09:00", { "eta", "2025-12-16", NULL },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "Your new physical card is on its way", NULL,
    "Your card's details don't list a physical card on its way.", "customer center", NULL,
    NULL, { ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "physical-delivered", DELIVERED, ANSHIN_NOTICE_CODE_PHYSICAL_CARD_DELIVERED, "2025-12-16T14:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your new physical card was delivered",
    "Your new physical card was delivered on 16 Dec 2025.", "It was shipped on 14 Dec 2025.",
    "Check that the number on the new card ends in 1234", NULL, NULL, { END } },
  { "reissue-started", REISSUING, ANSHIN_NOTICE_CODE_REISSUE_STARTED, "2025-12-02T10:15:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card is being reissued with a new number",
    "Until it's ready, QUICPay, Apple Pay and Google Pay can't be used.",
    "This matches the reissue requested on 2 Dec 2025, 10:15.",
    "You don't need to do anything until it's ready.",
    "Your new card number should be ready in about 3 hours (13:15). Then re-add the card in Apple Pay and Google Pay.",
    NULL, { ANSHIN_ACTION_KIND_WAIT, END } },
  { "reissue-started-not-requested", DELAYED, ANSHIN_NOTICE_CODE_REISSUE_STARTED, "2025-12-02T10:00:00+09:00",
    { "new_number", "true", NULL },
    ANSHIN_EXPECTATION_UNEXPECTED, "Your card is being reissued with a new number", NULL,
    "Your card's details show no reissue request.", "If you didn't ask for a reissue", NULL,
    NULL, { ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "reissue-completed", REISSUED, ANSHIN_NOTICE_CODE_REISSUE_COMPLETED, "2025-12-02T13:15:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card has a new number",
    "Your reissued card is ready, and its number now ends in 5678. QUICPay works again.",
    "This completes the reissue requested on 2 Dec 2025, 10:15.",
    "Re-add the card in Apple Pay and Google Pay, and update the number wherever it is saved (online shops, subscriptions).",
    NULL, "QUICPay payments count toward your Tsubasa Shopping Program.",
    { ANSHIN_ACTION_KIND_READD_TO_WALLET, ANSHIN_ACTION_KIND_READD_TO_WALLET, END } },
  { "card-frozen", FROZEN, ANSHIN_NOTICE_CODE_CARD_FROZEN, "2025-12-03T07:30:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card is frozen",
    "Your card (•••• 1234) was frozen on 3 Dec 2025, 07:30: nobody can pay with it until you unfreeze it.",
    "Your card's details show it frozen right now.",
    "Unfreeze it when you want to pay with it again", NULL,
    NULL, { ANSHIN_ACTION_KIND_UNFREEZE_CARD, ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "card-frozen-since-unfrozen", DELAYED, ANSHIN_NOTICE_CODE_CARD_FROZEN, "2025-12-01T07:30:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card was frozen for a while", NULL, "Your card has been unfrozen since then.",
    "You don't need to do anything.", NULL, NULL, { END } },
  { "card-unfrozen", DELAYED, ANSHIN_NOTICE_CODE_CARD_UNFROZEN, "2025-12-02T08:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card can be used again",
    "Your card (•••• 1234) was unfrozen on 2 Dec 2025, 08:00.",
    "Your card's details show it is no longer frozen.",
    "if you didn't unfreeze it yourself, freeze it again", NULL, NULL, { END } },
  { "card-unfrozen-since-frozen", FROZEN, ANSHIN_NOTICE_CODE_CARD_UNFROZEN, "2025-12-02T08:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your card was unfrozen, and is frozen again now", NULL,
    "Your card has been frozen again since then.", NULL, NULL, NULL, { END } },
  { "charge-card-registered", LOCKED, ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTERED, "2025-11-30T10:00:00+09:00",
    { "last4", "4242", NULL },
    ANSHIN_EXPECTATION_EXPECTED, "A charge card was added for top-ups",
    "The credit card ending in 4242 can now be used to top up your balance.", NULL,
    "if you didn't add this card, contact the issuer's customer center", "Top-up", NULL, { END } },
  { "registration-locked", LOCKED, ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTRATION_LOCKED, "2025-11-30T10:00:00+09:00",
    { "locked_until", "2025-12-01T10:00:00+09:00", NULL },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "Adding a charge card is paused until 1 Dec 2025, 10:00",
    "session timeout", "The end of the pause is the one in the issuer's notice.",
    "Wait until the pause ends, then try again",
    "Registration opens again in about 23 hours.",
    NULL, { ANSHIN_ACTION_KIND_TRY_AGAIN_AT, END } },
  { "registration-locked-no-end-given", LOCKED, ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTRATION_LOCKED,
    "2025-11-30T10:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "Adding a charge card is paused until 1 Dec 2025, 10:00", NULL,
    "for 24 hours after the last failed attempt, which was on 30 Nov 2025, 10:00.", NULL, NULL,
    NULL, { ANSHIN_ACTION_KIND_TRY_AGAIN_AT, END } },
  { "registration-lock-over", LOCKED, ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTRATION_LOCKED,
    "2025-11-29T10:30:00+09:00", { "locked_until", "2025-11-30T10:30:00+09:00", NULL },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "You can add a charge card again",
    "Adding a charge card was paused after too many failed attempts.",
    "The pause ended 30 minutes ago (30 Nov 2025, 10:30).", "Register your charge card", NULL,
    NULL, { ANSHIN_ACTION_KIND_REGISTER_CHARGE_CARD, END } },
  { "charge-completed", LOCKED, ANSHIN_NOTICE_CODE_CHARGE_COMPLETED, "2025-11-30T10:45:00+09:00",
    { "amount", "5000", "charge_card_last4", "4242", NULL },
    ANSHIN_EXPECTATION_EXPECTED, "¥5,000 was added to your balance",
    "Your top-up of ¥5,000 went through on 30 Nov 2025, 10:45. Your balance is now ¥12,345.",
    "It was charged to your credit card ending in 4242.", "You don't need to do anything", NULL, NULL, { END } },
  { "charge-completed-no-amount", LOCKED, ANSHIN_NOTICE_CODE_CHARGE_COMPLETED, "2025-11-30T10:45:00+09:00",
    { "amount", "lots", NULL },
    ANSHIN_EXPECTATION_EXPECTED, "Your top-up went through", "Your balance is now ¥12,345.",
    "It was charged to your registered charge card.", NULL, NULL, NULL, { END } },
  { "payment-declined", DELAYED, ANSHIN_NOTICE_CODE_PAYMENT_DECLINED, "2025-12-02T09:41:00+09:00",
    { "transaction_id", "txn_21", "method", "quicpay", "reason", "network_unavailable", NULL },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "A QUICPay payment was declined",
    "On 2 Dec 2025, 09:41 a payment with your card didn't go through, and nothing was taken from your balance.",
    "QUICPay isn't working yet since your card's renewal: the issuer's data migration is late.",
    "Right now Mastercard contactless works: you can pay with it instead.",
    NULL /* no date: the schedule row says so (notice/schedule) */,
    "only counts QUICPay payments",
    { ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER, ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, END } },
  { "payment-declined-frozen", FROZEN, ANSHIN_NOTICE_CODE_PAYMENT_DECLINED, "2025-12-03T07:55:00+09:00",
    { "transaction_id", "txn_30", "method", "mastercard_contactless", "reason", "card_frozen", NULL },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "A Mastercard contactless payment was declined", NULL,
    "Your card was frozen", "unfreeze it", NULL, NULL,
    { ANSHIN_ACTION_KIND_UNFREEZE_CARD, ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "payment-declined-no-params", DELAYED, ANSHIN_NOTICE_CODE_PAYMENT_DECLINED, "2025-12-02T09:41:00+09:00",
    { NULL },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "A payment with your card was declined", NULL,
    "didn't say which way of paying", "customer center", NULL, NULL,
    { ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "unknown", DELAYED, ANSHIN_NOTICE_CODE_UNKNOWN, "2025-12-02T09:00:00+09:00", { NULL },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "A notice this app can't explain yet", "The issuer's own text is shown below.",
    "can't check this notice", "contact the issuer's customer center", NULL,
    NULL, { ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
};

static AnshinNotice *
make_notice (const NoticeCase *test)
{
  AnshinNotice *notice = anshin_notice_new ();

  anshin_notice_set_id (notice, "n_1");
  anshin_notice_set_code (notice, test->code);
  anshin_notice_set_channel (notice, ANSHIN_NOTICE_CHANNEL_APP);
  anshin_notice_set_title (notice, ISSUER_TITLE);
  anshin_notice_set_body (notice, "カードの有効化が完了しました。");
  SET_TIME (anshin_notice_set_issued_at, notice, test->issued_at);
  for (guint i = 0; test->params[i] != NULL; i += 2)
    anshin_notice_set_param (notice, test->params[i], test->params[i + 1]);

  return notice;
}

static AnshinExplanation *
explain_case (const NoticeCase  *test,
              World            **out_world)
{
  g_autoptr(World) world = world_new (test->moment);
  g_autoptr(AnshinNotice) notice = make_notice (test);
  AnshinExplanation *explanation;

  explanation = anshin_explain_notice (notice, world->card, G_LIST_MODEL (world->methods),
                                       G_LIST_MODEL (world->programs), world->now);
  g_assert_finalize_object (g_steal_pointer (&notice));
  if (out_world != NULL)
    *out_world = g_steal_pointer (&world);

  return explanation;
}

static void
test_notice (gconstpointer data)
{
  const NoticeCase *test = data;
  g_autoptr(AnshinExplanation) explanation = explain_case (test, NULL);

  assert_well_formed (explanation, ISSUER_TITLE);
  explanation_test_assert_says_once (explanation);
  g_assert_cmpint (anshin_explanation_get_expectation (explanation), ==, test->expectation);
  assert_contains ("headline", anshin_explanation_get_headline (explanation), test->headline);
  assert_contains ("what happened", anshin_explanation_get_what_happened (explanation), test->what_happened);
  assert_contains ("evidence", anshin_explanation_get_evidence (explanation), test->evidence);
  assert_contains ("what to do", anshin_explanation_get_what_to_do (explanation), test->what_to_do);
  assert_contains ("what next", anshin_explanation_get_what_next (explanation), test->what_next);
  assert_impact (anshin_explanation_get_programme_impact (explanation), test->impact);
  assert_actions (explanation, test->actions);

  g_assert_finalize_object (g_steal_pointer (&explanation));
}

/* The table must cover every code there is. */
static void
test_notice_codes_covered (void)
{
  g_autoptr(GEnumClass) codes = g_type_class_ref (ANSHIN_TYPE_NOTICE_CODE);

  for (guint v = 0; v < codes->n_values; v++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (notice_cases) && !found; i++)
        found = (int) notice_cases[i].code == codes->values[v].value;

      if (!found)
        g_error ("no explainer case for notice code %s", codes->values[v].value_nick);
    }
}

static const NoticeCase *
notice_case (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (notice_cases); i++)
    {
      if (g_str_equal (notice_cases[i].name, name))
        return &notice_cases[i];
    }

  g_assert_not_reached ();
}

static void
test_notice_action_details (void)
{
  g_autoptr(AnshinExplanation) locked = explain_case (notice_case ("registration-locked"), NULL);
  g_autoptr(AnshinExplanation) reissued = explain_case (notice_case ("reissue-completed"), NULL);
  g_autoptr(AnshinExplanation) reissuing = explain_case (notice_case ("reissue-started"), NULL);
  g_autoptr(GDateTime) until = at ("2025-12-01T10:00:00+09:00");
  g_autoptr(GDateTime) ready = at ("2025-12-02T13:15:00+09:00");
  AnshinAction *action;
  g_autoptr(AnshinAction) first = NULL;
  g_autoptr(AnshinAction) second = NULL;

  action = anshin_explanation_find_action (locked, ANSHIN_ACTION_KIND_TRY_AGAIN_AT);
  g_assert_cmpstr (anshin_action_get_label (action), ==, "Try Again at 10:00");
  g_assert_true (g_date_time_equal (anshin_action_get_when (action), until));
  g_assert_cmpstr (anshin_action_get_description (action), ==, "Registration opens again in about 23 hours.");

  first = g_list_model_get_item (anshin_explanation_get_actions (reissued), 0);
  second = g_list_model_get_item (anshin_explanation_get_actions (reissued), 1);
  g_assert_cmpint (anshin_action_get_method (first), ==, ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY);
  g_assert_cmpstr (anshin_action_get_label (first), ==, "Re-add to Apple Pay");
  g_assert_cmpint (anshin_action_get_method (second), ==, ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY);
  g_assert_cmpstr (anshin_action_get_label (second), ==, "Re-add to Google Pay");

  action = anshin_explanation_find_action (reissuing, ANSHIN_ACTION_KIND_WAIT);
  g_assert_cmpstr (anshin_action_get_label (action), ==, "Wait");
  g_assert_true (g_date_time_equal (anshin_action_get_when (action), ready));
}

/* Payment methods: every state x reason */

#define QP ANSHIN_PAYMENT_METHOD_KIND_QUICPAY
#define AP ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY
#define GP ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY
#define MC ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS
#define MO ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE
#define S_AVAILABLE ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE
#define S_UPDATING ANSHIN_PAYMENT_METHOD_STATE_UPDATING
#define S_UNAVAILABLE ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE
#define S_NOT_SET_UP ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP
#define R_NONE ANSHIN_PAYMENT_METHOD_REASON_NONE
#define R_PENDING ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING
#define R_DELAYED ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED
#define R_REISSUE ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS
#define R_FROZEN ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN
#define R_READD ANSHIN_PAYMENT_METHOD_REASON_WALLET_READD_REQUIRED
#define EXPECTED ANSHIN_EXPECTATION_EXPECTED
#define ATTENTION ANSHIN_EXPECTATION_NEEDS_ATTENTION
#define A_WAIT ANSHIN_ACTION_KIND_WAIT
#define A_REISSUE ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER
#define A_CONTACT ANSHIN_ACTION_KIND_CONTACT_ISSUER
#define A_UNFREEZE ANSHIN_ACTION_KIND_UNFREEZE_CARD
#define A_READD ANSHIN_ACTION_KIND_READD_TO_WALLET

#define RENEWED_AT "2025-11-30T09:00:00+09:00"
#define IMPACT_UNTIL_THEN "Your Tsubasa Shopping Program only counts QUICPay payments. Payments made with Mastercard contactless until QUICPay works won't count."
#define IMPACT_UNTIL_AGAIN "Your Tsubasa Shopping Program only counts QUICPay payments. Payments made with Mastercard contactless until QUICPay works again won't count."
#define IMPACT_WORKS "QUICPay payments count toward your Tsubasa Shopping Program."

typedef struct
{
  const char *name;
  Moment moment;
  AnshinPaymentMethodKind kind;
  AnshinPaymentMethodState state;
  AnshinPaymentMethodReason reason;
  const char *eta;
  AnshinWallet via;               /* for QUICPay; NONE: both wallets */
  AnshinExpectation expectation;
  const char *headline;
  const char *evidence;
  const char *what_next;
  const char *impact;             /* NULL: no programme is affected */
  int actions[4];
  const char *schedule;           /* the one row, "label: text"; NULL: no row */
} MethodCase;

static const MethodCase method_cases[] = {
  /* available, whatever reason is left over */
  { "available", REISSUED, QP, S_AVAILABLE, R_NONE, NULL, 0, EXPECTED, "You can pay with QUICPay",
    "The issuer reports it as available.", NULL, IMPACT_WORKS, { END } },
  { "available-pending", REISSUED, QP, S_AVAILABLE, R_PENDING, NULL, 0, EXPECTED, "You can pay with QUICPay",
    NULL, NULL, IMPACT_WORKS, { END } },
  { "available-delayed", REISSUED, QP, S_AVAILABLE, R_DELAYED, NULL, 0, EXPECTED, "You can pay with QUICPay",
    NULL, NULL, IMPACT_WORKS, { END } },
  { "available-reissue", REISSUED, QP, S_AVAILABLE, R_REISSUE, NULL, 0, EXPECTED, "You can pay with QUICPay",
    NULL, NULL, IMPACT_WORKS, { END } },
  { "available-frozen", REISSUED, MC, S_AVAILABLE, R_FROZEN, NULL, 0, EXPECTED,
    "You can pay with Mastercard contactless", NULL, NULL, NULL, { END } },
  { "available-readd", REISSUED, AP, S_AVAILABLE, R_READD, NULL, 0, EXPECTED, "You can pay with Apple Pay",
    NULL, NULL, NULL, { END } },

  /* updating */
  { "updating-no-reason", DELAYED, QP, S_UPDATING, R_NONE, NULL, 0, ATTENTION, "QUICPay is being updated",
    "The issuer hasn't said why or for how long.", NULL,
    IMPACT_UNTIL_AGAIN, { A_WAIT, A_CONTACT, END }, "QUICPay: No date given yet" },
  { "updating-no-reason-dated", DELAYED, QP, S_UPDATING, R_NONE, "2025-12-02T18:00:00+09:00", 0, EXPECTED,
    "QUICPay is being updated", "The issuer has given a date for it.",
    NULL, IMPACT_UNTIL_THEN, { A_WAIT, END }, "QUICPay: Expected from 18:00 today" },
  { "updating-pending", RENEWAL_DAY, QP, S_UPDATING, R_PENDING, "2025-12-02T09:00:00+09:00", 0, EXPECTED,
    "QUICPay is being updated after your card renewal",
    "This is part of your card renewal: the issuer moves each payment method over to the renewed card.",
    NULL, IMPACT_UNTIL_THEN, { A_WAIT, A_REISSUE, END }, "QUICPay: Expected from 2 Dec 2025, 09:00" },
  { "updating-pending-eta-passed", DELAYED, QP, S_UPDATING, R_PENDING, "2025-12-02T09:00:00+09:00", 0, ATTENTION,
    "QUICPay is being updated after your card renewal",
    "The time the issuer gave has passed, and they haven't given a new one.",
    "With a new number, QUICPay works in about 3 hours, but your card number changes.",
    IMPACT_UNTIL_AGAIN, { A_WAIT, A_REISSUE, END }, "QUICPay: Was expected from 2 Dec 2025, 09:00; no new date yet" },
  { "updating-pending-wallet-soon", RENEWAL_DAY, AP, S_UPDATING, R_PENDING, "2025-11-30T12:00:00+09:00", 0, EXPECTED,
    "Apple Pay is being updated after your card renewal", NULL,
    NULL, NULL, { A_WAIT, END }, "Apple Pay: Expected from 12:00 today" },
  { "updating-delayed", DELAYED, QP, S_UPDATING, R_DELAYED, NULL, 0, ATTENTION,
    "QUICPay is delayed, with no new date",
    "The issuer's data migration is late.",
    "With a new number, QUICPay works in about 3 hours, but your card number changes.",
    IMPACT_UNTIL_AGAIN, { A_WAIT, A_REISSUE, END }, "QUICPay: No date given yet" },
  { "updating-delayed-new-date", DELAYED, QP, S_UPDATING, R_DELAYED, "2025-12-05T09:00:00+09:00", 0, ATTENTION,
    "QUICPay is delayed", "The issuer's data migration is late.",
    NULL, IMPACT_UNTIL_THEN, { A_WAIT, A_REISSUE, END }, "QUICPay: Expected from 5 Dec 2025, 09:00" },
  { "updating-reissue", REISSUING, QP, S_UPDATING, R_REISSUE, "2025-12-02T13:15:00+09:00", 0, EXPECTED,
    "QUICPay works again when your new card number is ready",
    "You requested the reissue on 2 Dec 2025, 10:15.",
    "Your new card number should be ready in about 3 hours (13:15).",
    IMPACT_UNTIL_THEN, { A_WAIT, END } },
  { "updating-reissue-wallet", REISSUING, GP, S_UPDATING, R_REISSUE, "2025-12-02T13:15:00+09:00", 0, EXPECTED,
    "Google Pay works again when your new card number is ready", NULL,
    "in about 3 hours (13:15). Then re-add the card in Google Pay.", NULL, { A_WAIT, END } },
  { "updating-reissue-unknown", DELAYED, QP, S_UPDATING, R_REISSUE, NULL, 0, ATTENTION,
    "QUICPay works again when your new card number is ready",
    "Your card's details show no reissue in progress.", NULL, IMPACT_UNTIL_AGAIN, { A_WAIT, A_CONTACT, END } },
  { "updating-frozen", FROZEN, QP, S_UPDATING, R_FROZEN, NULL, 0, EXPECTED,
    "QUICPay is paused while your card is frozen", "Your card's details show it frozen.",
    NULL, IMPACT_UNTIL_AGAIN, { A_UNFREEZE, END }, "QUICPay: Once you unfreeze your card" },
  { "updating-frozen-card-active", DELAYED, QP, S_UPDATING, R_FROZEN, NULL, 0, ATTENTION,
    "QUICPay is still paused",
    "Your card is no longer frozen, but the issuer hasn't updated QUICPay yet.", "QUICPay should work again shortly.",
    IMPACT_UNTIL_AGAIN, { A_WAIT, A_CONTACT, END } },
  { "updating-readd", REISSUED, AP, S_UPDATING, R_READD, NULL, 0, EXPECTED, "Add your card to Apple Pay again",
    "Your card was reissued with a new number on 2 Dec 2025, 13:15.",
    NULL, NULL, { A_READD, END }, "Apple Pay: Once you re-add your card to it" },

  /* unavailable */
  { "unavailable-no-reason", DELAYED, QP, S_UNAVAILABLE, R_NONE, NULL, 0, ATTENTION,
    "QUICPay can't be used right now", "The issuer hasn't said why or for how long.", NULL,
    IMPACT_UNTIL_AGAIN, { A_WAIT, A_CONTACT, END }, "QUICPay: No date given yet" },
  { "unavailable-pending", RENEWAL_DAY, QP, S_UNAVAILABLE, R_PENDING, "2025-12-02T09:00:00+09:00", 0, EXPECTED,
    "QUICPay is being updated after your card renewal", NULL,
    NULL, IMPACT_UNTIL_THEN, { A_WAIT, A_REISSUE, END }, "QUICPay: Expected from 2 Dec 2025, 09:00" },
  { "unavailable-delayed", DELAYED, QP, S_UNAVAILABLE, R_DELAYED, NULL, 0, ATTENTION,
    "QUICPay is delayed, with no new date",
    "The issuer's data migration is late.",
    "QUICPay works in about 3 hours", IMPACT_UNTIL_AGAIN, { A_WAIT, A_REISSUE, END }, "QUICPay: No date given yet" },
  { "unavailable-reissue", REISSUING, QP, S_UNAVAILABLE, R_REISSUE, "2025-12-02T13:15:00+09:00", 0, EXPECTED,
    "QUICPay works again when your new card number is ready", NULL, "in about 3 hours",
    IMPACT_UNTIL_THEN, { A_WAIT, END } },
  { "unavailable-frozen", FROZEN, MC, S_UNAVAILABLE, R_FROZEN, NULL, 0, EXPECTED,
    "Mastercard contactless is paused while your card is frozen", NULL, NULL, NULL, { A_UNFREEZE, END }, "Mastercard contactless: Once you unfreeze your card" },
  { "unavailable-readd-quicpay", REISSUED, QP, S_UNAVAILABLE, R_READD, NULL, ANSHIN_WALLET_APPLE_PAY, EXPECTED,
    "Add your card to Apple Pay or Google Pay again to use QUICPay",
    "Your card was reissued with a new number on 2 Dec 2025, 13:15.", NULL,
    IMPACT_UNTIL_AGAIN, { A_READD, END }, "QUICPay: Once you re-add your card to your wallet app" },
  { "unavailable-readd-no-reissue", DELAYED, GP, S_UNAVAILABLE, R_READD, NULL, 0, ATTENTION,
    "Add your card to Google Pay again",
    "Your card's details show no new number", NULL, NULL, { A_READD, A_CONTACT, END }, "Google Pay: Once you re-add your card to it" },

  /* not set up */
  { "not-set-up", ANNOUNCED, AP, S_NOT_SET_UP, R_NONE, NULL, 0, EXPECTED, "Apple Pay isn't set up",
    "Nothing is wrong", NULL, NULL, { END } },
  { "not-set-up-quicpay", ANNOUNCED, QP, S_NOT_SET_UP, R_NONE, NULL, 0, EXPECTED, "QUICPay isn't set up",
    NULL, NULL, "Your Tsubasa Shopping Program only counts QUICPay payments.", { END } },
  { "not-set-up-pending", RENEWAL_DAY, GP, S_NOT_SET_UP, R_PENDING, NULL, 0, EXPECTED, "Google Pay isn't set up",
    NULL, NULL, NULL, { END } },
  { "not-set-up-delayed", DELAYED, QP, S_NOT_SET_UP, R_DELAYED, NULL, 0, EXPECTED, "QUICPay isn't set up",
    NULL, NULL, "Your Tsubasa Shopping Program only counts QUICPay payments.", { END } },
  { "not-set-up-reissue", REISSUING, MO, S_NOT_SET_UP, R_REISSUE, NULL, 0, EXPECTED,
    "Mastercard online isn't set up", NULL, NULL, NULL, { A_CONTACT, END } },
  { "not-set-up-frozen", FROZEN, AP, S_NOT_SET_UP, R_FROZEN, NULL, 0, EXPECTED, "Apple Pay isn't set up",
    NULL, NULL, NULL, { END } },
  { "not-set-up-readd", REISSUED, GP, S_NOT_SET_UP, R_READD, NULL, 0, EXPECTED, "Add your card to Google Pay again",
    NULL, "Google Pay works again once you re-add your card to it.", NULL, { A_READD, END } },
};

static AnshinExplanation *
explain_method_case (const MethodCase *test)
{
  g_autoptr(World) world = world_new (test->moment);
  AnshinPaymentMethod *method = world_method (world, test->kind);

  set_method (world, test->kind, test->state, test->reason, "2025-11-30T09:00:00+09:00", test->eta);
  if (test->via != ANSHIN_WALLET_NONE)
    anshin_payment_method_set_via (method, test->via);

  return anshin_explain_payment_method (method, world->card, G_LIST_MODEL (world->programs), world->now);
}

/* The method's row, "QUICPay: No date given yet", or none at all; with a
 * row, no sentence says when again. */
static void
assert_one_row (AnshinExplanation *explanation,
                const char        *expected)
{
  GListModel *schedule = anshin_explanation_get_schedule (explanation);
  g_autoptr(AnshinScheduleItem) item = NULL;
  g_autofree char *row = NULL;

  if (expected == NULL)
    {
      g_assert_cmpuint (g_list_model_get_n_items (schedule), ==, 0);
      return;
    }

  g_assert_cmpuint (g_list_model_get_n_items (schedule), ==, 1);
  item = g_list_model_get_item (schedule, 0);
  row = g_strdup_printf ("%s: %s", anshin_schedule_item_get_label (item), anshin_schedule_item_get_text (item));
  g_assert_cmpstr (row, ==, expected);
  g_assert_null (strstr (anshin_explanation_get_what_next (explanation) != NULL ?
                         anshin_explanation_get_what_next (explanation) : "", "expect"));
}

static void
test_method (gconstpointer data)
{
  const MethodCase *test = data;
  g_autoptr(AnshinExplanation) explanation = explain_method_case (test);

  assert_well_formed (explanation, NULL);
  explanation_test_assert_says_once (explanation);
  g_assert_cmpint (anshin_explanation_get_expectation (explanation), ==, test->expectation);
  assert_contains ("headline", anshin_explanation_get_headline (explanation), test->headline);
  assert_contains ("evidence", anshin_explanation_get_evidence (explanation), test->evidence);
  assert_contains ("what next", anshin_explanation_get_what_next (explanation), test->what_next);
  assert_impact (anshin_explanation_get_programme_impact (explanation), test->impact);
  assert_actions (explanation, test->actions);
  assert_one_row (explanation, test->schedule);

  g_assert_finalize_object (g_steal_pointer (&explanation));
}

/* The table must cover every state x reason there is. */
static void
test_method_states_covered (void)
{
  g_autoptr(GEnumClass) states = g_type_class_ref (ANSHIN_TYPE_PAYMENT_METHOD_STATE);
  g_autoptr(GEnumClass) reasons = g_type_class_ref (ANSHIN_TYPE_PAYMENT_METHOD_REASON);

  for (guint s = 0; s < states->n_values; s++)
    for (guint r = 0; r < reasons->n_values; r++)
      {
        gboolean found = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (method_cases) && !found; i++)
          found = (int) method_cases[i].state == states->values[s].value &&
                  (int) method_cases[i].reason == reasons->values[r].value;

        if (!found)
          g_error ("no explainer case for %s + %s", states->values[s].value_nick, reasons->values[r].value_nick);
      }
}

static void
test_method_action_details (void)
{
  g_autoptr(World) world = world_new (DELAYED);
  AnshinPaymentMethod *quicpay = world_method (world, QP);
  g_autoptr(AnshinExplanation) explanation =
    anshin_explain_payment_method (quicpay, world->card, G_LIST_MODEL (world->programs), world->now);
  g_autoptr(GDateTime) ready = g_date_time_add_hours (world->now, 3);
  AnshinAction *reissue = anshin_explanation_find_action (explanation, A_REISSUE);
  AnshinAction *wait = anshin_explanation_find_action (explanation, A_WAIT);

  g_assert_cmpstr (anshin_explanation_get_what_happened (explanation), ==,
                   "QUICPay stopped working when your card was renewed on 30 Nov 2025.");
  g_assert_cmpstr (anshin_explanation_get_what_to_do (explanation), ==,
                   "Wait for the issuer, or reissue the card with a new number if you need QUICPay sooner.");
  g_assert_cmpstr (anshin_explanation_get_programme_impact (explanation), ==, IMPACT_UNTIL_AGAIN);

  g_assert_cmpstr (anshin_action_get_label (reissue), ==, "Reissue with a New Number");
  g_assert_cmpint (anshin_action_get_method (reissue), ==, QP);
  g_assert_true (g_date_time_equal (anshin_action_get_when (reissue), ready));
  g_assert_cmpstr (anshin_action_get_description (reissue), ==,
                   "With a new number, QUICPay works in about 3 hours, but your card number changes.");
  g_assert_null (anshin_action_get_when (wait));
  g_assert_cmpint (anshin_action_get_method (wait), ==, QP);

  /* on the renewal day the issuer still gives a date, and the advice names it */
  {
    g_autoptr(World) renewal_day = world_new (RENEWAL_DAY);
    g_autoptr(AnshinExplanation) pending =
      anshin_explain_payment_method (world_method (renewal_day, QP), renewal_day->card,
                                     G_LIST_MODEL (renewal_day->programs), renewal_day->now);
    g_autoptr(GDateTime) eta = at ("2025-12-02T09:00:00+09:00");

    g_autoptr(AnshinScheduleItem) row = g_list_model_get_item (anshin_explanation_get_schedule (pending), 0);

    /* the date once, as the row; the advice without it */
    g_assert_cmpstr (anshin_explanation_get_what_to_do (pending), ==,
                     "Wait, or reissue the card with a new number if you need QUICPay sooner.");
    g_assert_cmpstr (anshin_schedule_item_get_label (row), ==, "QUICPay");
    g_assert_cmpstr (anshin_schedule_item_get_text (row), ==, "Expected from 2 Dec 2025, 09:00");
    g_assert_true (g_date_time_equal (anshin_schedule_item_get_when (row), eta));
    g_assert_true (g_date_time_equal (anshin_action_get_when (anshin_explanation_find_action (pending, A_WAIT)), eta));
    g_assert_cmpstr (anshin_action_get_description (anshin_explanation_find_action (pending, A_WAIT)), ==,
                     "QUICPay starts working by itself.");
  }
}

/* The reissue trade-off, for the confirmation dialog */

static void
test_tradeoff_delayed (void)
{
  g_autoptr(World) world = world_new (DELAYED);
  g_autoptr(AnshinExplanation) explanation =
    anshin_explain_reissue_tradeoff (world->card, G_LIST_MODEL (world->methods),
                                     G_LIST_MODEL (world->programs), world->now);
  g_autoptr(GDateTime) ready = g_date_time_add_hours (world->now, 3);
  AnshinAction *reissue;

  assert_well_formed (explanation, NULL);
  g_assert_cmpstr (anshin_explanation_get_headline (explanation), ==, "Reissue your card with a new number?");
  g_assert_cmpstr (anshin_explanation_get_what_happened (explanation), ==, "QUICPay is ready in about 3 hours.");
  g_assert_cmpstr (anshin_explanation_get_what_to_do (explanation), ==,
                   "Your card number changes: re-add the card in Apple Pay and Google Pay, "
                   "and update it wherever it is saved (online shops, subscriptions).");
  g_assert_cmpstr (anshin_explanation_get_what_next (explanation), ==, "Your balance of ¥12,345 stays on the card.");
  g_assert_cmpstr (anshin_explanation_get_evidence (explanation), ==,
                   "Without a reissue, there is no date for QUICPay: the issuer's data migration is late.");
  g_assert_cmpstr (anshin_explanation_get_programme_impact (explanation), ==,
                   "QUICPay payments count toward your Tsubasa Shopping Program again once the new number is ready.");
  assert_actions (explanation, (const int[]) { A_REISSUE, A_WAIT, END });

  reissue = anshin_explanation_find_action (explanation, A_REISSUE);
  g_assert_true (g_date_time_equal (anshin_action_get_when (reissue), ready));
  g_assert_cmpint (anshin_action_get_method (reissue), ==, QP);
  g_assert_cmpstr (anshin_action_get_description (reissue), ==,
                   "QUICPay is ready in about 3 hours. Your card number changes: re-add the card in Apple Pay "
                   "and Google Pay, and update it wherever it is saved (online shops, subscriptions). "
                   "Your balance of ¥12,345 stays on the card.");
}

static void
test_tradeoff_one_wallet (void)
{
  g_autoptr(World) world = world_new (RENEWAL_NOON);
  g_autoptr(AnshinExplanation) explanation = NULL;

  set_method (world, GP, S_NOT_SET_UP, R_NONE, NULL, NULL);
  explanation = anshin_explain_reissue_tradeoff (world->card, G_LIST_MODEL (world->methods),
                                                 G_LIST_MODEL (world->programs), world->now);

  assert_well_formed (explanation, NULL);
  g_assert_cmpstr (anshin_explanation_get_evidence (explanation), ==,
                   "Without a reissue, the issuer expects QUICPay to work from 2 Dec 2025, 09:00.");
  assert_contains ("what to do", anshin_explanation_get_what_to_do (explanation),
                   "re-add the card in Apple Pay, and update it");
}

static void
test_tradeoff_nothing_known (void)
{
  g_autoptr(World) world = world_new (DELAYED);
  g_autoptr(AnshinExplanation) explanation =
    anshin_explain_reissue_tradeoff (world->card, NULL, NULL, world->now);

  assert_well_formed (explanation, NULL);
  g_assert_cmpstr (anshin_explanation_get_what_happened (explanation), ==,
                   "Your card with its new number is ready in about 3 hours.");
  g_assert_cmpstr (anshin_explanation_get_what_to_do (explanation), ==,
                   "Your card number changes: update it wherever it is saved (online shops, subscriptions).");
  g_assert_null (anshin_explanation_get_evidence (explanation));
  g_assert_null (anshin_explanation_get_programme_impact (explanation));
  assert_actions (explanation, (const int[]) { A_REISSUE, A_WAIT, END });
}

static void
test_tradeoff_already_reissuing (void)
{
  g_autoptr(World) world = world_new (REISSUING);
  g_autoptr(AnshinExplanation) explanation =
    anshin_explain_reissue_tradeoff (world->card, G_LIST_MODEL (world->methods),
                                     G_LIST_MODEL (world->programs), world->now);

  assert_well_formed (explanation, NULL);
  g_assert_cmpstr (anshin_explanation_get_headline (explanation), ==, "Your card is already being reissued");
  g_assert_cmpstr (anshin_explanation_get_what_happened (explanation), ==,
                   "Your new card number should be ready in about 3 hours (13:15).");
  assert_actions (explanation, (const int[]) { A_WAIT, END });
  g_assert_false (anshin_explanation_has_action (explanation, A_REISSUE));
}

/* Labels and the objects themselves */

static void
test_labels (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (ANSHIN_TYPE_ACTION_KIND);

  g_assert_cmpstr (anshin_payment_method_kind_get_label (MO), ==, "Mastercard online");
  g_assert_cmpstr (anshin_payment_method_kind_get_label (MC), ==, "Mastercard contactless");
  g_assert_cmpstr (anshin_payment_method_kind_get_label (QP), ==, "QUICPay");
  g_assert_cmpstr (anshin_payment_method_kind_get_label (AP), ==, "Apple Pay");
  g_assert_cmpstr (anshin_payment_method_kind_get_label (GP), ==, "Google Pay");
  g_assert_cmpstr (anshin_payment_method_state_get_label (S_AVAILABLE), ==, "Available");
  g_assert_cmpstr (anshin_payment_method_state_get_label (S_UPDATING), ==, "Updating");
  g_assert_cmpstr (anshin_payment_method_state_get_label (S_UNAVAILABLE), ==, "Unavailable");
  g_assert_cmpstr (anshin_payment_method_state_get_label (S_NOT_SET_UP), ==, "Not set up");
  g_assert_cmpstr (anshin_card_state_get_label (ANSHIN_CARD_STATE_ACTIVE), ==, "Active");
  g_assert_cmpstr (anshin_card_state_get_label (ANSHIN_CARD_STATE_FROZEN), ==, "Frozen");
  g_assert_cmpstr (anshin_card_state_get_label (ANSHIN_CARD_STATE_REISSUING), ==, "Being reissued");
  g_assert_cmpstr (anshin_card_state_get_label (ANSHIN_CARD_STATE_CLOSED), ==, "Closed");
  g_assert_cmpstr (anshin_expectation_get_label (EXPECTED), ==, "Expected");
  g_assert_cmpstr (anshin_expectation_get_label (ATTENTION), ==, "Needs your attention");
  g_assert_cmpstr (anshin_expectation_get_label (ANSHIN_EXPECTATION_UNEXPECTED), ==, "Unexpected");
  g_assert_cmpstr (anshin_action_kind_get_label (A_WAIT), ==, "Wait");
  g_assert_cmpstr (anshin_action_kind_get_label (A_REISSUE), ==, "Reissue with a New Number");
  g_assert_cmpstr (anshin_action_kind_get_label (ANSHIN_ACTION_KIND_FREEZE_CARD), ==, "Freeze Card");

  /* every button has a label, and no two share one */
  for (guint i = 0; i < kinds->n_values; i++)
    for (guint j = 0; j < i; j++)
      {
        const char *a = anshin_action_kind_get_label (kinds->values[i].value);
        const char *b = anshin_action_kind_get_label (kinds->values[j].value);

        g_assert_nonnull (a);
        g_assert_cmpstr (a, !=, b);
      }
}

static void
test_objects (void)
{
  g_autoptr(AnshinAction) action = anshin_action_new (ANSHIN_ACTION_KIND_FREEZE_CARD, 0, NULL, NULL, "Stops payments.");
  const NoticeCase *test = notice_case ("activated-unexpected");
  g_autoptr(AnshinExplanation) explanation = explain_case (test, NULL);
  g_autofree char *headline = NULL;
  g_autoptr(GListModel) actions = NULL;
  AnshinExpectation expectation;

  g_assert_cmpstr (anshin_action_get_label (action), ==, "Freeze Card");
  g_assert_cmpstr (anshin_action_get_description (action), ==, "Stops payments.");
  g_assert_null (anshin_action_get_when (action));

  g_object_get (explanation,
                "headline", &headline,
                "expectation", &expectation,
                "actions", &actions,
                NULL);
  g_assert_cmpstr (headline, ==, anshin_explanation_get_headline (explanation));
  g_assert_cmpint (expectation, ==, ANSHIN_EXPECTATION_UNEXPECTED);
  g_assert_true (actions == anshin_explanation_get_actions (explanation));
  g_assert_true (g_list_model_get_item_type (actions) == ANSHIN_TYPE_ACTION);
  g_assert_false (anshin_explanation_has_action (explanation, A_WAIT));
  g_assert_null (anshin_explanation_find_action (explanation, A_WAIT));
  g_assert_nonnull (anshin_explanation_find_action (explanation, ANSHIN_ACTION_KIND_FREEZE_CARD));

  /* immutable: what the views bind to never changes under them */
  g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (explanation), "headline")->flags &
                 G_PARAM_CONSTRUCT_ONLY);
  g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (action), "kind")->flags &
                 G_PARAM_CONSTRUCT_ONLY);

  g_clear_object (&actions);
  g_assert_finalize_object (g_steal_pointer (&explanation));
  g_assert_finalize_object (g_steal_pointer (&action));
}

/* Japanese, once the translator pass has translated the explainer */

static gboolean
has_non_ascii (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        return TRUE;
    }

  return FALSE;
}

static void
assert_japanese (const char *field,
                 const char *text)
{
  if (text == NULL)
    return;

  if (!has_non_ascii (text))
    g_error ("%s is not Japanese: “%s”", field, text);
  g_assert_null (strstr (text, "！"));
}

/* Every sentence and schedule row of @explanation is Japanese */
static void
assert_japanese_explanation (AnshinExplanation *explanation)
{
  GListModel *schedule = anshin_explanation_get_schedule (explanation);

  assert_japanese ("headline", anshin_explanation_get_headline (explanation));
  assert_japanese ("what happened", anshin_explanation_get_what_happened (explanation));
  assert_japanese ("evidence", anshin_explanation_get_evidence (explanation));
  assert_japanese ("what to do", anshin_explanation_get_what_to_do (explanation));
  assert_japanese ("what next", anshin_explanation_get_what_next (explanation));
  for (guint j = 0; j < g_list_model_get_n_items (schedule); j++)
    {
      g_autoptr(AnshinScheduleItem) item = g_list_model_get_item (schedule, j);

      assert_japanese ("schedule", anshin_schedule_item_get_text (item));
    }
}

static gboolean
enter_japanese (const char *english,
                const char *what)
{
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("the ja_JP.UTF-8 locale is not installed");
      return FALSE;
    }

  /* One message is enough to tell whether the translator pass has run. */
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, english), english) == 0)
    {
      setlocale (LC_ALL, "");
      g_test_skip_printf ("no Japanese translation of the %s yet", what);
      return FALSE;
    }

  return TRUE;
}

static void
test_japanese_activation (void)
{
  g_autoptr(AnshinExplanation) explanation = NULL;
  const char *evidence;

  if (!enter_japanese ("Your card was renewed as planned", "explainer"))
    return;

  explanation = explain_case (notice_case ("activated-renewal-day"), NULL);
  evidence = anshin_explanation_get_evidence (explanation);

  assert_well_formed (explanation, ISSUER_TITLE);
  assert_japanese ("headline", anshin_explanation_get_headline (explanation));
  assert_japanese ("what happened", anshin_explanation_get_what_happened (explanation));
  assert_japanese ("evidence", evidence);
  assert_japanese ("what to do", anshin_explanation_get_what_to_do (explanation));
  assert_japanese ("what next", anshin_explanation_get_what_next (explanation));
  assert_japanese ("programme impact", anshin_explanation_get_programme_impact (explanation));
  assert_contains ("evidence", evidence, "2025年8月30日");
  assert_contains ("what happened", anshin_explanation_get_what_happened (explanation), "2025年11月30日");
  assert_contains ("evidence", evidence, "•••• 1234");
  /* each date once, and the methods' dates as rows */
  explanation_test_assert_says_once (explanation);
  {
    GListModel *schedule = anshin_explanation_get_schedule (explanation);
    g_autoptr(AnshinScheduleItem) quicpay = g_list_model_get_item (schedule, 0);
    g_autoptr(AnshinScheduleItem) wallets = g_list_model_get_item (schedule, 1);

    g_assert_cmpuint (g_list_model_get_n_items (schedule), ==, 2);
    g_assert_cmpstr (anshin_schedule_item_get_label (quicpay), ==, "QUICPay");
    assert_contains ("schedule", anshin_schedule_item_get_text (quicpay), "2025年12月2日 9:00");
    assert_japanese ("schedule", anshin_schedule_item_get_text (quicpay));
    g_assert_cmpstr (anshin_schedule_item_get_label (wallets), ==, "Apple PayとGoogle Pay");
    assert_contains ("schedule", anshin_schedule_item_get_text (wallets), "12:00");
    assert_japanese ("schedule", anshin_schedule_item_get_text (wallets));
  }
  assert_contains ("programme impact", anshin_explanation_get_programme_impact (explanation), "Tsubasa Shopping Program");
  g_assert_cmpint (anshin_explanation_get_expectation (explanation), ==, EXPECTED);

  setlocale (LC_ALL, "");
}

static void
test_japanese_unexpected (void)
{
  g_autoptr(AnshinExplanation) explanation = NULL;
  AnshinAction *freeze;

  if (!enter_japanese ("Your card was activated, but no renewal was announced", "explainer"))
    return;

  explanation = explain_case (notice_case ("activated-unexpected"), NULL);
  freeze = anshin_explanation_find_action (explanation, ANSHIN_ACTION_KIND_FREEZE_CARD);

  assert_japanese ("headline", anshin_explanation_get_headline (explanation));
  assert_japanese ("evidence", anshin_explanation_get_evidence (explanation));
  assert_japanese ("what to do", anshin_explanation_get_what_to_do (explanation));
  assert_contains ("what happened", anshin_explanation_get_what_happened (explanation), "2025年10月15日");
  assert_japanese ("freeze button", anshin_action_get_label (freeze));
  assert_japanese ("expectation", anshin_expectation_get_label (ANSHIN_EXPECTATION_UNEXPECTED));

  setlocale (LC_ALL, "");
}

static void
test_japanese_delayed (void)
{
  g_autoptr(World) world = NULL;
  g_autoptr(AnshinExplanation) explanation = NULL;
  g_autoptr(AnshinExplanation) tradeoff = NULL;

  if (!enter_japanese ("The issuer's data migration is late.", "explainer"))
    return;

  world = world_new (DELAYED);
  explanation = anshin_explain_payment_method (world_method (world, QP), world->card,
                                               G_LIST_MODEL (world->programs), world->now);
  tradeoff = anshin_explain_reissue_tradeoff (world->card, G_LIST_MODEL (world->methods),
                                              G_LIST_MODEL (world->programs), world->now);

  assert_japanese ("headline", anshin_explanation_get_headline (explanation));
  assert_japanese ("evidence", anshin_explanation_get_evidence (explanation));
  assert_japanese ("programme impact", anshin_explanation_get_programme_impact (explanation));
  assert_contains ("programme impact", anshin_explanation_get_programme_impact (explanation), "QUICPay");
  assert_japanese ("trade-off", anshin_explanation_get_what_to_do (tradeoff));
  assert_contains ("trade-off", anshin_explanation_get_what_next (tradeoff), "12,345円");

  setlocale (LC_ALL, "");
}

/* Several methods' dates are rows, one a date and time (or what they wait
 * for); methods that share one are one row. */
static void
assert_schedule (AnshinExplanation  *explanation,
                 const char * const *expected)   /* label, text, …, NULL */
{
  GListModel *schedule = anshin_explanation_get_schedule (explanation);
  guint n = 0;

  for (; expected[2 * n] != NULL; n++)
    {
      g_autoptr(AnshinScheduleItem) item = g_list_model_get_item (schedule, n);

      g_assert_nonnull (item);
      g_assert_cmpstr (anshin_schedule_item_get_label (item), ==, expected[2 * n]);
      g_assert_cmpstr (anshin_schedule_item_get_text (item), ==, expected[2 * n + 1]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (schedule), ==, n);
}

static void
test_notice_schedule (void)
{
  g_autoptr(AnshinExplanation) renewal_day = explain_case (notice_case ("activated-renewal-day"), NULL);
  g_autoptr(AnshinExplanation) noon = explain_case (notice_case ("activated-renewal-noon"), NULL);
  g_autoptr(AnshinExplanation) reissued = explain_case (notice_case ("activated-after-reissue"), NULL);
  g_autoptr(AnshinExplanation) frozen = explain_case (notice_case ("card-frozen"), NULL);
  const char * const renewal_rows[] = {
    "QUICPay", "Expected from 2 Dec 2025, 09:00",
    "Apple Pay and Google Pay", "Expected from 12:00 today",
    NULL,
  };
  const char * const reissued_rows[] = {
    "Apple Pay and Google Pay", "Once you re-add your card to it",
    NULL,
  };
  const char * const none[] = { NULL };

  /* renewal day: three methods late, two dates, and no sentence each */
  assert_schedule (renewal_day, renewal_rows);
  g_assert_null (strstr (anshin_explanation_get_what_next (renewal_day), "expects"));
  /* the programme sentence once, though three methods lag */
  g_assert_cmpstr (anshin_explanation_get_programme_impact (renewal_day), ==,
                   "Your Tsubasa Shopping Program only counts QUICPay payments. Payments made with Mastercard contactless until QUICPay works won't count.");

  /* one method late: its sentence, no rows */
  assert_schedule (noon, none);
  assert_contains ("what next", anshin_explanation_get_what_next (noon),
                   "The issuer expects QUICPay to work from 2 Dec 2025, 09:00.");

  assert_schedule (reissued, reissued_rows);
  g_assert_null (anshin_explanation_get_what_next (reissued));

  /* frozen: how long is said in what happened, not again as what next */
  g_assert_null (anshin_explanation_get_what_next (frozen));

  /* a declined QUICPay payment: no date, said once, as the row */
  {
    g_autoptr(AnshinExplanation) declined = explain_case (notice_case ("payment-declined"), NULL);
    const char * const declined_rows[] = { "QUICPay", "No date given yet", NULL };

    assert_schedule (declined, declined_rows);
    g_assert_null (anshin_explanation_get_what_next (declined));
  }
}

/* Every notice, in Japanese: Japanese words, and each date and sentence
 * once. */
static void
test_japanese_says_once (void)
{
  if (!enter_japanese ("Your card was renewed as planned", "explainer"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (notice_cases); i++)
    {
      g_autoptr(AnshinExplanation) explanation = explain_case (&notice_cases[i], NULL);

      g_test_message ("%s", notice_cases[i].name);
      assert_well_formed (explanation, ISSUER_TITLE);
      explanation_test_assert_says_once (explanation);
      assert_japanese_explanation (explanation);
    }

  setlocale (LC_ALL, "");
}

/* Every payment method's state and reason, in Japanese: Japanese words,
 * each date and sentence once, and the row for when it works. */
static void
test_japanese_methods_say_once (void)
{
  if (!enter_japanese ("The issuer's data migration is late.", "explainer"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (method_cases); i++)
    {
      g_autoptr(AnshinExplanation) explanation = explain_method_case (&method_cases[i]);
      GListModel *schedule = anshin_explanation_get_schedule (explanation);

      g_test_message ("%s", method_cases[i].name);
      assert_well_formed (explanation, NULL);
      explanation_test_assert_says_once (explanation);
      assert_japanese_explanation (explanation);
      g_assert_cmpuint (g_list_model_get_n_items (schedule), ==, method_cases[i].schedule != NULL ? 1 : 0);
    }

  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  /* The holder's clock is in Japan, like the issuer's. */
  g_setenv ("TZ", "JST-9", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANSHIN_LOCALEDIR") ? g_getenv ("ANSHIN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (notice_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/explainer/notice/%s", notice_cases[i].name);

      g_test_add_data_func (path, &notice_cases[i], test_notice);
    }
  g_test_add_func ("/explainer/notice/every-code", test_notice_codes_covered);
  g_test_add_func ("/explainer/notice/action-details", test_notice_action_details);
  g_test_add_func ("/explainer/notice/schedule", test_notice_schedule);

  for (guint i = 0; i < G_N_ELEMENTS (method_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/explainer/method/%s", method_cases[i].name);

      g_test_add_data_func (path, &method_cases[i], test_method);
    }
  g_test_add_func ("/explainer/method/every-state-and-reason", test_method_states_covered);
  g_test_add_func ("/explainer/method/action-details", test_method_action_details);

  g_test_add_func ("/explainer/tradeoff/delayed", test_tradeoff_delayed);
  g_test_add_func ("/explainer/tradeoff/one-wallet", test_tradeoff_one_wallet);
  g_test_add_func ("/explainer/tradeoff/nothing-known", test_tradeoff_nothing_known);
  g_test_add_func ("/explainer/tradeoff/already-reissuing", test_tradeoff_already_reissuing);

  g_test_add_func ("/explainer/labels", test_labels);
  g_test_add_func ("/explainer/objects", test_objects);

  g_test_add_func ("/explainer/ja/activation", test_japanese_activation);
  g_test_add_func ("/explainer/ja/unexpected", test_japanese_unexpected);
  g_test_add_func ("/explainer/ja/delayed", test_japanese_delayed);
  g_test_add_func ("/explainer/ja/says-once", test_japanese_says_once);
  g_test_add_func ("/explainer/ja/methods-say-once", test_japanese_methods_say_once);

  return g_test_run ();
}
