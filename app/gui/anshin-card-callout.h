/* anshin-card-callout.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-card.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_CARD_CALLOUT (anshin_card_callout_get_type ())

G_DECLARE_FINAL_TYPE (AnshinCardCallout, anshin_card_callout, ANSHIN, CARD_CALLOUT, AdwBin)

GtkWidget *anshin_card_callout_new    (void);
void       anshin_card_callout_update (AnshinCardCallout *self,
                                       AnshinCard        *card,
                                       GListModel        *methods,
                                       GListModel        *programs,
                                       GDateTime         *now);

G_END_DECLS
