/* test-moments.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The holder's moment at every step of the scenarios in data/scenarios,
 * and the summary for the support desk. Each case loads the real scenario
 * into the mock issuer in-process, moves it to the step (and through a
 * reissue where the story has one), maps the issuer's answers with the
 * app's own JSON mapping, and asserts what app/core says: which moments,
 * their tone, their exact words in English and in Japanese, and the
 * window action each offers.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-format.h"
#include "anshin-issuer-json.h"
#include "anshin-moment.h"
#include "anshin-support-summary.h"
#include "anshin-time.h"
#include "anshin-timeline.h"

#include "anshin-explainer.h"

#include "explanation-test-util.h"
#include "test-mock-util.h"

/* What the app knows at a step, mapped from the issuer's answers. */
typedef struct
{
  MockFixture       mock;
  AnshinCard       *card;
  GListStore       *methods;
  GListStore       *notices;
  GListStore       *programs;
  GListStore       *charge_cards;
  GDateTime        *locked_until;
  guint             max_attempts;
  AnshinIssuerInfo *issuer;
  GDateTime        *now;
} Story;

static JsonNode *
get_body (Story      *story,
          const char *path)
{
  g_autoptr(MockReply) reply = mock_get (&story->mock, path);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (reply->body);
  return json_node_ref (reply->body);
}

static GListStore *
store_from (GPtrArray *items,
            GType      type)
{
  GListStore *store = g_list_store_new (type);

  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    g_list_store_append (store, g_ptr_array_index (items, i));

  return store;
}

typedef GPtrArray *(*ListMap) (JsonNode *root, GError **error);

static GListStore *
load_list (Story      *story,
           const char *path,
           ListMap     map,
           GType       type)
{
  g_autoptr(JsonNode) root = get_body (story, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = map (root, &error);

  g_assert_no_error (error);
  return store_from (items, type);
}

static void
story_clear_models (Story *story)
{
  g_clear_object (&story->card);
  g_clear_object (&story->methods);
  g_clear_object (&story->notices);
  g_clear_object (&story->programs);
  g_clear_object (&story->charge_cards);
  g_clear_pointer (&story->locked_until, g_date_time_unref);
  g_clear_object (&story->issuer);
  g_clear_pointer (&story->now, g_date_time_unref);
}

/* Everything the account would fetch, through the app's own mapping. */
static void
story_refresh (Story *story)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) card = NULL;
  g_autoptr(JsonNode) registration = NULL;
  g_autoptr(JsonNode) issuer = NULL;
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autofree char *now = NULL;

  story_clear_models (story);
  /* a session lives 30 minutes of issuer time; the steps move months */
  mock_login (&story->mock);

  card = get_body (story, "/v1/card");
  story->card = anshin_issuer_json_to_card (card, &error);
  g_assert_no_error (error);
  story->methods = load_list (story, "/v1/card/networks", anshin_issuer_json_to_payment_methods,
                              ANSHIN_TYPE_PAYMENT_METHOD);
  story->notices = load_list (story, "/v1/notices", anshin_issuer_json_to_notices, ANSHIN_TYPE_NOTICE);
  story->programs = load_list (story, "/v1/programs", anshin_issuer_json_to_programs, ANSHIN_TYPE_PROGRAM);
  story->charge_cards = load_list (story, "/v1/charge-cards", anshin_issuer_json_to_charge_cards,
                                   ANSHIN_TYPE_CHARGE_CARD);

  registration = get_body (story, "/v1/charge-cards/registration");
  form = anshin_issuer_json_to_registration_form (registration, &error);
  g_assert_no_error (error);
  story->locked_until = form->locked_until != NULL ? g_date_time_ref (form->locked_until) : NULL;
  story->max_attempts = form->max_attempts;

  issuer = get_body (story, "/v1/issuer");
  story->issuer = anshin_issuer_json_to_issuer_info (issuer, &error);
  g_assert_no_error (error);

  now = mock_issuer_time (&story->mock);
  story->now = anshin_time_parse (now);
  g_assert_nonnull (story->now);
}

/* @step counts from 1, as the demo bar does. */
static Story *
story_new (const char *scenario,
           guint       step)
{
  Story *story = g_new0 (Story, 1);

  mock_fixture_start (&story->mock, scenario);
  for (guint i = 1; i < step; i++)
    {
      g_autoptr(MockReply) reply = mock_request (&story->mock, "POST", "/admin/step", NULL, NULL);

      g_assert_cmpuint (reply->status, ==, 200);
    }
  story_refresh (story);

  return story;
}

static void
story_reissue (Story *story)
{
  g_autofree char *key = mock_next_key ();
  g_autoptr(MockReply) reply = NULL;

  mock_login (&story->mock);
  reply = mock_request (&story->mock, "POST", "/v1/card/reissue",
                                             "{\"new_number\": true, \"reason\": \"network_unavailable\"}",
                                             key);

  g_assert_cmpuint (reply->status, ==, 202);
  story_refresh (story);
}

static void
story_advance (Story  *story,
               gint64  seconds)
{
  mock_advance_clock (&story->mock, seconds);
  story_refresh (story);
}

static void
story_free (Story *story)
{
  story_clear_models (story);
  mock_fixture_stop (&story->mock);
  g_free (story);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Story, story_free)

static GListModel *
story_moments (Story *story)
{
  return anshin_moment_list_for (story->card,
                                 G_LIST_MODEL (story->methods),
                                 G_LIST_MODEL (story->notices),
                                 G_LIST_MODEL (story->programs),
                                 G_LIST_MODEL (story->charge_cards),
                                 story->locked_until,
                                 story->max_attempts,
                                 story->issuer,
                                 story->now);
}

