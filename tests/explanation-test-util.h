/* explanation-test-util.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "anshin-explanation.h"

G_BEGIN_DECLS

GPtrArray *explanation_test_screen_texts     (AnshinExplanation *explanation);
void       explanation_test_assert_texts_say_once (GPtrArray     *texts);
void       explanation_test_assert_says_once (AnshinExplanation *explanation);

G_END_DECLS
