/* anshin-charge-card-row.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-charge-card.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_CHARGE_CARD_ROW (anshin_charge_card_row_get_type ())

G_DECLARE_FINAL_TYPE (AnshinChargeCardRow, anshin_charge_card_row, ANSHIN, CHARGE_CARD_ROW, AdwActionRow)

#define ANSHIN_CHARGE_CARD_RESPONSE_CANCEL "cancel"
#define ANSHIN_CHARGE_CARD_RESPONSE_REMOVE "remove"

GtkWidget        *anshin_charge_card_row_new              (AnshinChargeCard    *charge_card);
AnshinChargeCard *anshin_charge_card_row_get_charge_card  (AnshinChargeCardRow *self);
GtkWidget        *anshin_charge_card_row_get_remove_button (AnshinChargeCardRow *self);
AdwMessageDialog *anshin_charge_card_row_new_confirm_dialog (GtkWindow          *parent,
                                                            AnshinChargeCard   *charge_card);
char             *anshin_charge_card_row_dup_card_name    (AnshinChargeCard    *charge_card);
GtkListItemFactory *anshin_charge_card_row_new_name_factory (void);

G_END_DECLS
