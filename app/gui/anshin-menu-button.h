/* anshin-menu-button.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void anshin_menu_button_set_menu_on_open (GtkMenuButton *button,
                                          GMenuModel    *model,
                                          const char    *accessible_label);

G_END_DECLS
