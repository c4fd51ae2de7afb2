/* anshin-issuer-admin.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-demo-types.h"
#include "anshin-issuer-client.h"
#include "anshin-transaction.h"

G_BEGIN_DECLS

#define ANSHIN_DEMO_ERROR (anshin_demo_error_quark ())

/**
 * AnshinDemoError:
 * @ANSHIN_DEMO_ERROR_UNREACHABLE: the demo issuer did not answer
 * @ANSHIN_DEMO_ERROR_LAST_STEP: the scenario is at its last step
 * @ANSHIN_DEMO_ERROR_UNKNOWN_SCENARIO: there is no scenario of that name
 * @ANSHIN_DEMO_ERROR_FAILED: the demo issuer refused the request or its
 *   answer does not follow the API
 *
 * The issuer client's own error (%ANSHIN_ISSUER_ERROR) is in the message,
 * for g_debug(). Cancellation is %G_IO_ERROR_CANCELLED.
 */
typedef enum {
  ANSHIN_DEMO_ERROR_UNREACHABLE,
  ANSHIN_DEMO_ERROR_LAST_STEP,
  ANSHIN_DEMO_ERROR_UNKNOWN_SCENARIO,
  ANSHIN_DEMO_ERROR_FAILED,
} AnshinDemoError;

#define ANSHIN_TYPE_ISSUER_ADMIN (anshin_issuer_admin_get_type ())

G_DECLARE_FINAL_TYPE (AnshinIssuerAdmin, anshin_issuer_admin, ANSHIN, ISSUER_ADMIN, GObject)

GQuark              anshin_demo_error_quark                  (void);

AnshinIssuerAdmin  *anshin_issuer_admin_new                  (AnshinIssuerClient  *client);
AnshinIssuerAdmin  *anshin_issuer_admin_new_for_url          (const char          *base_url,
                                                              guint                timeout,
                                                              GError             **error);
AnshinIssuerClient *anshin_issuer_admin_get_client           (AnshinIssuerAdmin   *self);

void                anshin_issuer_admin_get_scenario_async   (AnshinIssuerAdmin   *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
AnshinDemoScenario *anshin_issuer_admin_get_scenario_finish  (AnshinIssuerAdmin   *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);
void                anshin_issuer_admin_load_scenario_async  (AnshinIssuerAdmin   *self,
                                                              const char          *name,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
AnshinDemoScenario *anshin_issuer_admin_load_scenario_finish (AnshinIssuerAdmin   *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);
void                anshin_issuer_admin_next_step_async      (AnshinIssuerAdmin   *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
AnshinDemoScenario *anshin_issuer_admin_next_step_finish     (AnshinIssuerAdmin   *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);
void                anshin_issuer_admin_advance_clock_async  (AnshinIssuerAdmin   *self,
                                                              gint64               seconds,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
GDateTime          *anshin_issuer_admin_advance_clock_finish (AnshinIssuerAdmin   *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);
void                anshin_issuer_admin_list_one_time_codes_async  (AnshinIssuerAdmin   *self,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
GPtrArray          *anshin_issuer_admin_list_one_time_codes_finish (AnshinIssuerAdmin   *self,
                                                                    GAsyncResult        *result,
                                                                    GError             **error);

void                anshin_issuer_admin_pay_async            (AnshinIssuerAdmin       *self,
                                                              AnshinPaymentMethodKind  method,
                                                              AnshinWallet             via,
                                                              gint64                   amount,
                                                              const char              *merchant,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
AnshinTransaction  *anshin_issuer_admin_pay_finish           (AnshinIssuerAdmin       *self,
                                                              GAsyncResult            *result,
                                                              GError                 **error);

G_END_DECLS
