/* anshin-page-slot.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_PAGE_SLOT (anshin_page_slot_get_type ())

G_DECLARE_FINAL_TYPE (AnshinPageSlot, anshin_page_slot, ANSHIN, PAGE_SLOT, AdwBin)

GtkWidget     *anshin_page_slot_new           (GType           page_type);
GType          anshin_page_slot_get_page_type (AnshinPageSlot *self);
AnshinAccount *anshin_page_slot_get_account   (AnshinPageSlot *self);
void           anshin_page_slot_set_account   (AnshinPageSlot *self,
                                               AnshinAccount  *account);
GtkWidget     *anshin_page_slot_get_page      (AnshinPageSlot *self);
GtkWidget     *anshin_page_slot_ensure_page   (AnshinPageSlot *self);

G_END_DECLS
