/* anshin-moments.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which of the holder's moments apply right now, and their words. At most
 * two, the most pressing first:
 *
 *   1. unexpected activation: a "card activation complete" notice that
 *      nothing the holder was told explains (red; Freeze Card; the
 *      issuer's own support desk, from GET /v1/issuer, not the notice),
 *      for a week or until the holder unfreezes the card after it
 *   2. registration locked: adding a charge card is locked; not the
 *      holder's browser, nothing charged, opens again at a time
 *   3. a method not working with no date (QUICPay after the renewal):
 *      what works now first, the programme cost once, then wait or
 *      reissue with a new number
 *   4. reissue in progress: when the new number is ready
 *   5. reissue done: what is left for the holder (re-add to the wallets,
 *      subscriptions)
 *   6. renewal day: the "card activation complete" notice is the
 *      expected renewal; number unchanged, new expiry, the plastic card
 *
 * Each sentence is true of the situation it is written for: nothing says
 * "add one below" while adding is locked, nothing mentions registered
 * cards when there are none.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-explainer.h"
#include "anshin-explainer-private.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-moment-private.h"
#include "anshin-notice.h"
#include "anshin-payment-method.h"
#include "anshin-program.h"

#define MAX_MOMENTS 2

/* How long a moment stays after what caused it. */
#define RENEWAL_WINDOW       (48 * G_TIME_SPAN_HOUR)
#define REISSUE_DONE_WINDOW  (72 * G_TIME_SPAN_HOUR)
#define ACTIVATION_WINDOW    (7 * G_TIME_SPAN_DAY)

#define DEFAULT_MAX_ATTEMPTS 5

typedef struct
{
  AnshinCard       *card;
  GListModel       *methods;       /* nullable */
  GListModel       *notices;       /* nullable */
  GListModel       *programs;      /* nullable */
  GListModel       *charge_cards;  /* nullable */
  GDateTime        *locked_until;  /* nullable */
  guint             max_attempts;
  AnshinIssuerInfo *issuer;        /* nullable */
  GDateTime        *now;
} Situation;

typedef AnshinMoment *(*MomentFunc) (Situation *s);

static gboolean
within (GDateTime *since,
        GDateTime *now,
        GTimeSpan  window)
{
  GTimeSpan age;

  if (since == NULL)
    return FALSE;

  age = g_date_time_difference (now, since);
  return age >= 0 && age < window;
}

static AnshinPaymentMethod *
find_method (GListModel              *methods,
             AnshinPaymentMethodKind  kind)
{
  guint n_items = methods != NULL ? g_list_model_get_n_items (methods) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);

      if (anshin_payment_method_get_kind (method) == kind)
        return g_steal_pointer (&method);
    }

  return NULL;
}

static const char *
issuer_name (Situation *s)
{
  const char *name = s->issuer != NULL ? anshin_issuer_info_get_display_name (s->issuer) : NULL;

  if (name == NULL)
    name = anshin_card_get_product_name (s->card);

  return name;
}

/* The issuer's own support desk, from GET /v1/issuer: never a number from
 * a notice, which could be fake. */
static void
add_support (AnshinMoment *moment,
             Situation    *s)
{
  const char *phone = s->issuer != NULL ? anshin_issuer_info_get_support_phone (s->issuer) : NULL;
  const char *name = issuer_name (s);
  g_autofree char *note = NULL;

  if (phone == NULL || phone[0] == '\0' || name == NULL)
    {
      _anshin_moment_set_support (moment, NULL, NULL,
                                  _("Use the number on the issuer's official website, not one in the notice."));
      return;
    }

  /* TRANSLATORS: %s is the issuer's name, e.g. "Tsubasa Pay" (つばさペイ) */
  note = g_strdup_printf (_("This number comes from %s's own service, not from the notice, which could be fake."),
                          name);
  _anshin_moment_set_support (moment, phone, anshin_issuer_info_get_display_hours (s->issuer), note);
}

