#!/usr/bin/env python3
# tests/background/test-watcher.py
#
# Copyright 2026 The Anshin Wallet authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The background watcher end to end (suite background, TAP): signed in as
# the app leaves it (the refresh token in the keyring), watching turned on,
# no window open, the issuer's clock moved through the story; every
# notification's title and body checked as the notification daemon got
# them, in English and Japanese; nothing told twice (across a restart of
# the watcher, a reconnect and the app taking over and handing back); the
# default action opening the app at the right page through D-Bus
# activation; and the faults: an empty or locked keyring, a sign-in the
# issuer no longer accepts, an issuer down for a long time (backoff capped).

import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import APP_ID, SCHEMA, TapError, World, record_requests, rounds, wait_for  # noqa: E402

results = []


def check(condition, message):
    if not condition:
        raise TapError(message)


def expect(notes, index, summary, body):
    check(len(notes) > index, 'no notification #%d (have %d)' % (index + 1, len(notes)))
    note = notes[index]
    check(note['summary'] == summary,
          'notification #%d title: got “%s”, want “%s”' % (index + 1, note['summary'], summary))
    check(note['body'] == body,
          'notification #%d body: got “%s”, want “%s”' % (index + 1, note['body'], body))


def settle(world, count, seconds=2.0, allow_replaced=0):
    """Nothing more than @count notifications for @seconds."""
    time.sleep(seconds)
    notes = world.notifications()
    check(len(world.replacements()) <= allow_replaced,
          'notifications sent again: %s' % [n['summary'] for n in world.replacements()])
    check(len(notes) == count, 'expected %d notifications, got %d: %s'
          % (count, len(notes), [n['summary'] for n in notes]))
    return notes


def new_world(lang='C.UTF-8', scenario='seed-story', watch=True):
    world = World(lang=lang, scenario=scenario)
    world.start_issuer()
    world.gsettings('set', SCHEMA, 'issuer-url', world.url)
    if watch:
        world.gsettings('set', SCHEMA, 'watch-in-background', 'true')
    world.sign_in()
    return world


