/* anshin-account.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-issuer-client.h"

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
AnshinIssuerClient *anshin_account_get_client           (AnshinAccount        *self);
void                anshin_account_set_remember_sign_in (AnshinAccount        *self,
                                                         gboolean              remember);
AnshinCard         *anshin_account_get_card             (AnshinAccount        *self);
gboolean            anshin_account_get_has_card         (AnshinAccount        *self);
GListModel         *anshin_account_get_payment_methods  (AnshinAccount        *self);
GListModel         *anshin_account_get_notices          (AnshinAccount        *self);
GListModel         *anshin_account_get_programs         (AnshinAccount        *self);
GListModel         *anshin_account_get_charge_cards     (AnshinAccount        *self);
guint               anshin_account_get_unread_count     (AnshinAccount        *self);
gboolean            anshin_account_get_signed_in        (AnshinAccount        *self);
gboolean            anshin_account_get_online           (AnshinAccount        *self);
gboolean            anshin_account_get_live             (AnshinAccount        *self);
GDateTime          *anshin_account_get_as_of            (AnshinAccount        *self);
void                anshin_account_set_timings          (AnshinAccount        *self,
                                                         guint                 reconnect_base_ms,
                                                         guint                 reconnect_max_ms,
                                                         guint                 poll_ms);

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

G_END_DECLS
