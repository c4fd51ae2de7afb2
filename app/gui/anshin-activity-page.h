/* anshin-activity-page.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_ACTIVITY_PAGE (anshin_activity_page_get_type ())

G_DECLARE_FINAL_TYPE (AnshinActivityPage, anshin_activity_page, ANSHIN, ACTIVITY_PAGE, AdwBin)

GtkWidget         *anshin_activity_page_new          (void);
AnshinAccount     *anshin_activity_page_get_account  (AnshinActivityPage *self);
void               anshin_activity_page_set_account  (AnshinActivityPage *self,
                                                      AnshinAccount      *account);
AnshinTransaction *anshin_activity_page_get_selected (AnshinActivityPage *self);
gboolean           anshin_activity_page_open         (AnshinActivityPage *self,
                                                      const char         *transaction_id);

G_END_DECLS
