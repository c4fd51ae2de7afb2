/* test-activity.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activity in app/core: AnshinTransaction, the explanation of every
 * kind of entry (declines by reason, payments that did and did not count,
 * top-ups), the programme summary (points this month, what the QUICPay
 * outage cost) and the 30-day spending chart's numbers and accessible
 * description, table by table, in English and in Japanese. The story: the
 * card renewed on 30 Nov 2025 at 09:00, QUICPay stopped, the holder paid by
 * Mastercard contactless at a supermarket that day and at a station kiosk
 * the next, QUICPay was declined at FamilyMart on 2 Dec at 09:41 and the
 * same ¥480 paid by contactless a minute later; a reissue brought QUICPay
 * back at 13:15.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-activity-summary.h"
#include "anshin-core-enum-types.h"
#include "anshin-explainer.h"
#include "anshin-time.h"

#include "explanation-test-util.h"

#define END (-1)
#define QP ANSHIN_PAYMENT_METHOD_KIND_QUICPAY
#define MCC ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS
#define MCO ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE
#define FAMIMA "ファミリーマート 羽田空港第1ターミナル店"

typedef enum {
  NORMAL,     /* 2025-11-20 12:00, everything works */
  DELAYED,    /* 2025-12-02 10:00, QUICPay late since the renewal */
  REISSUING,  /* 2025-12-02 10:30, QUICPay paused for the reissue */
  REISSUED,   /* 2025-12-09 13:00, QUICPay back since 2 Dec 13:15 */
  FROZEN,     /* 2025-12-03 08:00, the card frozen */
} Moment;

typedef struct
{
  AnshinCard *card;
  GListStore *methods;
  GListStore *programs;
  AnshinProgram *program;
  GDateTime *now;
} World;

static GDateTime *
at (const char *rfc3339)
{
  GDateTime *time = anshin_time_parse (rfc3339);

  g_assert_nonnull (time);
  return time;
}

static void
set_method (World                     *world,
            AnshinPaymentMethodKind    kind,
            AnshinPaymentMethodState   state,
            AnshinPaymentMethodReason  reason,
            const char                *since)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (world->methods)); i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (G_LIST_MODEL (world->methods), i);
      g_autoptr(GDateTime) time = at (since);

      if (anshin_payment_method_get_kind (method) != kind)
        continue;
      anshin_payment_method_set_state (method, state);
      anshin_payment_method_set_reason (method, reason);
      anshin_payment_method_set_since (method, time);
    }
}

