/* anshin-explainer-private.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pieces the notice and payment-method explainers share: the draft an
 * explanation is written into, joining sentences and names the way the
 * translation wants them joined, and the sentences about a payment method
 * that isn't working yet and what that means for the holder's programmes.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-explainer.h"
#include "anshin-explainer-private.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-program.h"

void
anshin_draft_init (AnshinDraft *draft)
{
  memset (draft, 0, sizeof *draft);
  draft->expectation = ANSHIN_EXPECTATION_EXPECTED;
  draft->actions = g_list_store_new (ANSHIN_TYPE_ACTION);
  draft->schedule = g_list_store_new (ANSHIN_TYPE_SCHEDULE_ITEM);
}

/* Consumes @draft. */
AnshinExplanation *
anshin_draft_finish (AnshinDraft *draft)
{
  AnshinExplanation *explanation;

  g_assert (draft->headline != NULL && draft->what_happened != NULL);

  explanation = g_object_new (ANSHIN_TYPE_EXPLANATION,
                              "headline", draft->headline,
                              "what-happened", draft->what_happened,
                              "expectation", draft->expectation,
                              "evidence", draft->evidence,
                              "what-to-do", draft->what_to_do,
                              "what-next", draft->what_next,
                              "programme-impact", draft->programme_impact,
                              "actions", draft->actions,
                              "schedule", draft->schedule,
                              NULL);

  g_clear_pointer (&draft->headline, g_free);
  g_clear_pointer (&draft->what_happened, g_free);
  g_clear_pointer (&draft->evidence, g_free);
  g_clear_pointer (&draft->what_to_do, g_free);
  g_clear_pointer (&draft->what_next, g_free);
  g_clear_pointer (&draft->programme_impact, g_free);
  g_clear_object (&draft->actions);
  g_clear_object (&draft->schedule);

  return explanation;
}

void
anshin_draft_add_action (AnshinDraft             *draft,
                         AnshinActionKind         kind,
                         AnshinPaymentMethodKind  method,
                         GDateTime               *when,
                         const char              *label,
                         const char              *description)
{
  g_autoptr(AnshinAction) action = anshin_action_new (kind, method, when, label, description);

  g_list_store_append (draft->actions, action);
}

void
anshin_explainer_add_contact (AnshinDraft *draft)
{
  anshin_draft_add_action (draft, ANSHIN_ACTION_KIND_CONTACT_ISSUER, 0, NULL, NULL,
                           _("The issuer's customer center can check your account."));
}

/* Two sentences (or paragraphs) as one text; either may be %NULL. Takes
 * ownership of both. */
char *
anshin_explainer_join (char *first,
                       char *second)
{
  g_autofree char *a = first;
  g_autofree char *b = second;

  if (a == NULL)
    return g_steal_pointer (&b);
  if (b == NULL)
    return g_steal_pointer (&a);

  /* TRANSLATORS: two sentences one after the other. Japanese writes them
   * without a space: "%s%s". */
  return g_strdup_printf (C_("sentences", "%s %s"), a, b);
}

/* As anshin_explainer_join(), but @second is left out when @first says it
 * already: a sentence (the programme's) is said once per explanation. */
char *
anshin_explainer_join_once (char *first,
                            char *second)
{
  if (first != NULL && second != NULL && strstr (first, second) != NULL)
    {
      g_free (second);
      return first;
    }

  return anshin_explainer_join (first, second);
}

/* "QUICPay", "QUICPay and Apple Pay", "QUICPay, Apple Pay and Google Pay" */
char *
anshin_explainer_join_labels (GPtrArray *labels)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (labels != NULL && labels->len > 0, NULL);

  text = g_strdup (g_ptr_array_index (labels, 0));
  for (guint i = 1; i < labels->len; i++)
    {
      const char *next = g_ptr_array_index (labels, i);
      char *joined;

      if (i + 1 < labels->len)
        {
          /* TRANSLATORS: joins names in a list, e.g. "QUICPay, Apple Pay";
           * Japanese: "%s、%s" */
          joined = g_strdup_printf (C_("list", "%s, %s"), text, next);
        }
      else
        {
          /* TRANSLATORS: joins the last name of a list, e.g. "Apple Pay and
           * Google Pay"; Japanese: "%sと%s" */
          joined = g_strdup_printf (C_("list", "%s and %s"), text, next);
        }

      g_free (text);
      text = joined;
    }

  return g_steal_pointer (&text);
}

