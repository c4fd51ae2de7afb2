/* anshin-methods-page.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-card.h"
#include "anshin-lazy-page.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_METHODS_PAGE (anshin_methods_page_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMethodsPage, anshin_methods_page, ANSHIN, METHODS_PAGE, AnshinLazyPage)

GtkWidget  *anshin_methods_page_new          (void);
AnshinCard *anshin_methods_page_get_card     (AnshinMethodsPage *self);
void        anshin_methods_page_set_card     (AnshinMethodsPage *self,
                                              AnshinCard        *card);
GListModel *anshin_methods_page_get_methods  (AnshinMethodsPage *self);
void        anshin_methods_page_set_methods  (AnshinMethodsPage *self,
                                              GListModel        *methods);
GListModel *anshin_methods_page_get_programs (AnshinMethodsPage *self);
void        anshin_methods_page_set_programs (AnshinMethodsPage *self,
                                              GListModel        *programs);
GDateTime  *anshin_methods_page_get_now      (AnshinMethodsPage *self);
void        anshin_methods_page_set_now      (AnshinMethodsPage *self,
                                              GDateTime         *now);

G_END_DECLS
