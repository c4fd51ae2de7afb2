/* anshin-a11y.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void anshin_a11y_name_buttons (GtkWidget *root);

G_END_DECLS
