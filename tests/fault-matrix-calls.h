/* fault-matrix-calls.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fault matrix (tests/test-fault-matrix.c): its fixture, and every
 * client call it makes, each returning the error it ended with.
 */

#pragma once

#include <libsoup/soup.h>

#include "anshin-account.h"
#include "anshin-issuer-client.h"
#include "anshin-mock-thread.h"

#include "fault-front.h"

G_BEGIN_DECLS

typedef enum {
  FAULT_DELAY,
  FAULT_500,
  FAULT_502,
  FAULT_DROP,
  FAULT_MALFORMED,
  FAULT_TRUNCATE,
  FAULT_HUGE,
  FAULT_CONTENT_TYPE,
  FAULT_RETRY_AFTER,
  N_FAULTS
} FaultKind;

typedef struct {
  FaultKind           kind;
  AnshinMockThread   *mock;
  const char         *mock_url;
  FaultFront         *front;         /* the faults the mock cannot make */
  AnshinIssuerClient *client;
  AnshinAccount      *account;
  char               *refresh_token;
  char               *notice_id;
  guint               n_calls;
  guint               n_no_body;
} FaultFixture;

typedef GError *(*FaultMatrixCallFunc) (FaultFixture *fixture);

typedef enum {
  ANSWER_BODY,      /* a JSON body */
  ANSWER_EMPTY,     /* 204: the mock has no body to corrupt */
  ANSWER_UPGRADE,   /* 101: no body */
} AnswerKind;

typedef struct {
  const char          *name;
  const char          *path_prefix;
  AnswerKind           answer;
  FaultMatrixCallFunc  func;
} FaultMatrixCall;

extern const FaultMatrixCall fault_matrix_calls[];
extern const guint fault_matrix_n_calls;

GError *fault_matrix_call_registration_form  (FaultFixture *fixture);
GError *fault_matrix_call_register_charge_card (FaultFixture *fixture);
GError *fault_matrix_call_account_refresh    (FaultFixture *fixture);
GError *fault_matrix_call_sign_out           (FaultFixture *fixture);

G_END_DECLS
