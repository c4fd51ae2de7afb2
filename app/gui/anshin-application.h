/* anshin-application.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The settings schema keeps this id in every build profile. */
#define ANSHIN_SETTINGS_SCHEMA_ID "io.github.anshin.Wallet"

#define ANSHIN_TYPE_APPLICATION (anshin_application_get_type ())

G_DECLARE_FINAL_TYPE (AnshinApplication, anshin_application, ANSHIN, APPLICATION, AdwApplication)

AnshinApplication *anshin_application_new (const char        *application_id,
                                           GApplicationFlags  flags);
void               anshin_application_set_start_time (AnshinApplication *self,
                                                      gint64             start_time);

G_END_DECLS
