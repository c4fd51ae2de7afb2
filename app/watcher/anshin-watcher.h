/* anshin-watcher.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_WATCHER (anshin_watcher_get_type ())

G_DECLARE_FINAL_TYPE (AnshinWatcher, anshin_watcher, ANSHIN, WATCHER, GApplication)

AnshinWatcher *anshin_watcher_new (const char *application_id,
                                   const char *app_id);

G_END_DECLS
