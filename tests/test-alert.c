/* test-alert.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which notification an event deserves and its words (app/core's
 * anshin-alert.c), in English and Japanese: the renewal-day activation,
 * an activation nobody announced (urgent, with Freeze Card), QUICPay
 * working again, a reissue that is ready, a declined payment (a
 * `payment_declined` notice, told by its params), the registration
 * reminder and the sign-in that ended. Never the issuer's raw title.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-alert.h"
#include "anshin-card.h"
#include "anshin-notice.h"
#include "anshin-payment-method.h"
#include "anshin-program.h"
#include "anshin-time.h"

#define ISSUER_TITLE "カード有効化完了のお知らせ"

typedef struct {
  AnshinCard *card;
  GListStore *methods;
  GListStore *programs;
  GDateTime  *now;
} World;

static void
world_clear (World *world)
{
  g_clear_object (&world->card);
  g_clear_object (&world->methods);
  g_clear_object (&world->programs);
  g_clear_pointer (&world->now, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (World, world_clear)

static GDateTime *
at (const char *text)
{
  GDateTime *time = anshin_time_parse (text);

  g_assert_nonnull (time);
  return time;
}

static AnshinPaymentMethod *
method_new (AnshinPaymentMethodKind   kind,
            AnshinPaymentMethodState  state,
            AnshinPaymentMethodReason reason,
            const char               *since)
{
  AnshinPaymentMethod *method = anshin_payment_method_new ();
  g_autoptr(GDateTime) since_time = at (since);

  anshin_payment_method_set_kind (method, kind);
  anshin_payment_method_set_state (method, state);
  anshin_payment_method_set_reason (method, reason);
  anshin_payment_method_set_since (method, since_time);
  if (kind == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)
    anshin_payment_method_set_via (method, ANSHIN_WALLET_APPLE_PAY | ANSHIN_WALLET_GOOGLE_PAY);
  return method;
}

/* The seed story on renewal day (2025-11-30 09:05), or, with @unexpected,
 * a card nobody announced a renewal for */
static void
world_init (World    *world,
            gboolean  unexpected)
{
  g_autoptr(AnshinPaymentMethod) quicpay = NULL;
  g_autoptr(GDateTime) date = anshin_date_parse ("2025-11-30");
  g_autoptr(GDateTime) announced = at ("2025-08-30T10:00:00+09:00");

  world->card = anshin_card_new ();
  anshin_card_set_id (world->card, "card_1");
  anshin_card_set_number_last4 (world->card, "1234");
  anshin_card_set_state (world->card, ANSHIN_CARD_STATE_ACTIVE);
  if (!unexpected)
    {
      anshin_card_set_renewal_status (world->card, ANSHIN_RENEWAL_STATUS_COMPLETED);
      anshin_card_set_renewal_date (world->card, date);
      anshin_card_set_renewal_announced_at (world->card, announced);
      anshin_card_set_renewal_completed_at (world->card, date);
      anshin_card_set_renewal_new_exp_month (world->card, 11);
      anshin_card_set_renewal_new_exp_year (world->card, 2030);
    }

  world->methods = g_list_store_new (ANSHIN_TYPE_PAYMENT_METHOD);
  quicpay = method_new (ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE,
                        ANSHIN_PAYMENT_METHOD_REASON_NONE, "2020-11-01T09:00:00+09:00");
  g_list_store_append (world->methods, quicpay);
  world->programs = g_list_store_new (ANSHIN_TYPE_PROGRAM);
  world->now = at (unexpected ? "2025-10-15T14:05:00+09:00" : "2025-11-30T09:05:00+09:00");
}

static AnshinNotice *
notice_new (const char       *id,
            AnshinNoticeCode  code,
            const char       *issued_at)
{
  AnshinNotice *notice = anshin_notice_new ();
  g_autoptr(GDateTime) issued = at (issued_at);

  anshin_notice_set_id (notice, id);
  anshin_notice_set_code (notice, code);
  anshin_notice_set_issued_at (notice, issued);
  anshin_notice_set_title (notice, ISSUER_TITLE);
  anshin_notice_set_body (notice, "カードの有効化が完了しました。");
  return notice;
}

