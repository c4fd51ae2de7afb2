/* anshin-window-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by anshin-window.c (pages, account, start-up) and
 * anshin-window-actions.c (the win.* actions, toasts, notifications).
 */

#pragma once

#include "anshin-account.h"
#include "anshin-card-page.h"
#include "anshin-demo-bar.h"
#include "anshin-demo-controller.h"
#include "anshin-methods-page.h"
#include "anshin-notices-page.h"
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
  GCancellable         *cancellable;     /* the account's start and actions */
  gboolean              demo_prepared;
  gboolean              loaded;
  /* the pages other than the Card page get their data once shown, or
   * right after the first frame that shows the card */
  gboolean              pages_bound;
  guint                 pages_source;
  gboolean              waiting_for_paint;
  gboolean              card_painted;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkStack             *main_stack;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;
  AnshinCardPage       *card_page;
  AnshinMethodsPage    *methods_page;
  AnshinNoticesPage    *notices_page;
  AnshinTopupPage      *topup_page;
  AnshinSignInPage     *sign_in_page;
  AdwStatusPage        *unreachable_page;
  GtkRevealer          *demo_revealer;
  AnshinDemoBar        *demo_bar;
};

/* anshin-window.c */
void        anshin_window_set_view        (AnshinWindow *self,
                                           const char   *name);
void        anshin_window_toast_error     (AnshinWindow *self,
                                           const GError *error,
                                           const char   *what_failed);
void        anshin_window_toast           (AnshinWindow *self,
                                           const char   *title);

/* anshin-window-pages.c */
void        anshin_window_bind_pages      (AnshinWindow *self);
void        anshin_window_ensure_pages_bound (AnshinWindow *self);
void        anshin_window_schedule_bind_pages (AnshinWindow *self);

/* anshin-window-session.c */
void        anshin_window_start           (AnshinWindow *self);
void        anshin_window_on_account_signed_in (AnshinWindow  *self,
                                                GParamSpec    *pspec,
                                                AnshinAccount *account);
void        anshin_window_on_demo_step    (AnshinWindow *self);
void        anshin_window_on_demo_scenario_loaded (AnshinWindow *self);
void        anshin_window_on_demo_failed  (AnshinWindow *self,
                                           GError       *error);

/* anshin-window-actions.c */
void        anshin_window_class_init_actions (GtkWidgetClass *widget_class);
void        anshin_window_update_actions  (AnshinWindow *self);
void        anshin_window_on_notice_added (AnshinWindow *self,
                                           AnshinNotice *notice);

G_END_DECLS
