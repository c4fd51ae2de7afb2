/* anshin-account-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files of AnshinAccount: anshin-account.c (the account:
 * properties, keyring, refresh, sessions, live events), and the two that
 * use it one way: anshin-account-models.c (merging the issuer's answers
 * into the models, the offline cache) and anshin-account-changes.c
 * (freeze, reissue, charge cards, top-up).
 */

#pragma once

#include "anshin-account.h"
#include "anshin-activity.h"
#include "anshin-issuer-cache.h"
#include "anshin-issuer-clock.h"
#include "anshin-issuer-events.h"
#include "anshin-issuer-types.h"
#include "anshin-issuer-info.h"

G_BEGIN_DECLS

typedef enum {
  REFRESH_CARD         = 1 << 0,
  REFRESH_METHODS      = 1 << 1,
  REFRESH_PROGRAMS     = 1 << 2,
  REFRESH_NOTICES      = 1 << 3,
  REFRESH_CHARGE_CARDS = 1 << 4,
  REFRESH_ALL          = 0x1f,
} RefreshParts;


struct _AnshinAccount
{
  GObject             parent_instance;

  AnshinIssuerClient *client;
  AnshinIssuerClock  *clock;
  GCancellable       *cancellable;
  guint               changed_source;

  /* idempotency keys kept while a change's outcome is unknown */
  char               *reissue_key;
  char               *register_key;
  char               *challenge_key;
  char               *top_up_key;
  gboolean            challenge_pending;

  AnshinIssuerInfo   *issuer_info;       /* updated in place */
  gboolean            issuer_info_loaded;
  /* The registration lock, as the issuer last said (its registration
   * form, asked for after each load of the card and when the lock's end
   * passes on the issuer's clock); max_attempts is 0 until it said */
  GDateTime          *locked_until;
  int                 max_attempts;
  gboolean            lock_loading;
  gboolean            lock_again;        /* asked again while loading */
  guint               lock_generation;   /* of the question in flight */
  gint64              lock_checked_at;   /* monotonic, the last re-ask at the end */
  guint               lock_source;       /* the next look at the lock's end */
  char               *top_up_card_id;
  gint64              top_up_amount;

  AnshinCard         *card;
  gboolean            has_card;
  GListStore         *payment_methods;
  GListStore         *notices;
  GListStore         *programs;
  GListStore         *charge_cards;
  AnshinActivity     *activity;
  gboolean            notices_loaded;
  guint               unread_count;
  gboolean            online;
  GDateTime          *as_of;

  char               *member_id;
  char               *resume_token;
  /* while the issuer cannot be reached: the next try, after a wait that
   * doubles with each failed one (anshin_backoff_next()) */
  guint               recover_source;
  guint               recover_attempt;
  guint               recover_base_ms;
  guint               recover_max_ms;

  /* The keyring, kept in step with the client's refresh token (unless
   * the sign-in is not to be remembered, as for the demo issuer) */
  gboolean            forget_sign_in;
  char               *wanted_token;
  gboolean            secret_dirty;
  gboolean            secret_busy;
  GPtrArray          *secret_waiters;
  /* Why the last keyring update failed, NULL when it worked */
  GError             *secret_error;

  AnshinIssuerEvents *events;

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

/* anshin-account.c */
void           _anshin_account_refresh_parts         (AnshinAccount        *self,
                                                      RefreshParts          parts,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void           _anshin_account_set_challenge_pending (AnshinAccount        *self,
                                                      gboolean              pending);
void           _anshin_account_note_registration     (AnshinAccount        *self,
                                                      const AnshinRegistrationForm *form);
void           _anshin_account_set_online            (AnshinAccount        *self,
                                                      gboolean              online);
void           _anshin_account_notify_signed_in      (AnshinAccount        *self);
void           _anshin_account_note_token            (AnshinAccount        *self,
                                                      const char           *token);
void           _anshin_account_set_member_id         (AnshinAccount        *self,
                                                      const char           *member_id);
void           _anshin_account_secret_sync           (AnshinAccount        *self,
                                                      GTask                *task);

/* anshin-account-models.c */
void           _anshin_account_add_notice            (AnshinAccount        *self,
                                                      AnshinNotice         *notice);
void           _anshin_account_set_as_of             (AnshinAccount        *self,
                                                      GDateTime            *as_of);
void           _anshin_account_save_cache            (AnshinAccount        *self);
void           _anshin_account_apply_parts           (AnshinAccount        *self,
                                                      AnshinCard           *card,
                                                      GPtrArray            *methods,
                                                      GPtrArray            *programs,
                                                      GPtrArray            *notices,
                                                      GPtrArray            *charge_cards,
                                                      gboolean              announce);
void           _anshin_account_apply_snapshot        (AnshinAccount        *self,
                                                      AnshinIssuerSnapshot *snapshot);
void           _anshin_account_after_cache_saves     (AnshinAccount        *self,
                                                      GTask                *task,
                                                      void                (*func) (GTask *task));
void           _anshin_account_reset_models          (AnshinAccount        *self);
char          *_anshin_account_dup_cache_path        (AnshinAccount        *self);

G_END_DECLS
