/* topup-test-util.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by test-topup-page.c and test-topup-leak.c: the Top-up page in a
 * window, signed in to the mock issuer's seed story, and the holder's
 * steps (typing, Register, the one-time code, topping up) as helpers.
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"
#include "anshin-challenge-dialog.h"
#include "anshin-charge-card-form.h"
#include "anshin-mock-thread.h"
#include "anshin-topup-form.h"
#include "anshin-topup-page.h"
#include "issuer-test-util.h"
#include "pages-test-util.h"

G_BEGIN_DECLS

#define TOPUP_TEST_WAIT_SECONDS 20

/* Iterates the main context until @cond holds, failing after a while. */
#define TOPUP_TEST_WAIT_FOR(cond) \
  G_STMT_START { \
    gint64 wait_end__ = g_get_monotonic_time () + TOPUP_TEST_WAIT_SECONDS * G_USEC_PER_SEC; \
    while (!(cond)) \
      { \
        if (g_get_monotonic_time () > wait_end__) \
          g_error ("Timed out waiting for %s", #cond); \
        if (!g_main_context_iteration (NULL, FALSE)) \
          g_usleep (2000); \
      } \
  } G_STMT_END

/* Visa test numbers of the seed story: one it registers, one it declines */
#define TOPUP_TEST_NUMBER "4242424242424242"
#define TOPUP_TEST_DECLINED "4000000000000002"
#define TOPUP_TEST_CVC "739"

typedef struct {
  AnshinMockThread     *mock;
  const char           *url;
  AnshinIssuerClient   *client;
  AnshinAccount        *account;
  GtkWindow            *window;
  AnshinTopupPage      *page;
  AnshinChargeCardForm *form;
  AnshinTopupForm      *topup;
  char                 *last_toast;
  gint64                last_toast_balance;  /* what it states, or -1 */
} TopupFixture;

void         topup_test_init                  (int           *argc,
                                               char        ***argv);
void         topup_test_set_up                (TopupFixture  *fixture,
                                               gconstpointer  user_data);
void         topup_test_tear_down             (TopupFixture  *fixture,
                                               gconstpointer  user_data);
void         topup_test_show                  (TopupFixture  *fixture);
void         topup_test_flush_for             (guint          ms);
void         topup_test_advance_clock         (TopupFixture  *fixture,
                                               gint64         seconds);

GtkLabel    *topup_test_find_label            (TopupFixture  *fixture,
                                               const char    *text);
gboolean     topup_test_label_shown           (TopupFixture  *fixture,
                                               const char    *text);
GtkLabel    *topup_test_find_shown_label_containing (TopupFixture *fixture,
                                                     const char   *text);
char        *topup_test_attempts_text         (TopupFixture  *fixture);
void         topup_test_wait_attempts         (TopupFixture  *fixture,
                                               int            attempts);
void         topup_test_wait_locked           (TopupFixture  *fixture,
                                               gboolean       locked);
int          topup_test_issuer_attempts       (TopupFixture  *fixture);
char        *topup_test_local_unlock_time     (TopupFixture  *fixture);

const char  *topup_test_field_text            (TopupFixture  *fixture,
                                               AnshinCardField field);
void         topup_test_fill                  (TopupFixture  *fixture,
                                               const char    *number,
                                               const char    *expiry,
                                               const char    *cvc,
                                               const char    *name);
GtkWidget   *topup_test_submit_button         (TopupFixture  *fixture);
AnshinChallengeDialog *topup_test_find_challenge_dialog (void);
AnshinChallengeDialog *topup_test_wait_challenge (TopupFixture *fixture);
AdwMessageDialog *topup_test_wait_message_dialog (void);
void         topup_test_wait_cards            (TopupFixture  *fixture,
                                               guint          n_cards);
AnshinChallengeDialog *topup_test_submit_and_wait_challenge (TopupFixture *fixture);
void         topup_test_enter_code            (TopupFixture  *fixture,
                                               AnshinChallengeDialog *dialog);
void         topup_test_register              (TopupFixture  *fixture);
void         topup_test_register_card         (TopupFixture  *fixture);
void         topup_test_submit_and_wait_failure (TopupFixture *fixture);
const char  *topup_test_failure_text          (TopupFixture  *fixture);

void         topup_test_top_up                (TopupFixture  *fixture,
                                               gint64         amount);
void         topup_test_wait_topup_failure    (TopupFixture  *fixture);
const char  *topup_test_topup_failure_text    (TopupFixture  *fixture);
void         topup_test_wait_toast            (TopupFixture  *fixture,
                                               const char    *prefix);
void         topup_test_wait_left             (TopupFixture  *fixture,
                                               guint          hours,
                                               gint64         left);
gint64       topup_test_balance               (TopupFixture  *fixture);
guint        topup_test_count_charges         (TopupFixture  *fixture);
void         topup_test_charge_elsewhere      (TopupFixture  *fixture,
                                               gint64         amount);

G_END_DECLS
