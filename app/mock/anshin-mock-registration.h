/* anshin-mock-registration.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "anshin-mock-member.h"
#include "anshin-mock-response.h"

G_BEGIN_DECLS

/* The members of `POST /v1/charge-cards`, type-checked by the server. */
typedef struct
{
  const char *form_token;
  const char *number;
  gint64      exp_month;
  gint64      exp_year;
  const char *cvc;
  const char *holder_name;
} AnshinMockCardInput;

GDateTime          *anshin_mock_registration_dup_locked_until  (AnshinMockMember          *member,
                                                                GDateTime                 *now);
AnshinMockResponse *anshin_mock_registration_check_lock        (AnshinMockMember          *member,
                                                                GDateTime                 *now);
JsonObject         *anshin_mock_registration_dup_status        (AnshinMockMember          *member,
                                                                GDateTime                 *now);
AnshinMockResponse *anshin_mock_registration_submit            (AnshinMockMember          *member,
                                                                const AnshinMockCardInput *input,
                                                                GDateTime                 *now);
AnshinMockResponse *anshin_mock_registration_answer_challenge  (AnshinMockMember          *member,
                                                                const char                *challenge_id,
                                                                const char                *code,
                                                                GDateTime                 *now);
JsonObject         *anshin_mock_registration_dup_charge_cards  (AnshinMockMember          *member);
gboolean            anshin_mock_registration_delete_charge_card (AnshinMockMember         *member,
                                                                const char                *id);
JsonObject         *anshin_mock_registration_dup_one_time_codes (AnshinMockMember         *member,
                                                                GDateTime                 *now);

G_END_DECLS
