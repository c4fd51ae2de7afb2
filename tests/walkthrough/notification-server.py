#!/usr/bin/python3
# notification-server.py
#
# Copyright 2026 The Anshin Wallet authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A stand-in for the desktop's notification daemon on the walkthrough's
# private session bus: it owns org.freedesktop.Notifications, prints
# "ready" once it does, then one JSON line {"summary", "body"} per
# notification the app sends, so the walkthrough can read what a user
# would have seen pop up.

import json
import sys

from gi.repository import Gio, GLib

INTERFACE = """
<node>
  <interface name='org.freedesktop.Notifications'>
    <method name='Notify'>
      <arg type='s' name='app_name' direction='in'/>
      <arg type='u' name='replaces_id' direction='in'/>
      <arg type='s' name='app_icon' direction='in'/>
      <arg type='s' name='summary' direction='in'/>
      <arg type='s' name='body' direction='in'/>
      <arg type='as' name='actions' direction='in'/>
      <arg type='a{sv}' name='hints' direction='in'/>
      <arg type='i' name='expire_timeout' direction='in'/>
      <arg type='u' name='id' direction='out'/>
    </method>
    <method name='CloseNotification'>
      <arg type='u' name='id' direction='in'/>
    </method>
    <method name='GetCapabilities'>
      <arg type='as' name='capabilities' direction='out'/>
    </method>
    <method name='GetServerInformation'>
      <arg type='s' name='name' direction='out'/>
      <arg type='s' name='vendor' direction='out'/>
      <arg type='s' name='version' direction='out'/>
      <arg type='s' name='spec_version' direction='out'/>
    </method>
    <signal name='ActionInvoked'>
      <arg type='u' name='id'/>
      <arg type='s' name='action_key'/>
    </signal>
    <signal name='NotificationClosed'>
      <arg type='u' name='id'/>
      <arg type='u' name='reason'/>
    </signal>
  </interface>
</node>
"""

next_id = 1


def on_method_call(connection, sender, path, interface, method, params, invocation):
    global next_id

    if method == 'Notify':
        args = params.unpack()
        print(json.dumps({'summary': args[3], 'body': args[4]}, ensure_ascii=False), flush=True)
        invocation.return_value(GLib.Variant('(u)', (next_id,)))
        next_id += 1
    elif method == 'CloseNotification':
        invocation.return_value(None)
    elif method == 'GetCapabilities':
        invocation.return_value(GLib.Variant('(as)', (['body'],)))
    elif method == 'GetServerInformation':
        invocation.return_value(GLib.Variant('(ssss)', ('walkthrough', 'Anshin', '1', '1.2')))
    else:
        invocation.return_dbus_error('org.freedesktop.DBus.Error.UnknownMethod', method)


def main():
    loop = GLib.MainLoop()
    node = Gio.DBusNodeInfo.new_for_xml(INTERFACE)
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    bus.register_object('/org/freedesktop/Notifications', node.interfaces[0],
                        on_method_call, None, None)

    def on_acquired(connection, name):
        print('ready', flush=True)

    def on_lost(connection, name):
        print('lost', flush=True)
        loop.quit()

    Gio.bus_own_name_on_connection(bus, 'org.freedesktop.Notifications',
                                   Gio.BusNameOwnerFlags.NONE, on_acquired, on_lost)
    loop.run()


if __name__ == '__main__':
    sys.exit(main())
