/* anshin-moment-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a moment is written: anshin-moment.c (the object) and
 * anshin-moments.c (which moment applies, and its words). Not for use
 * outside app/core.
 */

#pragma once

#include "anshin-moment.h"

G_BEGIN_DECLS

AnshinMoment *_anshin_moment_new            (AnshinMomentKind  kind,
                                             AnshinMomentTone  tone,
                                             const char       *title,
                                             const char       *body);
void          _anshin_moment_set_action     (AnshinMoment     *self,
                                             const char       *action_name,
                                             const char       *action_label);
void          _anshin_moment_add_choice     (AnshinMoment     *self,
                                             const char       *title,
                                             const char       *subtitle,
                                             const char       *action_name,
                                             const char       *action_label);
void          _anshin_moment_add_check      (AnshinMoment     *self,
                                             const char       *line);
void          _anshin_moment_set_support    (AnshinMoment     *self,
                                             const char       *phone,
                                             const char       *hours,
                                             const char       *note);
void          _anshin_moment_set_countdown  (AnshinMoment     *self,
                                             GDateTime        *target);

G_END_DECLS
