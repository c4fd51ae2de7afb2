/* anshin-error-text.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *anshin_error_text_describe       (const GError *error,
                                            const char   *what_failed);

G_END_DECLS
