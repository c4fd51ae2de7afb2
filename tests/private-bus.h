/* private-bus.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A D-Bus bus of the test's own: a dbus-daemon the test starts and makes
 * its session bus, for the doubles of desktop services (notification
 * daemon, portals) that the tests run on it.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void             private_bus_start   (void);
GDBusConnection *private_bus_connect (void);
void             private_bus_own     (GDBusConnection *connection,
                                      const char      *name);

G_END_DECLS
