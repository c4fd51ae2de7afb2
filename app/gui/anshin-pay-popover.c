/* anshin-pay-popover.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo bar's "Pay at a Shop…": a method, an amount and a shop, and
 * Pay makes the till moment happen on the demo issuer (POST
 * /admin/payments through the demo controller). The app then hears of the
 * payment as the holder's would: the live event reloads the activity and
 * a declined payment brings its notice. A failure is ::failed (the demo
 * bar shows a toast).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-pay-popover.h"

struct _AnshinPayPopover
{
  GtkPopover            parent_instance;

  AnshinDemoController *controller;
  GCancellable         *cancellable;

  GtkCheckButton       *method_buttons[4];   /* in the order of methods[] */
  GtkSpinButton        *amount_spin;
  GtkEntry             *merchant_entry;
  GtkWidget            *pay_button;
};

G_DEFINE_FINAL_TYPE (AnshinPayPopover, anshin_pay_popover, GTK_TYPE_POPOVER)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* the method buttons, in their order */
static const struct {
  AnshinPaymentMethodKind method;
  AnshinWallet            via;
} methods[] = {
  { ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, ANSHIN_WALLET_APPLE_PAY },
  { ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, ANSHIN_WALLET_GOOGLE_PAY },
  { ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS, ANSHIN_WALLET_NONE },
  { ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE, ANSHIN_WALLET_NONE },
};

static void
on_paid_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AnshinPayPopover) self = user_data;
  g_autoptr(AnshinTransaction) payment = NULL;
  g_autoptr(GError) error = NULL;

  payment = anshin_demo_controller_pay_finish (ANSHIN_DEMO_CONTROLLER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->pay_button, TRUE);
  if (payment == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  g_debug ("Demo payment %s: %s", anshin_transaction_get_id (payment),
           anshin_transaction_is_declined (payment) ? "declined" : "approved");
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_pay_clicked_cb (AnshinPayPopover *self)
{
  anshin_pay_popover_pay (self);
}

static void
anshin_pay_popover_dispose (GObject *object)
{
  AnshinPayPopover *self = ANSHIN_PAY_POPOVER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->controller);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_PAY_POPOVER);

  G_OBJECT_CLASS (anshin_pay_popover_parent_class)->dispose (object);
}

static void
anshin_pay_popover_class_init (AnshinPayPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_pay_popover_dispose;

  /**
   * AnshinPayPopover::failed:
   * @error: why the demo issuer could not take the payment
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  g_cclosure_marshal_VOID__BOXED, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anshin-pay-popover.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "quicpay_apple_pay", FALSE,
                                             G_STRUCT_OFFSET (AnshinPayPopover, method_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "quicpay_google_pay", FALSE,
                                             G_STRUCT_OFFSET (AnshinPayPopover, method_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "contactless", FALSE,
                                             G_STRUCT_OFFSET (AnshinPayPopover, method_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "online", FALSE,
                                             G_STRUCT_OFFSET (AnshinPayPopover, method_buttons[3]));
  gtk_widget_class_bind_template_child (widget_class, AnshinPayPopover, amount_spin);
  gtk_widget_class_bind_template_child (widget_class, AnshinPayPopover, merchant_entry);
  gtk_widget_class_bind_template_child (widget_class, AnshinPayPopover, pay_button);
  gtk_widget_class_bind_template_callback (widget_class, on_pay_clicked_cb);
}

static void
anshin_pay_popover_init (AnshinPayPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_popover_set_default_widget (GTK_POPOVER (self), self->pay_button);
}

GtkWidget *
anshin_pay_popover_new (void)
{
  return g_object_new (ANSHIN_TYPE_PAY_POPOVER, NULL);
}

AnshinDemoController *
anshin_pay_popover_get_controller (AnshinPayPopover *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAY_POPOVER (self), NULL);

  return self->controller;
}

void
anshin_pay_popover_set_controller (AnshinPayPopover     *self,
                                   AnshinDemoController *controller)
{
  g_return_if_fail (ANSHIN_IS_PAY_POPOVER (self));
  g_return_if_fail (controller == NULL || ANSHIN_IS_DEMO_CONTROLLER (controller));

  g_set_object (&self->controller, controller);
}

/* Pays with what the popover shows, as clicking Pay does */
void
anshin_pay_popover_pay (AnshinPayPopover *self)
{
  guint selected = 0;
  const char *merchant;

  g_return_if_fail (ANSHIN_IS_PAY_POPOVER (self));

  merchant = gtk_editable_get_text (GTK_EDITABLE (self->merchant_entry));
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (gtk_check_button_get_active (self->method_buttons[i]))
      selected = i;
  if (self->controller == NULL || selected >= G_N_ELEMENTS (methods) || merchant[0] == '\0')
    return;

  gtk_widget_set_sensitive (self->pay_button, FALSE);
  anshin_demo_controller_pay_async (self->controller, methods[selected].method, methods[selected].via,
                                    gtk_spin_button_get_value_as_int (self->amount_spin), merchant,
                                    self->cancellable, on_paid_cb, g_object_ref (self));
}
