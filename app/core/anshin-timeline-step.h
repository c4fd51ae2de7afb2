/* anshin-timeline-step.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "anshin-core-enums.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_TIMELINE_STEP (anshin_timeline_step_get_type ())

G_DECLARE_FINAL_TYPE (AnshinTimelineStep, anshin_timeline_step, ANSHIN, TIMELINE_STEP, GObject)

AnshinTimelineStep      *anshin_timeline_step_new             (AnshinTimelineStepKind   kind,
                                                               AnshinTimelineStepState  state,
                                                               GDateTime               *date,
                                                               const char              *title,
                                                               const char              *description);
AnshinTimelineStepKind   anshin_timeline_step_get_kind        (AnshinTimelineStep      *self);
AnshinTimelineStepState  anshin_timeline_step_get_state       (AnshinTimelineStep      *self);
GDateTime               *anshin_timeline_step_get_date        (AnshinTimelineStep      *self);
const char              *anshin_timeline_step_get_title       (AnshinTimelineStep      *self);
const char              *anshin_timeline_step_get_description (AnshinTimelineStep      *self);

G_END_DECLS
