/* anshin-mock-connection.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_MOCK_CONNECTION (anshin_mock_connection_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockConnection, anshin_mock_connection, ANSHIN, MOCK_CONNECTION, GIOStream)

AnshinMockConnection *anshin_mock_connection_new                  (GSocketConnection    *base,
                                                                   GSocketAddress       *remote);
AnshinMockConnection *anshin_mock_connection_for_remote_address   (GSocketAddress       *remote);
void                  anshin_mock_connection_set_between_requests (AnshinMockConnection *self,
                                                                   gboolean              between_requests);

G_END_DECLS