static World *
world_new (Moment moment)
{
  const char * const quicpay_only[] = { "quicpay", NULL };
  const AnshinPaymentMethodKind kinds[] = {
    MCO, MCC, QP, ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY, ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY,
  };
  World *world = g_new0 (World, 1);
  const char *now = "2025-11-20T12:00:00+09:00";

  world->card = anshin_card_new ();
  anshin_card_set_state (world->card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_card_set_number_last4 (world->card, "1234");
  anshin_card_set_balance (world->card, 12345);

  world->methods = g_list_store_new (ANSHIN_TYPE_PAYMENT_METHOD);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(AnshinPaymentMethod) method = anshin_payment_method_new ();

      anshin_payment_method_set_kind (method, kinds[i]);
      g_list_store_append (world->methods, method);
      set_method (world, kinds[i], ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE, ANSHIN_PAYMENT_METHOD_REASON_NONE,
                  "2024-11-01T00:00:00+09:00");
    }

  world->program = anshin_program_new ();
  anshin_program_set_id (world->program, "tsubasa_shopping");
  anshin_program_set_name (world->program, "Tsubasa Shopping Program");
  anshin_program_set_name_ja (world->program, "つばさショッピングプログラム");
  anshin_program_set_requires_methods (world->program, quicpay_only);
  anshin_program_set_earn_yen (world->program, 200);
  anshin_program_set_earn_points (world->program, 1);
  anshin_program_set_points_balance (world->program, 1234);
  world->programs = g_list_store_new (ANSHIN_TYPE_PROGRAM);
  g_list_store_append (world->programs, world->program);

  if (moment != NORMAL)
    {
      g_autoptr(GDateTime) renewed = at ("2025-11-30T09:00:00+09:00");

      anshin_card_set_renewal_status (world->card, ANSHIN_RENEWAL_STATUS_COMPLETED);
      anshin_card_set_renewal_completed_at (world->card, renewed);
    }

  switch (moment)
    {
    case NORMAL:
      break;
    case DELAYED:
      now = "2025-12-02T10:00:00+09:00";
      set_method (world, QP, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE,
                  ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED, "2025-12-02T09:00:00+09:00");
      break;
    case REISSUING:
      now = "2025-12-02T10:30:00+09:00";
      anshin_card_set_state (world->card, ANSHIN_CARD_STATE_REISSUING);
      anshin_card_set_reissue_status (world->card, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
      set_method (world, QP, ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                  ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS, "2025-12-02T10:15:00+09:00");
      break;
    case REISSUED:
      now = "2025-12-09T13:00:00+09:00";
      set_method (world, QP, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE,
                  ANSHIN_PAYMENT_METHOD_REASON_NONE, "2025-12-02T13:15:00+09:00");
      break;
    case FROZEN:
      now = "2025-12-03T08:00:00+09:00";
      anshin_card_set_state (world->card, ANSHIN_CARD_STATE_FROZEN);
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        set_method (world, kinds[i], ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE,
                    ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN, "2025-12-03T07:30:00+09:00");
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
  g_clear_object (&world->methods);
  g_clear_object (&world->programs);
  g_assert_finalize_object (world->program);
  g_assert_finalize_object (world->card);
  g_date_time_unref (world->now);
  g_free (world);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

/* An entry of the activity as the issuer would send it. */
typedef struct
{
  AnshinTransactionKind kind;
  AnshinTransactionStatus status;
  AnshinPaymentMethodKind method;
  AnshinWallet via;
  gint64 amount;
  const char *merchant;
  const char *occurred_at;
  AnshinDeclineReason decline_reason;
  gint64 balance_after;
  gboolean has_program;
  gboolean eligible;
  AnshinProgramReason program_reason;
  gint64 points;
} Entry;

static AnshinTransaction *
make_transaction (const Entry *entry)
{
  AnshinTransaction *transaction = anshin_transaction_new ();
  g_autoptr(GDateTime) occurred = at (entry->occurred_at);

  anshin_transaction_set_id (transaction, "txn_1");
  anshin_transaction_set_kind (transaction, entry->kind);
  anshin_transaction_set_status (transaction, entry->status);
  anshin_transaction_set_method (transaction, entry->method);
  anshin_transaction_set_via (transaction, entry->via);
  anshin_transaction_set_amount (transaction, entry->amount);
  anshin_transaction_set_merchant (transaction, entry->merchant);
  anshin_transaction_set_occurred_at (transaction, occurred);
  anshin_transaction_set_decline_reason (transaction, entry->decline_reason);
  anshin_transaction_set_balance_after (transaction, entry->balance_after);
  anshin_transaction_set_has_program (transaction, entry->has_program);
  if (entry->has_program)
    anshin_transaction_set_program_id (transaction, "tsubasa_shopping");
  anshin_transaction_set_program_eligible (transaction, entry->eligible);
  anshin_transaction_set_program_reason (transaction, entry->program_reason);
  anshin_transaction_set_program_points (transaction, entry->points);

  return transaction;
}

#define PAY ANSHIN_TRANSACTION_KIND_PAYMENT
#define TOP_UP ANSHIN_TRANSACTION_KIND_TOP_UP
#define OK ANSHIN_TRANSACTION_STATUS_APPROVED
#define NO ANSHIN_TRANSACTION_STATUS_DECLINED
#define APPLE ANSHIN_WALLET_APPLE_PAY
#define GOOGLE ANSHIN_WALLET_GOOGLE_PAY
#define NONE ANSHIN_WALLET_NONE
#define COUNTED TRUE, TRUE, ANSHIN_PROGRAM_REASON_NONE
#define NOT_ELIGIBLE TRUE, FALSE, ANSHIN_PROGRAM_REASON_NETWORK_NOT_ELIGIBLE, 0
#define DECLINED_P TRUE, FALSE, ANSHIN_PROGRAM_REASON_DECLINED, 0

/* The story's activity, oldest first. */
static const Entry story[] = {
  { PAY, OK, QP, GOOGLE, 530, "セブン-イレブン 大門駅前店", "2025-11-08T12:15:00+09:00", 0, 9915, COUNTED, 2 },
  { TOP_UP, OK, 0, NONE, 5000, NULL, "2025-11-20T10:00:00+09:00", 0, 14915, FALSE, FALSE, 0, 0 },
  { PAY, OK, MCC, NONE, 1850, "ライフ 芝浦店", "2025-11-30T10:15:00+09:00", 0, 13065, NOT_ELIGIBLE },
  { PAY, OK, MCC, NONE, 1950, "NewDays 品川駅中央改札内", "2025-12-01T07:48:00+09:00", 0, 11115, NOT_ELIGIBLE },
  { PAY, NO, QP, APPLE, 480, FAMIMA, "2025-12-02T09:41:00+09:00",
    ANSHIN_DECLINE_REASON_NETWORK_UNAVAILABLE, 11115, DECLINED_P },
  { PAY, OK, MCC, NONE, 480, FAMIMA, "2025-12-02T09:42:00+09:00", 0, 10635, NOT_ELIGIBLE },
  { PAY, OK, QP, APPLE, 720, "ローソン 浜松町駅前店", "2025-12-03T08:10:00+09:00", 0, 9915, COUNTED, 3 },
  { PAY, OK, MCO, NONE, 1480, "Amazon.co.jp", "2025-12-05T21:30:00+09:00", 0, 8435, NOT_ELIGIBLE },
  { PAY, OK, QP, APPLE, 860, "キオスク 東京駅丸の内中央口", "2025-12-09T12:05:00+09:00", 0, 7575, COUNTED, 4 },
};

/* The entries of story[] up to @until (an index, exclusive), in the
 * issuer's order (newest first). */
static GListStore *
story_until (guint until)
{
  GListStore *store = g_list_store_new (ANSHIN_TYPE_TRANSACTION);

  for (guint i = until; i > 0; i--)
    {
      g_autoptr(AnshinTransaction) transaction = make_transaction (&story[i - 1]);

      g_list_store_append (store, transaction);
    }

  return store;
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
assert_well_formed (AnshinExplanation *explanation)
{
  const char *texts[] = {
    anshin_explanation_get_headline (explanation),
    anshin_explanation_get_what_happened (explanation),
    anshin_explanation_get_evidence (explanation),
    anshin_explanation_get_what_to_do (explanation),
    anshin_explanation_get_what_next (explanation),
    anshin_explanation_get_programme_impact (explanation),
  };

  g_assert_nonnull (texts[0]);
  g_assert_nonnull (texts[1]);
  g_assert_nonnull (texts[3]);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_null (texts[i] != NULL ? strchr (texts[i], '!') : NULL);
      g_assert_null (texts[i] != NULL ? strstr (texts[i], "%") : NULL);
      g_assert_null (texts[i] != NULL ? strstr (texts[i], "(null)") : NULL);
    }
}

static gboolean enter_japanese (void);

/* The model */

static void
test_transaction_object (void)
{
  g_autoptr(AnshinTransaction) declined = make_transaction (&story[4]);
  g_autoptr(AnshinTransaction) counted = make_transaction (&story[6]);
  g_autoptr(AnshinTransaction) top_up = make_transaction (&story[1]);
  g_autoptr(AnshinTransaction) fresh = make_transaction (&story[4]);
  guint notifications = 0;

  g_assert_true (anshin_transaction_is_payment (declined));
  g_assert_true (anshin_transaction_is_declined (declined));
  g_assert_false (anshin_transaction_counted (declined));
  g_assert_true (anshin_transaction_counted (counted));
  g_assert_false (anshin_transaction_is_payment (top_up));
  g_assert_false (anshin_transaction_counted (top_up));

  /* an update from an identical copy notifies nothing; a change, once */
  g_signal_connect_swapped (declined, "notify", G_CALLBACK (g_atomic_int_inc), &notifications);
  anshin_transaction_update_from (declined, fresh);
  g_assert_cmpuint (notifications, ==, 0);
  anshin_transaction_set_status (fresh, ANSHIN_TRANSACTION_STATUS_APPROVED);
  anshin_transaction_update_from (declined, fresh);
  g_assert_cmpuint (notifications, ==, 1);
  anshin_transaction_set_status (declined, ANSHIN_TRANSACTION_STATUS_APPROVED);
  g_assert_cmpuint (notifications, ==, 1);
}

static void
test_program_fields (void)
{
  g_autoptr(World) world = world_new (NORMAL);

  g_assert_cmpint (anshin_program_points_for (world->program, 1850), ==, 9);
  g_assert_cmpint (anshin_program_points_for (world->program, 199), ==, 0);
  g_assert_cmpint (anshin_program_points_for (world->program, 200), ==, 1);
  g_assert_cmpint (anshin_program_points_for (world->program, G_MAXINT64), ==, G_MAXINT64 / 200);
  anshin_program_set_earn_points (world->program, G_MAXINT64);
  g_assert_cmpint (anshin_program_points_for (world->program, 1000), ==, G_MAXINT64);
  anshin_program_set_earn_yen (world->program, 0);
  g_assert_cmpint (anshin_program_points_for (world->program, 1850), ==, 0);
  anshin_program_set_earn_yen (world->program, -5);
  g_assert_cmpint (anshin_program_get_earn_yen (world->program), ==, 0);

  /* in English the issuer's English name */
  g_assert_cmpstr (anshin_program_get_display_name (world->program), ==, "Tsubasa Shopping Program");
  anshin_program_set_name (world->program, NULL);
  g_assert_cmpstr (anshin_program_get_display_name (world->program), ==, "つばさショッピングプログラム");
}

/* Explanations */

typedef struct
{
  const char *name;
  Moment moment;
  guint entry;                    /* index into story[], or G_MAXUINT for @custom */
  Entry custom;
  AnshinExpectation expectation;
  const char *headline;           /* substrings; NULL: anything */
  const char *what_happened;
  const char *evidence;
  const char *what_to_do;
  const char *impact;
  gboolean no_impact;
  int actions[4];
  const char *schedule;           /* the rows, "label: text; label: text"; NULL: none */
} ExplainCase;

#define CUSTOM G_MAXUINT

static const ExplainCase explain_cases[] = {
  { "declined/quicpay-late", DELAYED, 4, { 0 }, ANSHIN_EXPECTATION_NEEDS_ATTENTION,
    "QUICPay (Apple Pay) was declined at " FAMIMA,
    "The payment of ¥480 on 2 Dec 2025, 09:41 didn't go through, and nothing was taken from your balance.",
    "QUICPay isn't working yet since your card's renewal: the issuer's data migration is late.",
    "Right now Mastercard contactless works: you can pay with it instead.",
    "only counts QUICPay payments", FALSE,
    { ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER, ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, END },
    "QUICPay: No date given yet" },
  { "declined/quicpay-reissuing", REISSUING, 4, { 0 }, ANSHIN_EXPECTATION_NEEDS_ATTENTION,
    "was declined at", NULL, "QUICPay is paused while your card is reissued with a new number.",
    "Right now Mastercard contactless works", NULL, FALSE,
    { ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, END },
    "QUICPay: Once your new card number is ready" },
  { "declined/quicpay-back", REISSUED, 4, { 0 }, ANSHIN_EXPECTATION_NEEDS_ATTENTION,
    "was declined at", NULL, "QUICPay wasn't working at the time; it works again now.",
    "Right now Mastercard contactless works", NULL, TRUE,
    { ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, END } },
  { "declined/nothing-else-works", FROZEN, CUSTOM,
    { PAY, NO, MCC, NONE, 480, FAMIMA, "2025-12-03T07:55:00+09:00",
      ANSHIN_DECLINE_REASON_NETWORK_UNAVAILABLE, 11115, DECLINED_P },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "Mastercard contactless was declined at", NULL,
    "Mastercard contactless doesn't work while your card is frozen.",
    "Right now no other way to pay with this card works at a till.", NULL, TRUE,
    { ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, END },
    "Mastercard contactless, QUICPay, Mastercard online, Apple Pay and Google Pay: Once you unfreeze your card" },
  { "declined/frozen", FROZEN, CUSTOM,
    { PAY, NO, QP, APPLE, 480, FAMIMA, "2025-12-03T07:55:00+09:00",
      ANSHIN_DECLINE_REASON_CARD_FROZEN, 11115, DECLINED_P },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "QUICPay (Apple Pay) was declined at", NULL,
    "Your card was frozen, so the issuer declined every payment.", "unfreeze it", NULL, TRUE,
    { ANSHIN_ACTION_KIND_UNFREEZE_CARD, ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "declined/frozen-then", NORMAL, CUSTOM,
    { PAY, NO, QP, APPLE, 480, FAMIMA, "2025-11-19T07:55:00+09:00",
      ANSHIN_DECLINE_REASON_CARD_FROZEN, 11115, DECLINED_P },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, NULL, NULL, "Your card was frozen",
    "Your card isn't frozen any more: you can pay with it again.", NULL, TRUE, { END } },
  { "declined/balance", NORMAL, CUSTOM,
    { PAY, NO, MCC, NONE, 15000, "ライフ 芝浦店", "2025-11-19T18:30:00+09:00",
      ANSHIN_DECLINE_REASON_INSUFFICIENT_BALANCE, 12345, DECLINED_P },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "Mastercard contactless was declined at ライフ 芝浦店",
    "The payment of ¥15,000", "Your balance was ¥12,345, less than the payment.",
    "Top up your balance, then pay again", NULL, TRUE, { END } },
  { "declined/unknown-reason", NORMAL, CUSTOM,
    { PAY, NO, MCO, NONE, 3000, NULL, "2025-11-19T18:30:00+09:00",
      ANSHIN_DECLINE_REASON_OTHER, 12345, DECLINED_P },
    ANSHIN_EXPECTATION_NEEDS_ATTENTION, "A Mastercard online payment was declined", NULL,
    "The issuer didn't say why.", "customer center", NULL, TRUE,
    { ANSHIN_ACTION_KIND_CONTACT_ISSUER, END } },
  { "approved/not-counted-during-outage", DELAYED, 2, { 0 }, ANSHIN_EXPECTATION_NEEDS_ATTENTION,
    "You paid ¥1,850 at ライフ 芝浦店 with Mastercard contactless",
    "The payment went through. Your balance after it was ¥13,065.",
    "QUICPay isn't working yet since your card's renewal",
    "Once QUICPay works again, pay with it to have your payments count.",
    "It didn't count toward your Tsubasa Shopping Program: it only counts QUICPay payments, and this one was made with Mastercard contactless. Made that way, it would have earned about 9 points.",
    FALSE, { END },
    "QUICPay: No date given yet" },
  { "approved/not-counted-online", REISSUED, 7, { 0 }, ANSHIN_EXPECTATION_NEEDS_ATTENTION,
    "You paid ¥1,480 at Amazon.co.jp with Mastercard online", NULL, NULL,
    "Pay with QUICPay to have your payments count.", "it only counts QUICPay payments", FALSE, { END } },
  { "approved/counted", REISSUED, 6, { 0 }, ANSHIN_EXPECTATION_EXPECTED,
    "You paid ¥720 at ローソン 浜松町駅前店 with QUICPay (Apple Pay)", NULL, NULL,
    "You don't need to do anything.", "It counted toward your Tsubasa Shopping Program and earned 3 points.",
    FALSE, { END } },
  { "approved/google-pay-one-point", NORMAL, CUSTOM,
    { PAY, OK, QP, GOOGLE, 200, "NewDays 浜松町駅南口", "2025-11-19T08:00:00+09:00", 0, 12145, COUNTED, 1 },
    ANSHIN_EXPECTATION_EXPECTED, "with QUICPay (Google Pay)", NULL, NULL, NULL,
    "and earned 1 point.", FALSE, { END } },
  { "approved/no-programme", NORMAL, CUSTOM,
    { PAY, OK, MCC, NONE, 300, "NewDays 浜松町駅南口", "2025-11-19T08:00:00+09:00", 0, 12045,
      FALSE, FALSE, 0, 0 },
    ANSHIN_EXPECTATION_EXPECTED, "You paid ¥300 at NewDays", NULL, NULL, "You don't need to do anything.",
    NULL, TRUE, { END } },
  { "top-up", NORMAL, 1, { 0 }, ANSHIN_EXPECTATION_EXPECTED, "You topped up ¥5,000",
    "Your balance after the top-up was ¥14,915.", NULL, "You don't need to do anything.", NULL, TRUE, { END } },
};

static AnshinExplanation *
explain_case (const ExplainCase *test)
{
  g_autoptr(World) world = world_new (test->moment);
  g_autoptr(AnshinTransaction) transaction =
    make_transaction (test->entry == CUSTOM ? &test->custom : &story[test->entry]);

  return anshin_explain_transaction (transaction, world->card, G_LIST_MODEL (world->methods),
                                     G_LIST_MODEL (world->programs), world->now);
}

/* The schedule's rows as one text, "QUICPay: No date given yet"; NULL
 * when there are none. */
static char *
schedule_text (AnshinExplanation *explanation)
{
  GListModel *schedule = anshin_explanation_get_schedule (explanation);
  GString *text = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (schedule); i++)
    {
      g_autoptr(AnshinScheduleItem) item = g_list_model_get_item (schedule, i);

      text = text != NULL ? g_string_append (text, "; ") : g_string_new (NULL);
      g_string_append_printf (text, "%s: %s", anshin_schedule_item_get_label (item),
                              anshin_schedule_item_get_text (item));
    }

  return text != NULL ? g_string_free (text, FALSE) : NULL;
}

static void
test_explain (gconstpointer data)
{
  const ExplainCase *test = data;
  g_autoptr(AnshinExplanation) explanation = explain_case (test);
  GListModel *actions = anshin_explanation_get_actions (explanation);
  guint n_expected = 0;

  assert_well_formed (explanation);
  explanation_test_assert_says_once (explanation);
  g_assert_cmpint (anshin_explanation_get_expectation (explanation), ==, test->expectation);
  assert_contains ("headline", anshin_explanation_get_headline (explanation), test->headline);
  assert_contains ("what happened", anshin_explanation_get_what_happened (explanation), test->what_happened);
  assert_contains ("evidence", anshin_explanation_get_evidence (explanation), test->evidence);
  assert_contains ("what to do", anshin_explanation_get_what_to_do (explanation), test->what_to_do);
  assert_contains ("programme impact", anshin_explanation_get_programme_impact (explanation), test->impact);
  if (test->no_impact)
    g_assert_null (anshin_explanation_get_programme_impact (explanation));
  /* when the method works again is a row; no sentence says it again */
  {
    g_autofree char *rows = schedule_text (explanation);

    g_assert_cmpstr (rows, ==, test->schedule);
    if (rows != NULL)
      g_assert_null (anshin_explanation_get_what_next (explanation));
  }

  while (test->actions[n_expected] != END)
    n_expected++;
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(AnshinAction) action = g_list_model_get_item (actions, i);

      g_assert_cmpint (anshin_action_get_kind (action), ==, test->actions[i]);
    }

  g_assert_finalize_object (g_steal_pointer (&explanation));
}

/* Every decline reason and every programme reason has a case. */
static void
test_reasons_covered (void)
{
  g_autoptr(GEnumClass) reasons = g_type_class_ref (ANSHIN_TYPE_DECLINE_REASON);

  for (guint v = 0; v < reasons->n_values; v++)
    {
      gboolean found = reasons->values[v].value == ANSHIN_DECLINE_REASON_NONE;

      for (guint i = 0; i < G_N_ELEMENTS (explain_cases) && !found; i++)
        {
          const Entry *entry = explain_cases[i].entry == CUSTOM ? &explain_cases[i].custom
                                                                : &story[explain_cases[i].entry];

          found = entry->status == NO && (int) entry->decline_reason == reasons->values[v].value;
        }
      if (!found)
        g_error ("no case for the decline reason %s", reasons->values[v].value_nick);
    }
}

/* QUICPay declined while Apple Pay and Google Pay wait the same way: one
 * row for the three, not a sentence each; in English and in Japanese. */
static void
test_explain_group_row (void)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(World) world = world_new (DELAYED);
      g_autoptr(AnshinTransaction) transaction = make_transaction (&story[4]);
      g_autoptr(AnshinExplanation) explanation = NULL;
      g_autoptr(AnshinScheduleItem) row = NULL;
      GListModel *schedule;

      if (pass == 1 && !enter_japanese ())
        return;

      set_method (world, ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE,
                  ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED, "2025-12-02T09:00:00+09:00");
      set_method (world, ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE,
                  ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED, "2025-12-02T09:00:00+09:00");
      explanation = anshin_explain_transaction (transaction, world->card, G_LIST_MODEL (world->methods),
                                                G_LIST_MODEL (world->programs), world->now);
      schedule = anshin_explanation_get_schedule (explanation);

      explanation_test_assert_says_once (explanation);
      g_assert_cmpuint (g_list_model_get_n_items (schedule), ==, 1);
      row = g_list_model_get_item (schedule, 0);
      g_assert_null (anshin_explanation_get_what_next (explanation));
      if (pass == 0)
        {
          g_assert_cmpstr (anshin_schedule_item_get_label (row), ==, "QUICPay, Apple Pay and Google Pay");
          g_assert_cmpstr (anshin_schedule_item_get_text (row), ==, "No date given yet");
        }
      else
        {
          g_assert_cmpstr (anshin_schedule_item_get_label (row), ==, "QUICPay、Apple PayとGoogle Pay");
          g_assert_cmpstr (anshin_schedule_item_get_text (row), ==, "日付の案内はまだありません");
          setlocale (LC_ALL, "");
        }
    }
}

