/* anshin-activity.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-issuer-client.h"
#include "anshin-issuer-types.h"
#include "anshin-transaction.h"

G_BEGIN_DECLS

/* How many entries one page asks for. */
#define ANSHIN_ACTIVITY_PAGE_SIZE 50

#define ANSHIN_TYPE_ACTIVITY (anshin_activity_get_type ())

G_DECLARE_FINAL_TYPE (AnshinActivity, anshin_activity, ANSHIN, ACTIVITY, GObject)

AnshinActivity        *anshin_activity_new               (AnshinIssuerClient    *client);
gboolean               anshin_activity_get_loading       (AnshinActivity        *self);
gboolean               anshin_activity_get_complete      (AnshinActivity        *self);
GDateTime             *anshin_activity_get_as_of         (AnshinActivity        *self);
void                   anshin_activity_set_page_size     (AnshinActivity        *self,
                                                          guint                  page_size);

void                   anshin_activity_reload_async      (AnshinActivity        *self,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
gboolean               anshin_activity_reload_finish     (AnshinActivity        *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);
void                   anshin_activity_load_older_async  (AnshinActivity        *self,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
gboolean               anshin_activity_load_older_finish (AnshinActivity        *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);

/* The offline cache: the newest page, and restoring it (only into an
 * empty activity: what was loaded since is newer). */
AnshinTransactionPage *anshin_activity_dup_first_page    (AnshinActivity        *self);
void                   anshin_activity_restore           (AnshinActivity        *self,
                                                          const AnshinTransactionPage *page,
                                                          GDateTime             *as_of);
void                   anshin_activity_clear             (AnshinActivity        *self);

G_END_DECLS
