/* anshin-menu-button.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A menu button's menu, built when it is first opened. GTK builds a
 * GtkPopoverMenu with all its items as soon as a button is given a menu
 * model; the main menu and the demo bar's scenarios are rarely opened, and
 * their popovers were a millisecond of the window's first frame.
 */

#include "config.h"

#include "anshin-menu-button.h"

typedef struct
{
  GMenuModel *model;
  char       *accessible_label;
} MenuOnOpen;

static void
menu_on_open_free (gpointer data)
{
  MenuOnOpen *menu = data;

  g_clear_object (&menu->model);
  g_free (menu->accessible_label);
  g_free (menu);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  MenuOnOpen *menu = user_data;
  GtkPopover *popover;

  if (gtk_menu_button_get_menu_model (button) == menu->model)
    return;

  gtk_menu_button_set_menu_model (button, menu->model);
  popover = gtk_menu_button_get_popover (button);
  /* a screen reader names the menu, not "GtkPopoverMenu" */
  if (popover != NULL && menu->accessible_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (popover),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, menu->accessible_label,
                                    -1);
}

/**
 * anshin_menu_button_set_menu_on_open:
 * @button: a menu button
 * @model: (nullable): its menu, or %NULL for none
 * @accessible_label: (nullable): the menu's name for screen readers
 *
 * Gives @button the menu @model, built into a popover when @button is
 * first opened (by a click, its mnemonic, F10 for a primary menu, or
 * gtk_menu_button_popup()) rather than now. A popover built for an
 * earlier model goes.
 */
void
anshin_menu_button_set_menu_on_open (GtkMenuButton *button,
                                     GMenuModel    *model,
                                     const char    *accessible_label)
{
  MenuOnOpen *menu;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (model == NULL || G_IS_MENU_MODEL (model));

  gtk_menu_button_set_menu_model (button, NULL);
  if (model == NULL)
    {
      gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
      return;
    }

  menu = g_new0 (MenuOnOpen, 1);
  menu->model = g_object_ref (model);
  menu->accessible_label = g_strdup (accessible_label);
  gtk_menu_button_set_create_popup_func (button, create_popup_cb, menu, menu_on_open_free);
}
