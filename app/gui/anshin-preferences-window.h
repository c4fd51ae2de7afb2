/* anshin-preferences-window.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_PREFERENCES_WINDOW (anshin_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AnshinPreferencesWindow, anshin_preferences_window,
                      ANSHIN, PREFERENCES_WINDOW, AdwPreferencesWindow)

AnshinPreferencesWindow *anshin_preferences_window_new (GtkWindow *transient_for);

G_END_DECLS
