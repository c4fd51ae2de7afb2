/* anshin-charge-card-form-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by anshin-charge-card-form.c (the fields and their rules) and
 * anshin-charge-card-form-issuer.c (what the issuer says: attempts, the
 * lock, refusals).
 */

#pragma once

#include "anshin-charge-card-form.h"

G_BEGIN_DECLS

#define N_FIELDS 4

typedef struct {
  GtkWidget *row;
  GtkLabel  *error_label;
  char      *error;
} Field;

struct _AnshinChargeCardForm
{
  AdwBin      parent_instance;

  Field       fields[N_FIELDS];
  char      **accepted_brands;
  int         attempts_remaining;
  int         max_attempts;
  GDateTime  *locked_until;
  GDateTime  *now;
  gboolean    has_registration;
  gboolean    busy;
  gboolean    formatting;
  gboolean    lock_explained;  /* the page above says why it is locked */

  /* template children */
  GtkWidget  *lock_callout;
  GtkLabel   *lock_title;
  GtkLabel   *lock_body;
  GtkLabel   *lock_countdown;
  GtkLabel   *brands_label;
  GtkLabel   *attempts_label;
  GtkWidget  *last_attempt_box;
  GtkLabel   *last_attempt_label;
  GtkWidget  *fields_box;
  GtkWidget  *number_row;
  GtkLabel   *brand_label;
  GtkLabel   *number_error;
  GtkWidget  *expiry_row;
  GtkLabel   *expiry_error;
  GtkWidget  *cvc_row;
  GtkLabel   *cvc_error;
  GtkWidget  *name_row;
  GtkLabel   *name_error;
  GtkWidget  *failure_box;
  GtkLabel   *failure_label;
  GtkWidget  *retry_button;
  GtkWidget  *spinner;
  GtkWidget  *progress_label;
  GtkWidget  *submit_button;
};

GDateTime *_anshin_charge_card_form_dup_now            (AnshinChargeCardForm *self);
gboolean   _anshin_charge_card_form_is_locked          (AnshinChargeCardForm *self);
void       _anshin_charge_card_form_update_sensitivity (AnshinChargeCardForm *self);
void       _anshin_charge_card_form_hide_failure       (AnshinChargeCardForm *self);
void       _anshin_charge_card_form_set_field_error    (AnshinChargeCardForm *self,
                                                        AnshinCardField       field,
                                                        const char           *message);
void       _anshin_charge_card_form_update_lock        (AnshinChargeCardForm *self);
void       _anshin_charge_card_form_update_attempts    (AnshinChargeCardForm *self);

G_END_DECLS
