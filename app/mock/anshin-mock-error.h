/* anshin-mock-error.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ANSHIN_MOCK_ERROR (anshin_mock_error_quark ())

typedef enum {
  ANSHIN_MOCK_ERROR_SCENARIO_NOT_FOUND,
  ANSHIN_MOCK_ERROR_SCENARIO_INVALID,
  ANSHIN_MOCK_ERROR_STATE_INVALID,
  ANSHIN_MOCK_ERROR_CLOCK_BACKWARDS,
  ANSHIN_MOCK_ERROR_ADDRESS_NOT_ALLOWED,
} AnshinMockError;

GQuark anshin_mock_error_quark (void);

G_END_DECLS
