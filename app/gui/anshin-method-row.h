/* anshin-method-row.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-card.h"
#include "anshin-payment-method.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_METHOD_ROW (anshin_method_row_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMethodRow, anshin_method_row, ANSHIN, METHOD_ROW, AdwExpanderRow)

GtkWidget           *anshin_method_row_new          (AnshinPaymentMethod *method);
AnshinPaymentMethod *anshin_method_row_get_method   (AnshinMethodRow     *self);
AnshinCard          *anshin_method_row_get_card     (AnshinMethodRow     *self);
void                 anshin_method_row_set_card     (AnshinMethodRow     *self,
                                                     AnshinCard          *card);
GListModel          *anshin_method_row_get_programs (AnshinMethodRow     *self);
void                 anshin_method_row_set_programs (AnshinMethodRow     *self,
                                                     GListModel          *programs);
GDateTime           *anshin_method_row_get_now      (AnshinMethodRow     *self);
void                 anshin_method_row_set_now      (AnshinMethodRow     *self,
                                                     GDateTime           *now);

G_END_DECLS
