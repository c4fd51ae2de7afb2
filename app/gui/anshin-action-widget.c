/* anshin-action-widget.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One AnshinAction of an explanation, as a control that really does it.
 * The app acts itself where it can (freeze, unfreeze, reissue, go to a
 * page) through the window's actions; where only the holder can act
 * (call the issuer, re-add the card to a phone wallet) the button shows
 * how; "wait" and "try again at" are advice, so text.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-action-widget.h"
#include "anshin-format.h"
#include "anshin-labels.h"

/* The window actions behind the actions the app can carry out itself. */
static const struct {
  AnshinActionKind  kind;
  const char       *detailed_action;
} window_actions[] = {
  { ANSHIN_ACTION_KIND_FREEZE_CARD, "win.freeze-card" },
  { ANSHIN_ACTION_KIND_UNFREEZE_CARD, "win.unfreeze-card" },
  { ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER, "win.reissue-card" },
  { ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS, "win.show-page::payment-methods" },
  { ANSHIN_ACTION_KIND_REGISTER_CHARGE_CARD, "win.show-page::top-up" },
};

static const char *
find_window_action (AnshinActionKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    if (window_actions[i].kind == kind)
      return window_actions[i].detailed_action;

  return NULL;
}

/* Two sentences as one paragraph; the same message as app/core uses. */
static char *
join_sentences (const char *first,
                const char *second)
{
  if (second == NULL || second[0] == '\0')
    return g_strdup (first);

  /* TRANSLATORS: two sentences one after the other. Japanese writes them
   * without a space: "%s%s". */
  return g_strdup_printf (C_("sentences", "%s %s"), first, second);
}

static char *
action_button_label (AnshinAction *action,
                     gboolean      opens_more)
{
  const char *label = anshin_action_get_label (action);

  if (label == NULL || label[0] == '\0')
    label = anshin_action_kind_get_label (anshin_action_get_kind (action));

  if (opens_more)
    /* TRANSLATORS: a button that opens more before anything happens,
     * e.g. "Reissue with a New Number…" */
    return g_strdup_printf (C_("button that asks first", "%s…"), label);

  return g_strdup (label);
}

static GtkWidget *
new_text_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  return label;
}

/* The title of advice that is no button: "You can wait", "You can try
 * again from 1 Dec 2025, 09:00". */
static char *
advice_title (AnshinAction *action)
{
  GDateTime *when = anshin_action_get_when (action);
  g_autofree char *when_text = when != NULL ? anshin_format_date_time (when) : NULL;

  if (anshin_action_get_kind (action) == ANSHIN_ACTION_KIND_TRY_AGAIN_AT)
    {
      if (when_text == NULL)
        return g_strdup (_("You can try again later"));
      /* TRANSLATORS: %s is a date and time, e.g. "1 Dec 2025, 09:00" */
      return g_strdup_printf (_("You can try again from %s"), when_text);
    }

  /* the description, if any, says until when */
  if (when_text != NULL && anshin_action_get_description (action) == NULL)
    /* TRANSLATORS: %s is a date and time */
    return g_strdup_printf (_("You can wait until %s"), when_text);

  /* TRANSLATORS: advice, not a button: leave things as they are until the
   * issuer has finished */
  return g_strdup (_("You can wait"));
}

static char *
masked_number (AnshinCard *card)
{
  const char *last4 = card != NULL ? anshin_card_get_number_last4 (card) : NULL;

  if (last4 == NULL || last4[0] == '\0')
    return NULL;

  return g_strdup_printf ("•••• %s", last4);
}

static const char *
product_name (AnshinCard *card)
{
  const char *name = card != NULL ? anshin_card_get_product_name (card) : NULL;

  return name != NULL && name[0] != '\0' ? name : NULL;
}

/* The issuer's API has no contact details, so this says where holders
 * find them and what to have ready, and warns about what never to give. */
static char *
contact_text (AnshinCard *card)
{
  g_autofree char *masked = masked_number (card);
  const char *name = product_name (card);
  g_autofree char *who = NULL;
  g_autofree char *ready = NULL;

  if (name != NULL)
    /* TRANSLATORS: %s is the card's name, e.g. "Tsubasa Pay"; カスタマーセンター */
    who = g_strdup_printf (_("Call the %s customer center: its phone number is in the issuer’s emails and on its website."),
                           name);
  else
    who = g_strdup (_("Call the issuer’s customer center: its phone number is in the issuer’s emails and on its website."));

  if (masked != NULL)
    /* TRANSLATORS: %s is the masked card number, "•••• 4821" */
    ready = g_strdup_printf (_("Have the last 4 digits of your card ready (%s). Never give anyone your full card number, security code or password."),
                             masked);
  else
    ready = g_strdup (_("Never give anyone your full card number, security code or password."));

  return join_sentences (who, ready);
}