def story_en():
    """seed-story, in English: renewal day, the wallets, a reissue."""
    world = new_world()
    try:
        world.start_watcher()
        world.wait_output('Watching ' + world.url)
        # what was there before watching started is history
        settle(world, 0)
        yield 'nothing is told about the notices from before watching started'

        world.step()    # renewal announced
        notes = world.wait_notifications(1)
        expect(notes, 0, 'Your card will be renewed on 30 Nov 2025', notes[0]['body'])
        # what happened, in one sentence (the expiry's wording is the explainer's)
        check(notes[0]['body'].startswith('It renews automatically, with the new expiry date ')
              and notes[0]['body'].endswith('.') and '. ' not in notes[0]['body'], notes[0]['body'])
        check(notes[0]['app_name'] == 'Anshin Wallet', 'app name: ' + notes[0]['app_name'])
        check('ウ' not in notes[0]['summary'], 'the issuer’s raw title was used')
        yield 'renewal announced: one notification, in the app’s words, from “Anshin Wallet”'

        world.step()    # renewal day
        notes = world.wait_notifications(2)
        expect(notes, 1, 'Your card was renewed as planned',
               'This is the renewal announced on 30 Aug 2025.')
        notes = settle(world, 2)
        yield 'renewal day: “Your card was renewed as planned” with the evidence'

        world.step()    # the wallets work again
        notes = world.wait_notifications(4)
        summaries = sorted(n['summary'] for n in notes[2:])
        check(summaries == ['Apple Pay works again', 'Google Pay works again'], summaries)
        settle(world, 4)
        yield 'Apple Pay and Google Pay work again: told once each'

        # a restart of the watcher tells nothing again
        check(world.stop_watcher() == 0, 'the watcher did not stop cleanly on SIGTERM')
        check('Stopping' in world.watcher_output(), 'no word on stopping')
        world.start_watcher()
        world.wait_output('Watching ' + world.url)
        settle(world, 4, 3.0)
        yield 'SIGTERM stops the watcher cleanly; restarted, it tells nothing twice'

        world.step()    # QUICPay delayed; on 2 December a QUICPay payment is declined
        time.sleep(3)
        notes = world.notifications()
        d = len(notes) - 4      # 1 with an issuer that sends payment_declined notices
        check(d in (0, 1), [n['summary'] for n in notes])
        if d:
            expect(notes, 4, "A QUICPay payment didn't go through",
                   "This way of paying isn't working on your card right now; the Methods page shows what works instead.")
        settle(world, 4 + d)
        yield 'QUICPay delayed: a declined QUICPay payment told once (%s)' % ('sent' if d else 'none sent by this issuer')
        world.request_reissue()
        notes = world.wait_notifications(5 + d)
        expect(notes, 4 + d, 'Your card is being reissued with a new number', notes[4 + d]['body'])
        world.advance(3 * 3600 + 60)
        notes = world.wait_notifications(6 + d)
        expect(notes, 5 + d, 'Your card has a new number',
               'QUICPay works again: add the new number to Apple Pay and Google Pay.')
        settle(world, 6 + d)
        yield 'a reissue that is ready: “add the new number to Apple Pay and Google Pay”, once'

        # the issuer goes away and comes back (its state kept): the watcher
        # reconnects, catches up, and tells nothing twice
        port = world.port
        world.stop_issuer()
        world.wait_output('can’t be reached', timeout=20)
        world.start_issuer(port=port, fresh=False)
        world.wait_output('can be reached again', timeout=20)
        settle(world, 6 + d, 3.0)
        world.step()    # physical card shipped
        notes = world.wait_notifications(7 + d, timeout=20)
        check(notes[6 + d]['summary'] != notes[5 + d]['summary'], 'the same notification again')
        settle(world, 7 + d)
        yield 'issuer stopped and started again: reconnected, nothing twice, new news told'

        # the default action: the app, started by D-Bus activation, at the
        # notice. (The freedesktop backend hands a click only to the process
        # that sent the notification: the watcher running now.)
        world.gsettings('set', SCHEMA, 'last-page', 'card')
        world.invoke(len(notes))
        wait_for('the app on the bus', lambda: world.has_owner(APP_ID), 30)
        world.wait_output('Anshin Wallet is open')
        wait_for('the Notices page',
                 lambda: world.gsettings('get', SCHEMA, 'last-page') == "'notices'", 30)
        yield 'the default action opens the app at the notice through D-Bus activation'

        # while the app runs the watcher is silent; the app tells, once
        world.step()    # physical card delivered
        notes = world.wait_notifications(8 + d, timeout=20)
        check(notes[7 + d]['app_name'] == 'Anshin Wallet', notes[7 + d]['app_name'])
        # The window still sends its own notification for a new notice
        # (anshin-window-actions.c) under the same id: it replaces the
        # notifier's rather than adding one. One replacement is allowed
        # until the window leaves notifications to the notifier.
        settle(world, 8 + d, allow_replaced=1)
        app = world.bus.get_object(APP_ID, '/' + APP_ID.replace('.', '/'))
        app.ActivateAction('quit', [], {}, dbus_interface='org.freedesktop.Application')
        wait_for('the app gone', lambda: not world.has_owner(APP_ID), 20)
        world.wait_output('watching again')
        world.wait_output('Watching ' + world.url, timeout=20)
        settle(world, 8 + d, 3.0, allow_replaced=1)
        yield 'the app notifies while it runs and hands back; nothing told twice'
    finally:
        world.close()


