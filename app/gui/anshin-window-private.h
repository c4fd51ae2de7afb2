/* anshin-window-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by anshin-window.c (the window, its pages, start-up and sessions),
 * anshin-window-actions.c (the win.* actions and the toasts for their
 * results, following the window's account), which the window only
 * installs, and anshin-window-toasts.c (one toast at a time, gone once
 * untrue).
 */

#pragma once

#include "anshin-account.h"
#include "anshin-activity-page.h"
#include "anshin-card-page.h"
#include "anshin-demo-bar.h"
#include "anshin-demo-controller.h"
#include "anshin-methods-page.h"
#include "anshin-notices-page.h"
#include "anshin-page-slot.h"
#include "anshin-sign-in-page.h"
#include "anshin-topup-page.h"
#include "anshin-window.h"

G_BEGIN_DECLS

/* What a toast says about the card */
typedef enum {
  ANSHIN_TOAST_CLAIM_NONE,
  ANSHIN_TOAST_CLAIM_FROZEN,     /* "Your card is frozen" */
  ANSHIN_TOAST_CLAIM_WORKS,      /* "Your card works again" */
  ANSHIN_TOAST_CLAIM_REISSUING,  /* "Reissue requested: … in about 3 hours" */
  ANSHIN_TOAST_CLAIM_BALANCE,    /* "Your balance is now ¥…" */
} AnshinToastClaim;

struct _AnshinWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  AnshinAccount        *account;
  AnshinDemoController *demo;
  GBinding             *code_binding;    /* account → demo, one-time codes */
  GCancellable         *cancellable;     /* the account's start and actions */
  gboolean              demo_prepared;
  gboolean              sign_out_left_behind;  /* win.sign-out retries it */
  gboolean              loaded;
  /* the pages other than the Card page are made once shown, or at idle
   * moments after the first frame that shows the card */
  guint                 pages_source;
  gboolean              waiting_for_paint;
  gboolean              card_painted;

  GSignalGroup         *account_signals;
  GSignalGroup         *action_signals;  /* anshin-window-actions.c's */
  GSignalGroup         *card_signals;    /* likewise */

  /* anshin-window-toasts.c's */
  AdwToast             *toast;            /* the toast shown */
  AdwToast             *next_toast;       /* to replace it once it has slid in */
  gint64                toast_shown_at;   /* monotonic */
  gboolean              toast_dismiss_due;
  guint                 toast_settle_source;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkStack             *main_stack;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;
  AnshinCardPage       *card_page;
  AnshinPageSlot       *methods_slot;
  AnshinPageSlot       *notices_slot;
  AnshinPageSlot       *topup_slot;
  AnshinPageSlot       *activity_slot;
  AnshinSignInPage     *sign_in_page;
  AdwStatusPage        *unreachable_page;
  GtkRevealer          *demo_revealer;
  AnshinDemoBar        *demo_bar;
};

/* anshin-window.c */
void      _anshin_window_start         (AnshinWindow   *self);

/* anshin-window-toasts.c */
AdwToast *_anshin_window_toast         (AnshinWindow     *self,
                                        const char       *title);
AdwToast *_anshin_window_toast_whole   (AnshinWindow     *self,
                                        const char       *text);
AdwToast *_anshin_window_toast_error   (AnshinWindow     *self,
                                        const GError     *error,
                                        const char       *what_failed);
void      _anshin_window_toast_claims  (AnshinWindow     *self,
                                        AdwToast         *toast,
                                        AnshinToastClaim  claim,
                                        gint64            balance);
void      _anshin_window_check_toast   (AnshinWindow     *self);
void      _anshin_window_clear_toast   (AnshinWindow     *self);

/* anshin-window-actions.c: the window only installs them */
void _anshin_window_class_init_actions (GtkWidgetClass *widget_class);
void _anshin_window_init_actions       (AnshinWindow   *self);

G_END_DECLS
