/* anshin-list-detail.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_LIST_DETAIL (anshin_list_detail_get_type ())

G_DECLARE_FINAL_TYPE (AnshinListDetail, anshin_list_detail, ANSHIN, LIST_DETAIL, AdwBin)

GtkWidget *anshin_list_detail_new              (void);
GtkWidget *anshin_list_detail_get_list         (AnshinListDetail *self);
void       anshin_list_detail_set_list         (AnshinListDetail *self,
                                                GtkWidget        *list);
GtkWidget *anshin_list_detail_get_placeholder  (AnshinListDetail *self);
void       anshin_list_detail_set_placeholder  (AnshinListDetail *self,
                                                GtkWidget        *placeholder);
GtkWidget *anshin_list_detail_get_detail       (AnshinListDetail *self);
void       anshin_list_detail_set_detail       (AnshinListDetail *self,
                                                GtkWidget        *detail);
const char *anshin_list_detail_get_back_label  (AnshinListDetail *self);
void       anshin_list_detail_set_back_label   (AnshinListDetail *self,
                                                const char       *label);
const char *anshin_list_detail_get_back_description (AnshinListDetail *self);
void       anshin_list_detail_set_back_description  (AnshinListDetail *self,
                                                     const char       *description);
gboolean   anshin_list_detail_get_folded       (AnshinListDetail *self);
gboolean   anshin_list_detail_get_showing_detail (AnshinListDetail *self);
void       anshin_list_detail_show_detail      (AnshinListDetail *self,
                                                gboolean          scroll_to_top);
void       anshin_list_detail_show_placeholder (AnshinListDetail *self);
gboolean   anshin_list_detail_go_back          (AnshinListDetail *self);

G_END_DECLS
