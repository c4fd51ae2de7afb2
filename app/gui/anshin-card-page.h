/* anshin-card-page.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_CARD_PAGE (anshin_card_page_get_type ())

G_DECLARE_FINAL_TYPE (AnshinCardPage, anshin_card_page, ANSHIN, CARD_PAGE, AdwBin)

GtkWidget     *anshin_card_page_new         (void);
AnshinAccount *anshin_card_page_get_account (AnshinCardPage *self);
void           anshin_card_page_set_account (AnshinCardPage *self,
                                             AnshinAccount  *account);
AnshinCard    *anshin_card_page_get_card    (AnshinCardPage *self);

G_END_DECLS
