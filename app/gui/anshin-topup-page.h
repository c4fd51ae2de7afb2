/* anshin-topup-page.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_TOPUP_PAGE (anshin_topup_page_get_type ())

G_DECLARE_FINAL_TYPE (AnshinTopupPage, anshin_topup_page, ANSHIN, TOPUP_PAGE, AdwBin)

GtkWidget     *anshin_topup_page_new         (void);
AnshinAccount *anshin_topup_page_get_account (AnshinTopupPage *self);
void           anshin_topup_page_set_account (AnshinTopupPage *self,
                                              AnshinAccount   *account);
void           anshin_topup_page_reload      (AnshinTopupPage *self);

G_END_DECLS
