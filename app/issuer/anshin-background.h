/* anshin-background.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  anshin_background_in_flatpak              (void);
/* for the tests only */
void      anshin_background_set_flatpak_info_path   (const char          *path);
char     *anshin_background_dup_watcher_path        (void);
char     *anshin_background_dup_autostart_path      (const char          *app_id);
char     *anshin_background_autostart_contents      (const char          *app_id,
                                                     const char          *watcher_path);
void      anshin_background_set_enabled_async       (const char          *app_id,
                                                     gboolean             enabled,
                                                     const char          *reason,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean  anshin_background_set_enabled_finish      (GAsyncResult        *result,
                                                     GError             **error);
void      anshin_background_start_watcher           (void);
void      anshin_background_stop_watcher            (GDBusConnection     *connection,
                                                     const char          *app_id);

G_END_DECLS
