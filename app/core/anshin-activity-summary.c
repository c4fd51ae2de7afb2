/* anshin-activity-summary.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the activity adds up to, pure functions of the transactions, the
 * programme, the payment methods and the issuer clock: the points this
 * month, what an outage of a method the programme counts cost ("¥4,280 in
 * 3 payments did not count while QUICPay was not working"), and the
 * spending per day over the last 30 days for the chart, with the numbers
 * for its accessible description. Days are the issuer's (+09:00).
 *
 * The outage: the latest decline through a method the programme counts
 * (network_unavailable), or such a method not working now, marks it. It
 * began when the card renewed, if that was after the last payment that
 * counted, else just after that payment; it ended at the first payment
 * that counted again or when the method came back. The approved in-person
 * payments in between that did not count are what it cost.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-activity-summary.h"
#include "anshin-explainer-private.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-payment-method.h"
#include "anshin-time.h"

static int
compare_occurred (gconstpointer a,
                  gconstpointer b)
{
  AnshinTransaction *ta = *(AnshinTransaction **) a;
  AnshinTransaction *tb = *(AnshinTransaction **) b;

  return g_date_time_compare (anshin_transaction_get_occurred_at (ta),
                              anshin_transaction_get_occurred_at (tb));
}

/* The transactions with a time, oldest first. */
static GPtrArray *
sorted_transactions (GListModel *transactions)
{
  guint n_items = transactions != NULL ? g_list_model_get_n_items (transactions) : 0;
  GPtrArray *sorted = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    {
      AnshinTransaction *transaction = g_list_model_get_item (transactions, i);

      if (anshin_transaction_get_occurred_at (transaction) != NULL)
        g_ptr_array_add (sorted, transaction);
      else
        g_object_unref (transaction);
    }

  g_ptr_array_sort (sorted, compare_occurred);
  return sorted;
}

static gboolean
counts_for (AnshinTransaction *transaction,
            AnshinProgram     *program)
{
  return anshin_transaction_counted (transaction) &&
         g_strcmp0 (anshin_transaction_get_program_id (transaction), anshin_program_get_id (program)) == 0;
}

static gboolean
is_outage_decline (AnshinTransaction *transaction,
                   AnshinProgram     *program)
{
  return anshin_transaction_is_declined (transaction) &&
         anshin_transaction_get_decline_reason (transaction) == ANSHIN_DECLINE_REASON_NETWORK_UNAVAILABLE &&
         anshin_program_requires_method (program, anshin_transaction_get_method (transaction));
}

/* An approved payment at a till that did not count: what an outage costs. */
static gboolean
is_lost (AnshinTransaction *transaction,
         AnshinProgram     *program)
{
  return anshin_transaction_is_payment (transaction) &&
         !anshin_transaction_is_declined (transaction) &&
         !counts_for (transaction, program) &&
         anshin_transaction_get_method (transaction) == ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS &&
         !anshin_program_requires_method (program, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS);
}

/* The method the programme counts that isn't working now, if any. */
static AnshinPaymentMethod *
unusable_required_method (GListModel    *methods,
                          AnshinProgram *program)
{
  guint n_items = methods != NULL ? g_list_model_get_n_items (methods) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);

      if (anshin_program_requires_method (program, anshin_payment_method_get_kind (method)) &&
          anshin_payment_method_is_unusable (method))
        return method; /* the model keeps it alive */
    }

  return NULL;
}

/* When a method the programme counts works again since, after @after. */
static GDateTime *
required_method_back_since (GListModel    *methods,
                            AnshinProgram *program,
                            GDateTime     *after)
{
  guint n_items = methods != NULL ? g_list_model_get_n_items (methods) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);
      GDateTime *since = anshin_payment_method_get_since (method);

      if (anshin_program_requires_method (program, anshin_payment_method_get_kind (method)) &&
          anshin_payment_method_get_state (method) == ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE &&
          since != NULL && g_date_time_compare (since, after) > 0)
        return since;
    }

  return NULL;
}

/* The names of the methods the programme counts, "QUICPay". */
static char *
required_names (AnshinProgram *program)
{
  static const AnshinPaymentMethodKind kinds[] = {
    ANSHIN_PAYMENT_METHOD_KIND_QUICPAY,
    ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS,
    ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE,
  };
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (anshin_program_requires_method (program, kinds[i]))
        g_ptr_array_add (labels, (gpointer) anshin_payment_method_kind_get_label (kinds[i]));
    }

  if (labels->len == 0)
    return g_strdup (C_("payment method", "QUICPay"));

  return anshin_explainer_join_labels (labels);
}

static GDateTime *
issuer_day (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = anshin_issuer_time_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, zone);

  return g_date_time_new (zone, g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), 0, 0, 0);
}