def story_ja():
    """renewal-smooth, in Japanese: QUICPay works again by itself."""
    world = new_world(lang='ja_JP.UTF-8', scenario='renewal-smooth')
    try:
        world.start_watcher()
        world.wait_output(world.url)
        settle(world, 0)
        world.step()
        world.step()
        notes = world.wait_notifications(2)
        expect(notes, 1, 'カードは予定どおり更新されました', notes[1]['body'])
        check(notes[1]['body'].endswith('。') and notes[1]['body'].count('。') == 1,
              'not one sentence: ' + notes[1]['body'])
        check('2025年8月30日' in notes[1]['body'], notes[1]['body'])
        yield 'renewal day in Japanese: the headline and one sentence with the dates'

        world.step()    # everything works again
        notes = wait_for('QUICPay', lambda: [n for n in world.notifications()
                                             if n['summary'].startswith('QUICPay')])
        check(notes[0]['summary'] == 'QUICPayが再び使えるようになりました', notes[0]['summary'])
        check(notes[0]['body'] == 'カード会社による更新後のカードのQUICPayへの移行が完了したため、Apple PayとGoogle Payでのお支払いが再び使え、ポイントの対象になります。',
              notes[0]['body'])
        time.sleep(2)
        count = len(world.notifications())
        check(len([n for n in world.notifications() if n['summary'].startswith('QUICPay')]) == 1,
              'QUICPay told twice')
        world.stop_watcher()
        world.start_watcher()
        world.wait_output(world.url)
        settle(world, count, 3.0)
        yield '“QUICPay works again” in Japanese, once, also across a restart'
    finally:
        world.close()


def reminder():
    """locked-out: the reminder asked for on the lock's callout."""
    world = new_world(scenario='locked-out')
    try:
        world.start_watcher()
        world.wait_output('Watching ' + world.url)
        settle(world, 0)
        watcher = world.bus.get_object(APP_ID + '.Watcher',
                                       '/' + (APP_ID + '.Watcher').replace('.', '/'))
        watcher.ActivateAction('remind-registration', ['2025-12-04T08:00:00+09:00'], {},
                               dbus_interface='org.freedesktop.Application')
        settle(world, 0, 1.5)
        world.step()    # lock lifted: 2025-12-04 08:00
        notes = wait_for('the reminder', lambda: [n for n in world.notifications()
                                                  if n['summary'] == 'You can add a charge card again'])
        check(notes[0]['body'] == 'The pause on registering a charge card has ended; register it in Top-up when you’re ready.'
              or notes[0]['body'].startswith('The pause on registering'), notes[0]['body'])
        count = len(world.notifications())
        world.stop_watcher()
        world.start_watcher()
        world.wait_output('Watching ' + world.url)
        settle(world, count, 3.0)
        yield 'the registration reminder fires at the lock’s end, once'
    finally:
        world.close()


