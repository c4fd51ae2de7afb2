/* anshin-topup-form.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS


#define ANSHIN_TYPE_TOPUP_FORM (anshin_topup_form_get_type ())

G_DECLARE_FINAL_TYPE (AnshinTopupForm, anshin_topup_form, ANSHIN, TOPUP_FORM, AdwBin)

GtkWidget  *anshin_topup_form_new             (void);
void        anshin_topup_form_set_charge_cards (AnshinTopupForm *self,
                                                GListModel      *charge_cards);
void        anshin_topup_form_set_charges_unknown (AnshinTopupForm *self);
void        anshin_topup_form_set_charges     (AnshinTopupForm *self,
                                               GPtrArray       *charges);
void        anshin_topup_form_set_now         (AnshinTopupForm *self,
                                               GDateTime       *now);
void        anshin_topup_form_set_registration_locked_until
                                              (AnshinTopupForm *self,
                                               GDateTime       *until);
gint64      anshin_topup_form_get_amount      (AnshinTopupForm *self);
void        anshin_topup_form_set_amount      (AnshinTopupForm *self,
                                               gint64           amount);
gint64      anshin_topup_form_get_left        (AnshinTopupForm *self,
                                               GTimeSpan        window);
const char *anshin_topup_form_get_refusal     (AnshinTopupForm *self);
void        anshin_topup_form_set_busy        (AnshinTopupForm *self,
                                               gboolean         busy);
void        anshin_topup_form_show_failure    (AnshinTopupForm *self,
                                               const char      *message,
                                               gboolean         offer_retry);
void        anshin_topup_form_show_success    (AnshinTopupForm *self,
                                               const char      *message);
const char *anshin_topup_form_get_failure     (AnshinTopupForm *self);
GtkWidget  *anshin_topup_form_get_topup_button (AnshinTopupForm *self);
GtkWidget  *anshin_topup_form_get_retry_button (AnshinTopupForm *self);

G_END_DECLS