static char *
story_summary (Story *story)
{
  return anshin_support_summary_text (story->card,
                                      G_LIST_MODEL (story->methods),
                                      G_LIST_MODEL (story->notices),
                                      story->locked_until,
                                      story->issuer,
                                      story->now);
}

/* Languages */

static gboolean
enter_japanese (void)
{
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("the ja_JP.UTF-8 locale is not installed");
      return FALSE;
    }
  if (!anshin_format_is_japanese ())
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip ("the Japanese catalog is not built");
      return FALSE;
    }

  return TRUE;
}

static void
leave_japanese (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

/* Expected moments */

typedef struct
{
  AnshinMomentKind  kind;
  AnshinMomentTone  tone;
  const char       *action;
  const char       *title_en;
  const char       *body_en;
  const char       *title_ja;
  const char       *body_ja;
} Expected;

static void
assert_moment (AnshinMoment   *moment,
               const Expected *expected,
               gboolean        japanese)
{
  g_test_message ("%s\n%s", anshin_moment_get_title (moment), anshin_moment_get_body (moment));

  g_assert_cmpint (anshin_moment_get_kind (moment), ==, expected->kind);
  g_assert_cmpint (anshin_moment_get_tone (moment), ==, expected->tone);
  g_assert_cmpstr (anshin_moment_get_action_name (moment), ==, expected->action);
  g_assert_cmpstr (anshin_moment_get_title (moment), ==,
                   japanese ? expected->title_ja : expected->title_en);
  g_assert_cmpstr (anshin_moment_get_body (moment), ==,
                   japanese ? expected->body_ja : expected->body_en);
  if (expected->action != NULL)
    g_assert_nonnull (anshin_moment_get_action_label (moment));
}

static void
assert_moments (Story          *story,
                const Expected *expected,
                guint           n_expected)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GListModel) moments = NULL;
      gboolean japanese = pass == 1;

      if (japanese && !enter_japanese ())
        return;

      moments = story_moments (story);
      g_assert_cmpuint (g_list_model_get_n_items (moments), ==, n_expected);
      for (guint i = 0; i < n_expected; i++)
        {
          g_autoptr(AnshinMoment) moment = g_list_model_get_item (moments, i);

          assert_moment (moment, &expected[i], japanese);
        }

      if (japanese)
        leave_japanese ();
    }
}

static AnshinMoment *
only_moment (Story *story)
{
  g_autoptr(GListModel) moments = story_moments (story);

  g_assert_cmpuint (g_list_model_get_n_items (moments), ==, 1);
  return g_list_model_get_item (moments, 0);
}

/* The texts of a step that has no moment. */
static void
assert_no_moment (const char *scenario,
                  guint       step)
{
  g_autoptr(Story) story = story_new (scenario, step);
  g_autoptr(GListModel) moments = story_moments (story);

  g_assert_cmpuint (g_list_model_get_n_items (moments), ==, 0);
}

/* seed-story */

#define RENEWAL_TITLE_EN "Your card renewed as planned"
#define RENEWAL_TITLE_JA "カードは予定どおり更新されました"
#define RENEWAL_BODY_EN \
  "The “card activation complete” notice is your scheduled renewal, so there is nothing to do. " \
  "Your card number has not changed (•••• 4821), the new expiry is November 2030, and your new " \
  "physical card should arrive around 16 Dec 2025."
#define RENEWAL_BODY_JA \
  "「カード有効化完了のお知らせ」は予定どおりのカード更新によるもので、お手続きは必要ありません。" \
  "カード番号は変わらず（•••• 4821）、新しい有効期限は2030年11月です。" \
  "新しいプラスチックカードは2025年12月16日ごろに届きます。"

static const Expected renewal_with_methods = {
  ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED, ANSHIN_MOMENT_TONE_SUCCESS,
  "win.show-page::payment-methods",
  RENEWAL_TITLE_EN, RENEWAL_BODY_EN, RENEWAL_TITLE_JA, RENEWAL_BODY_JA,
};

#define QUICPAY_TITLE_EN "Pay with Mastercard contactless today"
#define QUICPAY_TITLE_JA "今日はMastercardタッチ決済でお支払いいただけます"
#define QUICPAY_PROGRAMME_EN "Payments by Mastercard don't count for the Tsubasa Shopping Program."
#define QUICPAY_PROGRAMME_JA "Mastercardでのご利用分はつばさショッピングプログラムの対象外です。"

/* since the renewal day, when it stopped working, not since 2 December,
 * when the issuer last changed its state (from pending to delayed) */
static const Expected quicpay_delayed = {
  ANSHIN_MOMENT_KIND_METHOD_NOT_WORKING, ANSHIN_MOMENT_TONE_WARNING, NULL,
  QUICPAY_TITLE_EN,
  "Tell the cashier “Mastercard”: QUICPay hasn't worked since your card renewed on 30 Nov 2025. "
  QUICPAY_PROGRAMME_EN,
  QUICPAY_TITLE_JA,
  "レジで『Mastercardタッチ決済』とお伝えください。QUICPayは2025年11月30日のカード更新から"
  "ご利用いただけません。" QUICPAY_PROGRAMME_JA,
};

static void
test_seed_before_renewal (void)
{
  assert_no_moment ("seed-story", 1);
  assert_no_moment ("seed-story", 2);
}

static void
test_seed_renewal_day (void)
{
  g_autoptr(Story) story = story_new ("seed-story", 3);

  assert_moments (story, &renewal_with_methods, 1);
}

static void
test_seed_wallets_back (void)
{
  g_autoptr(Story) story = story_new ("seed-story", 4);

  /* QUICPay is still expected on 2 December: the renewal is the moment */
  assert_moments (story, &renewal_with_methods, 1);
}

