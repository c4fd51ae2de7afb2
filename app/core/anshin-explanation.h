/* anshin-explanation.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-action.h"
#include "anshin-core-enums.h"
#include "anshin-schedule-item.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_EXPLANATION (anshin_explanation_get_type ())

G_DECLARE_FINAL_TYPE (AnshinExplanation, anshin_explanation, ANSHIN, EXPLANATION, GObject)

const char        *anshin_explanation_get_headline         (AnshinExplanation *self);
const char        *anshin_explanation_get_what_happened    (AnshinExplanation *self);
AnshinExpectation  anshin_explanation_get_expectation      (AnshinExplanation *self);
const char        *anshin_explanation_get_evidence         (AnshinExplanation *self);
const char        *anshin_explanation_get_what_to_do       (AnshinExplanation *self);
const char        *anshin_explanation_get_what_next        (AnshinExplanation *self);
const char        *anshin_explanation_get_programme_impact (AnshinExplanation *self);
GListModel        *anshin_explanation_get_actions          (AnshinExplanation *self);
GListModel        *anshin_explanation_get_schedule         (AnshinExplanation *self);
gboolean           anshin_explanation_has_action           (AnshinExplanation *self,
                                                            AnshinActionKind   kind);
AnshinAction      *anshin_explanation_find_action          (AnshinExplanation *self,
                                                            AnshinActionKind   kind);

G_END_DECLS