static gboolean
same_issuer_month (GDateTime *a,
                   GDateTime *b)
{
  g_autoptr(GDateTime) day_a = issuer_day (a);
  g_autoptr(GDateTime) day_b = issuer_day (b);

  return g_date_time_get_year (day_a) == g_date_time_get_year (day_b) &&
         g_date_time_get_month (day_a) == g_date_time_get_month (day_b);
}

static char *
outage_text (AnshinProgramSummary *self)
{
  g_autofree char *amount = anshin_format_yen (self->outage_amount);
  g_autofree char *payments = NULL;
  g_autofree char *names = required_names (self->program);
  g_autoptr(GDateTime) first_day = issuer_day (self->outage_first);
  g_autoptr(GDateTime) last_day = issuer_day (self->outage_last);
  g_autofree char *first = anshin_format_date (first_day);
  g_autofree char *last = anshin_format_date (last_day);
  g_autofree char *text = NULL;

  /* TRANSLATORS: %1$s is an amount, %2$d a number of payments, e.g.
   * "¥4,280 in 3 payments"; Japanese: "%2$d件のお支払い（合計%1$s）" */
  payments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s in %2$d payment", "%1$s in %2$d payments",
                                           self->outage_payments),
                              amount, (int) self->outage_payments);

  if (self->outage_ongoing)
    /* TRANSLATORS: %1$s is e.g. "¥1,850 in 1 payment", %2$s a payment
     * method, %3$s a date: "¥1,850 in 1 payment has not counted since 30
     * Nov 2025 because QUICPay is not working" */
    text = g_strdup_printf (_("%1$s did not count since %3$s because %2$s is not working"),
                            payments, names, first);
  else if (g_date_time_equal (first_day, last_day))
    /* TRANSLATORS: %1$s is e.g. "¥480 in 1 payment", %2$s a payment
     * method, %3$s a date */
    text = g_strdup_printf (_("%1$s did not count on %3$s while %2$s was not working"),
                            payments, names, first);
  else
    /* TRANSLATORS: %1$s is e.g. "¥4,280 in 3 payments", %2$s a payment
     * method, %3$s and %4$s dates: "¥4,280 in 3 payments did not count
     * while QUICPay was not working, from 30 Nov 2025 to 2 Dec 2025" */
    text = g_strdup_printf (_("%1$s did not count while %2$s was not working, from %3$s to %4$s"),
                            payments, names, first, last);

  if (self->outage_points > 0)
    /* TRANSLATORS: %1$s is the sentence before, %2$d a number of points
     * the payments would have earned */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s (about %2$d point).", "%1$s (about %2$d points).",
                                         self->outage_points),
                            text, (int) MIN (self->outage_points, G_MAXINT));

  /* TRANSLATORS: the end of a sentence; Japanese: "%s。" */
  return g_strdup_printf (C_("sentence end", "%s."), text);
}

static void
find_outage (AnshinProgramSummary *self,
             GPtrArray            *sorted,
             GListModel           *methods,
             AnshinCard           *card,
             GDateTime            *now)
{
  AnshinPaymentMethod *down = unusable_required_method (methods, self->program);
  GDateTime *trigger = NULL;
  GDateTime *lower = NULL;       /* the last counted payment before: exclusive */
  GDateTime *start = NULL;       /* inclusive */
  GDateTime *end = NULL;         /* exclusive; NULL: now */
  GDateTime *renewed = card != NULL ? anshin_card_get_renewal_completed_at (card) : NULL;
  guint trigger_index = sorted->len;

  self->outage_ongoing = down != NULL;
  if (self->outage_ongoing)
    trigger = now;
  else
    {
      for (guint i = sorted->len; i > 0 && trigger == NULL; i--)
        {
          if (is_outage_decline (g_ptr_array_index (sorted, i - 1), self->program))
            {
              trigger_index = i - 1;
              trigger = anshin_transaction_get_occurred_at (g_ptr_array_index (sorted, i - 1));
            }
        }
    }
  if (trigger == NULL)
    return;

  for (guint i = 0; i < sorted->len; i++)
    {
      AnshinTransaction *transaction = g_ptr_array_index (sorted, i);
      GDateTime *at = anshin_transaction_get_occurred_at (transaction);

      if (g_date_time_compare (at, trigger) >= 0)
        break;
      if (counts_for (transaction, self->program))
        lower = at;
    }

  if (renewed != NULL && (lower == NULL || g_date_time_compare (renewed, lower) > 0) &&
      g_date_time_compare (renewed, trigger) <= 0)
    start = renewed;
  else if (lower == NULL && down != NULL)
    start = anshin_payment_method_get_since (down);

  if (!self->outage_ongoing)
    {
      for (guint i = trigger_index + 1; i < sorted->len && end == NULL; i++)
        {
          if (counts_for (g_ptr_array_index (sorted, i), self->program))
            end = anshin_transaction_get_occurred_at (g_ptr_array_index (sorted, i));
        }
      {
        GDateTime *back = required_method_back_since (methods, self->program, trigger);

        if (back != NULL && (end == NULL || g_date_time_compare (back, end) < 0))
          end = back;
      }
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      AnshinTransaction *transaction = g_ptr_array_index (sorted, i);
      GDateTime *at = anshin_transaction_get_occurred_at (transaction);

      if ((lower != NULL && g_date_time_compare (at, lower) <= 0) ||
          (start != NULL && g_date_time_compare (at, start) < 0) ||
          (end != NULL && g_date_time_compare (at, end) >= 0) ||
          g_date_time_compare (at, now) > 0 ||
          !is_lost (transaction, self->program))
        continue;

      /* a trillion yen at most each (the mapping's bound): no overflow */
      self->outage_amount += anshin_transaction_get_amount (transaction);
      self->outage_payments++;
      self->outage_points += anshin_program_points_for (self->program, anshin_transaction_get_amount (transaction));
      if (self->outage_first == NULL)
        self->outage_first = g_date_time_ref (at);
      g_clear_pointer (&self->outage_last, g_date_time_unref);
      self->outage_last = g_date_time_ref (at);
    }

  self->has_outage = self->outage_payments > 0;
}

