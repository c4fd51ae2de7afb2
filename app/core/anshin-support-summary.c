/* anshin-support-summary.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A short plain-text summary for the issuer's support desk, in the UI
 * language, for the holder to paste into a mail or read out on the phone:
 * the issuer, the last four digits, the card's state, each payment method
 * with since when and until when, the notices that matter with the
 * issuer's own titles and times, the charge-card lock and the reissue.
 * Never the full number or anything secret: the card object holds only
 * the last four digits, and nothing else is read.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-explainer-private.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-notice.h"
#include "anshin-payment-method.h"
#include "anshin-support-summary.h"

/* The notices a support desk asks about, newest first. */
#define MAX_NOTICES 5

static gboolean
notice_matters (AnshinNotice *notice)
{
  switch (anshin_notice_get_code (notice))
    {
    case ANSHIN_NOTICE_CODE_CHARGE_COMPLETED:
    case ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTERED:
      return FALSE;
    case ANSHIN_NOTICE_CODE_UNKNOWN:
    case ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED:
    case ANSHIN_NOTICE_CODE_CARD_ACTIVATED:
    case ANSHIN_NOTICE_CODE_PHYSICAL_CARD_SHIPPED:
    case ANSHIN_NOTICE_CODE_PHYSICAL_CARD_DELIVERED:
    case ANSHIN_NOTICE_CODE_REISSUE_STARTED:
    case ANSHIN_NOTICE_CODE_REISSUE_COMPLETED:
    case ANSHIN_NOTICE_CODE_CARD_FROZEN:
    case ANSHIN_NOTICE_CODE_CARD_UNFROZEN:
    case ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTRATION_LOCKED:
    default:
      return anshin_notice_get_title (notice) != NULL;
    }
}

static void
append_method (GString             *text,
               AnshinPaymentMethod *method,
               GDateTime           *now)
{
  const char *label = anshin_payment_method_kind_get_label (anshin_payment_method_get_kind (method));
  AnshinPaymentMethodState state = anshin_payment_method_get_state (method);
  const char *state_label = anshin_payment_method_state_get_label (state);
  GDateTime *since = anshin_payment_method_get_since (method);
  GDateTime *eta = anshin_payment_method_get_eta (method);
  g_autofree char *since_text = since != NULL ? anshin_format_date_time (since) : NULL;
  g_autofree char *eta_text = eta != NULL ? anshin_format_date_time (eta) : NULL;
  g_autofree char *line = NULL;

  if (state != ANSHIN_PAYMENT_METHOD_STATE_UPDATING &&
      state != ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE)
    {
      if (since_text != NULL && state != ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP)
        /* TRANSLATORS: one line of the support summary: a payment method,
         * its state and since when, "QUICPay: Available since 1 Nov 2020, 09:00" */
        line = g_strdup_printf (_("%1$s: %2$s since %3$s"), label, state_label, since_text);
      else
        /* TRANSLATORS: a payment method and its state, "Apple Pay: Not set up" */
        line = g_strdup_printf (C_("summary", "%1$s: %2$s"), label, state_label);
    }
  else if (eta_text != NULL && g_date_time_compare (eta, now) > 0)
    {
      if (since_text != NULL)
        /* TRANSLATORS: a payment method, its state, since when and the
         * date the issuer expects it back */
        line = g_strdup_printf (_("%1$s: %2$s since %3$s, expected %4$s"),
                                label, state_label, since_text, eta_text);
      else
        line = g_strdup_printf (_("%1$s: %2$s, expected %3$s"), label, state_label, eta_text);
    }
  else
    {
      if (since_text != NULL)
        /* TRANSLATORS: a payment method, its state and since when; the
         * issuer has given no date for it to work again */
        line = g_strdup_printf (_("%1$s: %2$s since %3$s, no date given"),
                                label, state_label, since_text);
      else
        line = g_strdup_printf (_("%1$s: %2$s, no date given"), label, state_label);
    }

  g_string_append_printf (text, "- %s\n", line);
}

static void
append_notices (GString    *text,
                GListModel *notices)
{
  guint n_items = notices != NULL ? g_list_model_get_n_items (notices) : 0;
  guint shown = 0;

  for (guint i = 0; i < n_items && shown < MAX_NOTICES; i++)
    {
      g_autoptr(AnshinNotice) notice = g_list_model_get_item (notices, i);
      GDateTime *at = anshin_notice_get_issued_at (notice);
      g_autofree char *at_text = NULL;

      if (!notice_matters (notice) || at == NULL)
        continue;

      if (shown == 0)
        g_string_append_printf (text, "%s\n", _("Notices from the issuer:"));
      /* when, then the issuer's own title as sent */
      at_text = anshin_format_date_time (at);
      g_string_append_printf (text, "- %s\n", at_text);
      g_string_append_printf (text, "  %s\n", anshin_notice_get_title (notice));
      shown++;
    }
}