static void
assert_quicpay_choices (AnshinMoment *moment,
                        gboolean      japanese)
{
  GListModel *choices = anshin_moment_get_choices (moment);
  g_autoptr(AnshinMomentChoice) wait = NULL;
  g_autoptr(AnshinMomentChoice) reissue = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 2);
  wait = g_list_model_get_item (choices, 0);
  reissue = g_list_model_get_item (choices, 1);

  g_assert_cmpstr (anshin_moment_choice_get_title (wait), ==, japanese ? "待つ" : "Wait");
  g_assert_cmpstr (anshin_moment_choice_get_subtitle (wait), ==,
                   japanese ? "QUICPayが再び使えるようになる日付は示されていません。"
                            : "The issuer gives no date for QUICPay to work again.");
  g_assert_null (anshin_moment_choice_get_action_name (wait));

  /* named as the action is everywhere (the reissue dialog, Payment Methods) */
  g_assert_cmpstr (anshin_moment_choice_get_title (reissue), ==,
                   japanese ? "番号を切り替えて再発行" : "Reissue with a New Number");
  g_assert_cmpstr (anshin_moment_choice_get_subtitle (reissue), ==,
                   japanese ? "約3時間でQUICPayが使えるようになります。カード番号が変わるため、"
                              "番号を登録しているお店やウォレットには新しい番号の登録が必要です。"
                            : "QUICPay works in about 3 hours. Your card number changes, so shops "
                              "and wallets that keep it need the new one.");
  g_assert_cmpstr (anshin_moment_choice_get_action_name (reissue), ==, "win.reissue-card");
  g_assert_cmpstr (anshin_moment_choice_get_action_label (reissue), ==, japanese ? "再発行…" : "Reissue…");
}

static void
test_seed_quicpay_delayed (void)
{
  g_autoptr(Story) story = story_new ("seed-story", 5);
  g_autoptr(AnshinMoment) moment = NULL;

  assert_moments (story, &quicpay_delayed, 1);

  /* what works now leads; the programme is said once; then the two ways out */
  moment = only_moment (story);
  assert_quicpay_choices (moment, FALSE);
  g_assert_null (anshin_moment_get_countdown_target (moment));
  g_assert_cmpstr (anshin_moment_get_checklist (moment)[0], ==, NULL);
  g_clear_object (&moment);

  if (!enter_japanese ())
    return;
  moment = only_moment (story);
  assert_quicpay_choices (moment, TRUE);
  leave_japanese ();
}

static void
test_seed_later_steps (void)
{
  /* the plastic card comes while QUICPay still doesn't work */
  for (guint step = 6; step <= 7; step++)
    {
      g_autoptr(Story) story = story_new ("seed-story", step);

      assert_moments (story, &quicpay_delayed, 1);
    }
}

static const Expected reissuing = {
  ANSHIN_MOMENT_KIND_REISSUE_IN_PROGRESS, ANSHIN_MOMENT_TONE_INFO, NULL,
  "Your new card number is being prepared",
  "It should be ready at 2 Dec 2025, 13:00. Meanwhile, pay with Mastercard "
  "contactless: QUICPay and the wallets are paused during the reissue.",
  "新しいカード番号を準備しています",
  "2025年12月2日 13:00に使えるようになる見込みです。再発行が終わるまでは、"
  "Mastercardタッチ決済でお支払いください。QUICPayとウォレットは再発行中はご利用いただけません。",
};

static void
test_seed_reissue_in_progress (void)
{
  g_autoptr(Story) story = story_new ("seed-story", 5);
  g_autoptr(AnshinMoment) moment = NULL;
  g_autofree char *countdown = NULL;
  g_autofree char *eta = NULL;

  story_reissue (story);
  assert_moments (story, &reissuing, 1);

  moment = only_moment (story);
  eta = g_date_time_format_iso8601 (anshin_moment_get_countdown_target (moment));
  g_assert_cmpstr (eta, ==, "2025-12-02T13:00:00+09");
  countdown = anshin_moment_dup_countdown_text (moment, story->now);
  g_assert_cmpstr (countdown, ==, "Ready in 3 hours.");
  /* how long is left is said once, by the countdown */
  g_assert_null (strstr (anshin_moment_get_body (moment), "in about"));
  g_assert_cmpuint (g_list_model_get_n_items (anshin_moment_get_choices (moment)), ==, 0);
}

static void
test_seed_reissue_done (void)
{
  g_autoptr(Story) story = story_new ("seed-story", 5);
  const Expected done = {
    ANSHIN_MOMENT_KIND_REISSUE_DONE, ANSHIN_MOMENT_TONE_SUCCESS, NULL,
    NULL, "QUICPay works again with your new number. What is left for you to do:",
    NULL, "新しい番号でQUICPayが再びご利用いただけます。お客さまご自身で、次のことを行ってください。",
  };
  g_autofree char *title_en = NULL;
  g_autofree char *title_ja = NULL;
  Expected expected = done;
  g_autoptr(AnshinMoment) moment = NULL;
  const char * const *checklist;

  story_reissue (story);
  story_advance (story, 3 * 60 * 60);

  title_en = g_strdup_printf ("Your new card number is ready (•••• %s)", anshin_card_get_number_last4 (story->card));
  title_ja = g_strdup_printf ("新しいカード番号の準備ができました（•••• %s）", anshin_card_get_number_last4 (story->card));
  g_assert_cmpstr (anshin_card_get_number_last4 (story->card), !=, "4821");
  expected.title_en = title_en;
  expected.title_ja = title_ja;
  assert_moments (story, &expected, 1);

  moment = only_moment (story);
  checklist = anshin_moment_get_checklist (moment);
  g_assert_cmpuint (g_strv_length ((char **) checklist), ==, 2);
  g_assert_cmpstr (checklist[0], ==, "Add the new number to Apple Pay and Google Pay.");
  g_assert_cmpstr (checklist[1], ==, "Update subscriptions and online shops that still use the old number.");
  g_clear_object (&moment);

  if (!enter_japanese ())
    return;
  moment = only_moment (story);
  checklist = anshin_moment_get_checklist (moment);
  g_assert_cmpstr (checklist[0], ==, "新しい番号をApple PayとGoogle Payに追加し直してください。");
  g_assert_cmpstr (checklist[1], ==, "古い番号を登録している定期購入のサービスやネットショップで、新しい番号に変更してください。");
  leave_japanese ();
}