static void
test_decline_briefly (void)
{
  g_autoptr(World) world = world_new (DELAYED);
  g_autoptr(AnshinTransaction) transaction = make_transaction (&story[4]);
  g_autofree char *text = anshin_explain_decline_briefly (transaction, G_LIST_MODEL (world->methods), world->now);

  g_assert_cmpstr (text, ==,
                   "QUICPay (Apple Pay) was declined at " FAMIMA ": QUICPay isn't working yet since your card's "
                   "renewal: the issuer's data migration is late. Right now Mastercard contactless works: you "
                   "can pay with it instead.");
}

/* The programme summary */

typedef struct
{
  const char *name;
  Moment moment;
  guint until;                    /* story[] entries known */
  gint64 points_this_month;
  gboolean has_outage;
  gboolean ongoing;
  gint64 amount;
  guint payments;
  gint64 points;
  const char *outage_text;        /* exact; NULL: none */
} SummaryCase;

static const SummaryCase summary_cases[] = {
  { "before-the-renewal", NORMAL, 2, 2, FALSE, FALSE, 0, 0, 0, NULL },
  { "renewal-day-ongoing", DELAYED, 3, 0, TRUE, TRUE, 1850, 1, 9,
    "¥1,850 in 1 payment did not count since 30 Nov 2025 because QUICPay is not working (about 9 points)." },
  { "decline-day-ongoing", DELAYED, 6, 0, TRUE, TRUE, 4280, 3, 20,
    "¥4,280 in 3 payments did not count since 30 Nov 2025 because QUICPay is not working (about 20 points)." },
  { "after-the-reissue", REISSUED, 9, 7, TRUE, FALSE, 4280, 3, 20,
    "¥4,280 in 3 payments did not count while QUICPay was not working, from 30 Nov 2025 to 2 Dec 2025 "
    "(about 20 points)." },
};

