/* anshin-explainer-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by anshin-explainer.c (notices) and anshin-explainer-methods.c
 * (payment methods, the reissue trade-off). Not for use outside app/core.
 */

#pragma once

#include <gio/gio.h>

#include "anshin-card.h"
#include "anshin-explanation.h"
#include "anshin-notice.h"
#include "anshin-payment-method.h"

G_BEGIN_DECLS

/* An explanation being written; anshin_draft_finish() turns it into the
 * immutable AnshinExplanation. */
typedef struct
{
  AnshinExpectation expectation;
  char *headline;
  char *what_happened;
  char *evidence;
  char *what_to_do;
  char *what_next;
  char *programme_impact;
  GListStore *actions;
  GListStore *schedule;   /* of AnshinScheduleItem */
} AnshinDraft;

/* What a notice is explained against. */
typedef struct
{
  AnshinNotice *notice;
  AnshinCard *card;
  GListModel *methods;    /* nullable */
  GListModel *programs;   /* nullable */
  GDateTime *now;
  GDateTime *at;          /* when the notice was issued, else now */
} AnshinNoticeContext;

/* How a payment method stands, for what it means to a programme. */
typedef enum {
  ANSHIN_IMPACT_WORKS,
  ANSHIN_IMPACT_UNTIL_THEN,          /* doesn't work; a date is known */
  ANSHIN_IMPACT_UNTIL_WORKS_AGAIN,   /* doesn't work; no date */
  ANSHIN_IMPACT_NOT_SET_UP,
  ANSHIN_IMPACT_AFTER_REISSUE,       /* works again once a new number is ready */
} AnshinImpact;

void               anshin_draft_init                 (AnshinDraft             *draft);
AnshinExplanation *anshin_draft_finish               (AnshinDraft             *draft);
void               anshin_explainer_add_contact      (AnshinDraft             *draft);
void               anshin_draft_add_action           (AnshinDraft             *draft,
                                                      AnshinActionKind         kind,
                                                      AnshinPaymentMethodKind  method,
                                                      GDateTime               *when,
                                                      const char              *label,
                                                      const char              *description);

char              *anshin_explainer_join             (char                    *first,
                                                      char                    *second);
char              *anshin_explainer_join_once        (char                    *first,
                                                      char                    *second);
char              *anshin_explainer_join_labels      (GPtrArray               *labels);
char              *anshin_explainer_method_names     (GPtrArray               *methods);
gboolean           anshin_explainer_is_future        (GDateTime               *time,
                                                      GDateTime               *now);
char              *anshin_explainer_masked_number    (AnshinCard              *card);
gboolean           anshin_explainer_same_day         (GDateTime               *time,
                                                      GDateTime               *date);
gboolean           anshin_explainer_is_wallet        (AnshinPaymentMethodKind  kind);
GPtrArray         *anshin_explainer_lagging_methods  (GListModel              *methods);
GPtrArray         *anshin_explainer_wallets_in_use   (GListModel              *methods);
char              *anshin_explainer_lagging_sentence (AnshinPaymentMethod     *method,
                                                      GDateTime               *now);
void               anshin_explainer_schedule_methods (AnshinDraft             *draft,
                                                      GPtrArray               *methods,
                                                      GDateTime               *now);
gboolean           anshin_explainer_schedule_method  (AnshinDraft             *draft,
                                                      AnshinPaymentMethod     *method,
                                                      GListModel              *methods,
                                                      GDateTime               *now);
char              *anshin_explainer_programme_impact (GListModel              *programs,
                                                      AnshinPaymentMethodKind  kind,
                                                      AnshinImpact             impact);
char              *anshin_explainer_reissue_summary  (AnshinPaymentMethodKind  kind,
                                                      GDateTime               *now);
char              *anshin_explainer_ready_text       (GDateTime               *ready,
                                                      GDateTime               *said_day);
char              *anshin_explainer_overdue_sentence (GDateTime               *ready,
                                                      GDateTime               *said_day);

/* anshin-explainer-notices.c: the notices about reissues, freezing and
 * charging the card, and notices this version doesn't know. */
void anshin_explain_reissue_started_notice        (AnshinDraft         *draft,
                                                   AnshinNoticeContext *ctx);
void anshin_explain_reissue_completed_notice      (AnshinDraft         *draft,
                                                   AnshinNoticeContext *ctx);
void anshin_explain_card_frozen_notice            (AnshinDraft         *draft,
                                                   AnshinNoticeContext *ctx);
void anshin_explain_card_unfrozen_notice          (AnshinDraft         *draft,
                                                   AnshinNoticeContext *ctx);
void anshin_explain_charge_card_registered_notice (AnshinDraft         *draft,
                                                   AnshinNoticeContext *ctx);
void anshin_explain_registration_locked_notice    (AnshinDraft         *draft,
                                                   AnshinNoticeContext *ctx);
void anshin_explain_charge_completed_notice       (AnshinDraft         *draft,
                                                   AnshinNoticeContext *ctx);
/* anshin-explainer-activity.c */
void anshin_explain_payment_declined_notice       (AnshinDraft         *draft,
                                                   AnshinNoticeContext *ctx);
void anshin_explain_unknown_notice                (AnshinDraft         *draft,
                                                   AnshinNoticeContext *ctx);

G_END_DECLS