/* renewal-smooth */

static void
test_smooth (void)
{
  const Expected renewal_quiet = {
    ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED, ANSHIN_MOMENT_TONE_SUCCESS, NULL,
    RENEWAL_TITLE_EN, RENEWAL_BODY_EN, RENEWAL_TITLE_JA, RENEWAL_BODY_JA,
  };

  assert_no_moment ("renewal-smooth", 1);
  assert_no_moment ("renewal-smooth", 2);

  {
    g_autoptr(Story) story = story_new ("renewal-smooth", 3);

    assert_moments (story, &renewal_with_methods, 1);
  }
  {
    /* everything works again: nothing to look at but the renewal */
    g_autoptr(Story) story = story_new ("renewal-smooth", 4);

    assert_moments (story, &renewal_quiet, 1);
  }

  assert_no_moment ("renewal-smooth", 5);
  assert_no_moment ("renewal-smooth", 6);
}

/* unexpected-activation */

static const Expected unexpected = {
  ANSHIN_MOMENT_KIND_UNEXPECTED_ACTIVATION, ANSHIN_MOMENT_TONE_ERROR, "win.freeze-card",
  "Your card was activated, but nothing was announced",
  "No renewal was announced and no reissue was requested, so this “card activation complete” "
  "notice is not one you were told to expect. Freeze your card now, then call the issuer's "
  "support desk.",
  "予定にないカード有効化のお知らせです",
  "カード更新のご案内も再発行のお申し込みもないため、この「カード有効化完了のお知らせ」は予定にないものです。"
  "今すぐカードを一時停止し、カスタマーセンターにお電話ください。",
};

