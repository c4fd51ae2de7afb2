/* anshin-topup-limits.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64 anshin_topup_limits_left (GPtrArray  *charges,
                                 GDateTime  *now,
                                 GTimeSpan   window,
                                 gint64      limit,
                                 gint64      amount,
                                 GDateTime **out_fits_at);

char  *anshin_topup_limits_describe_refusal (GTimeSpan   window,
                                            gint64      left,
                                            GDateTime  *fits_at);

G_END_DECLS