/**
 * anshin_program_summary_new:
 * @transactions: (nullable): the #AnshinTransactions loaded so far, in any order
 * @program: the programme
 * @methods: (nullable): the card's #AnshinPaymentMethods, as they are now
 * @card: (nullable): the card (its renewal tells when an outage began)
 * @now: the issuer's clock
 *
 * Returns: (transfer full): the points of this month (issuer time) and, when
 *   payments did not count while a method @program counts was not working,
 *   what that cost; has_outage is %FALSE and outage_text %NULL when nothing
 *   was lost
 */
AnshinProgramSummary *
anshin_program_summary_new (GListModel    *transactions,
                            AnshinProgram *program,
                            GListModel    *methods,
                            AnshinCard    *card,
                            GDateTime     *now)
{
  g_autoptr(GPtrArray) sorted = NULL;
  AnshinProgramSummary *self;

  g_return_val_if_fail (transactions == NULL || G_IS_LIST_MODEL (transactions), NULL);
  g_return_val_if_fail (ANSHIN_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (methods == NULL || G_IS_LIST_MODEL (methods), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_new0 (AnshinProgramSummary, 1);
  self->program = g_object_ref (program);
  sorted = sorted_transactions (transactions);

  for (guint i = 0; i < sorted->len; i++)
    {
      AnshinTransaction *transaction = g_ptr_array_index (sorted, i);
      GDateTime *at = anshin_transaction_get_occurred_at (transaction);

      if (counts_for (transaction, program) && g_date_time_compare (at, now) <= 0 &&
          same_issuer_month (at, now))
        self->points_this_month += anshin_transaction_get_program_points (transaction);
    }

  /* TRANSLATORS: %d is a number of points earned this month */
  self->points_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point this month", "%d points this month",
                                                    self->points_this_month),
                                       (int) MIN (self->points_this_month, G_MAXINT));

  find_outage (self, sorted, methods, card, now);
  if (self->has_outage)
    self->outage_text = outage_text (self);

  return self;
}

void
anshin_program_summary_free (AnshinProgramSummary *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->program);
  g_clear_pointer (&self->outage_first, g_date_time_unref);
  g_clear_pointer (&self->outage_last, g_date_time_unref);
  g_clear_pointer (&self->points_text, g_free);
  g_clear_pointer (&self->outage_text, g_free);
  g_free (self);
}

static char *
chart_description (AnshinSpendingChart  *self,
                   AnshinProgram        *program,
                   AnshinProgramSummary *summary)
{
  g_autofree char *total = anshin_format_yen (self->total);
  g_autofree char *counted = anshin_format_yen (self->counted);
  g_autofree char *not_counted = anshin_format_yen (self->not_counted);
  char *text;

  if (self->total == 0)
    return g_strdup (_("No payments in the last 30 days."));

  if (program == NULL)
    /* TRANSLATORS: %s is an amount */
    return g_strdup_printf (_("%s spent in the last 30 days."), total);

  /* TRANSLATORS: %1$s, %2$s and %4$s are amounts, %3$s a programme's name:
   * "¥12,345 spent in the last 30 days: ¥8,065 counted toward Tsubasa
   * Shopping Program and ¥4,280 did not count." */
  text = g_strdup_printf (_("%1$s spent in the last 30 days: %2$s counted toward %3$s and %4$s did not count."),
                          total, counted, anshin_program_get_display_name (program), not_counted);

  if (self->outage_days > 0 && summary != NULL)
    {
      g_autofree char *names = required_names (program);
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      guint first_index = ANSHIN_SPENDING_DAYS, last_index = 0;

      for (guint i = 0; i < ANSHIN_SPENDING_DAYS; i++)
        {
          if (self->days[i].outage)
            {
              first_index = MIN (first_index, i);
              last_index = i;
            }
        }
      first = anshin_format_date (self->days[first_index].day);
      last = anshin_format_date (self->days[last_index].day);

      /* TRANSLATORS: %1$s is a payment method, %2$d a number of days,
       * %3$s and %4$s dates */
      text = anshin_explainer_join (text,
                                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%1$s was not working on %2$d of these days, from %3$s to %4$s.",
                                                                  "%1$s was not working on %2$d of these days, from %3$s to %4$s.",
                                                                  self->outage_days),
                                                     names, (int) self->outage_days, first, last));
    }

  return text;
}

