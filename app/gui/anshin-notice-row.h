/* anshin-notice-row.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "anshin-card.h"
#include "anshin-notice.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_NOTICE_ROW (anshin_notice_row_get_type ())

G_DECLARE_FINAL_TYPE (AnshinNoticeRow, anshin_notice_row, ANSHIN, NOTICE_ROW, GtkListBoxRow)

const char   *anshin_notice_channel_get_label (AnshinNoticeChannel channel);

GtkWidget    *anshin_notice_row_new          (AnshinNotice    *notice);
AnshinNotice *anshin_notice_row_get_notice   (AnshinNoticeRow *self);
AnshinCard   *anshin_notice_row_get_card     (AnshinNoticeRow *self);
void          anshin_notice_row_set_card     (AnshinNoticeRow *self,
                                              AnshinCard      *card);
GListModel   *anshin_notice_row_get_methods  (AnshinNoticeRow *self);
void          anshin_notice_row_set_methods  (AnshinNoticeRow *self,
                                              GListModel      *methods);
GListModel   *anshin_notice_row_get_programs (AnshinNoticeRow *self);
void          anshin_notice_row_set_programs (AnshinNoticeRow *self,
                                              GListModel      *programs);
GDateTime    *anshin_notice_row_get_now      (AnshinNoticeRow *self);
void          anshin_notice_row_set_now      (AnshinNoticeRow *self,
                                              GDateTime       *now);

G_END_DECLS
