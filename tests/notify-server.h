/* notify-server.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small org.freedesktop.Notifications server on the test's own bus
 * (private-bus.h), written with plain GDBus: GLib's freedesktop
 * notification backend (GNOTIFICATION_BACKEND=freedesktop) talks to it.
 * It records every call in the order they came, answers each Notify with
 * a new id (a replacement keeps its own), closes on CloseNotification
 * (NotificationClosed, reason 3), and can send ActionInvoked as a
 * notification daemon does when a notification is clicked.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NOTIFY_SERVER_NAME "org.freedesktop.Notifications"
#define NOTIFY_SERVER_PATH "/org/freedesktop/Notifications"

/* One method call the server answered. */
typedef struct {
  char     *object_path;
  char     *method_name;
  GVariant *parameters;
  guint32   id;          /* Notify: the id it was given */
} NotifyCall;

typedef struct _NotifyServer NotifyServer;

NotifyServer *notify_server_new           (void);
guint         notify_server_get_n_pending (NotifyServer *server);
NotifyCall   *notify_server_pop           (NotifyServer *server);
void          notify_server_invoke_action (NotifyServer *server,
                                           guint32       id,
                                           const char   *key);
void          notify_server_free          (NotifyServer *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyServer, notify_server_free)

G_END_DECLS