static void
test_summary (gconstpointer data)
{
  const SummaryCase *test = data;
  g_autoptr(World) world = world_new (test->moment);
  g_autoptr(GListStore) transactions = story_until (test->until);
  g_autoptr(AnshinProgramSummary) summary =
    anshin_program_summary_new (G_LIST_MODEL (transactions), world->program, G_LIST_MODEL (world->methods),
                                world->card, world->now);

  g_assert_cmpint (summary->points_this_month, ==, test->points_this_month);
  g_assert_cmpint (summary->has_outage, ==, test->has_outage);
  g_assert_cmpint (summary->outage_ongoing, ==, test->ongoing);
  g_assert_cmpint (summary->outage_amount, ==, test->amount);
  g_assert_cmpuint (summary->outage_payments, ==, test->payments);
  g_assert_cmpint (summary->outage_points, ==, test->points);
  g_assert_cmpstr (summary->outage_text, ==, test->outage_text);
}

/* A decline with nothing paid instead cost nothing: nothing is said. */
static void
test_summary_nothing_lost (void)
{
  g_autoptr(World) world = world_new (REISSUED);
  g_autoptr(GListStore) transactions = g_list_store_new (ANSHIN_TYPE_TRANSACTION);
  g_autoptr(AnshinTransaction) declined = make_transaction (&story[4]);
  g_autoptr(AnshinTransaction) counted = make_transaction (&story[8]);
  g_autoptr(AnshinProgramSummary) summary = NULL;

  g_list_store_append (transactions, counted);
  g_list_store_append (transactions, declined);
  summary = anshin_program_summary_new (G_LIST_MODEL (transactions), world->program,
                                        G_LIST_MODEL (world->methods), world->card, world->now);

  g_assert_false (summary->has_outage);
  g_assert_null (summary->outage_text);
  g_assert_cmpint (summary->points_this_month, ==, 4);
  g_assert_cmpstr (summary->points_text, ==, "4 points this month");

  /* nothing known at all */
  g_clear_pointer (&summary, anshin_program_summary_free);
  summary = anshin_program_summary_new (NULL, world->program, NULL, NULL, world->now);
  g_assert_false (summary->has_outage);
  g_assert_cmpstr (summary->points_text, ==, "0 points this month");
}

