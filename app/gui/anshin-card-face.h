/* anshin-card-face.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "anshin-card.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_CARD_FACE (anshin_card_face_get_type ())

G_DECLARE_FINAL_TYPE (AnshinCardFace, anshin_card_face, ANSHIN, CARD_FACE, GtkWidget)

GtkWidget  *anshin_card_face_new             (void);
AnshinCard *anshin_card_face_get_card        (AnshinCardFace *self);
void        anshin_card_face_set_card        (AnshinCardFace *self,
                                              AnshinCard     *card);
const char *anshin_card_face_get_description (AnshinCardFace *self);

G_END_DECLS
