/* anshin-issuer-json.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "anshin-card.h"
#include "anshin-charge-card.h"
#include "anshin-demo-types.h"
#include "anshin-issuer-error.h"
#include "anshin-issuer-info.h"
#include "anshin-issuer-types.h"
#include "anshin-notice.h"
#include "anshin-payment-method.h"
#include "anshin-program.h"
#include "anshin-transaction.h"

G_BEGIN_DECLS

/* The largest JSON document the mapping accepts, and its deepest nesting. */
#define ANSHIN_ISSUER_JSON_MAX_SIZE  (1024 * 1024)
#define ANSHIN_ISSUER_JSON_MAX_DEPTH 32

/* The largest amount of yen (or points) the mapping accepts: a trillion,
 * far above any prepaid card's, far below where arithmetic overflows. */
#define ANSHIN_ISSUER_JSON_MAX_YEN G_GINT64_CONSTANT (1000000000000)

JsonNode               *anshin_issuer_json_parse                   (const char        *data,
                                                                    gsize              length,
                                                                    GError           **error);

const char             *anshin_issuer_json_member_string           (JsonObject        *object,
                                                                    const char        *name);
gint64                  anshin_issuer_json_member_int              (JsonObject        *object,
                                                                    const char        *name,
                                                                    gint64             fallback);

AnshinCard             *anshin_issuer_json_to_card                 (JsonNode          *node,
                                                                    GError           **error);
AnshinPaymentMethod    *anshin_issuer_json_to_payment_method       (JsonNode          *node,
                                                                    GError           **error);
GPtrArray              *anshin_issuer_json_to_payment_methods      (JsonNode          *root,
                                                                    GError           **error);
AnshinProgram          *anshin_issuer_json_to_program              (JsonNode          *node,
                                                                    GError           **error);
GPtrArray              *anshin_issuer_json_to_programs             (JsonNode          *root,
                                                                    GError           **error);
AnshinNotice           *anshin_issuer_json_to_notice               (JsonNode          *node,
                                                                    GError           **error);
GPtrArray              *anshin_issuer_json_to_notices              (JsonNode          *root,
                                                                    GError           **error);
AnshinChargeCard       *anshin_issuer_json_to_charge_card          (JsonNode          *node,
                                                                    GError           **error);
GPtrArray              *anshin_issuer_json_to_charge_cards         (JsonNode          *root,
                                                                    GError           **error);
AnshinIssuerSession    *anshin_issuer_json_to_session              (JsonNode          *root,
                                                                    GError           **error);
AnshinRegistrationForm *anshin_issuer_json_to_registration_form    (JsonNode          *root,
                                                                    GError           **error);
gboolean                anshin_issuer_json_to_registration_result  (JsonNode          *root,
                                                                    AnshinChargeCard **out_card,
                                                                    AnshinChallenge  **out_challenge,
                                                                    GError           **error);
AnshinChargeCard       *anshin_issuer_json_to_challenge_result     (JsonNode          *root,
                                                                    GError           **error);
gboolean                anshin_issuer_json_to_reissue              (JsonNode          *root,
                                                                    AnshinCard        *card,
                                                                    GError           **error);
AnshinCharge           *anshin_issuer_json_to_charge_result        (JsonNode          *root,
                                                                    GError           **error);
GPtrArray              *anshin_issuer_json_to_charges              (JsonNode          *root,
                                                                    GError           **error);
AnshinTransaction      *anshin_issuer_json_to_transaction          (JsonNode          *node,
                                                                    GError           **error);
AnshinTransactionPage  *anshin_issuer_json_to_transaction_page     (JsonNode          *root,
                                                                    GError           **error);
AnshinIssuerEvent      *anshin_issuer_json_to_event                (JsonNode          *root,
                                                                    GError           **error);
AnshinIssuerInfo       *anshin_issuer_json_to_issuer_info          (JsonNode          *root,
                                                                    GError           **error);
GDateTime              *anshin_issuer_json_to_issuer_time          (JsonNode          *root,
                                                                    GError           **error);
AnshinDemoScenario     *anshin_issuer_json_to_demo_scenario        (JsonNode          *root,
                                                                    GError           **error);
GPtrArray              *anshin_issuer_json_to_one_time_codes       (JsonNode          *root,
                                                                    GError           **error);

JsonNode               *anshin_issuer_json_from_card               (AnshinCard        *card);
JsonNode               *anshin_issuer_json_from_payment_method     (AnshinPaymentMethod *method);
JsonNode               *anshin_issuer_json_from_program            (AnshinProgram     *program);
JsonNode               *anshin_issuer_json_from_notice             (AnshinNotice      *notice);
JsonNode               *anshin_issuer_json_from_charge_card        (AnshinChargeCard  *card);
JsonNode               *anshin_issuer_json_from_transaction        (AnshinTransaction *transaction);
JsonNode               *anshin_issuer_json_from_transaction_page   (const AnshinTransactionPage *page);

GError                 *anshin_issuer_json_to_error                (guint              status,
                                                                    const char        *content_type,
                                                                    const char        *data,
                                                                    gsize              length,
                                                                    const char        *retry_after);

G_END_DECLS
