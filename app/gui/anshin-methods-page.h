/* anshin-methods-page.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_METHODS_PAGE (anshin_methods_page_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMethodsPage, anshin_methods_page, ANSHIN, METHODS_PAGE, AdwBin)

GtkWidget     *anshin_methods_page_new         (void);
AnshinAccount *anshin_methods_page_get_account (AnshinMethodsPage *self);
void           anshin_methods_page_set_account (AnshinMethodsPage *self,
                                                AnshinAccount     *account);

G_END_DECLS
