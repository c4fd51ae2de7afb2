/* anshin-explainer.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-card.h"
#include "anshin-explanation.h"
#include "anshin-notice.h"
#include "anshin-payment-method.h"
#include "anshin-program.h"
#include "anshin-transaction.h"

G_BEGIN_DECLS

/* How long the issuer takes to reissue a card (ISSUER-API.md). */
#define ANSHIN_REISSUE_DURATION (3 * G_TIME_SPAN_HOUR)

AnshinExplanation *anshin_explain_notice           (AnshinNotice        *notice,
                                                    AnshinCard          *card,
                                                    GListModel          *methods,
                                                    GListModel          *programs,
                                                    GDateTime           *now);
AnshinExplanation *anshin_explain_payment_method   (AnshinPaymentMethod *method,
                                                    AnshinCard          *card,
                                                    GListModel          *programs,
                                                    GDateTime           *now);
AnshinExplanation *anshin_explain_reissue_tradeoff (AnshinCard          *card,
                                                    GListModel          *methods,
                                                    GListModel          *programs,
                                                    GDateTime           *now);

AnshinExplanation *anshin_explain_transaction      (AnshinTransaction   *transaction,
                                                    AnshinCard          *card,
                                                    GListModel          *methods,
                                                    GListModel          *programs,
                                                    GDateTime           *now);
char              *anshin_explain_decline_briefly  (AnshinTransaction   *transaction,
                                                    GListModel          *methods,
                                                    GDateTime           *now);

G_END_DECLS
