/* anshin-demo-controller.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-issuer-admin.h"

G_BEGIN_DECLS

/* AnshinDemoError, ANSHIN_DEMO_ERROR: anshin-issuer-admin.h */

#define ANSHIN_TYPE_DEMO_CONTROLLER (anshin_demo_controller_get_type ())

G_DECLARE_FINAL_TYPE (AnshinDemoController, anshin_demo_controller, ANSHIN, DEMO_CONTROLLER, GObject)

AnshinDemoController *anshin_demo_controller_new                 (const char           *base_url);
const char           *anshin_demo_controller_get_base_url        (AnshinDemoController *self);
const char           *anshin_demo_controller_get_scenario_name   (AnshinDemoController *self);
const char           *anshin_demo_controller_get_title           (AnshinDemoController *self);
guint                 anshin_demo_controller_get_current_step    (AnshinDemoController *self);
guint                 anshin_demo_controller_get_n_steps         (AnshinDemoController *self);
gboolean              anshin_demo_controller_get_has_next_step   (AnshinDemoController *self);
const char           *anshin_demo_controller_get_step_title      (AnshinDemoController *self);
const char           *anshin_demo_controller_get_narration       (AnshinDemoController *self);
const char           *anshin_demo_controller_get_page_narration  (AnshinDemoController *self,
                                                                  const char           *page);
const char           *anshin_demo_controller_get_one_time_code   (AnshinDemoController *self);
GListModel           *anshin_demo_controller_get_scenarios       (AnshinDemoController *self);
const char           *anshin_demo_controller_get_scenario_title  (AnshinDemoController *self,
                                                                  const char           *name);
const char           *anshin_demo_controller_get_member_id       (AnshinDemoController *self);
const char           *anshin_demo_controller_get_password        (AnshinDemoController *self);
gboolean              anshin_demo_controller_get_awaiting_code   (AnshinDemoController *self);
void                  anshin_demo_controller_set_awaiting_code   (AnshinDemoController *self,
                                                                  gboolean              awaiting);

void                  anshin_demo_controller_prepare_async       (AnshinDemoController *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean              anshin_demo_controller_prepare_finish      (AnshinDemoController *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void                  anshin_demo_controller_refresh_async       (AnshinDemoController *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean              anshin_demo_controller_refresh_finish      (AnshinDemoController *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void                  anshin_demo_controller_next_step_async     (AnshinDemoController *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean              anshin_demo_controller_next_step_finish    (AnshinDemoController *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void                  anshin_demo_controller_load_scenario_async (AnshinDemoController *self,
                                                                  const char           *name,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean              anshin_demo_controller_load_scenario_finish (AnshinDemoController *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
void                  anshin_demo_controller_go_to_step_async    (AnshinDemoController *self,
                                                                  guint                 index,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean              anshin_demo_controller_go_to_step_finish   (AnshinDemoController *self,
                                                                  GAsyncResult         *result,
                                                                  gboolean             *out_reloaded,
                                                                  GError              **error);
void                  anshin_demo_controller_set_start_step      (AnshinDemoController *self,
                                                                  guint                 index);
void                  anshin_demo_controller_advance_clock_async (AnshinDemoController *self,
                                                                  gint64                seconds,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean              anshin_demo_controller_advance_clock_finish (AnshinDemoController *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

void                  anshin_demo_controller_pay_async           (AnshinDemoController    *self,
                                                                  AnshinPaymentMethodKind  method,
                                                                  AnshinWallet             via,
                                                                  gint64                   amount,
                                                                  const char              *merchant,
                                                                  GCancellable            *cancellable,
                                                                  GAsyncReadyCallback      callback,
                                                                  gpointer                 user_data);
AnshinTransaction    *anshin_demo_controller_pay_finish          (AnshinDemoController    *self,
                                                                  GAsyncResult            *result,
                                                                  GError                 **error);

G_END_DECLS