static char *
readd_text (AnshinCard   *card,
            AnshinAction *action)
{
  g_autofree char *masked = masked_number (card);
  const char *name = product_name (card);
  g_autofree char *card_text = NULL;

  if (name != NULL && masked != NULL)
    /* TRANSLATORS: %1$s is the card's name, %2$s its masked number: "Tsubasa Pay •••• 4821" */
    card_text = g_strdup_printf (C_("card", "%1$s %2$s"), name, masked);
  else if (masked != NULL)
    card_text = g_steal_pointer (&masked);
  else
    card_text = g_strdup (_("your card"));

  switch (anshin_action_get_method (action))
    {
    case ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY:
      /* TRANSLATORS: %s is the card, e.g. "Tsubasa Pay •••• 4821" */
      return g_strdup_printf (_("On your iPhone, open Wallet, remove %s, then add it again with its current number and expiry date."),
                              card_text);
    case ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY:
      return g_strdup_printf (_("On your phone, open Google Wallet, remove %s, then add it again with its current number and expiry date."),
                              card_text);
    case ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE:
    case ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS:
    case ANSHIN_PAYMENT_METHOD_KIND_QUICPAY:
    default:
      return g_strdup_printf (_("In Apple Pay (Wallet on iPhone) or Google Wallet, remove %s, then add it again with its current number and expiry date."),
                              card_text);
    }
}

/* A button that opens a popover with @text: for what only the holder can do. */
static GtkWidget *
new_how_to_button (const char *label,
                   const char *text)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *content = new_text_label (text);

  gtk_label_set_max_width_chars (GTK_LABEL (content), 40);
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  gtk_widget_set_margin_start (content, 6);
  gtk_widget_set_margin_end (content, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), content);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), FALSE);

  return button;
}

/**
 * anshin_action_widget_new:
 * @action: something the holder can do
 * @card: (nullable): the card, to name it in "how to" texts
 * @urgent: whether this is the first thing to do (a suggested button)
 *
 * Turns @action into what the holder can use: a button bound to the
 * window's action (`win.freeze-card`, `win.unfreeze-card`,
 * `win.reissue-card`, `win.show-page`), a button with a popover saying how
 * (contacting the issuer, re-adding the card to a wallet), or, for advice
 * ("You can wait", "You can try again from …"), text; each with the
 * action's description below.
 *
 * Returns: (transfer floating): the widget
 */
GtkWidget *
anshin_action_widget_new (AnshinAction *action,
                          AnshinCard   *card,
                          gboolean      urgent)
{
  AnshinActionKind kind = anshin_action_get_kind (action);
  const char *description = anshin_action_get_description (action);
  const char *detailed_action = find_window_action (kind);
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  GtkWidget *item;
  GtkWidget *control;

  switch (kind)
    {
    case ANSHIN_ACTION_KIND_WAIT:
    case ANSHIN_ACTION_KIND_TRY_AGAIN_AT:
      text = advice_title (action);
      control = new_text_label (text);
      gtk_widget_add_css_class (control, "heading");
      break;

    /* a menu button's arrow says there is more: no ellipsis */
    case ANSHIN_ACTION_KIND_CONTACT_ISSUER:
      label = action_button_label (action, FALSE);
      text = contact_text (card);
      control = new_how_to_button (label, text);
      break;

    case ANSHIN_ACTION_KIND_READD_TO_WALLET:
      label = action_button_label (action, FALSE);
      text = readd_text (card, action);
      control = new_how_to_button (label, text);
      break;

    /* Alt+F / Alt+U, as the Card page's own buttons and the dialog have */
    case ANSHIN_ACTION_KIND_FREEZE_CARD:
    case ANSHIN_ACTION_KIND_UNFREEZE_CARD:
      control = gtk_button_new_with_mnemonic (kind == ANSHIN_ACTION_KIND_FREEZE_CARD
                                              ? _("_Freeze Card") : _("_Unfreeze Card"));
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (control), detailed_action);
      if (urgent)
        gtk_widget_add_css_class (control, "suggested-action");
      break;

    case ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER:
    case ANSHIN_ACTION_KIND_VIEW_PAYMENT_METHODS:
    case ANSHIN_ACTION_KIND_REGISTER_CHARGE_CARD:
    default:
      g_return_val_if_fail (detailed_action != NULL, NULL);

      /* the reissue asks for confirmation first */
      label = action_button_label (action, kind == ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER);
      control = gtk_button_new_with_label (label);
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (control), detailed_action);

      if (urgent)
        gtk_widget_add_css_class (control, "suggested-action");
      break;
    }

  gtk_widget_set_halign (control, GTK_ALIGN_START);

  item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_box_append (GTK_BOX (item), control);

  if (description != NULL && description[0] != '\0')
    {
      GtkWidget *caption = new_text_label (description);

      gtk_box_append (GTK_BOX (item), caption);
      if (GTK_IS_LABEL (control))
        return item;

      /* under a button, what it does is secondary to the button */
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_widget_set_tooltip_text (control, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  return item;
}
