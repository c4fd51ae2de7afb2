/* anshin-issuer-error.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "anshin-core-enums.h"

G_BEGIN_DECLS

#define ANSHIN_ISSUER_ERROR (anshin_issuer_error_quark ())

/**
 * AnshinIssuerError:
 * @ANSHIN_ISSUER_ERROR_NETWORK: the issuer cannot be reached (no route, refused, dropped)
 * @ANSHIN_ISSUER_ERROR_TIMEOUT: the issuer did not answer in time
 * @ANSHIN_ISSUER_ERROR_TLS_REQUIRED: the URL is plain http:// to a host that is not loopback
 * @ANSHIN_ISSUER_ERROR_TLS_FAILED: the TLS handshake or certificate check failed
 * @ANSHIN_ISSUER_ERROR_PROTOCOL: the answer does not follow the issuer API (malformed,
 *   truncated, too large, wrong content type, wrong shape, or a request the issuer
 *   calls malformed)
 * @ANSHIN_ISSUER_ERROR_SERVER: the issuer failed (5xx)
 * @ANSHIN_ISSUER_ERROR_SIGNED_OUT: no valid session and it could not be refreshed
 * @ANSHIN_ISSUER_ERROR_INVALID_CREDENTIALS: wrong member ID or password
 * @ANSHIN_ISSUER_ERROR_VALIDATION: the card details were refused (fields, attempts remaining)
 * @ANSHIN_ISSUER_ERROR_DECLINED: the card was declined (attempts remaining)
 * @ANSHIN_ISSUER_ERROR_LOCKED: registration is locked (locked until, retry after)
 * @ANSHIN_ISSUER_ERROR_LIMIT_EXCEEDED: a top-up limit (window, limit, remaining, resets at)
 * @ANSHIN_ISSUER_ERROR_AMOUNT_OUT_OF_RANGE: a top-up amount outside min..max
 * @ANSHIN_ISSUER_ERROR_NOT_FOUND: the thing asked for does not exist
 * @ANSHIN_ISSUER_ERROR_CONFLICT: the request conflicts with the current state (the API
 *   code tells which: invalid_state_transition, reissue_in_progress, already_registered,
 *   too_many_charge_cards, idempotency_key_reused)
 * @ANSHIN_ISSUER_ERROR_RATE_LIMITED: too many attempts (retry after)
 * @ANSHIN_ISSUER_ERROR_FORM_EXPIRED: the registration form expired even after a fresh one
 * @ANSHIN_ISSUER_ERROR_CHALLENGE_FAILED: a wrong one-time code (attempts remaining)
 * @ANSHIN_ISSUER_ERROR_CHALLENGE_EXPIRED: the one-time code challenge expired
 *
 * Cancellation is reported as %G_IO_ERROR_CANCELLED, as everywhere in GIO.
 */
typedef enum {
  ANSHIN_ISSUER_ERROR_NETWORK,
  ANSHIN_ISSUER_ERROR_TIMEOUT,
  ANSHIN_ISSUER_ERROR_TLS_REQUIRED,
  ANSHIN_ISSUER_ERROR_TLS_FAILED,
  ANSHIN_ISSUER_ERROR_PROTOCOL,
  ANSHIN_ISSUER_ERROR_SERVER,
  ANSHIN_ISSUER_ERROR_SIGNED_OUT,
  ANSHIN_ISSUER_ERROR_INVALID_CREDENTIALS,
  ANSHIN_ISSUER_ERROR_VALIDATION,
  ANSHIN_ISSUER_ERROR_DECLINED,
  ANSHIN_ISSUER_ERROR_LOCKED,
  ANSHIN_ISSUER_ERROR_LIMIT_EXCEEDED,
  ANSHIN_ISSUER_ERROR_AMOUNT_OUT_OF_RANGE,
  ANSHIN_ISSUER_ERROR_NOT_FOUND,
  ANSHIN_ISSUER_ERROR_CONFLICT,
  ANSHIN_ISSUER_ERROR_RATE_LIMITED,
  ANSHIN_ISSUER_ERROR_FORM_EXPIRED,
  ANSHIN_ISSUER_ERROR_CHALLENGE_FAILED,
  ANSHIN_ISSUER_ERROR_CHALLENGE_EXPIRED,
} AnshinIssuerError;

#define ANSHIN_TYPE_ISSUER_PROBLEM (anshin_issuer_problem_get_type ())

G_DECLARE_FINAL_TYPE (AnshinIssuerProblem, anshin_issuer_problem, ANSHIN, ISSUER_PROBLEM, GObject)

GQuark               anshin_issuer_error_quark                   (void);
AnshinIssuerProblem *anshin_issuer_error_get_problem             (const GError        *error);
GError              *anshin_issuer_error_new_problem             (AnshinIssuerError    code,
                                                                  AnshinIssuerProblem *problem,
                                                                  const char          *message);

AnshinIssuerProblem *anshin_issuer_problem_new                   (void);
guint                anshin_issuer_problem_get_status            (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_status            (AnshinIssuerProblem *self,
                                                                  guint                status);
const char          *anshin_issuer_problem_get_code              (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_code              (AnshinIssuerProblem *self,
                                                                  const char          *code);
const char          *anshin_issuer_problem_get_title             (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_title             (AnshinIssuerProblem *self,
                                                                  const char          *title);
const char          *anshin_issuer_problem_get_detail            (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_detail            (AnshinIssuerProblem *self,
                                                                  const char          *detail);
guint                anshin_issuer_problem_get_n_fields          (AnshinIssuerProblem *self);
gboolean             anshin_issuer_problem_get_field             (AnshinIssuerProblem *self,
                                                                  guint                position,
                                                                  AnshinCardField     *out_field,
                                                                  const char         **out_code);
const char          *anshin_issuer_problem_lookup_field          (AnshinIssuerProblem *self,
                                                                  AnshinCardField      field);
void                 anshin_issuer_problem_add_field             (AnshinIssuerProblem *self,
                                                                  AnshinCardField      field,
                                                                  const char          *code);
int                  anshin_issuer_problem_get_attempts_remaining (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_attempts_remaining (AnshinIssuerProblem *self,
                                                                   int                  attempts);
GDateTime           *anshin_issuer_problem_get_locked_until      (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_locked_until      (AnshinIssuerProblem *self,
                                                                  GDateTime           *locked_until);
gint64               anshin_issuer_problem_get_retry_after       (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_retry_after       (AnshinIssuerProblem *self,
                                                                  gint64               seconds);
GTimeSpan            anshin_issuer_problem_get_window            (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_window            (AnshinIssuerProblem *self,
                                                                  GTimeSpan            window);
gint64               anshin_issuer_problem_get_limit             (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_limit             (AnshinIssuerProblem *self,
                                                                  gint64               limit);
gint64               anshin_issuer_problem_get_remaining         (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_remaining         (AnshinIssuerProblem *self,
                                                                  gint64               remaining);
GDateTime           *anshin_issuer_problem_get_resets_at         (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_resets_at         (AnshinIssuerProblem *self,
                                                                  GDateTime           *resets_at);
gint64               anshin_issuer_problem_get_min               (AnshinIssuerProblem *self);
gint64               anshin_issuer_problem_get_max               (AnshinIssuerProblem *self);
void                 anshin_issuer_problem_set_range             (AnshinIssuerProblem *self,
                                                                  gint64               min,
                                                                  gint64               max);
gboolean             anshin_issuer_error_outcome_unknown         (const GError        *error);

G_END_DECLS
