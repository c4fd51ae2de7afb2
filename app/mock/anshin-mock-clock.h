/* anshin-mock-clock.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_MOCK_CLOCK (anshin_mock_clock_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockClock, anshin_mock_clock, ANSHIN, MOCK_CLOCK, GObject)

AnshinMockClock *anshin_mock_clock_new     (GDateTime        *start);
GDateTime       *anshin_mock_clock_dup_now (AnshinMockClock  *self);
gint64           anshin_mock_clock_get_unix (AnshinMockClock *self);
void             anshin_mock_clock_reset   (AnshinMockClock  *self,
                                            GDateTime        *time);
gboolean         anshin_mock_clock_set     (AnshinMockClock  *self,
                                            GDateTime        *time,
                                            GError          **error);
void             anshin_mock_clock_set_running (AnshinMockClock *self,
                                                gboolean         running);
gboolean         anshin_mock_clock_get_running (AnshinMockClock *self);

G_END_DECLS
