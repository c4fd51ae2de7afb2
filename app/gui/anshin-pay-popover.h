/* anshin-pay-popover.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "anshin-demo-controller.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_PAY_POPOVER (anshin_pay_popover_get_type ())

G_DECLARE_FINAL_TYPE (AnshinPayPopover, anshin_pay_popover, ANSHIN, PAY_POPOVER, GtkPopover)

GtkWidget            *anshin_pay_popover_new            (void);
AnshinDemoController *anshin_pay_popover_get_controller (AnshinPayPopover     *self);
void                  anshin_pay_popover_set_controller (AnshinPayPopover     *self,
                                                         AnshinDemoController *controller);
void                  anshin_pay_popover_pay            (AnshinPayPopover     *self);

G_END_DECLS
