/* anshin-moment-choice.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_MOMENT_CHOICE (anshin_moment_choice_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMomentChoice, anshin_moment_choice, ANSHIN, MOMENT_CHOICE, GObject)

AnshinMomentChoice *anshin_moment_choice_new              (const char         *title,
                                                           const char         *subtitle,
                                                           const char         *action_name,
                                                           const char         *action_label);
const char         *anshin_moment_choice_get_title        (AnshinMomentChoice *self);
const char         *anshin_moment_choice_get_subtitle     (AnshinMomentChoice *self);
const char         *anshin_moment_choice_get_action_name  (AnshinMomentChoice *self);
const char         *anshin_moment_choice_get_action_label (AnshinMomentChoice *self);

G_END_DECLS