/* 1. An activation nobody announced */

/* Whether the holder unfroze the card after @at: the issuer has then
 * told them everything is in order, and Freeze is no longer the advice. */
static gboolean
unfrozen_since (Situation *s,
                GDateTime *at)
{
  guint n_items = s->notices != NULL ? g_list_model_get_n_items (s->notices) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinNotice) notice = g_list_model_get_item (s->notices, i);
      GDateTime *issued = anshin_notice_get_issued_at (notice);

      if (anshin_notice_get_code (notice) == ANSHIN_NOTICE_CODE_CARD_UNFROZEN &&
          issued != NULL && g_date_time_compare (issued, at) > 0)
        return TRUE;
    }

  return FALSE;
}

static AnshinNotice *
find_unexpected_activation (Situation *s)
{
  guint n_items = s->notices != NULL ? g_list_model_get_n_items (s->notices) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinNotice) notice = g_list_model_get_item (s->notices, i);
      g_autoptr(AnshinExplanation) explanation = NULL;
      GDateTime *issued = anshin_notice_get_issued_at (notice);

      if (anshin_notice_get_code (notice) != ANSHIN_NOTICE_CODE_CARD_ACTIVATED ||
          !within (issued, s->now, ACTIVATION_WINDOW) ||
          unfrozen_since (s, issued))
        continue;

      explanation = anshin_explain_notice (notice, s->card, s->methods, s->programs, s->now);
      if (anshin_explanation_get_expectation (explanation) == ANSHIN_EXPECTATION_UNEXPECTED)
        return g_steal_pointer (&notice);
    }

  return NULL;
}

static AnshinMoment *
unexpected_activation (Situation *s)
{
  g_autoptr(AnshinNotice) notice = find_unexpected_activation (s);
  g_autofree char *body = NULL;
  gboolean frozen = anshin_card_get_state (s->card) == ANSHIN_CARD_STATE_FROZEN;
  const char *title;
  AnshinMoment *moment;
  char *first;

  if (notice == NULL)
    return NULL;

  if (anshin_card_get_renewal_status (s->card) != ANSHIN_RENEWAL_STATUS_NONE)
    {
      title = _("Your card was activated on a day no renewal was planned");
      /* TRANSLATORS: the quoted name is the issuer's notice, 「カード有効化完了のお知らせ」 */
      first = g_strdup (_("Your renewal is on another day and no reissue was requested, so this “card activation complete” notice is not one you were told to expect."));
    }
  else
    {
      title = _("Your card was activated, but nothing was announced");
      /* TRANSLATORS: the quoted name is the issuer's notice, 「カード有効化完了のお知らせ」 */
      first = g_strdup (_("No renewal was announced and no reissue was requested, so this “card activation complete” notice is not one you were told to expect."));
    }

  if (frozen)
    body = anshin_explainer_join (first, g_strdup (_("Your card is frozen, so nobody can pay with it: call the issuer's support desk and ask who activated it.")));
  else
    body = anshin_explainer_join (first, g_strdup (_("Freeze your card now, then call the issuer's support desk.")));

  moment = _anshin_moment_new (ANSHIN_MOMENT_KIND_UNEXPECTED_ACTIVATION, ANSHIN_MOMENT_TONE_ERROR,
                               title, body);
  if (!frozen)
    /* the button's label with its mnemonic, as the Card page's own
     * Freeze Card button has it */
    _anshin_moment_set_action (moment, "win.freeze-card", _("_Freeze Card"));
  add_support (moment, s);

  return moment;
}

/* 2. Registration locked */

