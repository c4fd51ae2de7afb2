/* anshin-backoff.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long to wait before trying the issuer again: the first wait doubled
 * after each failure, up to a cap, a little sooner at random so that many
 * clients do not come back at once. The event stream's reconnects and the
 * account's retries while offline both wait this way.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* how much sooner a wait may come at random (a fraction of it) */
#define ANSHIN_BACKOFF_JITTER 0.2

guint  anshin_backoff_next     (guint   base_ms,
                                guint   max_ms,
                                guint   attempt,
                                double  jitter);
char  *anshin_backoff_describe (guint   base_ms,
                                guint   max_ms);

G_END_DECLS
