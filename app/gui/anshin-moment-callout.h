/* anshin-moment-callout.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"
#include "anshin-moment.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_MOMENT_CALLOUT (anshin_moment_callout_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMomentCallout, anshin_moment_callout, ANSHIN, MOMENT_CALLOUT, AdwBin)

GtkWidget     *anshin_moment_callout_new         (void);
AnshinMoment  *anshin_moment_callout_get_moment  (AnshinMomentCallout *self);
void           anshin_moment_callout_set_moment  (AnshinMomentCallout *self,
                                                  AnshinMoment        *moment);
AnshinAccount *anshin_moment_callout_get_account (AnshinMomentCallout *self);
void           anshin_moment_callout_set_account (AnshinMomentCallout *self,
                                                  AnshinAccount       *account);

G_END_DECLS
