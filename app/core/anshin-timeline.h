/* anshin-timeline.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-card.h"
#include "anshin-timeline-step.h"

G_BEGIN_DECLS

GListModel *anshin_renewal_timeline_new       (AnshinCard *card,
                                               GDateTime  *now);
char       *anshin_renewal_timeline_what_next (AnshinCard *card,
                                               GDateTime  *now);

GListModel *anshin_renewal_timeline_new_beside       (AnshinCard *card,
                                                      GListModel *moments,
                                                      GDateTime  *now);
char       *anshin_renewal_timeline_what_next_beside (AnshinCard *card,
                                                      GListModel *steps,
                                                      GListModel *moments,
                                                      GDateTime  *now);

G_END_DECLS
