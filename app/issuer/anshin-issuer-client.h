/* anshin-issuer-client.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "anshin-card.h"
#include "anshin-charge-card.h"
#include "anshin-issuer-error.h"
#include "anshin-issuer-info.h"
#include "anshin-issuer-types.h"
#include "anshin-notice.h"
#include "anshin-payment-method.h"
#include "anshin-program.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_ISSUER_CLIENT (anshin_issuer_client_get_type ())

/* The most transactions one `GET /v1/transactions` page may ask for. */
#define ANSHIN_ISSUER_TRANSACTIONS_LIMIT_MAX 200

G_DECLARE_FINAL_TYPE (AnshinIssuerClient, anshin_issuer_client, ANSHIN, ISSUER_CLIENT, GObject)

AnshinIssuerClient     *anshin_issuer_client_new                       (const char               *base_url,
                                                                        GError                  **error);
const char             *anshin_issuer_client_get_base_url              (AnshinIssuerClient       *self);
guint                   anshin_issuer_client_get_timeout               (AnshinIssuerClient       *self);
void                    anshin_issuer_client_set_timeout               (AnshinIssuerClient       *self,
                                                                        guint                     seconds);
gboolean                anshin_issuer_client_get_signed_in             (AnshinIssuerClient       *self);
gboolean                anshin_issuer_client_get_refreshing            (AnshinIssuerClient       *self);
const char             *anshin_issuer_client_get_member_id             (AnshinIssuerClient       *self);
GTimeSpan               anshin_issuer_client_get_clock_offset          (AnshinIssuerClient       *self);
GDateTime              *anshin_issuer_client_dup_now                   (AnshinIssuerClient       *self);
void                    anshin_issuer_client_note_issuer_time          (AnshinIssuerClient       *self,
                                                                        GDateTime                *issuer_time);
char                   *anshin_issuer_client_new_idempotency_key       (void);

/* Sessions */
void                    anshin_issuer_client_sign_in_async             (AnshinIssuerClient       *self,
                                                                        const char               *member_id,
                                                                        const char               *password,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AnshinIssuerSession    *anshin_issuer_client_sign_in_finish            (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_resume_async              (AnshinIssuerClient       *self,
                                                                        const char               *refresh_token,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AnshinIssuerSession    *anshin_issuer_client_resume_finish             (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_sign_out_async            (AnshinIssuerClient       *self,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
gboolean                anshin_issuer_client_sign_out_finish           (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);

/* Issuer (no session needed) */
void                    anshin_issuer_client_get_issuer_async          (AnshinIssuerClient       *self,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AnshinIssuerInfo       *anshin_issuer_client_get_issuer_finish         (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);

/* Card */
void                    anshin_issuer_client_get_card_async            (AnshinIssuerClient       *self,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AnshinCard             *anshin_issuer_client_get_card_finish           (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_set_card_frozen_async     (AnshinIssuerClient       *self,
                                                                        gboolean                  frozen,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AnshinCard             *anshin_issuer_client_set_card_frozen_finish    (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_reissue_async             (AnshinIssuerClient       *self,
                                                                        gboolean                  new_number,
                                                                        AnshinReissueReason       reason,
                                                                        const char               *idempotency_key,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
gboolean                anshin_issuer_client_reissue_finish            (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        AnshinCard               *card,
                                                                        GError                  **error);

/* Lists: each finishes with a GPtrArray of app/core objects */
void                    anshin_issuer_client_list_payment_methods_async (AnshinIssuerClient      *self,
                                                                         GCancellable            *cancellable,
                                                                         GAsyncReadyCallback      callback,
                                                                         gpointer                 user_data);
GPtrArray              *anshin_issuer_client_list_payment_methods_finish (AnshinIssuerClient     *self,
                                                                          GAsyncResult           *result,
                                                                          GError                **error);
void                    anshin_issuer_client_list_programs_async       (AnshinIssuerClient       *self,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
GPtrArray              *anshin_issuer_client_list_programs_finish      (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_list_notices_async        (AnshinIssuerClient       *self,
                                                                        const char               *after,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
GPtrArray              *anshin_issuer_client_list_notices_finish       (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_list_transactions_async   (AnshinIssuerClient       *self,
                                                                        const char               *before,
                                                                        guint                     limit,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AnshinTransactionPage  *anshin_issuer_client_list_transactions_finish  (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_mark_notice_read_async    (AnshinIssuerClient       *self,
                                                                        const char               *notice_id,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
gboolean                anshin_issuer_client_mark_notice_read_finish   (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_list_charge_cards_async   (AnshinIssuerClient       *self,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
GPtrArray              *anshin_issuer_client_list_charge_cards_finish  (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_delete_charge_card_async  (AnshinIssuerClient       *self,
                                                                        const char               *charge_card_id,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
gboolean                anshin_issuer_client_delete_charge_card_finish (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_list_charges_async        (AnshinIssuerClient       *self,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
GPtrArray              *anshin_issuer_client_list_charges_finish       (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);

/* Charge-card registration and top-up (anshin-issuer-registration.c) */
void                    anshin_issuer_client_get_registration_form_async  (AnshinIssuerClient    *self,
                                                                           GCancellable          *cancellable,
                                                                           GAsyncReadyCallback    callback,
                                                                           gpointer               user_data);
AnshinRegistrationForm *anshin_issuer_client_get_registration_form_finish (AnshinIssuerClient    *self,
                                                                           GAsyncResult          *result,
                                                                           GError               **error);
void                    anshin_issuer_client_register_charge_card_async  (AnshinIssuerClient            *self,
                                                                          const AnshinChargeCardDetails *details,
                                                                          const char                    *submission_id,
                                                                          GCancellable                  *cancellable,
                                                                          GAsyncReadyCallback            callback,
                                                                          gpointer                       user_data);
gboolean                anshin_issuer_client_register_charge_card_finish (AnshinIssuerClient            *self,
                                                                          GAsyncResult                  *result,
                                                                          AnshinChargeCard             **out_card,
                                                                          AnshinChallenge              **out_challenge,
                                                                          GError                       **error);
void                    anshin_issuer_client_complete_challenge_async  (AnshinIssuerClient       *self,
                                                                        const char               *challenge_id,
                                                                        const char               *code,
                                                                        const char               *idempotency_key,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AnshinChargeCard       *anshin_issuer_client_complete_challenge_finish (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);
void                    anshin_issuer_client_charge_async              (AnshinIssuerClient       *self,
                                                                        const char               *charge_card_id,
                                                                        gint64                    amount,
                                                                        const char               *idempotency_key,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
AnshinCharge           *anshin_issuer_client_charge_finish             (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);

/* Live events: a WebSocket on a session without I/O timeout */
void                    anshin_issuer_client_connect_events_async      (AnshinIssuerClient       *self,
                                                                        GCancellable             *cancellable,
                                                                        GAsyncReadyCallback       callback,
                                                                        gpointer                  user_data);
SoupWebsocketConnection *anshin_issuer_client_connect_events_finish    (AnshinIssuerClient       *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);

G_END_DECLS