static void
test_unexpected_activation (void)
{
  g_autoptr(Story) story = NULL;
  g_autoptr(AnshinMoment) moment = NULL;

  assert_no_moment ("unexpected-activation", 1);

  story = story_new ("unexpected-activation", 2);
  assert_moments (story, &unexpected, 1);

  /* the issuer's own support desk, said to come from its service */
  moment = only_moment (story);
  g_assert_cmpstr (anshin_moment_get_action_label (moment), ==, "_Freeze Card");
  g_assert_cmpstr (anshin_moment_get_support_phone (moment), ==, "0120-000-000");
  g_assert_cmpstr (anshin_moment_get_support_hours (moment), ==, "9:00–18:00");
  g_assert_cmpstr (anshin_moment_get_support_note (moment), ==,
                   "This number comes from Tsubasa Pay's own service, not from the notice, which could be fake.");
  g_clear_object (&moment);

  if (enter_japanese ())
    {
      moment = only_moment (story);
      g_assert_cmpstr (anshin_moment_get_support_phone (moment), ==, "0120-000-000");
      g_assert_cmpstr (anshin_moment_get_support_hours (moment), ==, "9:00〜18:00（年中無休）");
      g_assert_cmpstr (anshin_moment_get_support_note (moment), ==,
                       "この電話番号はお知らせの本文からではなく、つばさペイのサービスから取得したものです"
                       "（お知らせは偽物の可能性があります）。");
      g_clear_object (&moment);
      leave_japanese ();
    }

  /* once frozen, the callout stops offering Freeze and says what is left */
  {
    g_autoptr(MockReply) reply = NULL;

    mock_login (&story->mock);
    reply = mock_request (&story->mock, "PATCH", "/v1/card", "{\"state\": \"frozen\"}", NULL);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  story_refresh (story);
  moment = only_moment (story);
  g_assert_cmpint (anshin_moment_get_kind (moment), ==, ANSHIN_MOMENT_KIND_UNEXPECTED_ACTIVATION);
  g_assert_null (anshin_moment_get_action_name (moment));
  g_assert_true (g_str_has_suffix (anshin_moment_get_body (moment),
                                   "Your card is frozen, so nobody can pay with it: call the issuer's "
                                   "support desk and ask who activated it."));
  g_clear_object (&moment);

  /* unfrozen once the issuer confirmed all is well: no more "freeze now" */
  {
    g_autoptr(MockReply) reply = NULL;
    g_autoptr(GListModel) moments = NULL;

    mock_advance_clock (&story->mock, 60 * 60);
    mock_login (&story->mock);
    reply = mock_request (&story->mock, "PATCH", "/v1/card", "{\"state\": \"active\"}", NULL);
    g_assert_cmpuint (reply->status, ==, 200);
    story_refresh (story);
    moments = story_moments (story);
    g_assert_cmpuint (g_list_model_get_n_items (moments), ==, 0);
  }
}

/* locked-out */

static const Expected locked = {
  ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED, ANSHIN_MOMENT_TONE_WARNING,
  "app.remind-registration::2025-12-04T08:00:00+09:00",
  "Adding a charge card is paused until 4 Dec 2025, 08:00",
  "If the issuer's site said “session timed out” or “cookies may be off”, that was not your "
  "browser: all 5 attempts of the day are used. Another browser or a new session won't lift the "
  "lock, and nothing was charged.",
  "チャージ用クレジットカードの登録は2025年12月4日 8:00まで一時停止中です",
  "カード会社のサイトに「セッションタイムアウト」「クッキー設定がオフ」と表示されたのは、"
  "お使いのブラウザーのせいではありません。本日の登録の試行は5回すべて使い切っています。"
  "別のブラウザーや新しいセッションでもロックは解除されません。代金は請求されていません。",
};

static const Expected quicpay_since_renewal = {
  ANSHIN_MOMENT_KIND_METHOD_NOT_WORKING, ANSHIN_MOMENT_TONE_WARNING, NULL,
  QUICPAY_TITLE_EN,
  "Tell the cashier “Mastercard”: QUICPay hasn't worked since your card renewed on 30 Nov 2025. "
  QUICPAY_PROGRAMME_EN,
  QUICPAY_TITLE_JA,
  "レジで『Mastercardタッチ決済』とお伝えください。QUICPayは2025年11月30日のカード更新から"
  "ご利用いただけません。" QUICPAY_PROGRAMME_JA,
};

static void
test_locked_out (void)
{
  g_autoptr(Story) story = story_new ("locked-out", 1);
  const Expected both[] = { locked, quicpay_since_renewal };
  g_autoptr(GListModel) moments = NULL;
  g_autoptr(AnshinMoment) moment = NULL;
  g_autofree char *until = NULL;
  g_autofree char *countdown = NULL;

  assert_moments (story, both, G_N_ELEMENTS (both));

  moments = story_moments (story);
  moment = g_list_model_get_item (moments, 0);
  until = g_date_time_format_iso8601 (anshin_moment_get_countdown_target (moment));
  g_assert_cmpstr (until, ==, "2025-12-04T08:00:00+09");
  countdown = anshin_moment_dup_countdown_text (moment, story->now);
  g_assert_cmpstr (countdown, ==, "Opens again in 23 hours.");
  /* no sentence contradicts the lock: nothing to add "below"; the one
   * thing to do is to be reminded when it opens */
  g_assert_cmpstr (anshin_moment_get_action_name (moment), ==,
                   "app.remind-registration::2025-12-04T08:00:00+09:00");
  g_assert_cmpstr (anshin_moment_get_action_label (moment), ==, "Remind Me");
  g_assert_null (strstr (anshin_moment_get_body (moment), "below"));
  g_assert_null (strstr (anshin_moment_get_body (moment), "registered cards"));
  g_clear_object (&moment);
  g_clear_object (&moments);
  g_clear_pointer (&story, story_free);

  /* 24 hours after the last failure the lock is gone; QUICPay still isn't */
  story = story_new ("locked-out", 2);
  assert_moments (story, &quicpay_since_renewal, 1);
}

/* Built from core objects: an activation on a day other than the
 * scheduled renewal, from an issuer the app has no support desk for. */
static void
test_activation_before_renewal (void)
{
  g_autoptr(AnshinCard) card = anshin_card_new ();
  g_autoptr(AnshinNotice) notice = anshin_notice_new ();
  g_autoptr(GListStore) notices = g_list_store_new (ANSHIN_TYPE_NOTICE);
  g_autoptr(GDateTime) renewal = anshin_date_parse ("2025-11-30");
  g_autoptr(GDateTime) announced = anshin_time_parse ("2025-08-30T10:00:00+09:00");
  g_autoptr(GDateTime) issued = anshin_time_parse ("2025-10-15T14:00:00+09:00");
  g_autoptr(GDateTime) now = anshin_time_parse ("2025-10-15T14:05:00+09:00");
  g_autoptr(GListModel) moments = NULL;
  g_autoptr(AnshinMoment) moment = NULL;

  anshin_card_set_product_name (card, "Tsubasa Pay");
  anshin_card_set_state (card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_card_set_number_last4 (card, "1234");
  anshin_card_set_renewal_status (card, ANSHIN_RENEWAL_STATUS_SCHEDULED);
  anshin_card_set_renewal_date (card, renewal);
  anshin_card_set_renewal_announced_at (card, announced);
  anshin_notice_set_id (notice, "n_1");
  anshin_notice_set_code (notice, ANSHIN_NOTICE_CODE_CARD_ACTIVATED);
  anshin_notice_set_title (notice, "【つばさペイ】カード有効化完了のお知らせ");
  anshin_notice_set_issued_at (notice, issued);
  g_list_store_append (notices, notice);

  moments = anshin_moment_list_for (card, NULL, G_LIST_MODEL (notices), NULL, NULL, NULL, 0, NULL, now);
  g_assert_cmpuint (g_list_model_get_n_items (moments), ==, 1);
  moment = g_list_model_get_item (moments, 0);

  g_assert_cmpint (anshin_moment_get_kind (moment), ==, ANSHIN_MOMENT_KIND_UNEXPECTED_ACTIVATION);
  g_assert_cmpint (anshin_moment_get_tone (moment), ==, ANSHIN_MOMENT_TONE_ERROR);
  g_assert_cmpstr (anshin_moment_get_title (moment), ==, "Your card was activated on a day no renewal was planned");
  g_assert_cmpstr (anshin_moment_get_body (moment), ==,
                   "Your renewal is on another day and no reissue was requested, so this “card "
                   "activation complete” notice is not one you were told to expect. Freeze your "
                   "card now, then call the issuer's support desk.");
  g_assert_cmpstr (anshin_moment_get_action_name (moment), ==, "win.freeze-card");
  /* no number the app can vouch for: never one from the notice */
  g_assert_null (anshin_moment_get_support_phone (moment));
  g_assert_null (anshin_moment_get_support_hours (moment));
  g_assert_cmpstr (anshin_moment_get_support_note (moment), ==,
                   "Use the number on the issuer's official website, not one in the notice.");

  /* a week later the activation is no longer the moment */
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 8);
    g_autoptr(GListModel) none = anshin_moment_list_for (card, NULL, G_LIST_MODEL (notices), NULL, NULL,
                                                         NULL, 0, NULL, later);

    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  }
}

