/* anshin-account.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-activity.h"
#include "anshin-issuer-client.h"
#include "anshin-issuer-types.h"
#include "anshin-issuer-info.h"
#include "anshin-charge.h"
#include "anshin-charge-card.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_ACCOUNT (anshin_account_get_type ())

/**
 * AnshinSignOutError:
 * @ANSHIN_SIGN_OUT_ERROR_KEYRING: the refresh token is still in the keyring
 *   (locked, or the Secret Service cannot be reached): the next start would
 *   sign in again with it
 * @ANSHIN_SIGN_OUT_ERROR_CACHE: the last known state is still on disk
 * @ANSHIN_SIGN_OUT_ERROR_ISSUER_SESSION: the issuer could not be told: its
 *   session (and refresh token) ends only when it expires there
 *
 * What a sign-out could not remove. The code of an %ANSHIN_SIGN_OUT_ERROR
 * is these or-ed together (test with `error->code & ...`); its message
 * says the same in words. Calling anshin_account_sign_out_async() again
 * retries what can be retried (the keyring and the cache).
 */
typedef enum {
  ANSHIN_SIGN_OUT_ERROR_KEYRING        = 1 << 0,
  ANSHIN_SIGN_OUT_ERROR_CACHE          = 1 << 1,
  ANSHIN_SIGN_OUT_ERROR_ISSUER_SESSION = 1 << 2,
} AnshinSignOutError;

#define ANSHIN_SIGN_OUT_ERROR (anshin_sign_out_error_quark ())
GQuark anshin_sign_out_error_quark (void);

G_DECLARE_FINAL_TYPE (AnshinAccount, anshin_account, ANSHIN, ACCOUNT, GObject)

AnshinAccount      *anshin_account_new                  (AnshinIssuerClient   *client);
AnshinAccount      *anshin_account_new_for_url          (const char           *issuer_url,
                                                         GError              **error);
AnshinIssuerClient *anshin_account_get_client           (AnshinAccount        *self);
const char         *anshin_account_get_issuer_url       (AnshinAccount        *self);
void                anshin_account_set_remember_sign_in (AnshinAccount        *self,
                                                         gboolean              remember);
AnshinCard         *anshin_account_get_card             (AnshinAccount        *self);
gboolean            anshin_account_get_has_card         (AnshinAccount        *self);
AnshinCard         *anshin_account_get_card_if_any      (AnshinAccount        *self);
GListModel         *anshin_account_get_payment_methods  (AnshinAccount        *self);
GListModel         *anshin_account_get_notices          (AnshinAccount        *self);
GListModel         *anshin_account_get_programs         (AnshinAccount        *self);
GListModel         *anshin_account_get_charge_cards     (AnshinAccount        *self);
AnshinActivity     *anshin_account_get_activity         (AnshinAccount        *self);
guint               anshin_account_get_unread_count     (AnshinAccount        *self);
gboolean            anshin_account_get_signed_in        (AnshinAccount        *self);
gboolean            anshin_account_get_online           (AnshinAccount        *self);
gboolean            anshin_account_get_live             (AnshinAccount        *self);
GDateTime          *anshin_account_get_as_of            (AnshinAccount        *self);
GDateTime          *anshin_account_get_now              (AnshinAccount        *self);
GDateTime          *anshin_account_dup_exact_now        (AnshinAccount        *self);
AnshinIssuerInfo   *anshin_account_get_issuer_info      (AnshinAccount        *self);
GDateTime          *anshin_account_get_registration_locked_until (AnshinAccount *self);
int                 anshin_account_get_registration_max_attempts (AnshinAccount *self);
GListModel         *anshin_account_dup_moments          (AnshinAccount        *self);
void                anshin_account_set_timings          (AnshinAccount        *self,
                                                         guint                 reconnect_base_ms,
                                                         guint                 reconnect_max_ms,
                                                         guint                 poll_ms);
char               *anshin_account_dup_retry_description (AnshinAccount       *self);

