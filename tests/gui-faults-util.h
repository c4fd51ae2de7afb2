/* gui-faults-util.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For test-gui-faults.c: waiting, what the holder reads (a message's
 * words, a toast on screen and whether it fits, a button or dialog shown),
 * and what the mock issuer says without touching the page's own client
 * (attempts left, charge cards, the codes of its 3-D Secure challenges).
 */

#pragma once

#include <adwaita.h>

#include "anshin-challenge-dialog.h"
#include "topup-test-util.h"

G_BEGIN_DECLS

#define GUI_FAULTS_WAIT_FOR(cond) TOPUP_TEST_WAIT_FOR (cond)

typedef enum {
  GUI_FAULTS_SAYS_WHAT_TO_DO = 1 << 0,  /* else a button next to it does */
  GUI_FAULTS_ISSUER_ANSWERED = 1 << 1,  /* so the connection is not to blame */
} GuiFaultsWords;

void                   gui_faults_assert_words          (const char     *where,
                                                         const char     *text,
                                                         GuiFaultsWords  words);
GtkLabel              *gui_faults_find_toast            (GtkWidget      *overlay,
                                                         const char     *prefix);
gboolean               gui_faults_label_is_cut          (GtkLabel       *label);
GtkWidget             *gui_faults_find_shown_button     (GtkWidget      *root,
                                                         const char     *label);
void                   gui_faults_assert_typed_kept     (TopupFixture   *topup,
                                                         const char     *number,
                                                         const char     *expiry,
                                                         const char     *cvc,
                                                         const char     *name);
void                   gui_faults_assert_attempts       (TopupFixture   *topup,
                                                         int             attempts);

int                    gui_faults_issuer_attempts       (const char     *mock_url);
guint                  gui_faults_issuer_charge_cards   (const char     *mock_url);
char                  *gui_faults_dup_dialog_code       (const char     *mock_url,
                                                         GHashTable     *before);

G_END_DECLS