/* The names of some AnshinPaymentMethods, "Apple Pay and Google Pay", or
 * %NULL when there are none. */
char *
anshin_explainer_method_names (GPtrArray *methods)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < methods->len; i++)
    {
      AnshinPaymentMethod *method = g_ptr_array_index (methods, i);

      g_ptr_array_add (labels, (gpointer) anshin_payment_method_kind_get_label (anshin_payment_method_get_kind (method)));
    }

  return labels->len > 0 ? anshin_explainer_join_labels (labels) : NULL;
}

gboolean
anshin_explainer_is_future (GDateTime *time,
                            GDateTime *now)
{
  return time != NULL && g_date_time_compare (time, now) > 0;
}

/* "•••• 1234": the only part of a card number the app ever shows. */
char *
anshin_explainer_masked_number (AnshinCard *card)
{
  const char *last4 = anshin_card_get_number_last4 (card);

  return g_strdup_printf ("•••• %s", last4 != NULL ? last4 : "");
}

/* Whether @time falls on the calendar day @date starts, in @date's zone
 * (issuer dates are days in the issuer's zone). */
gboolean
anshin_explainer_same_day (GDateTime *time,
                           GDateTime *date)
{
  g_autoptr(GDateTime) there = NULL;

  if (time == NULL || date == NULL)
    return FALSE;

  there = g_date_time_to_timezone (time, g_date_time_get_timezone (date));

  return g_date_time_get_year (there) == g_date_time_get_year (date) &&
         g_date_time_get_day_of_year (there) == g_date_time_get_day_of_year (date);
}

gboolean
anshin_explainer_is_wallet (AnshinPaymentMethodKind kind)
{
  return kind == ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY ||
         kind == ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY;
}

static int
compare_lagging (gconstpointer a,
                 gconstpointer b)
{
  AnshinPaymentMethodKind kind_a = anshin_payment_method_get_kind (*(AnshinPaymentMethod **)a);
  AnshinPaymentMethodKind kind_b = anshin_payment_method_get_kind (*(AnshinPaymentMethod **)b);

  /* QUICPay is the one programmes count, and the one the story is about. */
  if (kind_a == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY || kind_b == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)
    return (kind_b == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY) - (kind_a == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);

  return (int) kind_a - (int) kind_b;
}

/* The set-up methods that don't work right now (updating or unavailable),
 * QUICPay first. @methods may be %NULL. */
GPtrArray *
anshin_explainer_lagging_methods (GListModel *methods)
{
  GPtrArray *lagging = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = methods != NULL ? g_list_model_get_n_items (methods) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);
      if (anshin_payment_method_is_unusable (method))
        g_ptr_array_add (lagging, g_steal_pointer (&method));
    }

  g_ptr_array_sort (lagging, compare_lagging);

  return lagging;
}

/* The wallets (Apple Pay, Google Pay) the card is set up in, as
 * AnshinPaymentMethods; empty when @methods is %NULL. */
GPtrArray *
anshin_explainer_wallets_in_use (GListModel *methods)
{
  GPtrArray *wallets = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = methods != NULL ? g_list_model_get_n_items (methods) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);

      if (anshin_explainer_is_wallet (anshin_payment_method_get_kind (method)) &&
          anshin_payment_method_get_state (method) != ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP)
        g_ptr_array_add (wallets, g_steal_pointer (&method));
    }

  return wallets;
}