/* Built from core objects: QUICPay not working for a reason other than
 * the renewal's data migration, on a card that never renewed: the app
 * knows no day it stopped, so it names none (the issuer's "since" is
 * when it last changed the state, not when QUICPay stopped). */
static void
test_quicpay_no_known_day (void)
{
  g_autoptr(AnshinCard) card = anshin_card_new ();
  g_autoptr(GListStore) methods = g_list_store_new (ANSHIN_TYPE_PAYMENT_METHOD);
  g_autoptr(AnshinPaymentMethod) quicpay = anshin_payment_method_new ();
  g_autoptr(AnshinPaymentMethod) contactless = anshin_payment_method_new ();
  g_autoptr(GDateTime) since = anshin_time_parse ("2025-12-02T09:00:00+09:00");
  g_autoptr(GDateTime) now = anshin_time_parse ("2025-12-02T10:00:00+09:00");
  g_autoptr(GListModel) moments = NULL;
  g_autoptr(AnshinMoment) moment = NULL;

  anshin_card_set_product_name (card, "Tsubasa Pay");
  anshin_card_set_state (card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_card_set_number_last4 (card, "1234");
  anshin_payment_method_set_kind (contactless, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS);
  anshin_payment_method_set_state (contactless, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE);
  anshin_payment_method_set_kind (quicpay, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  anshin_payment_method_set_state (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  anshin_payment_method_set_since (quicpay, since);
  g_list_store_append (methods, contactless);
  g_list_store_append (methods, quicpay);

  moments = anshin_moment_list_for (card, G_LIST_MODEL (methods), NULL, NULL, NULL, NULL, 0, NULL, now);
  g_assert_cmpuint (g_list_model_get_n_items (moments), ==, 1);
  moment = g_list_model_get_item (moments, 0);
  g_assert_cmpint (anshin_moment_get_kind (moment), ==, ANSHIN_MOMENT_KIND_METHOD_NOT_WORKING);
  g_assert_cmpstr (anshin_moment_get_body (moment), ==,
                   "Tell the cashier “Mastercard”: QUICPay isn't working right now.");
}

/* The support summary */

static void
test_summary_locked_out (void)
{
  g_autoptr(Story) story = story_new ("locked-out", 1);
  g_autofree char *english = story_summary (story);
  g_autofree char *japanese = NULL;

  g_test_message ("%s", english);
  g_assert_cmpstr (english, ==,
                   "Card status as of 3 Dec 2025, 09:00\n"
                   "Issuer: Tsubasa Pay\n"
                   "Card: •••• 4821, Active\n"
                   "Expiry: November 2030\n"
                   "Payment methods:\n"
                   "- Mastercard online: Available since 1 Nov 2020, 09:00\n"
                   "- Mastercard contactless: Available since 1 Nov 2020, 09:00\n"
                   "- QUICPay: Unavailable since 30 Nov 2025, 09:00, no date given\n"
                   "- Apple Pay: Available since 1 Nov 2020, 09:00\n"
                   "- Google Pay: Available since 1 Nov 2020, 09:00\n"
                   "Notices from the issuer:\n"
                   "- 30 Nov 2025, 09:00\n"
                   "  【つばさペイ】カード有効化完了のお知らせ\n"
                   "- 30 Aug 2025, 10:00\n"
                   "  【つばさペイ】カード更新のお知らせ\n"
                   "Adding a charge card: locked until 4 Dec 2025, 08:00\n"
                   "Reissue: none requested\n");

  if (!enter_japanese ())
    return;
  japanese = story_summary (story);
  g_test_message ("%s", japanese);
  g_assert_cmpstr (japanese, ==,
                   "2025年12月3日 9:00時点のカードの状況\n"
                   "カード会社：つばさペイ\n"
                   "カード：•••• 4821（有効）\n"
                   "有効期限：2030年11月\n"
                   "決済手段：\n"
                   "- Mastercardオンライン決済：2020年11月1日 9:00から利用可能\n"
                   "- Mastercardタッチ決済：2020年11月1日 9:00から利用可能\n"
                   "- QUICPay：2025年11月30日 9:00から利用不可（再開日の案内なし）\n"
                   "- Apple Pay：2020年11月1日 9:00から利用可能\n"
                   "- Google Pay：2020年11月1日 9:00から利用可能\n"
                   "カード会社からのお知らせ：\n"
                   "- 2025年11月30日 9:00\n"
                   "  【つばさペイ】カード有効化完了のお知らせ\n"
                   "- 2025年8月30日 10:00\n"
                   "  【つばさペイ】カード更新のお知らせ\n"
                   "チャージ用クレジットカードの登録：2025年12月4日 8:00までロック中\n"
                   "再発行：申し込みなし\n");
  leave_japanese ();
}

static void
test_summary_reissuing (void)
{
  g_autoptr(Story) story = story_new ("seed-story", 5);
  g_autofree char *english = NULL;

  story_reissue (story);
  english = story_summary (story);
  g_test_message ("%s", english);

  /* the number only as its last four digits; the reissue with its time */
  g_assert_cmpstr (english, ==,
                   "Card status as of 2 Dec 2025, 10:00\n"
                   "Issuer: Tsubasa Pay\n"
                   "Card: •••• 4821, Being reissued\n"
                   "Expiry: November 2030\n"
                   "Payment methods:\n"
                   "- Mastercard online: Available since 1 Nov 2020, 09:00\n"
                   "- Mastercard contactless: Available since 1 Nov 2020, 09:00\n"
                   "- QUICPay: Updating since 2 Dec 2025, 10:00, expected 2 Dec 2025, 13:00\n"
                   "- Apple Pay: Updating since 2 Dec 2025, 10:00, expected 2 Dec 2025, 13:00\n"
                   "- Google Pay: Updating since 2 Dec 2025, 10:00, expected 2 Dec 2025, 13:00\n"
                   "Notices from the issuer:\n"
                   "- 2 Dec 2025, 10:00\n"
                   "  カード再発行を受け付けました\n"
                   "- 2 Dec 2025, 09:41\n"
                   "  【つばさペイ】カードご利用不可のお知らせ\n"
                   "- 30 Nov 2025, 09:00\n"
                   "  【つばさペイ】カード有効化完了のお知らせ\n"
                   "- 30 Aug 2025, 10:00\n"
                   "  【つばさペイ】カード更新のお知らせ\n"
                   "Adding a charge card: not locked\n"
                   "Reissue with a new number: in progress, ready around 2 Dec 2025, 13:00\n");
}

/* Every explanation at every step: no screen says a date or a sentence
 * twice */

static GListStore *
story_transactions (Story *story)
{
  g_autoptr(JsonNode) root = get_body (story, "/v1/transactions?limit=200");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinTransactionPage) page = anshin_issuer_json_to_transaction_page (root, &error);

  g_assert_no_error (error);
  return store_from (page->transactions, ANSHIN_TYPE_TRANSACTION);
}

static void
assert_explanation_says_once (AnshinExplanation *explanation,
                              gboolean           japanese)
{
  GListModel *schedule = anshin_explanation_get_schedule (explanation);

  g_test_message ("%s", anshin_explanation_get_headline (explanation));
  explanation_test_assert_says_once (explanation);

  for (guint i = 0; japanese && i < g_list_model_get_n_items (schedule); i++)
    {
      g_autoptr(AnshinScheduleItem) item = g_list_model_get_item (schedule, i);
      const char *text = anshin_schedule_item_get_text (item);
      gboolean non_ascii = FALSE;

      for (const char *p = text; *p != '\0'; p++)
        non_ascii |= (guchar) *p >= 0x80;
      if (!non_ascii)
        g_error ("the schedule row “%s” is not Japanese", text);
    }
}

/* What the Card page shows of @story, top to bottom, as its views show
 * it (anshin-moment-callout.c, anshin-card-page.c, anshin-timeline-row.c):
 * each callout's title, body, choices, checklist and support desk, what
 * happens next when there is any, and each timeline row's title,
 * description and date. */
static GPtrArray *
card_page_texts (Story *story)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) moments = story_moments (story);
  g_autoptr(GListModel) steps = anshin_renewal_timeline_new_beside (story->card, moments, story->now);
  g_autofree char *what_next = anshin_renewal_timeline_what_next_beside (story->card, steps, moments,
                                                                          story->now);

  for (guint i = 0; i < g_list_model_get_n_items (moments); i++)
    {
      g_autoptr(AnshinMoment) moment = g_list_model_get_item (moments, i);
      GListModel *choices = anshin_moment_get_choices (moment);
      const char * const *checklist = anshin_moment_get_checklist (moment);
      const char *extras[] = {
        anshin_moment_get_support_hours (moment),
        anshin_moment_get_support_note (moment),
      };

      g_ptr_array_add (texts, g_strdup (anshin_moment_get_title (moment)));
      g_ptr_array_add (texts, g_strdup (anshin_moment_get_body (moment)));
      for (guint j = 0; choices != NULL && j < g_list_model_get_n_items (choices); j++)
        {
          g_autoptr(AnshinMomentChoice) choice = g_list_model_get_item (choices, j);

          g_ptr_array_add (texts, g_strdup (anshin_moment_choice_get_title (choice)));
          if (anshin_moment_choice_get_subtitle (choice) != NULL)
            g_ptr_array_add (texts, g_strdup (anshin_moment_choice_get_subtitle (choice)));
        }
      for (guint j = 0; checklist != NULL && checklist[j] != NULL; j++)
        g_ptr_array_add (texts, g_strdup (checklist[j]));
      for (guint j = 0; j < G_N_ELEMENTS (extras); j++)
        if (extras[j] != NULL)
          g_ptr_array_add (texts, g_strdup (extras[j]));
    }

  if (what_next != NULL)
    g_ptr_array_add (texts, g_strdup (what_next));

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(AnshinTimelineStep) step = g_list_model_get_item (steps, i);
      GDateTime *date = anshin_timeline_step_get_date (step);

      g_ptr_array_add (texts, g_strdup (anshin_timeline_step_get_title (step)));
      g_ptr_array_add (texts, g_strdup (anshin_timeline_step_get_description (step)));
      if (date != NULL)
        g_ptr_array_add (texts, anshin_format_date (date));
    }

  /* a page with a card always has something below the card */
  g_assert_true (what_next != NULL || g_list_model_get_n_items (steps) > 0);

  return texts;
}

