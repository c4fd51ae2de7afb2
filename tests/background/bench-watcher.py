#!/usr/bin/env python3
# tests/background/bench-watcher.py (meson test --benchmark --suite background)
#
# Copyright 2026 The Anshin Wallet authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What watching costs: the watcher's peak RSS and CPU time over 60 s with
# nothing happening and over a burst of 100 events (the issuer's clock
# moved 100 times, each a `clock.changed` on the live stream), next to the
# same figures for the full app. The app cannot watch with its window
# closed (it quits), so it is measured twice: as a D-Bus service with no
# window (what a closed app that stayed would cost at least), and with its
# window open following the same issuer. Targets: the watcher under 20 MiB
# RSS and under 20 ms of CPU per idle minute. The last line says whether
# they were met.

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import APP_ID, SCHEMA, World, wait_for  # noqa: E402

IDLE_S = float(os.environ.get('ANSHIN_BENCH_IDLE_S', '60'))
TICK = os.sysconf('SC_CLK_TCK')


def cpu_ms(pid):
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / TICK


def peak_rss_kib(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    return 0


def alive(pid):
    try:
        with open('/proc/%d/stat' % pid) as f:
            return f.read().rsplit(')', 1)[1].split()[0] != 'Z'
    except FileNotFoundError:
        return False


def measure(world, pid, label):
    time.sleep(3)               # started and settled
    before = cpu_ms(pid)
    time.sleep(IDLE_S)
    idle = cpu_ms(pid) - before
    idle_rss = peak_rss_kib(pid)
    before = cpu_ms(pid)
    for _ in range(100):
        world.advance(60)
    time.sleep(3)               # handled
    burst = cpu_ms(pid) - before
    rss = peak_rss_kib(pid)
    if not alive(pid):
        print('%-34s quit by itself with no window open: it cannot watch with its window closed'
              % label)
        return None, None
    print('%-34s peak RSS %6.1f MiB (idle %6.1f)   CPU idle %5.0f ms/min   burst of 100 events %5.0f ms'
          % (label, rss / 1024.0, idle_rss / 1024.0, idle * 60.0 / IDLE_S, burst))
    sys.stdout.flush()
    return rss, idle * 60.0 / IDLE_S


def main():
    world = World()
    try:
        world.start_issuer()
        world.gsettings('set', SCHEMA, 'issuer-url', world.url)
        world.gsettings('set', SCHEMA, 'watch-in-background', 'true')
        world.sign_in()

        world.start_watcher('--timings', '1000,300000,60000')
        world.wait_output('Watching ' + world.url)
        watcher_rss, watcher_idle = measure(world, world.watcher.pid, 'anshin-watcher')
        world.stop_watcher()

        service = world.spawn([os.environ['ANSHIN_APP'], '--gapplication-service'])
        wait_for('the app service', lambda: world.has_owner(APP_ID), 30)
        measure(world, service.pid, 'anshin, no window (D-Bus service)')
        service.terminate()
        service.wait(10)

        app = world.spawn([os.environ['ANSHIN_APP']])
        wait_for('the app', lambda: world.has_owner(APP_ID), 30)
        time.sleep(3)
        measure(world, app.pid, 'anshin, window open, following')
        app.terminate()
        app.wait(10)
    finally:
        world.close()

    met = watcher_rss < 20 * 1024 and watcher_idle < 20
    print('targets (watcher < 20 MiB RSS, < 20 ms CPU per idle minute): %s'
          % ('met' if met else 'NOT met'))
    return 0 if met else 1


if __name__ == '__main__':
    sys.exit(main())