/* The chart */

static void
test_chart (void)
{
  g_autoptr(World) world = world_new (REISSUED);
  g_autoptr(GListStore) transactions = story_until (G_N_ELEMENTS (story));
  g_autoptr(AnshinSpendingChart) chart =
    anshin_spending_chart_new (G_LIST_MODEL (transactions), world->program, G_LIST_MODEL (world->methods),
                               world->card, world->now);
  g_autofree char *first = g_date_time_format (chart->days[0].day, "%F %z");
  g_autofree char *last = g_date_time_format (chart->days[ANSHIN_SPENDING_DAYS - 1].day, "%F %z");

  /* 10 Nov to 9 Dec in issuer time; 8 Nov is out, the decline and the top-up aren't spending */
  g_assert_cmpstr (first, ==, "2025-11-10 +0900");
  g_assert_cmpstr (last, ==, "2025-12-09 +0900");
  g_assert_cmpint (chart->counted, ==, 720 + 860);
  g_assert_cmpint (chart->not_counted, ==, 1850 + 1950 + 480 + 1480);
  g_assert_cmpint (chart->total, ==, 7340);
  g_assert_cmpint (chart->days[20].not_counted, ==, 1850);  /* 30 Nov */
  g_assert_cmpint (chart->days[22].not_counted, ==, 480);   /* 2 Dec: the decline isn't spending */
  g_assert_cmpint (chart->days[23].counted, ==, 720);
  g_assert_cmpint (chart->max_day, ==, 1950);
  g_assert_cmpuint (chart->outage_days, ==, 3);
  g_assert_true (chart->days[20].outage && chart->days[21].outage && chart->days[22].outage);
  g_assert_false (chart->days[19].outage || chart->days[23].outage);
  g_assert_cmpstr (chart->label, ==, "Spending per day over the last 30 days");
  g_assert_cmpstr (chart->description, ==,
                   "¥7,340 spent in the last 30 days: ¥1,580 counted toward Tsubasa Shopping Program and ¥5,760 "
                   "did not count. QUICPay was not working on 3 of these days, from 30 Nov 2025 to 2 Dec 2025.");
}

