/* anshin-format.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *anshin_format_yen         (gint64     amount);
char     *anshin_format_date        (GDateTime *date);
char     *anshin_format_time        (GDateTime *time);
char     *anshin_format_date_time   (GDateTime *time);
char     *anshin_format_relative    (GDateTime *when,
                                     GDateTime *now);
char     *anshin_format_duration    (GTimeSpan  span);
char     *anshin_format_expiry      (guint      month,
                                     guint      year);
char     *anshin_format_month_year  (guint      month,
                                     guint      year);
gboolean  anshin_format_is_japanese (void);

G_END_DECLS
