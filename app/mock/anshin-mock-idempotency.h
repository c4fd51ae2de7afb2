/* anshin-mock-idempotency.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "anshin-mock-response.h"

G_BEGIN_DECLS

#define ANSHIN_MOCK_IDEMPOTENCY_KEY_MAX 255

#define ANSHIN_TYPE_MOCK_IDEMPOTENCY (anshin_mock_idempotency_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockIdempotency, anshin_mock_idempotency, ANSHIN, MOCK_IDEMPOTENCY, GObject)

typedef enum {
  ANSHIN_MOCK_IDEMPOTENCY_NEW,
  ANSHIN_MOCK_IDEMPOTENCY_REPLAY,
  ANSHIN_MOCK_IDEMPOTENCY_REUSED,
} AnshinMockIdempotencyResult;

AnshinMockIdempotency       *anshin_mock_idempotency_new    (void);
void                         anshin_mock_idempotency_clear  (AnshinMockIdempotency  *self);
AnshinMockIdempotencyResult  anshin_mock_idempotency_lookup (AnshinMockIdempotency  *self,
                                                             const char             *member_id,
                                                             const char             *key,
                                                             const char             *method,
                                                             const char             *path,
                                                             GBytes                 *body,
                                                             AnshinMockResponse    **out_response);
void                         anshin_mock_idempotency_store  (AnshinMockIdempotency  *self,
                                                             const char             *member_id,
                                                             const char             *key,
                                                             const char             *method,
                                                             const char             *path,
                                                             GBytes                 *body,
                                                             AnshinMockResponse     *response);

G_END_DECLS
