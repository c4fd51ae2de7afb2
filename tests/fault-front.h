/* fault-front.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A loopback HTTP front to the mock issuer for the faults the mock itself
 * cannot make (a 10 MB body, a wrong content type, 429 with Retry-After):
 * it passes every request through, asynchronously (a GTK test's main loop
 * never waits for it), except those under an armed path prefix, which it
 * answers itself with the fault (or, for FAULT_FRONT_HOLD, holds the
 * issuer's answer until fault_front_release()). It passes no WebSocket upgrade: a client
 * behind it polls instead of following the event stream.
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define FAULT_FRONT_HUGE_SIZE   (10 * 1024 * 1024)
#define FAULT_FRONT_RETRY_AFTER_SECONDS 120

typedef enum {
  FAULT_FRONT_HUGE,          /* 200 with a 10 MB application/json body */
  FAULT_FRONT_CONTENT_TYPE,  /* 200 with an HTML page, as a captive portal answers */
  FAULT_FRONT_RETRY_AFTER,   /* 429 with Retry-After and an HTML page */
  FAULT_FRONT_HOLD,          /* the issuer's own answer, held back until released */
} FaultFrontKind;

typedef struct _FaultFront FaultFront;

FaultFront *fault_front_new      (const char     *target_url);
const char *fault_front_get_url  (FaultFront     *front);
void        fault_front_arm      (FaultFront     *front,
                                  const char     *path_prefix,
                                  FaultFrontKind  kind);
void        fault_front_disarm   (FaultFront     *front);
guint       fault_front_get_held (FaultFront     *front);
void        fault_front_release  (FaultFront     *front);
guint       fault_front_get_hits (FaultFront     *front);
void        fault_front_free     (FaultFront     *front);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FaultFront, fault_front_free)

G_END_DECLS
