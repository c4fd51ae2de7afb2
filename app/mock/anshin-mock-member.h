/* anshin-mock-member.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "anshin-core-enums.h"
#include "anshin-mock-scenario.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_MOCK_MEMBER (anshin_mock_member_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockMember, anshin_mock_member, ANSHIN, MOCK_MEMBER, GObject)

typedef enum {
  ANSHIN_MOCK_REISSUE_STARTED,
  ANSHIN_MOCK_REISSUE_ALREADY_IN_PROGRESS,
  ANSHIN_MOCK_REISSUE_INVALID_STATE,
} AnshinMockReissueResult;

AnshinMockMember        *anshin_mock_member_new             (AnshinMockScenario  *scenario);
const char              *anshin_mock_member_get_id          (AnshinMockMember    *self);
gboolean                 anshin_mock_member_check_password  (AnshinMockMember    *self,
                                                             const char          *password);
AnshinMockScenario      *anshin_mock_member_get_scenario    (AnshinMockMember    *self);
JsonObject              *anshin_mock_member_get_card        (AnshinMockMember    *self);
GBytes                  *anshin_mock_member_get_card_json   (AnshinMockMember    *self);
JsonObject              *anshin_mock_member_dup_card        (AnshinMockMember    *self);
JsonObject              *anshin_mock_member_dup_networks    (AnshinMockMember    *self);
JsonObject              *anshin_mock_member_dup_programs    (AnshinMockMember    *self);
JsonObject              *anshin_mock_member_dup_notices     (AnshinMockMember    *self,
                                                             const char          *after,
                                                             gboolean            *out_found);
gboolean                 anshin_mock_member_mark_notice_read (AnshinMockMember   *self,
                                                             const char          *id);
gboolean                 anshin_mock_member_set_card_state  (AnshinMockMember    *self,
                                                             AnshinCardState      state,
                                                             GDateTime           *now);
AnshinMockReissueResult  anshin_mock_member_start_reissue   (AnshinMockMember    *self,
                                                             gboolean             new_number,
                                                             const char          *reason,
                                                             GDateTime           *now,
                                                             JsonObject         **out_reissue);
gboolean                 anshin_mock_member_apply_due       (AnshinMockMember    *self,
                                                             GDateTime           *now);
GDateTime               *anshin_mock_member_dup_next_due    (AnshinMockMember    *self);
JsonObject              *anshin_mock_member_save            (AnshinMockMember    *self);
gboolean                 anshin_mock_member_restore         (AnshinMockMember    *self,
                                                             JsonObject          *saved,
                                                             GError             **error);

G_END_DECLS