/* A payment at 23:30 UTC on 1 Dec is on 2 Dec in Japan. */
static void
test_chart_issuer_days (void)
{
  g_autoptr(World) world = world_new (NORMAL);
  g_autoptr(GListStore) transactions = g_list_store_new (ANSHIN_TYPE_TRANSACTION);
  Entry late = { PAY, OK, QP, APPLE, 1000, "ローソン", "2025-11-19T23:30:00Z", 0, 0, COUNTED, 5 };
  Entry future = { PAY, OK, QP, APPLE, 1000, "ローソン", "2025-11-21T08:00:00+09:00", 0, 0, COUNTED, 5 };
  g_autoptr(AnshinTransaction) a = make_transaction (&late);
  g_autoptr(AnshinTransaction) b = make_transaction (&future);
  g_autoptr(AnshinSpendingChart) chart = NULL;
  g_autoptr(AnshinSpendingChart) empty = NULL;

  g_list_store_append (transactions, a);
  g_list_store_append (transactions, b);
  chart = anshin_spending_chart_new (G_LIST_MODEL (transactions), world->program, NULL, NULL, world->now);
  g_assert_cmpint (chart->days[ANSHIN_SPENDING_DAYS - 1].counted, ==, 1000);
  g_assert_cmpint (chart->total, ==, 1000);
  g_assert_cmpuint (chart->outage_days, ==, 0);
  g_assert_cmpstr (chart->description, ==,
                   "¥1,000 spent in the last 30 days: ¥1,000 counted toward Tsubasa Shopping Program and ¥0 did not count.");

  empty = anshin_spending_chart_new (NULL, NULL, NULL, NULL, world->now);
  g_assert_cmpint (empty->total, ==, 0);
  g_assert_cmpstr (empty->description, ==, "No payments in the last 30 days.");
}

