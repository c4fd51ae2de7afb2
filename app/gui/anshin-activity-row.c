/* anshin-activity-row.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the Activity page: the merchant (or "Top-up"), the amount,
 * the method (with Apple Pay or Google Pay) and the time; a declined
 * payment says so with an icon and the word, not colour alone. The first
 * entry of a day carries the day's heading, so that the list reads
 * grouped by day while staying one flat, recycled list.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-activity-row.h"
#include "anshin-format.h"
#include "anshin-labels.h"

struct _AnshinActivityRow
{
  GtkBox             parent_instance;

  AnshinTransaction *transaction;

  GtkLabel          *day_label;
  GtkImage          *icon;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkLabel          *amount_label;
  GtkLabel          *status_label;
};

G_DEFINE_FINAL_TYPE (AnshinActivityRow, anshin_activity_row, GTK_TYPE_BOX)

static void
update (AnshinActivityRow *self,
        gboolean           first_of_day)
{
  AnshinTransaction *t = self->transaction;
  GDateTime *when;
  g_autofree char *amount = NULL;
  g_autofree char *method = NULL;
  g_autofree char *time = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day = NULL;
  g_autofree char *accessible = NULL;
  const char *title;
  const char *status = NULL;
  gboolean declined, payment;

  if (t == NULL)
    return;

  declined = anshin_transaction_is_declined (t);
  payment = anshin_transaction_is_payment (t);
  when = anshin_transaction_get_occurred_at (t);

  if (when != NULL)
    {
      day = anshin_format_date (when);
      time = anshin_format_time (when);
    }
  gtk_label_set_label (self->day_label, day);
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), first_of_day && day != NULL);

  if (payment)
    title = anshin_transaction_get_merchant (t) != NULL ? anshin_transaction_get_merchant (t)
                                                        : _("Payment");
  else
    title = _("Top-up");
  gtk_label_set_label (self->title_label, title);

  amount = anshin_format_yen (anshin_transaction_get_amount (t));
  if (!payment)
    {
      g_autofree char *plain = g_steal_pointer (&amount);

      /* TRANSLATORS: money added to the card, e.g. "+¥5,000" */
      amount = g_strdup_printf (C_("top-up amount", "+%s"), plain);
    }
  gtk_label_set_label (self->amount_label, amount);

  method = payment ? anshin_activity_row_dup_method_label (t) : NULL;
  if (method != NULL && time != NULL)
    /* TRANSLATORS: two facts side by side, e.g. "Email · 30 Nov 2025, 09:00" */
    subtitle = g_strdup_printf (C_("facts", "%s · %s"), method, time);
  else
    subtitle = g_strdup (method != NULL ? method : time);
  gtk_label_set_label (self->subtitle_label, subtitle);

  if (declined)
    {
      /* TRANSLATORS: a declined payment in the activity list, short (a column beside the amount) */
      status = _("Declined");
      gtk_image_set_from_icon_name (self->icon, "action-unavailable-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self), "declined");
    }
  else
    {
      if (payment && anshin_transaction_get_has_program (t) && !anshin_transaction_counted (t))
        status = _("Not counted");
      gtk_image_set_from_icon_name (self->icon, payment ? "emblem-ok-symbolic" : "list-add-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "declined");
    }
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  gtk_widget_set_opacity (GTK_WIDGET (self->amount_label), declined ? 0.55 : 1.0);

  /* what a screen reader says for the whole row */
  if (status != NULL)
    /* TRANSLATORS: an activity entry read aloud: merchant, amount, status,
     * method and time, e.g. "FamilyMart, ¥480, Declined, QUICPay (Apple Pay) · 09:41" */
    accessible = g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s"), title, amount, status, subtitle);
  else
    /* TRANSLATORS: an activity entry read aloud: merchant, amount, method
     * and time, e.g. "FamilyMart, ¥480, QUICPay (Apple Pay) · 09:41" */
    accessible = g_strdup_printf (_("%1$s, %2$s, %3$s"), title, amount, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  /* in a list view the row's parent is the list item a screen reader
   * focuses: it is named the same */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
anshin_activity_row_dispose (GObject *object)
{
  AnshinActivityRow *self = ANSHIN_ACTIVITY_ROW (object);

  g_clear_object (&self->transaction);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_ACTIVITY_ROW);

  G_OBJECT_CLASS (anshin_activity_row_parent_class)->dispose (object);
}

static void
anshin_activity_row_class_init (AnshinActivityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_activity_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anshin-activity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityRow, icon);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityRow, amount_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityRow, status_label);
  gtk_widget_class_set_css_name (widget_class, "activity-row");
}

static void
anshin_activity_row_init (AnshinActivityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anshin_activity_row_new (void)
{
  return g_object_new (ANSHIN_TYPE_ACTIVITY_ROW, NULL);
}

AnshinTransaction *
anshin_activity_row_get_transaction (AnshinActivityRow *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTIVITY_ROW (self), NULL);

  return self->transaction;
}

/**
 * anshin_activity_row_set_transaction:
 * @transaction: (nullable): the entry to show
 * @first_of_day: whether to head the row with its day
 */
void
anshin_activity_row_set_transaction (AnshinActivityRow *self,
                                     AnshinTransaction *transaction,
                                     gboolean           first_of_day)
{
  g_return_if_fail (ANSHIN_IS_ACTIVITY_ROW (self));

  g_set_object (&self->transaction, transaction);
  update (self, first_of_day);
}

/* "Mastercard contactless" or "QUICPay (Apple Pay)"; NULL for a top-up */
char *
anshin_activity_row_dup_method_label (AnshinTransaction *transaction)
{
  AnshinWallet via = anshin_transaction_get_via (transaction);
  const char *label;

  if (!anshin_transaction_is_payment (transaction))
    return NULL;

  label = anshin_payment_method_kind_get_label (anshin_transaction_get_method (transaction));
  if ((via & ANSHIN_WALLET_APPLE_PAY) != 0)
    /* TRANSLATORS: %1$s is a payment method, %2$s the wallet it was used
     * through, e.g. "QUICPay (Apple Pay)"; Japanese: "%1$s（%2$s）" */
    return g_strdup_printf (C_("method via wallet", "%1$s (%2$s)"), label,
                            anshin_payment_method_kind_get_label (ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY));
  if ((via & ANSHIN_WALLET_GOOGLE_PAY) != 0)
    return g_strdup_printf (C_("method via wallet", "%1$s (%2$s)"), label,
                            anshin_payment_method_kind_get_label (ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY));

  return g_strdup (label);
}