def faults():
    world = new_world()
    try:
        # an issuer down for a long time: the waits between tries double
        # (250 ms to a 4 s cap here; 1 s to 5 minutes by default), said once
        world.start_watcher('--timings', '250,4000,1000')
        world.wait_output('Watching ' + world.url)
        port = world.port
        world.stop_issuer()
        requests = record_requests(port, 12.0)
        out = world.watcher_output()
        check(out.count('can’t be reached') == 1, out)
        check('trying again after 0.25 s, 0.5 s, 1 s, 2 s, then about every 4 s' in out, out)
        # each try of the account asks for the card (with the rest of its
        # state); the event stream reconnects on its own, with the same waits
        tries = rounds([t for t, line in requests if line.startswith('GET /v1/card ')])
        reconnects = [t for t, line in requests if line.startswith('GET /v1/events')]
        gaps = [b - a for a, b in zip(tries, tries[1:])]
        print('# issuer down for 12 s: %d requests; the account tried %d times, %s s apart; '
              'the event stream %d times' % (len(requests), len(tries),
                                             ', '.join('%.2f' % g for g in gaps), len(reconnects)))
        # a fixed 1 s poll would be 12 tries; the backoff makes it 7 at most
        check(2 <= len(tries) <= 7, 'the account tried %d times in 12 s' % len(tries))
        check(len(reconnects) <= 7, 'the event stream reconnected %d times in 12 s' % len(reconnects))
        # growing (up to 20 % sooner at random), and capped at 4 s
        check(all(b >= 1.2 * a for a, b in zip(gaps, gaps[1:]) if a < 3.0), gaps)
        check(all(g <= 4.5 for g in gaps), gaps)
        check(gaps and gaps[-1] >= 1.5, gaps)
        world.start_issuer(port=port, fresh=False)
        world.wait_output('can be reached again', timeout=20)
        yield 'issuer unreachable: retries back off to a cap, said once, recovers'

        # the sign-in no longer accepted: stops, one notification
        world.stop_watcher()
        before = len(world.notifications())
        world.helper('spoil', world.url)
        world.start_watcher()
        check(world.watcher.wait(20) == 0, 'the watcher did not stop cleanly')
        notes = world.wait_notifications(before + 1)
        expect(notes, before, 'Sign in to Anshin Wallet again',
               'Your sign-in has ended, so Anshin Wallet stopped watching your card; open it and sign in to be told about changes again.')
        # started again with the same dead sign-in: it stops, without asking twice
        world.start_watcher()
        check(world.watcher.wait(20) == 0, 'the watcher did not stop cleanly')
        time.sleep(1)
        check(len(world.notifications()) == before + 1, 'asked to sign in twice')
        yield 'a sign-in the issuer refuses: the watcher stops with one notification'

        # an empty keyring (never signed in here): waits quietly, says so once
        world.helper('sign-out', world.url)
        world.start_watcher()
        world.wait_output('No sign-in in the keyring yet')
        time.sleep(3)
        check(world.watcher.poll() is None, 'the watcher stopped with an empty keyring')
        check(world.watcher_output().count('No sign-in in the keyring yet') == 1, 'said twice')
        # once signed in, it starts watching by itself
        world.sign_in()
        world.wait_output('Watching ' + world.url, timeout=20)
        yield 'an empty keyring: the watcher waits quietly, says so once, and starts on sign-in'

        # signing out in the app (the token gone): the watcher stops
        world.stop_watcher()
        world.start_watcher()
        world.wait_output('Watching ' + world.url)
        world.gsettings('set', SCHEMA, 'watch-in-background', 'false')
        check(world.watcher.wait(20) == 0, 'the watcher did not stop when watching was turned off')
        yield 'turning watching off stops the watcher'
    finally:
        world.close()


def keyring_locked():
    """The keyring locked at login (or later): the watcher asks for no
    password (it has no window), says so once, and starts by itself once
    the keyring is unlocked."""
    world = new_world()
    try:
        world.lock_keyring()
        world.start_watcher()
        world.wait_output('The keyring is locked')
        time.sleep(3.5)     # it looks again every second here (every minute by default)
        out = world.watcher_output()
        check(world.watcher.poll() is None, 'the watcher stopped with a locked keyring:\n' + out)
        check(out.count('The keyring is locked; waiting until it is unlocked') == 1, out)
        check(len(out.strip().splitlines()) == 1, 'more than one line:\n' + out)
        check('Watching' not in out, out)
        check(len(world.notifications()) == 0, [n['summary'] for n in world.notifications()])
        world.unlock_keyring()
        world.wait_output('Watching ' + world.url, timeout=10)
        check(world.watcher_output().count('The keyring is locked') == 1, world.watcher_output())
        world.step()    # news after the unlock is told
        notes = world.wait_notifications(1)
        check(notes[0]['summary'] == 'Your card will be renewed on 30 Nov 2025', notes[0]['summary'])
        yield 'a locked keyring: no prompt, said once, watching starts when it is unlocked'
    finally:
        world.close()


def main():
    groups = [story_en, story_ja, reminder, faults, keyring_locked]
    planned = [10, 2, 1, 4, 1]
    print('1..%d' % sum(planned))
    number = 0
    failed = False
    for group, count in zip(groups, planned):
        done = 0
        try:
            for name in group():
                number += 1
                done += 1
                print('ok %d - %s' % (number, name))
                sys.stdout.flush()
        except Exception as error:  # one failure skips the rest of its group
            failed = True
            for line in traceback.format_exc().splitlines():
                print('# ' + line)
            number += 1
            print('not ok %d - %s: %s' % (number, group.__name__, error))
            done += 1
            for _ in range(done, count):
                number += 1
                print('not ok %d - %s: skipped after a failure' % (number, group.__name__))
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
