/* anshin-demo-bar.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-demo-controller.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_DEMO_BAR (anshin_demo_bar_get_type ())

G_DECLARE_FINAL_TYPE (AnshinDemoBar, anshin_demo_bar, ANSHIN, DEMO_BAR, AdwBin)

GtkWidget            *anshin_demo_bar_new            (void);
AnshinDemoController *anshin_demo_bar_get_controller (AnshinDemoBar        *self);
void                  anshin_demo_bar_set_controller (AnshinDemoBar        *self,
                                                      AnshinDemoController *controller);
void                  anshin_demo_bar_set_page       (AnshinDemoBar        *self,
                                                      const char           *page);

G_END_DECLS
