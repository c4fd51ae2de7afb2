/* anshin-action-widget.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "anshin-card.h"
#include "anshin-explanation.h"

G_BEGIN_DECLS

GtkWidget *anshin_action_widget_new (AnshinAction *action,
                                     AnshinCard   *card,
                                     gboolean      urgent);

G_END_DECLS