static void
append_reissue (GString    *text,
                AnshinCard *card,
                GDateTime  *now)
{
  GDateTime *eta = anshin_card_get_reissue_ready_eta (card);
  GDateTime *done = anshin_card_get_reissue_completed_at (card);
  gboolean new_number = anshin_card_get_reissue_new_number (card);

  switch (anshin_card_get_reissue_status (card))
    {
    case ANSHIN_REISSUE_STATUS_IN_PROGRESS:
      if (eta != NULL)
        {
          g_autofree char *eta_text = anshin_format_date_time (eta);

          g_string_append_printf (text, new_number ?
                                    /* TRANSLATORS: %s is a date and time */
                                    _("Reissue with a new number: in progress, ready around %s") :
                                    _("Reissue: in progress, ready around %s"),
                                  eta_text);
        }
      else
        g_string_append (text, new_number ? _("Reissue with a new number: in progress") :
                                            _("Reissue: in progress"));
      break;
    case ANSHIN_REISSUE_STATUS_COMPLETED:
      if (done != NULL)
        {
          g_autofree char *done_text = anshin_format_date_time (done);

          g_string_append_printf (text, new_number ?
                                    /* TRANSLATORS: %s is a date and time */
                                    _("Reissue with a new number: completed on %s") :
                                    _("Reissue: completed on %s"),
                                  done_text);
        }
      else
        g_string_append (text, _("Reissue: completed"));
      break;
    case ANSHIN_REISSUE_STATUS_NONE:
    default:
      g_string_append (text, _("Reissue: none requested"));
      break;
    }
  g_string_append_c (text, '\n');
}

/**
 * anshin_support_summary_text:
 * @card: the card
 * @methods: (nullable): the card's #AnshinPaymentMethods
 * @notices: (nullable): the issuer's #AnshinNotices, newest first
 * @locked_until: (nullable): until when adding a charge card is locked
 * @issuer: (nullable): how the issuer names itself
 * @now: the issuer's clock
 *
 * Returns: (transfer full): the summary, lines ending in "\n", in the UI
 *   language; the card number only as its last four digits
 */
char *
anshin_support_summary_text (AnshinCard       *card,
                             GListModel       *methods,
                             GListModel       *notices,
                             GDateTime        *locked_until,
                             AnshinIssuerInfo *issuer,
                             GDateTime        *now)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *now_text = NULL;
  g_autofree char *masked = NULL;
  const char *name = NULL;
  guint month, year;
  guint n_methods = methods != NULL ? g_list_model_get_n_items (methods) : 0;

  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);
  g_return_val_if_fail (methods == NULL || G_IS_LIST_MODEL (methods), NULL);
  g_return_val_if_fail (notices == NULL || G_IS_LIST_MODEL (notices), NULL);
  g_return_val_if_fail (issuer == NULL || ANSHIN_IS_ISSUER_INFO (issuer), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (issuer != NULL)
    name = anshin_issuer_info_get_display_name (issuer);
  if (name == NULL)
    name = anshin_card_get_product_name (card);

  now_text = anshin_format_date_time (now);
  /* TRANSLATORS: the first line of the summary for the support desk; %s
   * is a date and time */
  g_string_append_printf (text, _("Card status as of %s"), now_text);
  g_string_append_c (text, '\n');
  if (name != NULL)
    {
      /* TRANSLATORS: %s is the issuer's name, "Tsubasa Pay" (つばさペイ) */
      g_string_append_printf (text, _("Issuer: %s"), name);
      g_string_append_c (text, '\n');
    }

  masked = anshin_explainer_masked_number (card);
  /* TRANSLATORS: %1$s is the masked card number, "•••• 4821"; %2$s its
   * state, "Active" */
  g_string_append_printf (text, _("Card: %1$s, %2$s"), masked,
                          anshin_card_state_get_label (anshin_card_get_state (card)));
  g_string_append_c (text, '\n');

  month = anshin_card_get_exp_month (card);
  year = anshin_card_get_exp_year (card);
  if (month >= 1 && month <= 12 && year > 0)
    {
      g_autofree char *expiry = anshin_format_month_year (month, year);

      /* TRANSLATORS: %s is the expiry in prose, "November 2030" */
      g_string_append_printf (text, _("Expiry: %s"), expiry);
      g_string_append_c (text, '\n');
    }

  if (n_methods > 0)
    g_string_append_printf (text, "%s\n", _("Payment methods:"));
  for (guint i = 0; i < n_methods; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);

      append_method (text, method, now);
    }

  append_notices (text, notices);

  if (locked_until != NULL && g_date_time_compare (locked_until, now) > 0)
    {
      g_autofree char *until = anshin_format_date_time (locked_until);

      /* TRANSLATORS: %s is a date and time */
      g_string_append_printf (text, _("Adding a charge card: locked until %s"), until);
    }
  else
    g_string_append (text, _("Adding a charge card: not locked"));
  g_string_append_c (text, '\n');

  append_reissue (text, card, now);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
