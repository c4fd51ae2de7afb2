/* anshin-mock-server.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "anshin-mock-faults.h"
#include "anshin-mock-request.h"
#include "anshin-mock-state.h"

G_BEGIN_DECLS

#define ANSHIN_MOCK_BODY_LIMIT (64 * 1024)
#define ANSHIN_MOCK_SESSION_COOKIE "issuer_session"

#define ANSHIN_TYPE_MOCK_SERVER (anshin_mock_server_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockServer, anshin_mock_server, ANSHIN, MOCK_SERVER, GObject)

AnshinMockServer *anshin_mock_server_new               (AnshinMockState   *state,
                                                        gboolean           admin);
gboolean          anshin_mock_server_listen            (AnshinMockServer  *self,
                                                        const char        *address,
                                                        guint              port,
                                                        GError           **error);
guint             anshin_mock_server_get_port          (AnshinMockServer  *self);
char             *anshin_mock_server_dup_url           (AnshinMockServer  *self);
void              anshin_mock_server_set_state_file    (AnshinMockServer  *self,
                                                        const char        *path);
gboolean          anshin_mock_server_save_state        (AnshinMockServer  *self,
                                                        GError           **error);
void              anshin_mock_server_set_print_log     (AnshinMockServer  *self,
                                                        gboolean           print_log);
AnshinMockState  *anshin_mock_server_get_state         (AnshinMockServer  *self);
AnshinMockFaults *anshin_mock_server_get_faults        (AnshinMockServer  *self);
GStrv             anshin_mock_server_dup_request_log   (AnshinMockServer  *self);
void              anshin_mock_server_clear_request_log (AnshinMockServer  *self);
void              anshin_mock_server_shutdown          (AnshinMockServer  *self);
GStrv             anshin_mock_server_dup_routes        (void);
char             *anshin_mock_server_session_cookie    (const char        *session_id);

G_END_DECLS
