/* anshin-width-layout.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void anshin_width_layout_apply (GtkWidget        *widget,
                                GtkLayoutManager *inner);

G_END_DECLS
