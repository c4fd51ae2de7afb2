/* anshin-explanation-view.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-card.h"
#include "anshin-explanation.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_EXPLANATION_VIEW (anshin_explanation_view_get_type ())

G_DECLARE_FINAL_TYPE (AnshinExplanationView, anshin_explanation_view, ANSHIN, EXPLANATION_VIEW, AdwBin)

GtkWidget         *anshin_explanation_view_new                  (void);
AnshinExplanation *anshin_explanation_view_get_explanation      (AnshinExplanationView *self);
void               anshin_explanation_view_set_explanation      (AnshinExplanationView *self,
                                                                 AnshinExplanation     *explanation);
AnshinCard        *anshin_explanation_view_get_card             (AnshinExplanationView *self);
void               anshin_explanation_view_set_card             (AnshinExplanationView *self,
                                                                 AnshinCard            *card);
gboolean           anshin_explanation_view_get_show_expectation (AnshinExplanationView *self);
void               anshin_explanation_view_set_show_expectation (AnshinExplanationView *self,
                                                                 gboolean               show_expectation);

G_END_DECLS