/* In Japanese */

static gboolean
enter_japanese (void)
{
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("the ja_JP.UTF-8 locale is not installed");
      return FALSE;
    }
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "You topped up %s"), "You topped up %s") == 0)
    {
      setlocale (LC_ALL, "");
      g_test_skip ("no Japanese translation of the activity yet");
      return FALSE;
    }

  return TRUE;
}

static void
assert_japanese (const char *field,
                 const char *text)
{
  gboolean non_ascii = FALSE;

  g_assert_nonnull (text);
  for (const char *p = text; *p != '\0'; p++)
    non_ascii |= (guchar) *p >= 0x80;
  if (!non_ascii)
    g_error ("%s is not Japanese: “%s”", field, text);
  g_assert_null (strstr (text, "！"));
}

typedef struct
{
  const char *name;
  const char *headline;
  const char *evidence;
  const char *what_to_do;
  const char *impact;
} JapaneseCase;

static const JapaneseCase japanese_cases[] = {
  { "declined/quicpay-late", "QUICPay（Apple Pay）", "データ移行", "Mastercardタッチ決済", "QUICPay" },
  { "declined/balance", "ライフ 芝浦店", "12,345円", "チャージ", NULL },
  { "declined/frozen", FAMIMA, "一時停止", "一時停止", NULL },
  { "approved/not-counted-during-outage", "1,850円", "データ移行", "QUICPay", "つばさショッピングプログラム" },
  { "approved/counted", "720円", NULL, NULL, "3ポイント" },
  { "top-up", "5,000円", NULL, NULL, NULL },
};

