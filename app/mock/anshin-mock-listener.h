/* anshin-mock-listener.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_MOCK_LISTENER (anshin_mock_listener_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockListener, anshin_mock_listener, ANSHIN, MOCK_LISTENER, GObject)

AnshinMockListener *anshin_mock_listener_new    (SoupServer          *soup);
gboolean            anshin_mock_listener_listen (AnshinMockListener  *self,
                                                 GInetAddress        *address,
                                                 guint                port,
                                                 guint               *out_port,
                                                 GError             **error);
void                anshin_mock_listener_stop   (AnshinMockListener  *self);

G_END_DECLS
