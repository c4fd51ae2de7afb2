/* anshin-issuer-events.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "anshin-issuer-client.h"
#include "anshin-issuer-types.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_ISSUER_EVENTS (anshin_issuer_events_get_type ())

G_DECLARE_FINAL_TYPE (AnshinIssuerEvents, anshin_issuer_events, ANSHIN, ISSUER_EVENTS, GObject)

AnshinIssuerEvents *anshin_issuer_events_new         (AnshinIssuerClient *client);
void                anshin_issuer_events_set_timings (AnshinIssuerEvents *self,
                                                      guint               reconnect_base_ms,
                                                      guint               reconnect_max_ms,
                                                      guint               poll_ms);
guint               anshin_issuer_events_get_poll_ms (AnshinIssuerEvents *self);
void                anshin_issuer_events_start       (AnshinIssuerEvents *self);
void                anshin_issuer_events_stop        (AnshinIssuerEvents *self);
gboolean            anshin_issuer_events_is_running  (AnshinIssuerEvents *self);
gboolean            anshin_issuer_events_get_live    (AnshinIssuerEvents *self);

G_END_DECLS
