/* anshin-card-page.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-card.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_CARD_PAGE (anshin_card_page_get_type ())

G_DECLARE_FINAL_TYPE (AnshinCardPage, anshin_card_page, ANSHIN, CARD_PAGE, AdwBin)

GtkWidget  *anshin_card_page_new          (void);
AnshinCard *anshin_card_page_get_card     (AnshinCardPage *self);
void        anshin_card_page_set_card     (AnshinCardPage *self,
                                           AnshinCard     *card);
GListModel *anshin_card_page_get_methods  (AnshinCardPage *self);
void        anshin_card_page_set_methods  (AnshinCardPage *self,
                                           GListModel     *methods);
GListModel *anshin_card_page_get_programs (AnshinCardPage *self);
void        anshin_card_page_set_programs (AnshinCardPage *self,
                                           GListModel     *programs);
GDateTime  *anshin_card_page_get_now      (AnshinCardPage *self);
void        anshin_card_page_set_now      (AnshinCardPage *self,
                                           GDateTime      *now);
GDateTime  *anshin_card_page_get_as_of    (AnshinCardPage *self);
void        anshin_card_page_set_as_of    (AnshinCardPage *self,
                                           GDateTime      *as_of);

G_END_DECLS
