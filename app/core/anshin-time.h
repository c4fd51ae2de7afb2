/* anshin-time.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GTimeZone *anshin_issuer_time_zone (void);
GDateTime *anshin_time_parse       (const char *rfc3339);
GDateTime *anshin_date_parse       (const char *yyyy_mm_dd);
char      *anshin_time_to_string   (GDateTime  *time);
char      *anshin_date_to_string   (GDateTime  *date);
gboolean   anshin_time_equal       (GDateTime  *a,
                                     GDateTime  *b);

G_END_DECLS
