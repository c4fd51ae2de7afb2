/* anshin-window-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by anshin-window.c (the window, its pages, start-up and sessions)
 * and anshin-window-actions.c (the win.* actions and the toasts for their
 * results, following the window's account), which the window only
 * installs.
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
void      _anshin_window_toast         (AnshinWindow   *self,
                                        const char     *title);
AdwToast *_anshin_window_toast_error   (AnshinWindow   *self,
                                        const GError   *error,
                                        const char     *what_failed);

/* anshin-window-actions.c: the window only installs them */
void _anshin_window_class_init_actions (GtkWidgetClass *widget_class);
void _anshin_window_init_actions       (AnshinWindow   *self);

G_END_DECLS
