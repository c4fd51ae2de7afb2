/* anshin-notices-page.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-card.h"
#include "anshin-lazy-page.h"
#include "anshin-notice.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_NOTICES_PAGE (anshin_notices_page_get_type ())

G_DECLARE_FINAL_TYPE (AnshinNoticesPage, anshin_notices_page, ANSHIN, NOTICES_PAGE, AnshinLazyPage)

GtkWidget    *anshin_notices_page_new           (void);
AnshinCard   *anshin_notices_page_get_card      (AnshinNoticesPage *self);
void          anshin_notices_page_set_card      (AnshinNoticesPage *self,
                                                 AnshinCard        *card);
GListModel   *anshin_notices_page_get_methods   (AnshinNoticesPage *self);
void          anshin_notices_page_set_methods   (AnshinNoticesPage *self,
                                                 GListModel        *methods);
GListModel   *anshin_notices_page_get_programs  (AnshinNoticesPage *self);
void          anshin_notices_page_set_programs  (AnshinNoticesPage *self,
                                                 GListModel        *programs);
GListModel   *anshin_notices_page_get_notices   (AnshinNoticesPage *self);
void          anshin_notices_page_set_notices   (AnshinNoticesPage *self,
                                                 GListModel        *notices);
GDateTime    *anshin_notices_page_get_now       (AnshinNoticesPage *self);
void          anshin_notices_page_set_now       (AnshinNoticesPage *self,
                                                 GDateTime         *now);
AnshinNotice *anshin_notices_page_get_selected  (AnshinNoticesPage *self);
gboolean      anshin_notices_page_select_notice (AnshinNoticesPage *self,
                                                 const char        *id);

G_END_DECLS
