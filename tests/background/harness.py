# tests/background/harness.py
#
# Copyright 2026 The Anshin Wallet authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One world for the background tests: fresh XDG directories, a private
# session bus (whose service directories hold the app's D-Bus activation
# file pointing at the build's anshin), an unlocked throw-away keyring,
# python3-dbusmock's notification daemon, settings in a key file shared by
# every process (GSETTINGS_BACKEND=keyfile), the mock issuer with --admin,
# and the watcher. Notifications are read back from the daemon double.

import json
import os
import shutil
import sys
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

import dbus

APP_ID = os.environ.get('ANSHIN_APPLICATION_ID', 'io.github.anshin.Wallet.Devel')
SCHEMA = 'io.github.anshin.Wallet'


class TapError(Exception):
    pass


def wait_for(what, predicate, timeout=15.0, step=0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TapError('timed out waiting for ' + what)
        time.sleep(step)


class World:
    def __init__(self, lang='C.UTF-8', scenario='seed-story'):
        self.tmp = tempfile.mkdtemp(prefix='anshin-background-')
        os.chmod(self.tmp, 0o700)
        self.procs = []
        self.lang = lang
        self.scenario = scenario
        self.mock = None
        self.watcher = None
        self.watcher_log = None
        self.port = None
        env = dict(os.environ)
        for name in ('data', 'config', 'cache', 'state', 'runtime', 'share/dbus-1/services'):
            os.makedirs(os.path.join(self.tmp, name), mode=0o700, exist_ok=True)
        env.update({
            'XDG_DATA_HOME': os.path.join(self.tmp, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.tmp, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.tmp, 'cache'),
            'XDG_STATE_HOME': os.path.join(self.tmp, 'state'),
            'XDG_RUNTIME_DIR': os.path.join(self.tmp, 'runtime'),
            'XDG_DATA_DIRS': os.path.join(self.tmp, 'share') + ':/usr/share',
            'GSETTINGS_BACKEND': 'keyfile',
            'GNOTIFICATION_BACKEND': 'freedesktop',
            'LANG': lang,
            'LC_ALL': '',
            'LANGUAGE': '',
            'G_DEBUG': 'gc-friendly',
        })
        env.pop('G_MESSAGES_DEBUG', None)
        self.env = env
        # D-Bus activation of the app, as installed, but the build's binary
        with open(os.path.join(self.tmp, 'share/dbus-1/services', APP_ID + '.service'), 'w') as f:
            f.write('[D-BUS Service]\nName=%s\nExec=%s --gapplication-service\n'
                    % (APP_ID, os.environ['ANSHIN_APP']))
        self._start_bus()
        self._start_keyring()
        self._start_notification_daemon()

    # processes

    def spawn(self, argv, log=None, **kwargs):
        out = open(log, 'ab') if log else subprocess.DEVNULL
        proc = subprocess.Popen(argv, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, **kwargs)
        self.procs.append(proc)
        return proc

    def _start_bus(self):
        proc = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1'],
                                env=self.env, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        self.procs.append(proc)
        self.env['DBUS_SESSION_BUS_ADDRESS'] = proc.stdout.readline().decode().strip()
        self.bus = dbus.bus.BusConnection(self.env['DBUS_SESSION_BUS_ADDRESS'])

    def has_owner(self, name):
        return bool(self.bus.name_has_owner(name))

    def _start_keyring(self):
        proc = subprocess.Popen(['gnome-keyring-daemon', '--foreground', '--unlock',
                                 '--components=secrets'], env=self.env, stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        proc.stdin.write(b'\n')
        proc.stdin.close()
        self.procs.append(proc)
        wait_for('the keyring', lambda: self.has_owner('org.freedesktop.secrets'))

    def _start_notification_daemon(self):
        self.spawn([sys.executable, '-m', 'dbusmock', '--template', 'notification_daemon'])
        wait_for('the notification daemon', lambda: self.has_owner('org.freedesktop.Notifications'))
        self.daemon = self.bus.get_object('org.freedesktop.Notifications',
                                          '/org/freedesktop/Notifications')

    def gsettings(self, *args):
        return subprocess.run(['gsettings'] + list(args), env=self.env, check=True,
                              capture_output=True, text=True).stdout.strip()

    # the mock issuer

    def start_issuer(self, port=0, fresh=True):
        log = os.path.join(self.tmp, 'issuer.log')
        if fresh and os.path.exists(log):
            os.unlink(log)
        open(log, 'w').close()
        argv = [os.environ['ANSHIN_MOCK_ISSUER'], '--admin', '--port', str(port),
                '--scenario', self.scenario, '--state', os.path.join(self.tmp, 'issuer-state.json')]
        self.mock = self.spawn(argv, log=log)

        def listening():
            with open(log) as f:
                for line in f:
                    if line.startswith('listening on '):
                        return line.split()[-1]
            return None
        self.url = wait_for('the mock issuer', listening).rstrip('/')
        self.port = int(self.url.rsplit(':', 1)[1])

    def stop_issuer(self):
        self.mock.terminate()
        self.mock.wait(10)

    def admin(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read() or b'null')

    def step(self):
        return self.admin('POST', '/admin/step', {})

    def advance(self, seconds):
        return self.admin('POST', '/admin/clock', {'advance_seconds': seconds})

    def holder_session(self):
        """A session of the holder's elsewhere (the issuer's own app), for
        what the holder does there, such as asking for a reissue."""
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        request = urllib.request.Request(self.url + '/v1/session', method='POST',
                                         data=json.dumps({'member_id': 'demo',
                                                          'password': 'demo'}).encode(),
                                         headers={'Content-Type': 'application/json'})
        opener.open(request, timeout=10).read()
        return opener

    def request_reissue(self):
        opener = self.holder_session()
        request = urllib.request.Request(self.url + '/v1/card/reissue', method='POST',
                                         data=json.dumps({'new_number': True,
                                                          'reason': 'network_unavailable'}).encode(),
                                         headers={'Content-Type': 'application/json',
                                                  'Idempotency-Key': 'reissue-%f' % time.time()})
        return json.loads(opener.open(request, timeout=10).read())

    # the keyring, as the app leaves it

    def _default_collection(self):
        service = self.bus.get_object('org.freedesktop.secrets', '/org/freedesktop/secrets')
        return service, service.ReadAlias('default', dbus_interface='org.freedesktop.Secret.Service')

    def lock_keyring(self):
        """As the desktop does after a while, or "Lock" in Passwords and Keys."""
        service, collection = self._default_collection()
        locked, prompt = service.Lock([collection], dbus_interface='org.freedesktop.Secret.Service')
        if list(locked) != [collection] or prompt != '/':
            raise TapError('the keyring did not lock: %s %s' % (locked, prompt))

    def unlock_keyring(self):
        """With the password _start_keyring gave, through gnome-keyring's own
        non-interactive interface (as the login session does): no prompt."""
        service, collection = self._default_collection()
        _, session = service.OpenSession('plain', dbus.String('', variant_level=1),
                                         dbus_interface='org.freedesktop.Secret.Service')
        secret = dbus.Struct((session, dbus.ByteArray(b''), dbus.ByteArray(b'\n'), 'text/plain'),
                             signature='oayays')
        service.UnlockWithMasterPassword(
            collection, secret,
            dbus_interface='org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface')

    def helper(self, *args):
        subprocess.run([os.environ['ANSHIN_SIGN_IN_HELPER']] + list(args), env=self.env,
                       check=True, timeout=30)

    def sign_in(self, member='demo', password='demo'):
        self.helper('sign-in', self.url, member, password)

    # the watcher

    def start_watcher(self, *extra):
        self.watcher_log = os.path.join(self.tmp, 'watcher.log')
        timings = [] if '--timings' in extra else ['--timings', '200,2000,1000']
        self.watcher = self.spawn([os.environ['ANSHIN_WATCHER'], '--keyring-retry', '1']
                                  + timings + list(extra), log=self.watcher_log)
        return self.watcher

    def watcher_output(self):
        with open(self.watcher_log, encoding='utf-8') as f:
            return f.read()

    def wait_output(self, text, timeout=15.0):
        wait_for('“%s” from the watcher' % text, lambda: text in self.watcher_output(), timeout)

    def stop_watcher(self):
        self.watcher.send_signal(signal.SIGTERM)
        return self.watcher.wait(10)

    # notifications

    def _notify_calls(self):
        calls = self.daemon.GetCalls(dbus_interface='org.freedesktop.DBus.Mock')
        return [{'app_name': str(args[0]), 'replaces': int(args[1]), 'summary': str(args[3]),
                 'body': str(args[4]), 'actions': [str(a) for a in args[5]], 'hints': args[6]}
                for _, method, args in calls if method == 'Notify']

    def notifications(self):
        """The notifications the holder saw appear (a Notify that replaces
        one already shown is not a new one)."""
        return [n for n in self._notify_calls() if n['replaces'] == 0]

    def replacements(self):
        return [n for n in self._notify_calls() if n['replaces'] != 0]

    def wait_notifications(self, count, timeout=15.0):
        try:
            return wait_for('%d notifications' % count,
                            lambda: len(self.notifications()) >= count and self.notifications(),
                            timeout)
        except TapError:
            raise TapError('timed out waiting for %d notifications; have: %s'
                           % (count, [n['summary'] for n in self.notifications()]))

    def invoke(self, number, action='default'):
        """The holder clicks notification @number (1-based, as the daemon
        double numbers them)."""
        self.daemon.EmitSignal('org.freedesktop.Notifications', 'ActionInvoked', 'us',
                               [dbus.UInt32(number), action],
                               dbus_interface='org.freedesktop.DBus.Mock')

    def close(self):
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        # an app started by D-Bus activation is the bus's child: it went with it
        shutil.rmtree(self.tmp, ignore_errors=True)


def record_requests(port, seconds):
    """Stands in for an issuer that is down: accepts every connection on
    @port for @seconds, reads the request line and drops it unanswered.
    Returns each request as (seconds since the start, request line)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('127.0.0.1', port))
    server.listen(16)
    server.settimeout(0.05)
    requests = []
    start = time.monotonic()
    deadline = start + seconds
    while time.monotonic() < deadline:
        try:
            conn, _ = server.accept()
        except socket.timeout:
            continue
        conn.settimeout(1.0)
        line = b''
        try:
            while b'\n' not in line and len(line) < 4096:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                line += chunk
        except socket.timeout:
            pass
        requests.append((time.monotonic() - start, line.split(b'\r\n', 1)[0].decode('latin-1')))
        conn.close()
    server.close()
    return requests


def rounds(times, within=0.3):
    """The start of each burst of @times (requests less than @within s
    apart are one burst)."""
    starts = []
    for t in sorted(times):
        if not starts or t - last > within:
            starts.append(t)
        last = t
    return starts
