/* anshin-sign-in-page.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_SIGN_IN_PAGE (anshin_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (AnshinSignInPage, anshin_sign_in_page, ANSHIN, SIGN_IN_PAGE, AdwBin)

GtkWidget     *anshin_sign_in_page_new         (void);
AnshinAccount *anshin_sign_in_page_get_account (AnshinSignInPage *self);
void           anshin_sign_in_page_set_account (AnshinSignInPage *self,
                                                AnshinAccount    *account);
void           anshin_sign_in_page_set_hint    (AnshinSignInPage *self,
                                                const char       *hint);
void           anshin_sign_in_page_show_error  (AnshinSignInPage *self,
                                                const char       *message);

G_END_DECLS
