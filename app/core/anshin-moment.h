/* anshin-moment.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-card.h"
#include "anshin-core-enums.h"
#include "anshin-issuer-info.h"
#include "anshin-moment-choice.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_MOMENT (anshin_moment_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMoment, anshin_moment, ANSHIN, MOMENT, GObject)

AnshinMomentKind    anshin_moment_get_kind              (AnshinMoment *self);
AnshinMomentTone    anshin_moment_get_tone              (AnshinMoment *self);
const char         *anshin_moment_get_title             (AnshinMoment *self);
const char         *anshin_moment_get_body              (AnshinMoment *self);
const char         *anshin_moment_get_action_name       (AnshinMoment *self);
const char         *anshin_moment_get_action_label      (AnshinMoment *self);
GListModel         *anshin_moment_get_choices           (AnshinMoment *self);
const char * const *anshin_moment_get_checklist         (AnshinMoment *self);
const char         *anshin_moment_get_support_phone     (AnshinMoment *self);
const char         *anshin_moment_get_support_hours     (AnshinMoment *self);
const char         *anshin_moment_get_support_note      (AnshinMoment *self);
GDateTime          *anshin_moment_get_countdown_target  (AnshinMoment *self);
char               *anshin_moment_dup_countdown_text    (AnshinMoment *self,
                                                         GDateTime    *now);
char              **anshin_moment_dup_texts             (AnshinMoment *self,
                                                         GDateTime    *now);

GListModel         *anshin_moment_list_for              (AnshinCard       *card,
                                                         GListModel       *methods,
                                                         GListModel       *notices,
                                                         GListModel       *programs,
                                                         GListModel       *charge_cards,
                                                         GDateTime        *locked_until,
                                                         guint             max_attempts,
                                                         AnshinIssuerInfo *issuer,
                                                         GDateTime        *now);
AnshinMoment       *anshin_moment_list_find             (GListModel       *moments,
                                                         AnshinMomentKind  kind);

G_END_DECLS