static void
assert_card_page_says_once (Story *story)
{
  g_autoptr(GPtrArray) texts = card_page_texts (story);

  for (guint i = 0; i < texts->len; i++)
    g_test_message ("card page: %s", (const char *) g_ptr_array_index (texts, i));
  explanation_test_assert_texts_say_once (texts);
}

/* The Card page's and the notices', the payment methods', the activity's
 * and the reissue's explanations of @story as it is, in English and in
 * Japanese. Returns
 * how many schedule rows they had, in English. */
static guint
assert_step_says_once (Story      *story,
                       const char *where)
{
  g_autoptr(GListStore) transactions = story_transactions (story);
  guint n_rows = 0;

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean japanese = pass == 1;

      if (japanese && !enter_japanese ())
        return n_rows;
      g_test_message ("%s, %s", where, japanese ? "ja" : "en");

      assert_card_page_says_once (story);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (story->methods)); i++)
        {
          g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (G_LIST_MODEL (story->methods), i);
          g_autoptr(AnshinExplanation) explanation =
            anshin_explain_payment_method (method, story->card, G_LIST_MODEL (story->programs), story->now);

          assert_explanation_says_once (explanation, japanese);
          n_rows += japanese ? 0 : g_list_model_get_n_items (anshin_explanation_get_schedule (explanation));
        }

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (transactions)); i++)
        {
          g_autoptr(AnshinTransaction) transaction = g_list_model_get_item (G_LIST_MODEL (transactions), i);
          g_autoptr(AnshinExplanation) explanation =
            anshin_explain_transaction (transaction, story->card, G_LIST_MODEL (story->methods),
                                        G_LIST_MODEL (story->programs), story->now);

          assert_explanation_says_once (explanation, japanese);
          n_rows += japanese ? 0 : g_list_model_get_n_items (anshin_explanation_get_schedule (explanation));
        }

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (story->notices)); i++)
        {
          g_autoptr(AnshinNotice) notice = g_list_model_get_item (G_LIST_MODEL (story->notices), i);
          g_autoptr(AnshinExplanation) explanation =
            anshin_explain_notice (notice, story->card, G_LIST_MODEL (story->methods),
                                   G_LIST_MODEL (story->programs), story->now);

          assert_explanation_says_once (explanation, japanese);
        }

      /* the reissue's confirmation shows what happened as its body, then
       * what to do, the programmes, what next and the evidence as points
       * (anshin-reissue-dialog.c); its actions are no text there */
      {
        g_autoptr(AnshinExplanation) tradeoff =
          anshin_explain_reissue_tradeoff (story->card, G_LIST_MODEL (story->methods),
                                           G_LIST_MODEL (story->programs), story->now);
        g_autoptr(GPtrArray) dialog = g_ptr_array_new_with_free_func (g_free);
        const char *texts[] = {
          anshin_explanation_get_what_happened (tradeoff),
          anshin_explanation_get_what_to_do (tradeoff),
          anshin_explanation_get_programme_impact (tradeoff),
          anshin_explanation_get_what_next (tradeoff),
          anshin_explanation_get_evidence (tradeoff),
        };

        for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
          if (texts[i] != NULL)
            g_ptr_array_add (dialog, g_strdup (texts[i]));
        explanation_test_assert_texts_say_once (dialog);
      }

      if (japanese)
        leave_japanese ();
    }

  return n_rows;
}