static AnshinMoment *
registration_locked (Situation *s)
{
  g_autofree char *until = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  guint max_attempts = s->max_attempts > 0 ? s->max_attempts : DEFAULT_MAX_ATTEMPTS;
  guint n_cards = s->charge_cards != NULL ? g_list_model_get_n_items (s->charge_cards) : 0;
  AnshinMoment *moment;
  char *first;
  char *second;

  if (s->locked_until == NULL || g_date_time_compare (s->locked_until, s->now) <= 0)
    return NULL;

  until = anshin_format_date_time (s->locked_until);
  /* TRANSLATORS: %s is a date and time, e.g. "1 Dec 2025, 10:00" */
  title = g_strdup_printf (_("Adding a charge card is paused until %s"), until);

  /* TRANSLATORS: the quoted words are the issuer's own error message,
   * 「セッションタイムアウトが発生しました。もしくは、ブラウザのクッキー設定がオフである可能性もあります」;
   * %d is the attempts a day, 5 */
  first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "If the issuer's site said “session timed out” or “cookies may be off”, that was not your browser: the %d attempt of the day is used.",
                                        "If the issuer's site said “session timed out” or “cookies may be off”, that was not your browser: all %d attempts of the day are used.",
                                        max_attempts),
                           max_attempts);
  if (n_cards > 0)
    second = g_strdup (_("Another browser or a new session won't lift the lock; nothing was charged, and your registered cards still top up as usual."));
  else
    second = g_strdup (_("Another browser or a new session won't lift the lock, and nothing was charged."));
  body = anshin_explainer_join (first, second);

  moment = _anshin_moment_new (ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED, ANSHIN_MOMENT_TONE_WARNING,
                               title, body);
  _anshin_moment_set_countdown (moment, s->locked_until);
  /* a desktop notification then, even with the window closed */
  {
    g_autofree char *at = g_date_time_format (s->locked_until, "%Y-%m-%dT%H:%M:%S%:z");
    g_autofree char *action = g_strconcat ("app.remind-registration::", at, NULL);

    /* TRANSLATORS: a button in the "adding a charge card is paused until …"
     * callout: a desktop notification when registration opens again */
    _anshin_moment_set_action (moment, action, _("Remind Me"));
  }

  return moment;
}

/* 3. A payment method not working, with no date */

static gboolean
not_working (AnshinPaymentMethod *method,
             GDateTime           *now)
{
  GDateTime *eta = anshin_payment_method_get_eta (method);

  if (!anshin_payment_method_is_unusable (method))
    return FALSE;

  switch (anshin_payment_method_get_reason (method))
    {
    /* the freeze and the reissue have moments of their own */
    case ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN:
    case ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS:
      return FALSE;
    case ANSHIN_PAYMENT_METHOD_REASON_NONE:
    case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING:
    case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED:
    case ANSHIN_PAYMENT_METHOD_REASON_WALLET_READD_REQUIRED:
    default:
      break;
    }

  /* a method expected back at a known time is news for Payment Methods */
  return eta == NULL || g_date_time_compare (eta, now) <= 0;
}

static char *
programme_names (GListModel              *programs,
                 AnshinPaymentMethodKind  kind)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_items = programs != NULL ? g_list_model_get_n_items (programs) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinProgram) program = g_list_model_get_item (programs, i);
      const char *name = anshin_program_get_display_name (program);

      if (name != NULL && anshin_program_requires_method (program, kind) &&
          !anshin_program_requires_method (program, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS))
        g_ptr_array_add (names, (gpointer) name);
    }

  return names->len > 0 ? anshin_explainer_join_labels (names) : NULL;
}

/* When QUICPay stopped working: the day the card renewed, when the
 * renewal's data migration is what holds it up. Not the method's "since",
 * which is when the issuer last changed its state (pending, then delayed).
 * %NULL when the app does not know. */
static GDateTime *
stopped_working_at (Situation           *s,
                    AnshinPaymentMethod *method)
{
  switch (anshin_payment_method_get_reason (method))
    {
    case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING:
    case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED:
      if (anshin_card_get_renewal_status (s->card) == ANSHIN_RENEWAL_STATUS_COMPLETED)
        return anshin_card_get_renewal_completed_at (s->card);
      return NULL;
    case ANSHIN_PAYMENT_METHOD_REASON_NONE:
    case ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN:
    case ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS:
    case ANSHIN_PAYMENT_METHOD_REASON_WALLET_READD_REQUIRED:
    default:
      return NULL;
    }
}

