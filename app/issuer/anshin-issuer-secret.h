/* anshin-issuer-secret.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

const SecretSchema *anshin_issuer_secret_get_schema   (void) G_GNUC_CONST;

void                anshin_issuer_secret_store_async  (const char           *issuer_url,
                                                       const char           *member_id,
                                                       const char           *refresh_token,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            anshin_issuer_secret_store_finish (GAsyncResult         *result,
                                                       GError              **error);
void                anshin_issuer_secret_lookup_async (const char           *issuer_url,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
void                anshin_issuer_secret_peek_async   (const char           *issuer_url,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
char               *anshin_issuer_secret_lookup_finish (GAsyncResult        *result,
                                                        char               **out_member_id,
                                                        GError             **error);
void                anshin_issuer_secret_clear_async  (const char           *issuer_url,
                                                       const char           *member_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            anshin_issuer_secret_clear_finish (GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
