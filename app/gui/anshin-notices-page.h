/* anshin-notices-page.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"
#include "anshin-notice.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_NOTICES_PAGE (anshin_notices_page_get_type ())

G_DECLARE_FINAL_TYPE (AnshinNoticesPage, anshin_notices_page, ANSHIN, NOTICES_PAGE, AdwBin)

GtkWidget     *anshin_notices_page_new           (void);
AnshinAccount *anshin_notices_page_get_account   (AnshinNoticesPage *self);
void           anshin_notices_page_set_account   (AnshinNoticesPage *self,
                                                  AnshinAccount     *account);
AnshinNotice  *anshin_notices_page_get_selected  (AnshinNoticesPage *self);
gboolean       anshin_notices_page_select_notice (AnshinNoticesPage *self,
                                                  const char        *id);

G_END_DECLS
