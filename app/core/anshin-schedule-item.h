/* anshin-schedule-item.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_SCHEDULE_ITEM (anshin_schedule_item_get_type ())

G_DECLARE_FINAL_TYPE (AnshinScheduleItem, anshin_schedule_item, ANSHIN, SCHEDULE_ITEM, GObject)

AnshinScheduleItem *anshin_schedule_item_new       (const char         *label,
                                                    GDateTime          *when,
                                                    const char         *text);
const char         *anshin_schedule_item_get_label (AnshinScheduleItem *self);
GDateTime          *anshin_schedule_item_get_when  (AnshinScheduleItem *self);
const char         *anshin_schedule_item_get_text  (AnshinScheduleItem *self);

G_END_DECLS
