/* anshin-notice-row.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "anshin-account.h"
#include "anshin-notice.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_NOTICE_ROW (anshin_notice_row_get_type ())

G_DECLARE_FINAL_TYPE (AnshinNoticeRow, anshin_notice_row, ANSHIN, NOTICE_ROW, GtkListBoxRow)

const char   *anshin_notice_channel_get_label (AnshinNoticeChannel channel);

GtkWidget    *anshin_notice_row_new          (AnshinNotice    *notice,
                                              AnshinAccount   *account);
AnshinNotice *anshin_notice_row_get_notice   (AnshinNoticeRow *self);

G_END_DECLS
