/* anshin-action.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "anshin-core-enums.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_ACTION (anshin_action_get_type ())

G_DECLARE_FINAL_TYPE (AnshinAction, anshin_action, ANSHIN, ACTION, GObject)

AnshinAction            *anshin_action_new             (AnshinActionKind         kind,
                                                        AnshinPaymentMethodKind  method,
                                                        GDateTime               *when,
                                                        const char              *label,
                                                        const char              *description);
AnshinActionKind         anshin_action_get_kind        (AnshinAction            *self);
const char              *anshin_action_get_label       (AnshinAction            *self);
const char              *anshin_action_get_description (AnshinAction            *self);
GDateTime               *anshin_action_get_when        (AnshinAction            *self);
AnshinPaymentMethodKind  anshin_action_get_method      (AnshinAction            *self);

G_END_DECLS
