/* anshin-mock-topup.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "anshin-topup-limits.h"

#include "anshin-mock-member.h"
#include "anshin-mock-response.h"

G_BEGIN_DECLS


AnshinMockResponse *anshin_mock_topup_charge      (AnshinMockMember *member,
                                                   const char       *charge_card_id,
                                                   gint64            amount,
                                                   GDateTime        *now);
JsonObject         *anshin_mock_topup_dup_charges (AnshinMockMember *member);

G_END_DECLS
