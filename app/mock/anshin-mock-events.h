/* anshin-mock-events.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_MOCK_EVENTS (anshin_mock_events_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockEvents, anshin_mock_events, ANSHIN, MOCK_EVENTS, GObject)

AnshinMockEvents *anshin_mock_events_new       (void);
void              anshin_mock_events_expect    (AnshinMockEvents        *self,
                                                SoupServerMessage       *handshake,
                                                const char              *member_id);
gboolean          anshin_mock_events_add       (AnshinMockEvents        *self,
                                                SoupServerMessage       *handshake,
                                                SoupWebsocketConnection *connection);
void              anshin_mock_events_send      (AnshinMockEvents        *self,
                                                const char              *member_id,
                                                JsonObject              *event);
guint             anshin_mock_events_get_count (AnshinMockEvents        *self);
void              anshin_mock_events_close_all (AnshinMockEvents        *self);

G_END_DECLS
