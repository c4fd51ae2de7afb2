/* anshin-mock-thread.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mock issuer on a thread of its own, for the app's embedded demo
 * issuer and for tests. Every function here is thread-safe.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnshinMockThread AnshinMockThread;

AnshinMockThread *anshin_mock_thread_start             (const char        *scenario,
                                                        gboolean           admin,
                                                        GError           **error);
const char       *anshin_mock_thread_get_url           (AnshinMockThread  *self);
void              anshin_mock_thread_stop              (AnshinMockThread  *self);
void              anshin_mock_thread_free              (AnshinMockThread  *self);
GStrv             anshin_mock_thread_dup_request_log   (AnshinMockThread  *self);
void              anshin_mock_thread_clear_request_log (AnshinMockThread  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinMockThread, anshin_mock_thread_free)

G_END_DECLS
