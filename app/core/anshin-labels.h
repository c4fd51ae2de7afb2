/* anshin-labels.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "anshin-core-enums.h"

G_BEGIN_DECLS

const char *anshin_payment_method_kind_get_label  (AnshinPaymentMethodKind  kind);
const char *anshin_payment_method_state_get_label (AnshinPaymentMethodState state);
const char *anshin_card_state_get_label           (AnshinCardState          state);
const char *anshin_expectation_get_label          (AnshinExpectation        expectation);
const char *anshin_action_kind_get_label          (AnshinActionKind         kind);

G_END_DECLS
