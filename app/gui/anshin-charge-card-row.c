/* anshin-charge-card-row.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One registered charge card: brand and •••• last 4, expiry and the name
 * on it, and a Remove button that asks before anything happens: the row
 * emits ::remove-requested, and the page shows the confirmation from
 * anshin_charge_card_row_new_confirm_dialog() (which outlives the row should
 * the list be refreshed meanwhile) and asks the issuer.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-a11y.h"
#include "anshin-card-brand.h"
#include "anshin-card-number.h"
#include "anshin-charge-card-row.h"
#include "anshin-format.h"

struct _AnshinChargeCardRow
{
  AdwActionRow      parent_instance;

  AnshinChargeCard *charge_card;
  GtkWidget        *remove_button;
};

G_DEFINE_FINAL_TYPE (AnshinChargeCardRow, anshin_charge_card_row, ADW_TYPE_ACTION_ROW)

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_name_item_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* as wide as the name: only a window too narrow for it cuts it */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
on_name_item_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  g_autofree char *name = anshin_charge_card_row_dup_card_name (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), name);
}

static void
on_remove_clicked_cb (AnshinChargeCardRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
update (AnshinChargeCardRow *self)
{
  g_autofree char *name = anshin_charge_card_row_dup_card_name (self->charge_card);
  /* in prose, a month and year: MM/YY is for the drawn card alone */
  g_autofree char *expiry = anshin_format_month_year (anshin_charge_card_get_exp_month (self->charge_card),
                                                      anshin_charge_card_get_exp_year (self->charge_card));
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;

  /* TRANSLATORS: the expiry month and the name on a card, e.g. "Expires December 2028 · TARO YAMADA" */
  subtitle = g_strdup_printf (_("Expires %s · %s"), expiry,
                              anshin_charge_card_get_holder_name (self->charge_card));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* TRANSLATORS: %s is a card, e.g. "Visa •••• 4242" */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
}

static void
anshin_charge_card_row_dispose (GObject *object)
{
  AnshinChargeCardRow *self = ANSHIN_CHARGE_CARD_ROW (object);

  if (self->charge_card != NULL)
    g_signal_handlers_disconnect_by_func (self->charge_card, update, self);
  g_clear_object (&self->charge_card);

  G_OBJECT_CLASS (anshin_charge_card_row_parent_class)->dispose (object);
}

static void
anshin_charge_card_row_class_init (AnshinChargeCardRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anshin_charge_card_row_dispose;

  /**
   * AnshinChargeCardRow::remove-requested:
   *
   * Remove was pressed: ask with anshin_charge_card_row_new_confirm_dialog().
   */
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
}

static void
anshin_charge_card_row_init (AnshinChargeCardRow *self)
{
  self->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (self->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove"));
  gtk_widget_add_css_class (self->remove_button, "flat");
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->remove_button);
}

/**
 * anshin_charge_card_row_new:
 * @charge_card: a registered charge card
 *
 * Returns: (transfer floating): a row showing @charge_card, following its changes
 */
GtkWidget *
anshin_charge_card_row_new (AnshinChargeCard *charge_card)
{
  AnshinChargeCardRow *self;

  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (charge_card), NULL);

  self = g_object_new (ANSHIN_TYPE_CHARGE_CARD_ROW, NULL);
  self->charge_card = g_object_ref (charge_card);
  g_signal_connect_swapped (charge_card, "notify", G_CALLBACK (update), self);
  update (self);

  return GTK_WIDGET (self);
}

AnshinChargeCard *
anshin_charge_card_row_get_charge_card (AnshinChargeCardRow *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_ROW (self), NULL);

  return self->charge_card;
}

GtkWidget *
anshin_charge_card_row_get_remove_button (AnshinChargeCardRow *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_ROW (self), NULL);

  return self->remove_button;
}

/**
 * anshin_charge_card_row_new_confirm_dialog:
 * @parent: (nullable): the window to keep the dialog above
 * @charge_card: the card to remove
 *
 * Returns: (transfer none): a dialog asking whether to remove @charge_card,
 *   answering %ANSHIN_CHARGE_CARD_RESPONSE_REMOVE or _CANCEL; the card is
 *   kept on it as "charge-card". GTK owns it until it is closed.
 */
AdwMessageDialog *
anshin_charge_card_row_new_confirm_dialog (GtkWindow        *parent,
                                           AnshinChargeCard *charge_card)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (charge_card), NULL);

  name = anshin_charge_card_row_dup_card_name (charge_card);
  /* TRANSLATORS: %s is a card, e.g. "Visa •••• 4242" */
  heading = g_strdup_printf (_("Remove %s?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading,
                                                       _("You can no longer top up from this card. You can add it "
                                                         "again later; that counts as a new registration.")));
  adw_message_dialog_add_responses (dialog,
                                    ANSHIN_CHARGE_CARD_RESPONSE_CANCEL, _("_Cancel"),
                                    ANSHIN_CHARGE_CARD_RESPONSE_REMOVE, _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, ANSHIN_CHARGE_CARD_RESPONSE_REMOVE,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, ANSHIN_CHARGE_CARD_RESPONSE_CANCEL);
  adw_message_dialog_set_close_response (dialog, ANSHIN_CHARGE_CARD_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "charge-card", g_object_ref (charge_card), g_object_unref);
  anshin_a11y_name_buttons (GTK_WIDGET (dialog));

  return dialog;
}

/**
 * anshin_charge_card_row_dup_card_name:
 * @charge_card: a charge card
 *
 * Returns: (transfer full): its brand and masked number, "Visa •••• 4242"
 */
char *
anshin_charge_card_row_dup_card_name (AnshinChargeCard *charge_card)
{
  g_autofree char *masked = NULL;

  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (charge_card), NULL);

  masked = anshin_card_number_mask (anshin_charge_card_get_last4 (charge_card));
  /* TRANSLATORS: a card brand and its masked number, e.g. "Visa •••• 4242" */
  return g_strdup_printf (C_("charge card", "%s %s"),
                          anshin_card_brand_get_label (anshin_charge_card_get_brand (charge_card)),
                          masked);
}

/**
 * anshin_charge_card_row_new_name_factory:
 *
 * A list item factory for a model of #AnshinChargeCard that shows each
 * card's whole name (AdwComboRow's own stops at 20 characters, which cuts
 * "Mastercard •••• 4444" short in Japanese).
 *
 * Returns: (transfer full): a new factory
 */
GtkListItemFactory *
anshin_charge_card_row_new_name_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_name_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_name_item_bind_cb), NULL);
  return factory;
}
