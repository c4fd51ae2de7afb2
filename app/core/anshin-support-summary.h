/* anshin-support-summary.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-card.h"
#include "anshin-issuer-info.h"

G_BEGIN_DECLS

char *anshin_support_summary_text (AnshinCard       *card,
                                   GListModel       *methods,
                                   GListModel       *notices,
                                   GDateTime        *locked_until,
                                   AnshinIssuerInfo *issuer,
                                   GDateTime        *now);

G_END_DECLS
