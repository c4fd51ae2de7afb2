/* anshin-timeline-row.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-timeline-step.h"

G_BEGIN_DECLS

GtkWidget *anshin_timeline_row_new (AnshinTimelineStep *step);

G_END_DECLS