/* When a method that doesn't work will work again, as far as anyone knows. */
char *
anshin_explainer_lagging_sentence (AnshinPaymentMethod *method,
                                   GDateTime           *now)
{
  const char *label = anshin_payment_method_kind_get_label (anshin_payment_method_get_kind (method));
  GDateTime *eta = anshin_payment_method_get_eta (method);
  g_autofree char *eta_text = eta != NULL ? anshin_format_date_time (eta) : NULL;

  if (eta != NULL && g_date_time_compare (eta, now) > 0)
    /* TRANSLATORS: %1$s is a payment method, %2$s a date and time,
     * e.g. "The issuer expects QUICPay to work from 2 Dec 2025, 09:00." */
    return g_strdup_printf (_("The issuer expects %1$s to work from %2$s."), label, eta_text);

  switch (anshin_payment_method_get_reason (method))
    {
    case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED:
      /* TRANSLATORS: %s is a payment method; データ移行の遅延 */
      return g_strdup_printf (_("%s is late: the issuer's data migration hasn't finished and they haven't given a new date."),
                              label);
    case ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS:
      return g_strdup_printf (_("%s works again once your new card number is ready."), label);
    case ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN:
      return g_strdup_printf (_("%s works again once you unfreeze your card."), label);
    case ANSHIN_PAYMENT_METHOD_REASON_WALLET_READD_REQUIRED:
      return g_strdup_printf (_("%s works again once you re-add your card to it."), label);
    case ANSHIN_PAYMENT_METHOD_REASON_NONE:
    case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING:
    default:
      break;
    }

  if (eta != NULL)
    /* TRANSLATORS: %1$s is a payment method, %2$s a date and time that has passed */
    return g_strdup_printf (_("The issuer expected %1$s to work from %2$s, but that time has passed and they haven't given a new date."),
                            label, eta_text);

  return g_strdup_printf (_("The issuer hasn't said when %s will work."), label);
}

/* When @method should work, as a schedule row's words */
static char *
schedule_text (AnshinPaymentMethod *method,
               GDateTime           *now)
{
  GDateTime *eta = anshin_payment_method_get_eta (method);
  g_autofree char *eta_text = eta != NULL ? anshin_format_date_time (eta) : NULL;

  if (eta != NULL && g_date_time_compare (eta, now) > 0 && anshin_explainer_same_day (eta, now))
    {
      g_autofree char *time_text = anshin_format_time (eta);

      /* TRANSLATORS: a row beside a payment method's name; %s is a time
       * of day, "12:00" */
      return g_strdup_printf (_("Expected from %s today"), time_text);
    }

  if (eta != NULL && g_date_time_compare (eta, now) > 0)
    /* TRANSLATORS: a row beside a payment method's name; %s is a date and
     * time, "2 Dec 2025, 09:00" */
    return g_strdup_printf (_("Expected from %s"), eta_text);

  switch (anshin_payment_method_get_reason (method))
    {
    case ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS:
      return g_strdup (_("Once your new card number is ready"));
    case ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN:
      return g_strdup (_("Once you unfreeze your card"));
    case ANSHIN_PAYMENT_METHOD_REASON_WALLET_READD_REQUIRED:
      /* QUICPay is no wallet: the card is re-added to the one it runs in */
      if (anshin_payment_method_get_kind (method) == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)
        return g_strdup (_("Once you re-add your card to your wallet app"));
      return g_strdup (_("Once you re-add your card to it"));
    case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED:
    case ANSHIN_PAYMENT_METHOD_REASON_NONE:
    case ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING:
    default:
      break;
    }

  if (eta != NULL)
    /* TRANSLATORS: a row beside a payment method's name; %s is a date and
     * time that has passed */
    return g_strdup_printf (_("Was expected from %s; no new date yet"), eta_text);

  return g_strdup (_("No date given yet"));
}

/**
 * anshin_explainer_schedule_methods:
 * @methods: (element-type AnshinPaymentMethod): methods not working yet
 *
 * Adds a schedule row to @draft for when @methods should work, one row
 * for the methods that share the same words ("Apple Pay and Google Pay:
 * Expected from 30 Nov 2025, 12:00"), in the order given.
 */