static void
test_japanese (void)
{
  if (!enter_japanese ())
    return;

  for (guint j = 0; j < G_N_ELEMENTS (japanese_cases); j++)
    {
      const JapaneseCase *expected = &japanese_cases[j];
      g_autoptr(AnshinExplanation) explanation = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (explain_cases); i++)
        {
          if (g_str_equal (explain_cases[i].name, expected->name))
            explanation = explain_case (&explain_cases[i]);
        }
      g_assert_nonnull (explanation);

      g_test_message ("%s", expected->name);
      assert_well_formed (explanation);
      explanation_test_assert_says_once (explanation);
      assert_japanese ("headline", anshin_explanation_get_headline (explanation));
      assert_japanese ("what happened", anshin_explanation_get_what_happened (explanation));
      assert_japanese ("what to do", anshin_explanation_get_what_to_do (explanation));
      assert_contains ("headline", anshin_explanation_get_headline (explanation), expected->headline);
      assert_contains ("evidence", anshin_explanation_get_evidence (explanation), expected->evidence);
      assert_contains ("what to do", anshin_explanation_get_what_to_do (explanation), expected->what_to_do);
      assert_contains ("programme impact", anshin_explanation_get_programme_impact (explanation), expected->impact);
      if (anshin_explanation_get_evidence (explanation) != NULL)
        assert_japanese ("evidence", anshin_explanation_get_evidence (explanation));
    }

  setlocale (LC_ALL, "");
}

static void
test_japanese_summary (void)
{
  g_autoptr(World) world = NULL;
  g_autoptr(GListStore) transactions = NULL;
  g_autoptr(AnshinProgramSummary) summary = NULL;
  g_autoptr(AnshinSpendingChart) chart = NULL;

  if (!enter_japanese ())
    return;

  world = world_new (REISSUED);
  transactions = story_until (G_N_ELEMENTS (story));
  summary = anshin_program_summary_new (G_LIST_MODEL (transactions), world->program,
                                        G_LIST_MODEL (world->methods), world->card, world->now);
  chart = anshin_spending_chart_new (G_LIST_MODEL (transactions), world->program,
                                     G_LIST_MODEL (world->methods), world->card, world->now);

  g_assert_cmpstr (anshin_program_get_display_name (world->program), ==, "つばさショッピングプログラム");
  assert_japanese ("outage", summary->outage_text);
  assert_contains ("outage", summary->outage_text, "4,280円");
  assert_contains ("outage", summary->outage_text, "3件");
  assert_contains ("outage", summary->outage_text, "2025年11月30日");
  assert_contains ("outage", summary->outage_text, "2025年12月2日");
  assert_contains ("outage", summary->outage_text, "20ポイント");
  assert_japanese ("points", summary->points_text);
  assert_contains ("points", summary->points_text, "7");
  assert_japanese ("chart label", chart->label);
  assert_contains ("chart", chart->description, "7,340円");
  assert_contains ("chart", chart->description, "1,580円");
  assert_contains ("chart", chart->description, "5,760円");
  assert_contains ("chart", chart->description, "つばさショッピングプログラム");
  assert_contains ("chart", chart->description, "3日");

  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "JST-9", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANSHIN_LOCALEDIR") ? g_getenv ("ANSHIN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity/transaction", test_transaction_object);
  g_test_add_func ("/activity/program-fields", test_program_fields);
  for (guint i = 0; i < G_N_ELEMENTS (explain_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/activity/explain/%s", explain_cases[i].name);

      g_test_add_data_func (path, &explain_cases[i], test_explain);
    }
  g_test_add_func ("/activity/explain/every-reason", test_reasons_covered);
  g_test_add_func ("/activity/explain/briefly", test_decline_briefly);
  g_test_add_func ("/activity/explain/group-row", test_explain_group_row);
  for (guint i = 0; i < G_N_ELEMENTS (summary_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/activity/summary/%s", summary_cases[i].name);

      g_test_add_data_func (path, &summary_cases[i], test_summary);
    }
  g_test_add_func ("/activity/summary/nothing-lost", test_summary_nothing_lost);
  g_test_add_func ("/activity/chart", test_chart);
  g_test_add_func ("/activity/chart/issuer-days", test_chart_issuer_days);
  g_test_add_func ("/activity/ja/explanations", test_japanese);
  g_test_add_func ("/activity/ja/summary", test_japanese_summary);

  return g_test_run ();
}