/**
 * anshin_spending_chart_new:
 * @transactions: (nullable): the #AnshinTransactions loaded so far
 * @program: (nullable): the programme whose counting the chart shows
 * @methods: (nullable): the card's #AnshinPaymentMethods, as they are now
 * @card: (nullable): the card
 * @now: the issuer's clock
 *
 * Spending per day over the last %ANSHIN_SPENDING_DAYS days (issuer time,
 * today last): approved payments, split into what counted toward @program
 * and what did not; the days of the outage (see
 * anshin_program_summary_new()) are marked. Declined payments and top-ups
 * are not spending.
 *
 * Returns: (transfer full): the chart's numbers and its accessible text
 */
AnshinSpendingChart *
anshin_spending_chart_new (GListModel    *transactions,
                           AnshinProgram *program,
                           GListModel    *methods,
                           AnshinCard    *card,
                           GDateTime     *now)
{
  g_autoptr(AnshinProgramSummary) summary = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) outage_from = NULL;
  g_autoptr(GDateTime) outage_to = NULL;
  AnshinSpendingChart *self;
  guint n_items;

  g_return_val_if_fail (transactions == NULL || G_IS_LIST_MODEL (transactions), NULL);
  g_return_val_if_fail (program == NULL || ANSHIN_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_new0 (AnshinSpendingChart, 1);
  today = issuer_day (now);
  for (guint i = 0; i < ANSHIN_SPENDING_DAYS; i++)
    self->days[i].day = g_date_time_add_days (today, (int) i - (ANSHIN_SPENDING_DAYS - 1));

  if (program != NULL)
    {
      summary = anshin_program_summary_new (transactions, program, methods, card, now);
      if (summary->has_outage)
        {
          outage_from = issuer_day (summary->outage_first);
          outage_to = summary->outage_ongoing ? g_date_time_ref (today) : issuer_day (summary->outage_last);
        }
    }

  n_items = transactions != NULL ? g_list_model_get_n_items (transactions) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinTransaction) transaction = g_list_model_get_item (transactions, i);
      GDateTime *at = anshin_transaction_get_occurred_at (transaction);
      g_autoptr(GDateTime) day = NULL;
      GTimeSpan offset;
      gint64 index;
      gint64 amount;

      if (at == NULL || !anshin_transaction_is_payment (transaction) ||
          anshin_transaction_is_declined (transaction) || g_date_time_compare (at, now) > 0)
        continue;

      day = issuer_day (at);
      offset = g_date_time_difference (day, self->days[0].day);
      if (offset < 0)
        continue;
      /* days are 24 hours in +09:00, which has no summer time */
      index = offset / G_TIME_SPAN_DAY;
      if (index >= ANSHIN_SPENDING_DAYS)
        continue;

      amount = anshin_transaction_get_amount (transaction);
      if (program != NULL && counts_for (transaction, program))
        self->days[index].counted += amount;
      else
        self->days[index].not_counted += amount;
    }

  for (guint i = 0; i < ANSHIN_SPENDING_DAYS; i++)
    {
      AnshinSpendingDay *day = &self->days[i];

      self->counted += day->counted;
      self->not_counted += day->not_counted;
      self->max_day = MAX (self->max_day, day->counted + day->not_counted);
      day->outage = outage_from != NULL &&
                    g_date_time_compare (day->day, outage_from) >= 0 &&
                    g_date_time_compare (day->day, outage_to) <= 0;
      if (day->outage)
        self->outage_days++;
    }
  self->total = self->counted + self->not_counted;

  self->label = g_strdup (_("Spending per day over the last 30 days"));
  self->description = chart_description (self, program, summary);

  return self;
}

void
anshin_spending_chart_free (AnshinSpendingChart *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < ANSHIN_SPENDING_DAYS; i++)
    g_clear_pointer (&self->days[i].day, g_date_time_unref);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->description, g_free);
  g_free (self);
}
