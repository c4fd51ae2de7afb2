/* anshin-mock-error.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anshin-mock-error.h"

G_DEFINE_QUARK (anshin-mock-error-quark, anshin_mock_error)
