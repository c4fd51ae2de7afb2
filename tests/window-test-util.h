/* window-test-util.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window on a scenario of the mock issuer running in-process, in
 * demo mode (demo bar, demo member), for the window tests.
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"
#include "anshin-application.h"
#include "anshin-demo-controller.h"
#include "anshin-mock-thread.h"
#include "anshin-window.h"
#include "issuer-test-util.h"

G_BEGIN_DECLS

typedef struct {
  AnshinMockThread     *mock;
  IssuerTestProxy      *proxy;
  AnshinDemoController *demo;
  AnshinAccount        *account;
  AnshinWindow         *window;
} WindowTest;

typedef gboolean (*WindowTestPredicate) (WindowTest *test);

void                 window_test_reset_settings (void);
WindowTest          *window_test_new           (AnshinApplication        *app,
                                                const char               *scenario,
                                                gboolean                  via_proxy);
void                 window_test_start         (WindowTest               *test);
const char          *window_test_get_url       (WindowTest               *test);
gboolean             window_test_wait          (WindowTest               *test,
                                                WindowTestPredicate       predicate,
                                                guint                     timeout_ms);
void                 window_test_next_step     (WindowTest               *test);
void                 window_test_settle        (WindowTest               *test);
void                 window_test_advance_clock (WindowTest               *test,
                                                gint64                    seconds);
AnshinPaymentMethod *window_test_method        (WindowTest               *test,
                                                AnshinPaymentMethodKind   kind);
AnshinNotice        *window_test_notice        (WindowTest               *test,
                                                AnshinNoticeCode          code);
GtkWidget           *window_test_child         (WindowTest               *test,
                                                const char               *name);
GtkWidget           *window_test_page          (WindowTest               *test,
                                                const char               *slot_name);
GtkShortcut         *window_test_demo_shortcut (GtkWidget                *bar,
                                                const char               *accel);
GtkWindow           *window_test_find_dialog   (WindowTest               *test,
                                                GType                     type);
void                 window_test_free          (WindowTest               *test);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WindowTest, window_test_free)

G_END_DECLS
