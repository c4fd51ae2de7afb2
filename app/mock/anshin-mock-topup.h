/* anshin-mock-topup.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "anshin-mock-member.h"
#include "anshin-mock-response.h"

G_BEGIN_DECLS

#define ANSHIN_MOCK_CHARGE_MIN 1000
#define ANSHIN_MOCK_CHARGE_MAX 50000
#define ANSHIN_MOCK_LIMIT_24H 100000
#define ANSHIN_MOCK_LIMIT_720H 300000

AnshinMockResponse *anshin_mock_topup_charge      (AnshinMockMember *member,
                                                   const char       *charge_card_id,
                                                   gint64            amount,
                                                   GDateTime        *now);
JsonObject         *anshin_mock_topup_dup_charges (AnshinMockMember *member);

G_END_DECLS
