/* anshin-topup-page-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by anshin-topup-page.c (the page, its lists and the top-up) and
 * anshin-topup-page-register.c (charge-card registration and 3-D Secure).
 */

#pragma once

#include "anshin-charge-card-form.h"
#include "anshin-moment-callout.h"
#include "anshin-topup-form.h"
#include "anshin-topup-page.h"

G_BEGIN_DECLS

typedef enum {
  RETRY_NONE,
  RETRY_LOAD,
  RETRY_SUBMIT,
  RETRY_CHALLENGE,
} RegisterRetry;

struct _AnshinTopupPage
{
  AdwBin                  parent_instance;

  AnshinAccount          *account;
  GCancellable           *cancellable;
  guint                   tick_id;

  /* registration */
  AnshinRegistrationForm *registration;
  gboolean                loading_registration;
  gboolean                submitted;      /* Retry sends the same submission */
  AnshinChallenge        *challenge;
  char                   *challenge_code;
  gboolean                code_sent;      /* Retry sends the same code */
  RegisterRetry           retry;
  GtkWindow              *challenge_dialog;

  /* the top-up waiting for an answer, or whose answer was lost */
  gboolean                charge_pending;
  char                   *charge_card_id;
  gint64                  charge_amount;

  /* template children */
  GtkStack               *cards_stack;
  GtkListBox             *cards_list;
  AnshinTopupForm        *topup_form;
  AnshinChargeCardForm   *card_form;
  AnshinMomentCallout    *moment_callout;
};

void  anshin_topup_page_emit_toast          (AnshinTopupPage *self,
                                             const char      *text);
void  anshin_topup_page_load_registration   (AnshinTopupPage *self);
char *anshin_topup_page_describe_unreachable (const GError   *error);
void  anshin_topup_page_clear_registration  (AnshinTopupPage *self);

/* template callbacks */
void  on_card_form_submit_cb                (AnshinTopupPage *self);
void  on_card_form_retry_cb                 (AnshinTopupPage *self);

G_END_DECLS
