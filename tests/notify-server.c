/* notify-server.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "notify-server.h"
#include "private-bus.h"

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' name='id' direction='in'/>"
  "    </method>"
  "    <signal name='ActionInvoked'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='s' name='action_key'/>"
  "    </signal>"
  "    <signal name='NotificationClosed'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='u' name='reason'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

struct _NotifyServer {
  GDBusConnection *connection;  /* the server's own connection */
  guint            object;
  GPtrArray       *calls;       /* NotifyCall, in the order they came */
  guint            next_call;   /* the first call the test has not looked at */
  guint32          last_id;
};

static void
notify_call_free (NotifyCall *call)
{
  g_free (call->object_path);
  g_free (call->method_name);
  g_variant_unref (call->parameters);
  g_free (call);
}

static void
on_method_call_cb (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *object_path,
                   const char            *interface_name,
                   const char            *method_name,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  NotifyServer *server = user_data;
  NotifyCall *call = g_new0 (NotifyCall, 1);

  call->object_path = g_strdup (object_path);
  call->method_name = g_strdup (method_name);
  call->parameters = g_variant_ref (parameters);
  g_ptr_array_add (server->calls, call);

  if (g_str_equal (method_name, "Notify"))
    {
      guint32 replaces_id;

      /* a new notification gets a new id; a replacement keeps its own */
      g_variant_get_child (parameters, 1, "u", &replaces_id);
      call->id = replaces_id != 0 ? replaces_id : ++server->last_id;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", call->id));
    }
  else
    {
      guint32 id;

      /* CloseNotification: closed, as the daemon says (reason 3) */
      g_variant_get (parameters, "(u)", &id);
      g_dbus_connection_emit_signal (connection, NULL, NOTIFY_SERVER_PATH, NOTIFY_SERVER_NAME,
                                     "NotificationClosed", g_variant_new ("(uu)", id, 3), NULL);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

/**
 * notify_server_new:
 *
 * The server, on a connection of its own to the session bus (the test's
 * own, private_bus_start()), owning the name before the app sends
 * anything.
 */
NotifyServer *
notify_server_new (void)
{
  static const GDBusInterfaceVTable vtable = { .method_call = on_method_call_cb };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  NotifyServer *server = g_new0 (NotifyServer, 1);

  server->connection = private_bus_connect ();
  server->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) notify_call_free);
  node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  server->object = g_dbus_connection_register_object (server->connection, NOTIFY_SERVER_PATH,
                                                      node->interfaces[0], &vtable, server,
                                                      NULL, &error);
  g_assert_no_error (error);
  private_bus_own (server->connection, NOTIFY_SERVER_NAME);
  return server;
}

/* how many calls came that the test has not popped yet */
guint
notify_server_get_n_pending (NotifyServer *server)
{
  return server->calls->len - server->next_call;
}

/**
 * notify_server_pop:
 *
 * Returns: (transfer none): the next call the server answered (owned by
 * the server); the test fails if there is none
 */
NotifyCall *
notify_server_pop (NotifyServer *server)
{
  g_assert_cmpuint (server->next_call, <, server->calls->len);
  return g_ptr_array_index (server->calls, server->next_call++);
}

/* the notification's action @key clicked, as a notification daemon says it */
void
notify_server_invoke_action (NotifyServer *server,
                             guint32       id,
                             const char   *key)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_dbus_connection_emit_signal (server->connection, NULL, NOTIFY_SERVER_PATH,
                                                NOTIFY_SERVER_NAME, "ActionInvoked",
                                                g_variant_new ("(us)", id, key), &error));
  g_assert_no_error (error);
}

void
notify_server_free (NotifyServer *server)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_dbus_connection_unregister_object (server->connection, server->object));
  g_dbus_connection_close_sync (server->connection, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server->connection);
  g_clear_pointer (&server->calls, g_ptr_array_unref);
  g_free (server);
}
