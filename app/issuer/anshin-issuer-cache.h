/* anshin-issuer-cache.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-card.h"
#include "anshin-issuer-types.h"

G_BEGIN_DECLS

/* The last known state of one member's card, as shown offline. The lists
 * hold AnshinPaymentMethod, AnshinProgram, AnshinNotice (newest first) and
 * AnshinChargeCard; activity is the last loaded page of the activity
 * (nullable: none loaded, or a cache written before it existed). */
typedef struct {
  GDateTime             *saved_at;
  AnshinCard            *card;
  GPtrArray             *payment_methods;
  GPtrArray             *programs;
  GPtrArray             *notices;
  GPtrArray             *charge_cards;
  AnshinTransactionPage *activity;
} AnshinIssuerSnapshot;

AnshinIssuerSnapshot *anshin_issuer_snapshot_new        (void);
void                  anshin_issuer_snapshot_free       (AnshinIssuerSnapshot        *self);
char                 *anshin_issuer_snapshot_to_json    (const AnshinIssuerSnapshot  *self,
                                                         gsize                       *out_length);
AnshinIssuerSnapshot *anshin_issuer_snapshot_from_json  (const char                  *data,
                                                         gsize                        length,
                                                         GError                     **error);

char                 *anshin_issuer_cache_dup_path      (const char                  *issuer_url,
                                                         const char                  *member_id);
void                  anshin_issuer_cache_save_async    (const char                  *path,
                                                         const AnshinIssuerSnapshot  *snapshot,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
gboolean              anshin_issuer_cache_save_finish   (GAsyncResult                *result,
                                                         GError                     **error);
void                  anshin_issuer_cache_load_async    (const char                  *path,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
AnshinIssuerSnapshot *anshin_issuer_cache_load_finish   (GAsyncResult                *result,
                                                         GError                     **error);
void                  anshin_issuer_cache_delete_async  (const char                  *path,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
gboolean              anshin_issuer_cache_delete_finish (GAsyncResult                *result,
                                                         GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinIssuerSnapshot, anshin_issuer_snapshot_free)

G_END_DECLS
