/* anshin-method-row.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"
#include "anshin-payment-method.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_METHOD_ROW (anshin_method_row_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMethodRow, anshin_method_row, ANSHIN, METHOD_ROW, AdwExpanderRow)

GtkWidget           *anshin_method_row_new        (AnshinPaymentMethod *method,
                                                   AnshinAccount       *account);
AnshinPaymentMethod *anshin_method_row_get_method (AnshinMethodRow     *self);

G_END_DECLS
