/* anshin-issuer-clock.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "anshin-issuer-client.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_ISSUER_CLOCK (anshin_issuer_clock_get_type ())

G_DECLARE_FINAL_TYPE (AnshinIssuerClock, anshin_issuer_clock, ANSHIN, ISSUER_CLOCK, GObject)

AnshinIssuerClock *anshin_issuer_clock_new     (AnshinIssuerClient *client);
GDateTime         *anshin_issuer_clock_get_now (AnshinIssuerClock  *self);

G_END_DECLS
