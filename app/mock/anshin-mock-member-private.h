/* anshin-mock-member-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The member's state, shared by the files that change it:
 * anshin-mock-member.c (card, payment methods, notices, the timeline),
 * anshin-mock-registration.c (charge cards, the lock, 3-D Secure) and
 * anshin-mock-topup.c (charges and limits) and anshin-mock-activity.c
 * (payments and the activity). Not for use elsewhere.
 */

#pragma once

#include "anshin-mock-json.h"
#include "anshin-mock-member.h"

G_BEGIN_DECLS

#define ANSHIN_MOCK_DAY (24 * 60 * 60)

typedef struct
{
  char   *id;
  char   *code;
  gint64  expires_at;
  JsonObject *pending_card; /* the charge card to register, with its fingerprint */
} AnshinMockChallenge;

struct _AnshinMockMember
{
  GObject             parent_instance;

  AnshinMockScenario *scenario;
  char               *member_id;
  char               *password;

  /* Persisted */
  JsonObject         *card;          /* API shape */
  JsonArray          *networks;      /* API shape, before overlays */
  JsonArray          *notices;       /* oldest first */
  JsonArray          *charge_cards;  /* API shape plus "fingerprint" */
  JsonArray          *charges;       /* oldest first */
  GArray             *failures;      /* gint64 unix times of counted failures */
  gint64              locked_until;  /* unix time, 0 when never locked */
  gint64              frozen_at;
  guint               timeline_index;
  gboolean            reissued_new_number;
  guint               next_id;
  JsonArray          *transactions;  /* API shape, oldest first */
  guint               payment_index; /* the next scheduled payment of the scenario */
  JsonObject         *points_earned; /* programme id -> points earned since the start */

  /* Not persisted: short-lived */
  GBytes             *card_json;     /* the card serialized, until it changes */
  GHashTable         *form_tokens;   /* token -> gint64 expiry */
  GHashTable         *challenges;    /* id -> AnshinMockChallenge */
  GHashTable         *transaction_index; /* id -> position in transactions + 1 */
};

void        anshin_mock_member_emit          (AnshinMockMember *self,
                                              const char       *type);
void        anshin_mock_member_add_notice    (AnshinMockMember *self,
                                              const char       *code,
                                              const char       *channel,
                                              const char       *title,
                                              const char       *body,
                                              JsonObject       *params,
                                              GDateTime        *issued_at);
JsonObject *anshin_mock_member_ensure_balance (AnshinMockMember *self);
char       *anshin_mock_member_next_id       (AnshinMockMember *self,
                                              const char       *prefix);
const char *anshin_mock_member_card_state          (AnshinMockMember *self);
JsonObject *anshin_mock_member_current_reissue     (AnshinMockMember *self);
gboolean    anshin_mock_member_reissue_in_progress (AnshinMockMember *self);
void        anshin_mock_member_start_activity (AnshinMockMember *self);
void        anshin_mock_member_index_activity (AnshinMockMember *self);
gboolean    anshin_mock_member_pay_scheduled  (AnshinMockMember *self,
                                               guint             index);
void        anshin_mock_challenge_free       (gpointer          data);

G_END_DECLS
