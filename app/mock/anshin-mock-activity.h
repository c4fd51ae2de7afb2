/* anshin-mock-activity.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "anshin-mock-member.h"

G_BEGIN_DECLS

/* The most `GET /v1/transactions` answers at once, and its default. */
#define ANSHIN_MOCK_TRANSACTIONS_LIMIT_MAX     200
#define ANSHIN_MOCK_TRANSACTIONS_LIMIT_DEFAULT 50

/* The most history entries one `POST /admin/history` adds. */
#define ANSHIN_MOCK_HISTORY_MAX 100000

JsonObject *anshin_mock_activity_pay          (AnshinMockMember *member,
                                               const char       *method,
                                               const char       *via,
                                               gint64            amount,
                                               const char       *merchant,
                                               GDateTime        *now);
void        anshin_mock_activity_add_top_up   (AnshinMockMember *member,
                                               JsonObject       *charge,
                                               gint64            balance_after);
JsonObject *anshin_mock_activity_dup_page     (AnshinMockMember *member,
                                               const char       *before,
                                               gint64            limit,
                                               gboolean         *out_found);
guint       anshin_mock_activity_add_history  (AnshinMockMember *member,
                                               guint             count,
                                               GDateTime        *now);
guint       anshin_mock_activity_get_n_transactions (AnshinMockMember *member);

G_END_DECLS