static void
test_says_once (gconstpointer data)
{
  const char *scenario = data;
  g_autoptr(Story) story = story_new (scenario, 1);
  guint n_rows = 0;

  for (guint step = 1;; step++)
    {
      g_autofree char *where = g_strdup_printf ("%s step %u", scenario, step);
      g_autoptr(MockReply) reply = NULL;

      n_rows += assert_step_says_once (story, where);

      /* the seed story's reissue, in flight and done, from its step 5 */
      if (g_str_equal (scenario, "seed-story") && step == 5)
        {
          g_autoptr(Story) reissue = story_new (scenario, step);

          story_reissue (reissue);
          n_rows += assert_step_says_once (reissue, "seed-story step 5, reissuing");
          story_advance (reissue, 3 * 60 * 60);
          n_rows += assert_step_says_once (reissue, "seed-story step 5, reissued");
        }

      reply = mock_request (&story->mock, "POST", "/admin/step", NULL, NULL);
      if (reply->status == 409)
        break;
      g_assert_cmpuint (reply->status, ==, 200);
      story_refresh (story);
    }

  /* the methods that lag had their rows (not every scenario has one) */
  if (g_str_equal (scenario, "seed-story"))
    g_assert_cmpuint (n_rows, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The holder's clock is in Japan, like the issuer's. */
  g_setenv ("TZ", "JST-9", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANSHIN_LOCALEDIR") ? g_getenv ("ANSHIN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/moments/seed-story/1-2-before-renewal", test_seed_before_renewal);
  g_test_add_func ("/moments/seed-story/3-renewal-day", test_seed_renewal_day);
  g_test_add_func ("/moments/seed-story/4-wallets-back", test_seed_wallets_back);
  g_test_add_func ("/moments/seed-story/5-quicpay-delayed", test_seed_quicpay_delayed);
  g_test_add_func ("/moments/seed-story/6-7-plastic-card", test_seed_later_steps);
  g_test_add_func ("/moments/seed-story/5-reissue-in-progress", test_seed_reissue_in_progress);
  g_test_add_func ("/moments/seed-story/5-reissue-done", test_seed_reissue_done);
  g_test_add_func ("/moments/renewal-smooth", test_smooth);
  g_test_add_func ("/moments/unexpected-activation", test_unexpected_activation);
  g_test_add_func ("/moments/locked-out", test_locked_out);
  g_test_add_func ("/moments/activation-before-renewal", test_activation_before_renewal);
  g_test_add_func ("/moments/quicpay-no-known-day", test_quicpay_no_known_day);
  g_test_add_func ("/support-summary/locked-out", test_summary_locked_out);
  g_test_add_func ("/support-summary/reissuing", test_summary_reissuing);
  g_test_add_data_func ("/explanations/says-once/seed-story", "seed-story", test_says_once);
  g_test_add_data_func ("/explanations/says-once/renewal-smooth", "renewal-smooth", test_says_once);
  g_test_add_data_func ("/explanations/says-once/unexpected-activation", "unexpected-activation", test_says_once);
  g_test_add_data_func ("/explanations/says-once/locked-out", "locked-out", test_says_once);
  g_test_add_data_func ("/explanations/says-once/virtual-only", "virtual-only", test_says_once);

  return g_test_run ();
}