void                anshin_account_start_async          (AnshinAccount        *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            anshin_account_start_finish         (AnshinAccount        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                anshin_account_sign_in_async        (AnshinAccount        *self,
                                                         const char           *member_id,
                                                         const char           *password,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            anshin_account_sign_in_finish       (AnshinAccount        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                anshin_account_sign_out_async       (AnshinAccount        *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            anshin_account_sign_out_finish      (AnshinAccount        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                anshin_account_settle_async         (AnshinAccount        *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            anshin_account_settle_finish        (AnshinAccount        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                anshin_account_refresh_async        (AnshinAccount        *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            anshin_account_refresh_finish       (AnshinAccount        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                anshin_account_mark_notice_read_async  (AnshinAccount     *self,
                                                            AnshinNotice      *notice,
                                                            GCancellable      *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer           user_data);
gboolean            anshin_account_mark_notice_read_finish (AnshinAccount     *self,
                                                            GAsyncResult      *result,
                                                            GError           **error);

/* Changes (anshin-account-changes.c): each applies the issuer's answer to
 * the models and keeps its idempotency key while the outcome is unknown */
void                anshin_account_set_card_frozen_async       (AnshinAccount                 *self,
                                                                gboolean                       frozen,
                                                                GCancellable                  *cancellable,
                                                                GAsyncReadyCallback            callback,
                                                                gpointer                       user_data);
gboolean            anshin_account_set_card_frozen_finish      (AnshinAccount                 *self,
                                                                GAsyncResult                  *result,
                                                                GError                       **error);
void                anshin_account_reissue_async               (AnshinAccount                 *self,
                                                                GCancellable                  *cancellable,
                                                                GAsyncReadyCallback            callback,
                                                                gpointer                       user_data);
gboolean            anshin_account_reissue_finish              (AnshinAccount                 *self,
                                                                GAsyncResult                  *result,
                                                                GError                       **error);
void                anshin_account_get_registration_form_async (AnshinAccount                 *self,
                                                                GCancellable                  *cancellable,
                                                                GAsyncReadyCallback            callback,
                                                                gpointer                       user_data);
AnshinRegistrationForm *anshin_account_get_registration_form_finish (AnshinAccount            *self,
                                                                GAsyncResult                  *result,
                                                                GError                       **error);
void                anshin_account_register_charge_card_async  (AnshinAccount                 *self,
                                                                const AnshinChargeCardDetails *details,
                                                                gboolean                       retry,
                                                                GCancellable                  *cancellable,
                                                                GAsyncReadyCallback            callback,
                                                                gpointer                       user_data);
gboolean            anshin_account_register_charge_card_finish (AnshinAccount                 *self,
                                                                GAsyncResult                  *result,
                                                                AnshinChargeCard             **out_card,
                                                                AnshinChallenge              **out_challenge,
                                                                GError                       **error);
void                anshin_account_answer_challenge_async      (AnshinAccount                 *self,
                                                                const char                    *challenge_id,
                                                                const char                    *code,
                                                                gboolean                       retry,
                                                                GCancellable                  *cancellable,
                                                                GAsyncReadyCallback            callback,
                                                                gpointer                       user_data);
void                anshin_account_forget_challenge            (AnshinAccount                 *self);
AnshinChargeCard   *anshin_account_answer_challenge_finish     (AnshinAccount                 *self,
                                                                GAsyncResult                  *result,
                                                                GError                       **error);
void                anshin_account_remove_charge_card_async    (AnshinAccount                 *self,
                                                                AnshinChargeCard              *card,
                                                                GCancellable                  *cancellable,
                                                                GAsyncReadyCallback            callback,
                                                                gpointer                       user_data);
gboolean            anshin_account_remove_charge_card_finish   (AnshinAccount                 *self,
                                                                GAsyncResult                  *result,
                                                                GError                       **error);
void                anshin_account_top_up_async                (AnshinAccount                 *self,
                                                                const char                    *charge_card_id,
                                                                gint64                         amount,
                                                                GCancellable                  *cancellable,
                                                                GAsyncReadyCallback            callback,
                                                                gpointer                       user_data);
AnshinCharge       *anshin_account_top_up_finish               (AnshinAccount                 *self,
                                                                GAsyncResult                  *result,
                                                                GError                       **error);
void                anshin_account_list_charges_async          (AnshinAccount                 *self,
                                                                GCancellable                  *cancellable,
                                                                GAsyncReadyCallback            callback,
                                                                gpointer                       user_data);
GPtrArray          *anshin_account_list_charges_finish         (AnshinAccount                 *self,
                                                                GAsyncResult                  *result,
                                                                GError                       **error);

G_END_DECLS
