/* anshin-activity-row.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "anshin-transaction.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_ACTIVITY_ROW (anshin_activity_row_get_type ())

G_DECLARE_FINAL_TYPE (AnshinActivityRow, anshin_activity_row, ANSHIN, ACTIVITY_ROW, GtkBox)

GtkWidget         *anshin_activity_row_new             (void);
AnshinTransaction *anshin_activity_row_get_transaction (AnshinActivityRow *self);
void               anshin_activity_row_set_transaction (AnshinActivityRow *self,
                                                        AnshinTransaction *transaction,
                                                        gboolean           first_of_day);
char              *anshin_activity_row_dup_method_label (AnshinTransaction *transaction);

G_END_DECLS