void
anshin_explainer_schedule_methods (AnshinDraft *draft,
                                   GPtrArray   *methods,
                                   GDateTime   *now)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) done = g_ptr_array_new ();

  for (guint i = 0; i < methods->len; i++)
    g_ptr_array_add (texts, schedule_text (g_ptr_array_index (methods, i), now));

  for (guint i = 0; i < methods->len; i++)
    {
      g_autoptr(GPtrArray) labels = NULL;
      g_autofree char *label = NULL;
      g_autoptr(AnshinScheduleItem) item = NULL;
      AnshinPaymentMethod *method = g_ptr_array_index (methods, i);

      if (g_ptr_array_find (done, method, NULL))
        continue;

      labels = g_ptr_array_new ();
      for (guint j = i; j < methods->len; j++)
        {
          AnshinPaymentMethod *other = g_ptr_array_index (methods, j);

          if (g_str_equal (g_ptr_array_index (texts, i), g_ptr_array_index (texts, j)))
            {
              g_ptr_array_add (labels, (gpointer) anshin_payment_method_kind_get_label (anshin_payment_method_get_kind (other)));
              g_ptr_array_add (done, other);
            }
        }

      label = anshin_explainer_join_labels (labels);
      item = anshin_schedule_item_new (label, anshin_payment_method_get_eta (method),
                                       g_ptr_array_index (texts, i));
      g_list_store_append (draft->schedule, item);
    }
}

/**
 * anshin_explainer_schedule_method:
 * @method: the method an explanation is about
 * @methods: (nullable): all the card's methods, for the others that wait
 *   the same way
 *
 * Adds the schedule row for when @method should work, if it doesn't work
 * now: one row for @method and the other methods of @methods that wait
 * for the same ("QUICPay, Apple Pay and Google Pay: No date given yet").
 *
 * Returns: whether a row was added
 */
gboolean
anshin_explainer_schedule_method (AnshinDraft         *draft,
                                  AnshinPaymentMethod *method,
                                  GListModel          *methods,
                                  GDateTime           *now)
{
  g_autoptr(GPtrArray) lagging = NULL;
  g_autoptr(GPtrArray) group = NULL;
  g_autofree char *text = NULL;

  if (method == NULL || !anshin_payment_method_is_unusable (method))
    return FALSE;

  text = schedule_text (method, now);
  lagging = anshin_explainer_lagging_methods (methods);
  group = g_ptr_array_new ();
  g_ptr_array_add (group, method);
  for (guint i = 0; i < lagging->len; i++)
    {
      AnshinPaymentMethod *other = g_ptr_array_index (lagging, i);
      g_autofree char *other_text = NULL;

      if (other == method || anshin_payment_method_get_kind (other) == anshin_payment_method_get_kind (method))
        continue;
      other_text = schedule_text (other, now);
      if (g_str_equal (other_text, text))
        g_ptr_array_add (group, other);
    }

  /* the group shares its words: one row */
  anshin_explainer_schedule_methods (draft, group, now);
  return TRUE;
}

