/* anshin-alert.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which desktop notification an event deserves, and its words: the
 * explainer's headline and one sentence, never the issuer's raw title.
 * Pure functions; app/issuer's AnshinNotifier sends what they return.
 */

#pragma once

#include <gio/gio.h>

#include "anshin-card.h"
#include "anshin-notice.h"
#include "anshin-payment-method.h"

G_BEGIN_DECLS

typedef enum {
  ANSHIN_ALERT_KIND_NOTICE,
  ANSHIN_ALERT_KIND_UNEXPECTED_ACTIVATION,
  ANSHIN_ALERT_KIND_METHOD_WORKS_AGAIN,
  ANSHIN_ALERT_KIND_REISSUE_READY,
  ANSHIN_ALERT_KIND_PAYMENT_DECLINED,
  ANSHIN_ALERT_KIND_REGISTRATION_OPENS,
  ANSHIN_ALERT_KIND_SIGN_IN_AGAIN,
} AnshinAlertKind;

typedef struct {
  AnshinAlertKind kind;
  char           *key;        /* what "exactly once" is counted on; no secrets */
  char           *id;         /* the notification id: "notice-<id>" for a notice */
  char           *title;
  char           *body;
  gboolean        urgent;
  char           *page;       /* the window page the default action opens */
  char           *notice_id;  /* nullable: the notice the default action opens */
  gboolean        offer_freeze;
} AnshinAlert;

#define ANSHIN_TYPE_ALERT (anshin_alert_get_type ())

GType        anshin_alert_get_type               (void) G_GNUC_CONST;
AnshinAlert *anshin_alert_copy                   (const AnshinAlert         *self);
void         anshin_alert_free                   (AnshinAlert               *self);

AnshinAlert *anshin_alert_for_notice             (AnshinNotice              *notice,
                                                  AnshinCard                *card,
                                                  GListModel                *methods,
                                                  GListModel                *programs,
                                                  GDateTime                 *now);
AnshinAlert *anshin_alert_for_method_change      (AnshinPaymentMethod       *method,
                                                  AnshinPaymentMethodState   old_state,
                                                  AnshinPaymentMethodReason  old_reason);
AnshinAlert *anshin_alert_for_registration_opens (GDateTime                 *opens_at);
AnshinAlert *anshin_alert_for_sign_in_again      (void);
char        *anshin_alert_first_sentence         (const char                *text);
char        *anshin_alert_dup_notice_notification_id (const char            *notice_id);
char        *anshin_alert_dup_watch_offer        (AnshinCard                *card,
                                                  GListModel                *methods,
                                                  GDateTime                 *locked_until,
                                                  GDateTime                 *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinAlert, anshin_alert_free)

G_END_DECLS
