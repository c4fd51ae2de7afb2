/* anshin-issuer-types.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small plain records the issuer answers with that are not domain objects
 * of app/core: a session grant, the registration form, a 3-D Secure
 * challenge, a top-up and a live event.
 */

#pragma once

#include <glib-object.h>

#include "anshin-charge.h"
#include "anshin-core-enums.h"
#include "anshin-notice.h"
#include "anshin-transaction.h"

G_BEGIN_DECLS

/* POST /v1/session and /v1/session/refresh. refresh_token is a secret:
 * it goes to the keyring and nowhere else, never to a log. */
typedef struct {
  char      *member_id;
  GDateTime *expires_at;
  char      *refresh_token;
} AnshinIssuerSession;

/* GET /v1/charge-cards/registration. form_token is NULL while locked. */
typedef struct {
  char            *form_token;
  GDateTime       *expires_at;
  int              attempts_remaining;
  int              max_attempts;
  GDateTime       *locked_until;
  AnshinCardBrand *accepted_brands;
  guint            n_accepted_brands;
} AnshinRegistrationForm;

/* 202 {"challenge": {...}} of POST /v1/charge-cards */
typedef struct {
  char      *id;
  char      *method;
  GDateTime *expires_at;
} AnshinChallenge;

/* What the holder typed into the registration form. number and cvc are
 * secrets: never logged, never stored; freeing the record wipes them. */
typedef struct {
  char  *number;
  guint  exp_month;
  guint  exp_year;
  char  *cvc;
  char  *holder_name;
} AnshinChargeCardDetails;

typedef enum {
  ANSHIN_ISSUER_EVENT_UNKNOWN,
  ANSHIN_ISSUER_EVENT_NOTICE_CREATED,
  ANSHIN_ISSUER_EVENT_CARD_UPDATED,
  ANSHIN_ISSUER_EVENT_NETWORKS_UPDATED,
  ANSHIN_ISSUER_EVENT_CHARGE_CARDS_UPDATED,
  ANSHIN_ISSUER_EVENT_CLOCK_CHANGED,
  ANSHIN_ISSUER_EVENT_TRANSACTIONS_UPDATED,
} AnshinIssuerEventType;

/* One frame of /v1/events. notice is set for NOTICE_CREATED, issuer_time
 * for CLOCK_CHANGED. */
typedef struct {
  AnshinIssuerEventType  type;
  AnshinNotice          *notice;
  GDateTime             *issuer_time;
} AnshinIssuerEvent;

/* One page of GET /v1/transactions: AnshinTransactions, newest first, and
 * the id to page back from (NULL on the last page). */
typedef struct {
  GPtrArray *transactions;
  char      *next_before;
} AnshinTransactionPage;

#define ANSHIN_TYPE_TRANSACTION_PAGE (anshin_transaction_page_get_type ())
#define ANSHIN_TYPE_ISSUER_SESSION (anshin_issuer_session_get_type ())
#define ANSHIN_TYPE_REGISTRATION_FORM (anshin_registration_form_get_type ())
#define ANSHIN_TYPE_CHALLENGE (anshin_challenge_get_type ())
#define ANSHIN_TYPE_ISSUER_EVENT (anshin_issuer_event_get_type ())
#define ANSHIN_TYPE_CHARGE_CARD_DETAILS (anshin_charge_card_details_get_type ())

GType                   anshin_issuer_session_get_type    (void) G_GNUC_CONST;
AnshinIssuerSession    *anshin_issuer_session_new         (void);
AnshinIssuerSession    *anshin_issuer_session_copy        (const AnshinIssuerSession    *self);
void                    anshin_issuer_session_free        (AnshinIssuerSession          *self);

GType                   anshin_registration_form_get_type (void) G_GNUC_CONST;
AnshinRegistrationForm *anshin_registration_form_new      (void);
AnshinRegistrationForm *anshin_registration_form_copy     (const AnshinRegistrationForm *self);
void                    anshin_registration_form_free     (AnshinRegistrationForm       *self);
gboolean                anshin_registration_form_accepts  (const AnshinRegistrationForm *self,
                                                           AnshinCardBrand               brand);

GType                   anshin_challenge_get_type         (void) G_GNUC_CONST;
AnshinChallenge        *anshin_challenge_new              (void);
AnshinChallenge        *anshin_challenge_copy             (const AnshinChallenge        *self);
void                    anshin_challenge_free             (AnshinChallenge              *self);


GType                   anshin_issuer_event_get_type      (void) G_GNUC_CONST;
AnshinIssuerEvent      *anshin_issuer_event_new           (void);
AnshinIssuerEvent      *anshin_issuer_event_copy          (const AnshinIssuerEvent      *self);
void                    anshin_issuer_event_free          (AnshinIssuerEvent            *self);

GType                   anshin_transaction_page_get_type  (void) G_GNUC_CONST;
AnshinTransactionPage  *anshin_transaction_page_new       (void);
AnshinTransactionPage  *anshin_transaction_page_copy      (const AnshinTransactionPage  *self);
void                    anshin_transaction_page_free      (AnshinTransactionPage        *self);

GType                    anshin_charge_card_details_get_type (void) G_GNUC_CONST;
AnshinChargeCardDetails *anshin_charge_card_details_new      (const char                    *number,
                                                              guint                          exp_month,
                                                              guint                          exp_year,
                                                              const char                    *cvc,
                                                              const char                    *holder_name);
AnshinChargeCardDetails *anshin_charge_card_details_copy     (const AnshinChargeCardDetails *self);
void                     anshin_charge_card_details_free     (AnshinChargeCardDetails       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinChargeCardDetails, anshin_charge_card_details_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinIssuerSession, anshin_issuer_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinRegistrationForm, anshin_registration_form_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinChallenge, anshin_challenge_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinIssuerEvent, anshin_issuer_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinTransactionPage, anshin_transaction_page_free)

G_END_DECLS
