/* anshin-account-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by anshin-account.c (models, sessions, cache) and
 * anshin-account-events.c (live events, reconnection, polling).
 */

#pragma once

#include "anshin-account.h"
#include "anshin-issuer-cache.h"
#include "anshin-issuer-types.h"

G_BEGIN_DECLS

typedef enum {
  REFRESH_CARD         = 1 << 0,
  REFRESH_METHODS      = 1 << 1,
  REFRESH_PROGRAMS     = 1 << 2,
  REFRESH_NOTICES      = 1 << 3,
  REFRESH_CHARGE_CARDS = 1 << 4,
  REFRESH_ALL          = 0x1f,
} RefreshParts;

typedef struct {
  GCancellable            *cancellable;
  SoupWebsocketConnection *connection;
  guint                    reconnect_source;
  guint                    poll_source;
  guint                    attempt;
  guint                    base_ms;
  guint                    max_ms;
  guint                    poll_ms;
  gboolean                 polling;
} AccountEvents;

struct _AnshinAccount
{
  GObject             parent_instance;

  AnshinIssuerClient *client;
  GCancellable       *cancellable;

  AnshinCard         *card;
  gboolean            has_card;
  GListStore         *payment_methods;
  GListStore         *notices;
  GListStore         *programs;
  GListStore         *charge_cards;
  gboolean            notices_loaded;
  guint               unread_count;
  gboolean            online;
  gboolean            live;
  GDateTime          *as_of;

  char               *member_id;
  char               *resume_token;
  guint               recover_source;

  /* The keyring, kept in step with the client's refresh token (unless
   * the sign-in is not to be remembered, as for the demo issuer) */
  gboolean            forget_sign_in;
  char               *wanted_token;
  gboolean            secret_dirty;
  gboolean            secret_busy;
  GPtrArray          *secret_waiters;
  /* Why the last keyring update failed, NULL when it worked */
  GError             *secret_error;

  AccountEvents       events;

  /* Bumped at sign-out: answers to refreshes started before are dropped. */
  guint               generation;
  guint               saves_in_flight;
  GTask              *after_saves;
  void              (*after_saves_func) (GTask *task);
};

typedef struct {
  guint         generation;
  RefreshParts  parts;
  guint         pending;
  GError       *error;
  AnshinCard   *card;
  GPtrArray    *methods;
  GPtrArray    *programs;
  GPtrArray    *notices;
  GPtrArray    *charge_cards;
} RefreshData;

AccountEvents *anshin_account_peek_events       (AnshinAccount      *self);
void           anshin_account_refresh_parts     (AnshinAccount      *self,
                                                 RefreshParts        parts,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
void           anshin_account_add_notice        (AnshinAccount      *self,
                                                 AnshinNotice       *notice);
void           anshin_account_set_live          (AnshinAccount      *self,
                                                 gboolean            live);

void           anshin_account_events_start      (AnshinAccount      *self);
void           anshin_account_events_stop       (AnshinAccount      *self);
gboolean       anshin_account_events_is_running (AnshinAccount      *self);

/* anshin-account.c and anshin-account-models.c */
void           anshin_account_set_online        (AnshinAccount      *self,
                                                 gboolean            online);
void           anshin_account_notify_signed_in  (AnshinAccount      *self);
void           anshin_account_note_token        (AnshinAccount      *self,
                                                 const char         *token);
void           anshin_account_set_member_id     (AnshinAccount      *self,
                                                 const char         *member_id);
void           anshin_account_secret_sync       (AnshinAccount      *self,
                                                 GTask              *task);
void           anshin_account_set_as_of         (AnshinAccount      *self,
                                                 GDateTime          *as_of);
void           anshin_account_save_cache        (AnshinAccount      *self);
void           anshin_account_apply_parts       (AnshinAccount      *self,
                                                 AnshinCard         *card,
                                                 GPtrArray          *methods,
                                                 GPtrArray          *programs,
                                                 GPtrArray          *notices,
                                                 GPtrArray          *charge_cards,
                                                 gboolean            announce);
void           anshin_account_apply_snapshot    (AnshinAccount      *self,
                                                 AnshinIssuerSnapshot *snapshot);
void           anshin_account_after_cache_saves (AnshinAccount      *self,
                                                 GTask              *task,
                                                 void              (*func) (GTask *task));
void           anshin_account_reset_models      (AnshinAccount      *self);
char          *anshin_account_dup_cache_path    (AnshinAccount      *self);

/* anshin-account-session.c */
void           anshin_account_schedule_recovery (AnshinAccount      *self);

G_END_DECLS
