/* private-bus.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * (Not GTestDBus, nor libglib-testing's GtDBusQueue, which uses it:
 * GTestDBus forks a watcher process from the threaded test, and under
 * LeakSanitizer that copy reported the memory of the threads it does not
 * have, GDBus's worker among them, as leaked when it exits; the tests
 * using it needed a LeakSanitizer suppression of all of GIO, which hid
 * real leaks. Here nothing is forked but the daemon itself.)
 */

#include "config.h"

#include "private-bus.h"

#include <signal.h>
#include <sys/prctl.h>

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>

/* anyone may own any name on it (as GTestDBus configures its own) */
static const char bus_config[] =
  "<busconfig>\n"
  "  <type>session</type>\n"
  "  <listen>unix:tmpdir=/tmp</listen>\n"
  "  <policy context='default'>\n"
  "    <allow send_destination='*' eavesdrop='true'/>\n"
  "    <allow eavesdrop='true'/>\n"
  "    <allow own='*'/>\n"
  "  </policy>\n"
  "</busconfig>\n";

static void
bus_child_setup (gpointer user_data)
{
  /* the bus goes when the test does, however it ends */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/**
 * private_bus_start:
 *
 * Starts the test's own bus and makes it the session bus
 * (DBUS_SESSION_BUS_ADDRESS). Call it first in main(), before any thread
 * or session-bus connection exists: the kernel ends the bus when the
 * thread that started it ends, that is with the test process, however it
 * ends. The registered application keeps its bus connection until the
 * process ends, so the bus is not stopped before.
 */
void
private_bus_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GInputStream) out = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  const char *argv[] = { "dbus-daemon", "--nofork", "--nopidfile", "--print-address",
                         "--config-file", NULL, NULL };
  int fd, out_fd;
  GPid pid;

  fd = g_file_open_tmp ("anshin-test-bus-XXXXXX.conf", &config, &error);
  g_assert_no_error (error);
  g_assert_true (g_close (fd, NULL));
  g_assert_true (g_file_set_contents (config, bus_config, -1, &error));
  g_assert_no_error (error);

  argv[5] = config;
  /* not reaped by GLib: that would start it from an intermediate process,
   * whose end would end the bus at once (bus_child_setup()) */
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                           bus_child_setup, NULL, &pid, NULL, &out_fd, NULL,
                                           &error));
  g_assert_no_error (error);

  out = g_unix_input_stream_new (out_fd, TRUE);
  lines = g_data_input_stream_new (out);
  address = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_unlink (config);

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
}

/**
 * private_bus_connect:
 *
 * Returns: (transfer full): a connection of its own to the session bus
 * (a double's, apart from the shared one the app uses)
 */
GDBusConnection *
private_bus_connect (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  GDBusConnection *connection;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                       | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

/**
 * private_bus_own:
 *
 * @connection owns @name at once (no queueing), or the test fails.
 */
void
private_bus_own (GDBusConnection *connection,
                 const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint32 result;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName",
                                       g_variant_new ("(su)", name,
                                                      0x4 /* DBUS_NAME_FLAG_DO_NOT_QUEUE */),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1 /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */);
}
