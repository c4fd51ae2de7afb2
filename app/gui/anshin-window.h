/* anshin-window.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"
#include "anshin-application.h"
#include "anshin-demo-controller.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_WINDOW (anshin_window_get_type ())

G_DECLARE_FINAL_TYPE (AnshinWindow, anshin_window, ANSHIN, WINDOW, AdwApplicationWindow)

AnshinWindow         *anshin_window_new                 (AnshinApplication    *application);
const char           *anshin_window_get_visible_page    (AnshinWindow         *self);
void                  anshin_window_show_page           (AnshinWindow         *self,
                                                         const char           *name);
void                  anshin_window_add_toast           (AnshinWindow         *self,
                                                         AdwToast             *toast);
AnshinAccount        *anshin_window_get_account         (AnshinWindow         *self);
void                  anshin_window_set_account         (AnshinWindow         *self,
                                                         AnshinAccount        *account);
AnshinDemoController *anshin_window_get_demo_controller (AnshinWindow         *self);
void                  anshin_window_set_demo_controller (AnshinWindow         *self,
                                                         AnshinDemoController *controller);
const char           *anshin_window_get_view            (AnshinWindow         *self);
gboolean              anshin_window_get_loaded          (AnshinWindow         *self);
GDateTime            *anshin_window_get_now             (AnshinWindow         *self);
gboolean              anshin_window_show_notice         (AnshinWindow         *self,
                                                         const char           *notice_id);
void                  anshin_window_show_problem        (AnshinWindow         *self,
                                                         const char           *message);

G_END_DECLS
