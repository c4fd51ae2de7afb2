/* anshin-topup-limits.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer's top-up rules (ISSUER-API.md "Top-up"), shared by the mock
 * issuer that enforces them and the app that shows what is left.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Yen per charge. */
#define ANSHIN_TOPUP_MIN 1000
#define ANSHIN_TOPUP_MAX 50000

/* Yen in any rolling window. */
#define ANSHIN_TOPUP_WINDOW_24H (24 * G_TIME_SPAN_HOUR)
#define ANSHIN_TOPUP_WINDOW_720H (720 * G_TIME_SPAN_HOUR)
#define ANSHIN_TOPUP_LIMIT_24H 100000
#define ANSHIN_TOPUP_LIMIT_720H 300000

gint64 anshin_topup_limits_left             (GPtrArray  *charges,
                                             GDateTime  *now,
                                             GTimeSpan   window,
                                             gint64      limit,
                                             gint64      amount,
                                             GDateTime **out_fits_at);

char  *anshin_topup_limits_describe_refusal (GTimeSpan   window,
                                             gint64      left,
                                             GDateTime  *fits_at);

G_END_DECLS