/* One sentence, not the issuer's title, and the title not the body */
static void
assert_one_sentence (AnshinAlert *alert)
{
  const char *body = alert->body;
  const char *end;

  g_assert_nonnull (alert->title);
  g_assert_nonnull (body);
  g_assert_null (strstr (alert->title, ISSUER_TITLE));
  g_assert_null (strstr (body, ISSUER_TITLE));
  g_assert_cmpstr (alert->title, !=, body);

  end = strstr (body, "。");
  if (end != NULL)
    g_assert_cmpstr (end, ==, "。");
  else
    {
      g_assert_true (g_str_has_suffix (body, "."));
      g_assert_null (strstr (body, ". "));
    }
}

static void
test_renewal_activation (void)
{
  g_auto(World) world = { 0 };
  g_autoptr(AnshinNotice) notice = NULL;
  g_autoptr(AnshinAlert) alert = NULL;

  world_init (&world, FALSE);
  notice = notice_new ("ntc_7", ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-11-30T09:00:00+09:00");
  alert = anshin_alert_for_notice (notice, world.card, G_LIST_MODEL (world.methods),
                                   G_LIST_MODEL (world.programs), world.now);

  g_assert_nonnull (alert);
  g_assert_cmpint (alert->kind, ==, ANSHIN_ALERT_KIND_NOTICE);
  g_assert_cmpstr (alert->title, ==, "Your card was renewed as planned");
  g_assert_true (g_str_has_prefix (alert->body, "This is the renewal announced on"));
  assert_one_sentence (alert);
  g_assert_cmpstr (alert->id, ==, "notice-ntc_7");
  g_assert_cmpstr (alert->key, ==, "notice:ntc_7");
  g_assert_cmpstr (alert->notice_id, ==, "ntc_7");
  g_assert_false (alert->urgent);
  g_assert_false (alert->offer_freeze);

  /* read in the app: nothing to tell */
  anshin_notice_set_read (notice, TRUE);
  g_assert_null (anshin_alert_for_notice (notice, world.card, G_LIST_MODEL (world.methods),
                                          G_LIST_MODEL (world.programs), world.now));
}

static void
test_unexpected_activation (void)
{
  g_auto(World) world = { 0 };
  g_autoptr(AnshinNotice) notice = NULL;
  g_autoptr(AnshinAlert) alert = NULL;

  world_init (&world, TRUE);
  notice = notice_new ("ntc_9", ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-10-15T14:00:00+09:00");
  alert = anshin_alert_for_notice (notice, world.card, G_LIST_MODEL (world.methods),
                                   G_LIST_MODEL (world.programs), world.now);

  g_assert_cmpint (alert->kind, ==, ANSHIN_ALERT_KIND_UNEXPECTED_ACTIVATION);
  g_assert_cmpstr (alert->title, ==, "Your card was activated, but no renewal was announced");
  g_assert_cmpstr (alert->body, ==, "Freeze your card now so nobody can pay with it, then contact the issuer's customer center.");
  assert_one_sentence (alert);
  g_assert_true (alert->urgent);
  g_assert_true (alert->offer_freeze);

  /* already frozen: no Freeze Card button */
  g_clear_pointer (&alert, anshin_alert_free);
  anshin_card_set_state (world.card, ANSHIN_CARD_STATE_FROZEN);
  alert = anshin_alert_for_notice (notice, world.card, G_LIST_MODEL (world.methods),
                                   G_LIST_MODEL (world.programs), world.now);
  g_assert_true (alert->urgent);
  g_assert_false (alert->offer_freeze);
}

static void
test_reissue_ready (void)
{
  g_auto(World) world = { 0 };
  g_autoptr(AnshinNotice) notice = NULL;
  g_autoptr(AnshinAlert) alert = NULL;
  g_autoptr(GDateTime) requested = at ("2025-12-02T10:15:00+09:00");
  g_autoptr(GDateTime) completed = at ("2025-12-02T13:15:00+09:00");

  world_init (&world, FALSE);
  anshin_card_set_number_last4 (world.card, "5678");
  anshin_card_set_reissue_status (world.card, ANSHIN_REISSUE_STATUS_COMPLETED);
  anshin_card_set_reissue_id (world.card, "rei_1");
  anshin_card_set_reissue_new_number (world.card, TRUE);
  anshin_card_set_reissue_requested_at (world.card, requested);
  anshin_card_set_reissue_completed_at (world.card, completed);
  notice = notice_new ("ntc_12", ANSHIN_NOTICE_CODE_REISSUE_COMPLETED, "2025-12-02T13:15:00+09:00");
  alert = anshin_alert_for_notice (notice, world.card, G_LIST_MODEL (world.methods),
                                   G_LIST_MODEL (world.programs), completed);

  g_assert_cmpint (alert->kind, ==, ANSHIN_ALERT_KIND_REISSUE_READY);
  g_assert_cmpstr (alert->title, ==, "Your card has a new number");
  g_assert_cmpstr (alert->body, ==, "QUICPay works again: add the new number to Apple Pay and Google Pay.");
  assert_one_sentence (alert);
}

static void
test_method_works_again (void)
{
  g_autoptr(AnshinPaymentMethod) quicpay = NULL;
  g_autoptr(AnshinAlert) alert = NULL;
  g_autoptr(AnshinAlert) again = NULL;

  quicpay = method_new (ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE,
                        ANSHIN_PAYMENT_METHOD_REASON_NONE, "2025-12-02T09:00:00+09:00");
  alert = anshin_alert_for_method_change (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                                          ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED);
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->kind, ==, ANSHIN_ALERT_KIND_METHOD_WORKS_AGAIN);
  g_assert_cmpstr (alert->title, ==, "QUICPay works again");
  assert_one_sentence (alert);
  g_assert_cmpstr (alert->page, ==, "payment-methods");
  g_assert_null (alert->notice_id);

  /* the same change seen again has the same key: it is told once */
  again = anshin_alert_for_method_change (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                                          ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING);
  g_assert_cmpstr (again->key, ==, alert->key);

  /* back with a reissue or an unfreeze: their own notices tell it */
  g_assert_null (anshin_alert_for_method_change (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                                                 ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS));
  g_assert_null (anshin_alert_for_method_change (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE,
                                                 ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN));
  /* no change */
  g_assert_null (anshin_alert_for_method_change (quicpay, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE,
                                                 ANSHIN_PAYMENT_METHOD_REASON_NONE));
  anshin_payment_method_set_state (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UPDATING);
  g_assert_null (anshin_alert_for_method_change (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                                                 ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED));
}

static void
test_payment_declined (void)
{
  static const struct {
    const char *method;
    const char *reason;
    const char *title;
    const char *body;
  } cases[] = {
    { "quicpay", "network_unavailable", "A QUICPay payment didn't go through",
      "This way of paying isn't working on your card right now; the Methods page shows what works instead." },
    { "mastercard_contactless", "card_frozen", "A Mastercard contactless payment didn't go through",
      "Your card is frozen; unfreeze it in Anshin Wallet to pay with it again." },
    { "mastercard_online", "insufficient_balance", "A Mastercard online payment didn't go through",
      "Your balance didn't cover the amount; top up to pay with the card again." },
    { "something_new", "something_else", "A card payment didn't go through",
      "The issuer declined it; Anshin Wallet shows what works instead." },
  };
  g_auto(World) world = { 0 };

  world_init (&world, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AnshinNotice) notice = notice_new ("ntc_20", ANSHIN_NOTICE_CODE_UNKNOWN,
                                                   "2025-12-02T10:01:00+09:00");
      g_autoptr(AnshinAlert) alert = NULL;

      anshin_notice_set_title (notice, "ご利用いただけませんでした");
      anshin_notice_set_param (notice, "transaction_id", "txn_42");
      anshin_notice_set_param (notice, "method", cases[i].method);
      anshin_notice_set_param (notice, "reason", cases[i].reason);
      alert = anshin_alert_for_notice (notice, world.card, G_LIST_MODEL (world.methods),
                                       G_LIST_MODEL (world.programs), world.now);

      g_assert_cmpint (alert->kind, ==, ANSHIN_ALERT_KIND_PAYMENT_DECLINED);
      g_assert_cmpstr (alert->title, ==, cases[i].title);
      g_assert_cmpstr (alert->body, ==, cases[i].body);
      g_assert_cmpstr (alert->key, ==, "notice:ntc_20");
      g_assert_cmpstr (alert->notice_id, ==, "ntc_20");
      assert_one_sentence (alert);
    }
}