/* What payments with @kind mean for one programme that counts them. */
static char *
programme_sentences (AnshinProgram           *program,
                     AnshinPaymentMethodKind  kind,
                     AnshinImpact             impact)
{
  const char *name = anshin_program_get_display_name (program);
  const char *label = anshin_payment_method_kind_get_label (kind);
  const char * const *required = anshin_program_get_requires_methods (program);
  gboolean only = required != NULL && g_strv_length ((char **) required) == 1;
  const char *alternative = NULL;
  char *counts;

  if (impact == ANSHIN_IMPACT_WORKS)
    /* TRANSLATORS: %1$s is a programme's name, e.g. "Tsubasa Shopping
     * Program"; %2$s a payment method */
    return g_strdup_printf (_("%2$s payments count toward your %1$s."), name, label);

  if (impact == ANSHIN_IMPACT_AFTER_REISSUE)
    /* TRANSLATORS: %1$s is a programme's name, %2$s a payment method */
    return g_strdup_printf (_("%2$s payments count toward your %1$s again once the new number is ready."),
                            name, label);

  if (only)
    /* TRANSLATORS: %1$s is a programme's name, e.g. "Tsubasa Shopping
     * Program"; %2$s a payment method, e.g. "Your Tsubasa Shopping Program
     * only counts QUICPay payments." */
    counts = g_strdup_printf (_("Your %1$s only counts %2$s payments."), name, label);
  else
    counts = g_strdup_printf (_("%2$s payments count toward your %1$s."), name, label);

  if (impact == ANSHIN_IMPACT_NOT_SET_UP)
    return counts;

  /* In a shop, the holder who can't use QUICPay taps with Mastercard. */
  if (kind != ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS &&
      kind != ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE &&
      !anshin_program_requires_method (program, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS))
    alternative = anshin_payment_method_kind_get_label (ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS);

  if (impact == ANSHIN_IMPACT_UNTIL_THEN)
    {
      if (alternative != NULL)
        /* TRANSLATORS: %1$s is a payment method, e.g. "Mastercard
         * contactless", %2$s the one not working yet, e.g. "QUICPay" */
        return anshin_explainer_join (counts, g_strdup_printf (_("Payments made with %1$s until %2$s works won't count."),
                                                               alternative, label));
      /* TRANSLATORS: %s is the payment method not working yet */
      return anshin_explainer_join (counts, g_strdup_printf (_("Payments made another way until %s works won't count."), label));
    }

  if (alternative != NULL)
    /* TRANSLATORS: %1$s is a payment method, e.g. "Mastercard contactless",
     * %2$s the one that doesn't work, e.g. "QUICPay" */
    return anshin_explainer_join (counts, g_strdup_printf (_("Payments made with %1$s until %2$s works again won't count."),
                                                           alternative, label));
  return anshin_explainer_join (counts, g_strdup_printf (_("Payments made another way until %s works again won't count."),
                                                         label));
}

/* What the state of @kind means for every programme that counts it, by
 * name; %NULL when no programme does. @programs may be %NULL. */
char *
anshin_explainer_programme_impact (GListModel              *programs,
                                   AnshinPaymentMethodKind  kind,
                                   AnshinImpact             impact)
{
  guint n_items = programs != NULL ? g_list_model_get_n_items (programs) : 0;
  char *text = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinProgram) program = g_list_model_get_item (programs, i);

      if (anshin_program_get_display_name (program) != NULL &&
          anshin_program_requires_method (program, kind))
        text = anshin_explainer_join (text, programme_sentences (program, kind, impact));
    }

  return text;
}

/* When a reissue should be ready, for "(…)" after "in about 3 hours": the
 * time alone when @said_day (the day the request is named by, or %NULL)
 * is its day, so that no screen names the day twice. */
char *
anshin_explainer_ready_text (GDateTime *ready,
                             GDateTime *said_day)
{
  return anshin_explainer_same_day (ready, said_day) ? anshin_format_time (ready)
                                                     : anshin_format_date_time (ready);
}

/* A reissue past its ready time; the day as in anshin_explainer_ready_text(). */
char *
anshin_explainer_overdue_sentence (GDateTime *ready,
                                   GDateTime *said_day)
{
  g_autofree char *ready_text = anshin_explainer_ready_text (ready, said_day);

  if (anshin_explainer_same_day (ready, said_day))
    /* TRANSLATORS: %s is a time of day, "13:15" */
    return g_strdup_printf (_("It was due at %s and should be ready soon."), ready_text);

  /* TRANSLATORS: %s is a date and time */
  return g_strdup_printf (_("It was due on %s and should be ready soon."), ready_text);
}

/* The one-line trade-off on a "Reissue with a New Number" button. */
char *
anshin_explainer_reissue_summary (AnshinPaymentMethodKind  kind,
                                  GDateTime               *now)
{
  g_autoptr(GDateTime) ready = g_date_time_add (now, ANSHIN_REISSUE_DURATION);
  g_autofree char *relative = anshin_format_relative (ready, now);

  /* TRANSLATORS: %1$s is a payment method, %2$s e.g. "in about 3 hours" */
  return g_strdup_printf (_("With a new number, %1$s works %2$s, but your card number changes."),
                          anshin_payment_method_kind_get_label (kind), relative);
}