static AnshinMoment *
quicpay_not_working (Situation           *s,
                     AnshinPaymentMethod *quicpay)
{
  GDateTime *stopped = stopped_working_at (s, quicpay);
  g_autofree char *programmes = programme_names (s->programs, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  g_autofree char *body = NULL;
  AnshinMoment *moment;
  char *first;

  if (stopped != NULL)
    {
      g_autofree char *renewed = anshin_format_date (stopped);

      /* TRANSLATORS: %s is the date the card renewed. Japanese:
       * 「レジで『Mastercardタッチ決済』とお伝えください。QUICPayは%sの
       * カード更新からご利用いただけません。」 (that no date is given is
       * the Wait row's to say) */
      first = g_strdup_printf (_("Tell the cashier “Mastercard”: QUICPay hasn't worked since your card renewed on %s."),
                               renewed);
    }
  else
    first = g_strdup (_("Tell the cashier “Mastercard”: QUICPay isn't working right now."));

  body = anshin_explainer_join (first,
                                programmes != NULL ?
                                  /* TRANSLATORS: %s is a programme's name, e.g. "Tsubasa Shopping Program" */
                                  g_strdup_printf (_("Payments by Mastercard don't count for the %s."), programmes) :
                                  NULL);

  moment = _anshin_moment_new (ANSHIN_MOMENT_KIND_METHOD_NOT_WORKING, ANSHIN_MOMENT_TONE_WARNING,
                               _("Pay with Mastercard contactless today"), body);
  /* the choices are named as the actions are everywhere else */
  _anshin_moment_add_choice (moment,
                             anshin_action_kind_get_label (ANSHIN_ACTION_KIND_WAIT),
                             _("The issuer gives no date for QUICPay to work again."),
                             NULL, NULL);
  _anshin_moment_add_choice (moment,
                             anshin_action_kind_get_label (ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER),
                             _("QUICPay works in about 3 hours. Your card number changes, so shops and wallets that keep it need the new one."),
                             "win.reissue-card",
                             /* TRANSLATORS: a button that opens the reissue dialog */
                             C_("action", "Reissue…"));

  return moment;
}

static AnshinMoment *
method_not_working (Situation *s)
{
  g_autoptr(GPtrArray) lagging = anshin_explainer_lagging_methods (s->methods);
  g_autoptr(AnshinPaymentMethod) contactless = find_method (s->methods,
                                                           ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS);
  AnshinPaymentMethod *first = NULL;
  const char *label;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  AnshinMoment *moment;

  /* QUICPay comes first in the lagging list when it lags */
  for (guint i = 0; i < lagging->len && first == NULL; i++)
    if (not_working (g_ptr_array_index (lagging, i), s->now))
      first = g_ptr_array_index (lagging, i);

  if (first == NULL)
    return NULL;

  if (anshin_payment_method_get_kind (first) == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY &&
      contactless != NULL &&
      anshin_payment_method_get_state (contactless) == ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE &&
      anshin_card_get_state (s->card) == ANSHIN_CARD_STATE_ACTIVE)
    return quicpay_not_working (s, first);

  label = anshin_payment_method_kind_get_label (anshin_payment_method_get_kind (first));
  /* TRANSLATORS: %s is a payment method, e.g. "Apple Pay" */
  title = g_strdup_printf (_("%s isn't working"), label);
  body = anshin_explainer_lagging_sentence (first, s->now);
  moment = _anshin_moment_new (ANSHIN_MOMENT_KIND_METHOD_NOT_WORKING, ANSHIN_MOMENT_TONE_WARNING,
                               title, body);
  _anshin_moment_set_action (moment, "win.show-page::payment-methods",
                             anshin_action_kind_get_label (ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS));

  return moment;
}

/* 4. Reissue in progress */

static AnshinMoment *
reissue_in_progress (Situation *s)
{
  GDateTime *eta = anshin_card_get_reissue_ready_eta (s->card);
  gboolean new_number = anshin_card_get_reissue_new_number (s->card);
  g_autofree char *body = NULL;
  AnshinMoment *moment;
  char *first;

  if (anshin_card_get_reissue_status (s->card) != ANSHIN_REISSUE_STATUS_IN_PROGRESS)
    return NULL;

  if (anshin_explainer_is_future (eta, s->now))
    {
      g_autofree char *eta_text = anshin_format_date_time (eta);

      /* the ready time once: how long is left is the countdown's */
      /* TRANSLATORS: %s is a date and time, e.g. "2 Dec 2025, 13:00" */
      first = g_strdup_printf (_("It should be ready at %s."), eta_text);
    }
  else
    first = g_strdup (_("The issuer is finishing it and it should be ready any moment."));

  if (new_number)
    body = anshin_explainer_join (first, g_strdup (_("Meanwhile, pay with Mastercard contactless: QUICPay and the wallets are paused during the reissue.")));
  else
    body = first;

  moment = _anshin_moment_new (ANSHIN_MOMENT_KIND_REISSUE_IN_PROGRESS, ANSHIN_MOMENT_TONE_INFO,
                               new_number ? _("Your new card number is being prepared")
                                          : _("Your card is being reissued"),
                               body);
  if (anshin_explainer_is_future (eta, s->now))
    _anshin_moment_set_countdown (moment, eta);

  return moment;
}

/* 5. Reissue done */

static AnshinMoment *
reissue_done (Situation *s)
{
  g_autoptr(GPtrArray) wallets = anshin_explainer_wallets_in_use (s->methods);
  g_autofree char *wallet_names = anshin_explainer_method_names (wallets);
  g_autofree char *masked = anshin_explainer_masked_number (s->card);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  AnshinMoment *moment;

  if (anshin_card_get_reissue_status (s->card) != ANSHIN_REISSUE_STATUS_COMPLETED ||
      !anshin_card_get_reissue_new_number (s->card) ||
      !within (anshin_card_get_reissue_completed_at (s->card), s->now, REISSUE_DONE_WINDOW))
    return NULL;

  /* TRANSLATORS: %s is the new masked card number, "•••• 5678" */
  title = g_strdup_printf (_("Your new card number is ready (%s)"), masked);
  body = anshin_explainer_join (g_strdup (_("QUICPay works again with your new number.")),
                                g_strdup (_("What is left for you to do:")));
  moment = _anshin_moment_new (ANSHIN_MOMENT_KIND_REISSUE_DONE, ANSHIN_MOMENT_TONE_SUCCESS,
                               title, body);

  if (wallet_names != NULL)
    {
      /* TRANSLATORS: %s is e.g. "Apple Pay and Google Pay" */
      g_autofree char *line = g_strdup_printf (_("Add the new number to %s."), wallet_names);

      _anshin_moment_add_check (moment, line);
    }
  _anshin_moment_add_check (moment, _("Update subscriptions and online shops that still use the old number."));

  return moment;
}

/* 6. Renewal day */

/* Where the plastic card is, as the end of a sentence; %NULL when there is
 * nothing to say. */
static char *
plastic_clause (AnshinCard *card)
{
  GDateTime *eta = anshin_card_get_physical_eta (card);
  g_autofree char *eta_text = eta != NULL ? anshin_format_date (eta) : NULL;

  switch (anshin_card_get_physical_status (card))
    {
    case ANSHIN_PHYSICAL_CARD_STATUS_PREPARING:
      if (eta_text != NULL)
        /* TRANSLATORS: the end of a sentence; %s is a date. プラスチックカード */
        return g_strdup_printf (_("your new physical card should arrive around %s"), eta_text);
      return g_strdup (_("your new physical card arrives about two weeks after the renewal"));
    case ANSHIN_PHYSICAL_CARD_STATUS_SHIPPED:
      if (eta_text != NULL)
        /* TRANSLATORS: the end of a sentence; %s is a date */
        return g_strdup_printf (_("your new physical card is on its way and should arrive on %s"), eta_text);
      return g_strdup (_("your new physical card is on its way"));
    case ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED:
      return g_strdup (_("your new physical card has been delivered"));
    case ANSHIN_PHYSICAL_CARD_STATUS_NONE:
    default:
      if (anshin_card_get_form (card) == ANSHIN_CARD_FORM_VIRTUAL)
        return g_strdup (_("no physical card is sent, as your card is virtual only"));
      return NULL;
    }
}

static char *
renewal_facts (AnshinCard *card)
{
  g_autofree char *masked = anshin_explainer_masked_number (card);
  g_autofree char *plastic = plastic_clause (card);
  g_autofree char *expiry = NULL;
  guint month = anshin_card_get_renewal_new_exp_month (card);
  guint year = anshin_card_get_renewal_new_exp_year (card);
  gboolean changed = anshin_card_get_renewal_number_changes (card);

  if (month < 1 || month > 12 || year == 0)
    {
      month = anshin_card_get_exp_month (card);
      year = anshin_card_get_exp_year (card);
    }
  if (month >= 1 && month <= 12 && year > 0)
    expiry = anshin_format_month_year (month, year);

  if (expiry == NULL)
    return changed ?
      /* TRANSLATORS: %s is the masked card number, "•••• 5678" */
      g_strdup_printf (_("Your card has a new number (%s)."), masked) :
      /* TRANSLATORS: %s is the masked card number, "•••• 1234" */
      g_strdup_printf (_("Your card number has not changed (%s)."), masked);

  if (plastic != NULL)
    return changed ?
      /* TRANSLATORS: %1$s is "•••• 5678", %2$s the new expiry, "November
       * 2030", %3$s the end of the sentence about the plastic card */
      g_strdup_printf (_("Your card has a new number (%1$s), the new expiry is %2$s, and %3$s."),
                       masked, expiry, plastic) :
      /* TRANSLATORS: %1$s is "•••• 1234", %2$s the new expiry, "November
       * 2030", %3$s the end of the sentence about the plastic card */
      g_strdup_printf (_("Your card number has not changed (%1$s), the new expiry is %2$s, and %3$s."),
                       masked, expiry, plastic);

  return changed ?
    /* TRANSLATORS: %1$s is "•••• 5678", %2$s the new expiry, "November 2030" */
    g_strdup_printf (_("Your card has a new number (%1$s) and the new expiry is %2$s."), masked, expiry) :
    /* TRANSLATORS: %1$s is "•••• 1234", %2$s the new expiry, "November 2030" */
    g_strdup_printf (_("Your card number has not changed (%1$s) and the new expiry is %2$s."), masked, expiry);
}

static gboolean
methods_on_their_way (Situation *s)
{
  g_autoptr(GPtrArray) lagging = anshin_explainer_lagging_methods (s->methods);

  for (guint i = 0; i < lagging->len; i++)
    if (anshin_explainer_is_future (anshin_payment_method_get_eta (g_ptr_array_index (lagging, i)), s->now))
      return TRUE;

  return FALSE;
}

static AnshinMoment *
renewal_expected (Situation *s)
{
  g_autofree char *body = NULL;
  AnshinMoment *moment;

  if (anshin_card_get_renewal_status (s->card) != ANSHIN_RENEWAL_STATUS_COMPLETED ||
      !within (anshin_card_get_renewal_completed_at (s->card), s->now, RENEWAL_WINDOW))
    return NULL;

  /* TRANSLATORS: the quoted name is the issuer's notice; Japanese uses its
   * exact title, 「カード有効化完了のお知らせ」 */
  body = anshin_explainer_join (g_strdup (_("The “card activation complete” notice is your scheduled renewal, so there is nothing to do.")),
                                renewal_facts (s->card));
  moment = _anshin_moment_new (ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED, ANSHIN_MOMENT_TONE_SUCCESS,
                               _("Your card renewed as planned"), body);
  if (methods_on_their_way (s))
    _anshin_moment_set_action (moment, "win.show-page::payment-methods",
                               anshin_action_kind_get_label (ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS));

  return moment;
}

/**
 * anshin_moment_list_for:
 * @card: the card
 * @methods: (nullable): the card's #AnshinPaymentMethods
 * @notices: (nullable): the issuer's #AnshinNotices
 * @programs: (nullable): the issuer's #AnshinPrograms
 * @charge_cards: (nullable): the registered #AnshinChargeCards
 * @locked_until: (nullable): until when adding a charge card is locked
 *   (`locked_until` of `GET /v1/charge-cards/registration`)
 * @max_attempts: the issuer's attempts a day (`max_attempts`), 0 if unknown
 * @issuer: (nullable): how the issuer names itself and its support desk
 * @now: the issuer's clock
 *
 * Decides which of the holder's moments apply now and words them in the UI
 * language: at most two, the most pressing first.
 *
 * Returns: (transfer full): a #GListModel of #AnshinMoment, often empty
 */
GListModel *
anshin_moment_list_for (AnshinCard       *card,
                        GListModel       *methods,
                        GListModel       *notices,
                        GListModel       *programs,
                        GListModel       *charge_cards,
                        GDateTime        *locked_until,
                        guint             max_attempts,
                        AnshinIssuerInfo *issuer,
                        GDateTime        *now)
{
  static const MomentFunc funcs[] = {
    unexpected_activation,
    registration_locked,
    method_not_working,
    reissue_in_progress,
    reissue_done,
    renewal_expected,
  };
  GListStore *moments = g_list_store_new (ANSHIN_TYPE_MOMENT);
  Situation s = {
    .card = card,
    .methods = methods,
    .notices = notices,
    .programs = programs,
    .charge_cards = charge_cards,
    .locked_until = locked_until,
    .max_attempts = max_attempts,
    .issuer = issuer,
    .now = now,
  };

  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);
  g_return_val_if_fail (methods == NULL || G_IS_LIST_MODEL (methods), NULL);
  g_return_val_if_fail (notices == NULL || G_IS_LIST_MODEL (notices), NULL);
  g_return_val_if_fail (programs == NULL || G_IS_LIST_MODEL (programs), NULL);
  g_return_val_if_fail (charge_cards == NULL || G_IS_LIST_MODEL (charge_cards), NULL);
  g_return_val_if_fail (issuer == NULL || ANSHIN_IS_ISSUER_INFO (issuer), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (funcs); i++)
    {
      g_autoptr(AnshinMoment) moment = NULL;

      if (g_list_model_get_n_items (G_LIST_MODEL (moments)) >= MAX_MOMENTS)
        break;

      moment = funcs[i] (&s);
      if (moment != NULL)
        g_list_store_append (moments, moment);
    }

  return G_LIST_MODEL (moments);
}

/**
 * anshin_moment_list_find:
 * @moments: (nullable): what anshin_moment_list_for() chose
 * @kind: a moment's kind
 *
 * Returns: (transfer full) (nullable): the moment of @kind among @moments
 */
AnshinMoment *
anshin_moment_list_find (GListModel       *moments,
                         AnshinMomentKind  kind)
{
  guint n_moments = moments != NULL ? g_list_model_get_n_items (moments) : 0;

  for (guint i = 0; i < n_moments; i++)
    {
      g_autoptr(AnshinMoment) moment = g_list_model_get_item (moments, i);

      if (anshin_moment_get_kind (moment) == kind)
        return g_steal_pointer (&moment);
    }

  return NULL;
}