static void
test_reminder_and_sign_in (void)
{
  g_autoptr(GDateTime) opens = at ("2025-12-04T08:00:00+09:00");
  g_autoptr(AnshinAlert) reminder = anshin_alert_for_registration_opens (opens);
  g_autoptr(AnshinAlert) sign_in = anshin_alert_for_sign_in_again ();
  g_autoptr(AnshinAlert) copy = anshin_alert_copy (reminder);

  g_assert_cmpstr (reminder->title, ==, "You can add a charge card again");
  g_assert_cmpstr (reminder->page, ==, "top-up");
  assert_one_sentence (reminder);
  g_assert_cmpstr (copy->key, ==, reminder->key);
  g_assert_cmpstr (copy->body, ==, reminder->body);

  g_assert_cmpstr (sign_in->title, ==, "Sign in to Anshin Wallet again");
  assert_one_sentence (sign_in);
}

static void
test_first_sentence (void)
{
  static const char *cases[][2] = {
    { "One. Two.", "One." },
    { "Only one.", "Only one." },
    { "No stop", "No stop" },
    { "3.5 hours. Then.", "3.5 hours." },
    { "一つ目です。二つ目です。", "一つ目です。" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *first = anshin_alert_first_sentence (cases[i][0]);

      g_assert_cmpstr (first, ==, cases[i][1]);
    }
  g_assert_null (anshin_alert_first_sentence (NULL));
  g_assert_null (anshin_alert_first_sentence (""));
}

/* The one-time offer when the window closes: only when something is
 * pending, saying what the watcher would tell */
static void
test_watch_offer (void)
{
  g_auto(World) world = { 0 };
  g_autoptr(AnshinPaymentMethod) quicpay = NULL;
  g_autoptr(GDateTime) locked = at ("2025-12-04T08:00:00+09:00");
  g_autoptr(GDateTime) opened = at ("2025-11-01T08:00:00+09:00");
  g_autoptr(GDateTime) ready = at ("2025-11-30T12:05:00+09:00");
  g_autofree char *nothing = NULL;
  g_autofree char *lock = NULL;
  g_autofree char *method = NULL;
  g_autofree char *reissue = NULL;

  world_init (&world, FALSE);

  /* nothing pending: no offer */
  nothing = anshin_alert_dup_watch_offer (world.card, G_LIST_MODEL (world.methods), opened, world.now);
  g_assert_null (nothing);

  lock = anshin_alert_dup_watch_offer (world.card, G_LIST_MODEL (world.methods), locked, world.now);
  g_assert_cmpstr (lock, ==, "Adding a charge card opens again at 3 Dec 2025, 23:00. Keep watching, and "
                             "Anshin Wallet reminds you then, even with its window closed.");

  quicpay = g_list_model_get_item (G_LIST_MODEL (world.methods), 0);
  anshin_payment_method_set_state (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  anshin_payment_method_set_reason (quicpay, ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED);
  method = anshin_alert_dup_watch_offer (world.card, G_LIST_MODEL (world.methods), NULL, world.now);
  g_assert_cmpstr (method, ==, "QUICPay isn’t working yet. Keep watching, and Anshin Wallet tells you "
                               "when it works again, even with its window closed.");

  anshin_card_set_reissue_status (world.card, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  anshin_card_set_reissue_ready_eta (world.card, ready);
  reissue = anshin_alert_dup_watch_offer (world.card, G_LIST_MODEL (world.methods), NULL, world.now);
  g_assert_cmpstr (reissue, ==, "Your card is being reissued. Keep watching, and Anshin Wallet tells you "
                                "when the new number is ready, even with its window closed.");
}

/* Japanese: the same alerts in the holder's language */
static gboolean
enter_japanese (void)
{
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("the ja_JP.UTF-8 locale is not installed");
      return FALSE;
    }
  return TRUE;
}

static void
test_japanese (void)
{
  g_auto(World) world = { 0 };
  g_autoptr(AnshinNotice) activated = NULL;
  g_autoptr(AnshinNotice) declined = NULL;
  g_autoptr(AnshinAlert) alert = NULL;
  g_autoptr(AnshinAlert) decline = NULL;
  g_autoptr(AnshinAlert) works = NULL;
  g_autoptr(AnshinAlert) reminder = NULL;
  g_autoptr(AnshinPaymentMethod) quicpay = NULL;
  g_autoptr(GDateTime) opens = at ("2025-12-04T08:00:00+09:00");

  if (!enter_japanese ())
    return;

  world_init (&world, TRUE);
  activated = notice_new ("ntc_9", ANSHIN_NOTICE_CODE_CARD_ACTIVATED, "2025-10-15T14:00:00+09:00");
  alert = anshin_alert_for_notice (activated, world.card, G_LIST_MODEL (world.methods),
                                   G_LIST_MODEL (world.programs), world.now);
  g_assert_cmpstr (alert->title, ==, "カードが有効化されましたが、更新のお知らせはありませんでした");
  g_assert_cmpstr (alert->body, ==, "誰も支払いに使えないよう、今すぐカードを一時停止してから、カード会社のカスタマーセンターに連絡してください。");
  assert_one_sentence (alert);

  declined = notice_new ("ntc_20", ANSHIN_NOTICE_CODE_UNKNOWN, "2025-12-02T10:01:00+09:00");
  anshin_notice_set_param (declined, "transaction_id", "txn_42");
  anshin_notice_set_param (declined, "method", "quicpay");
  anshin_notice_set_param (declined, "reason", "network_unavailable");
  decline = anshin_alert_for_notice (declined, world.card, G_LIST_MODEL (world.methods),
                                     G_LIST_MODEL (world.programs), world.now);
  g_assert_cmpstr (decline->title, ==, "QUICPayでのお支払いがご利用いただけませんでした");
  assert_one_sentence (decline);
  g_assert_cmpstr (decline->body, ==, "この支払い方法は現在お使いのカードではご利用いただけないため、代わりに使える方法を「決済手段」ページでご確認ください。");

  quicpay = method_new (ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE,
                        ANSHIN_PAYMENT_METHOD_REASON_NONE, "2025-12-02T09:00:00+09:00");
  works = anshin_alert_for_method_change (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                                          ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING);
  g_assert_cmpstr (works->title, ==, "QUICPayが再び使えるようになりました");
  assert_one_sentence (works);

  reminder = anshin_alert_for_registration_opens (opens);
  g_assert_cmpstr (reminder->title, ==, "チャージ用クレジットカードを再び登録できます");
  assert_one_sentence (reminder);

  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANSHIN_LOCALEDIR") ? g_getenv ("ANSHIN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/alert/renewal-activation", test_renewal_activation);
  g_test_add_func ("/alert/unexpected-activation", test_unexpected_activation);
  g_test_add_func ("/alert/reissue-ready", test_reissue_ready);
  g_test_add_func ("/alert/method-works-again", test_method_works_again);
  g_test_add_func ("/alert/payment-declined", test_payment_declined);
  g_test_add_func ("/alert/reminder-and-sign-in", test_reminder_and_sign_in);
  g_test_add_func ("/alert/first-sentence", test_first_sentence);
  g_test_add_func ("/alert/watch-offer", test_watch_offer);
  g_test_add_func ("/alert/japanese", test_japanese);

  return g_test_run ();
}
