/* anshin-mock-sessions.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ANSHIN_MOCK_SESSION_LIFETIME (30 * 60)
#define ANSHIN_MOCK_REFRESH_LIFETIME (180 * 24 * 60 * 60)
#define ANSHIN_MOCK_LOGIN_MAX_FAILURES 5
#define ANSHIN_MOCK_LOGIN_WINDOW (15 * 60)

#define ANSHIN_TYPE_MOCK_SESSIONS (anshin_mock_sessions_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockSessions, anshin_mock_sessions, ANSHIN, MOCK_SESSIONS, GObject)

typedef enum {
  ANSHIN_MOCK_SESSION_VALID,
  ANSHIN_MOCK_SESSION_UNKNOWN,
  ANSHIN_MOCK_SESSION_EXPIRED,
} AnshinMockSessionStatus;

AnshinMockSessions      *anshin_mock_sessions_new           (void);
void                     anshin_mock_sessions_clear         (AnshinMockSessions  *self);
void                     anshin_mock_sessions_create        (AnshinMockSessions  *self,
                                                             const char          *member_id,
                                                             gint64               now,
                                                             char               **out_session_id,
                                                             char               **out_refresh_token,
                                                             gint64              *out_expires_at);
AnshinMockSessionStatus  anshin_mock_sessions_touch         (AnshinMockSessions  *self,
                                                             const char          *session_id,
                                                             gint64               now,
                                                             const char         **out_member_id,
                                                             gint64              *out_expires_at);
gboolean                 anshin_mock_sessions_refresh       (AnshinMockSessions  *self,
                                                             const char          *refresh_token,
                                                             gint64               now,
                                                             char               **out_session_id,
                                                             char               **out_refresh_token,
                                                             gint64              *out_expires_at,
                                                             char               **out_member_id);
void                     anshin_mock_sessions_delete        (AnshinMockSessions  *self,
                                                             const char          *session_id);
gint64                   anshin_mock_sessions_login_blocked (AnshinMockSessions  *self,
                                                             const char          *member_id,
                                                             gint64               now);
JsonObject              *anshin_mock_sessions_save          (AnshinMockSessions  *self);
gboolean                 anshin_mock_sessions_restore       (AnshinMockSessions  *self,
                                                             JsonObject          *saved);
void                     anshin_mock_sessions_login_failed  (AnshinMockSessions  *self,
                                                             const char          *member_id,
                                                             gint64               now);

G_END_DECLS
