#!/usr/bin/python3
# walkthrough.py
#
# Copyright 2026 The Anshin Wallet authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The seed story, walked through the accessibility tree as a screen-reader
# user would walk it: start `anshin --demo=seed-story`, find every control
# by its role and accessible name, press it, read what the app says, and
# check at each step what the user would check. From the renewal notice
# to a working QUICPay after a reissue, and a charge card registered with
# the one-time code. TAP output; run it under tests/headless (meson test
# --suite a11y), in English or in Japanese: every name and sentence is
# looked up in the app's own catalog, so the same walk checks both.
#
#   walkthrough.py --app build/app/gui/anshin --localedir build/po \
#                  --scenarios data/scenarios [--screenshots DIR]
#                  [--presenter] [--scenario NAME --only t_window,t_locked]
# WALK_DUMP=FILE writes every text of the window to FILE when a step fails.
import argparse
import gettext
import json
import locale
import os
import re
import subprocess
import sys
import threading
import time

# The app runs with the test suite's G_DEBUG (warnings are fatal there);
# this process must not: libatspi warns about objects that go away
# between a lookup and a call, which is expected while the window changes.
APP_G_DEBUG = os.environ.pop('G_DEBUG', None)


def hold_display():
    """Keeps a connection to the X server for as long as this process
    runs. Xvfb (started without -noreset) resets when its last client
    leaves; libatspi opens and closes a connection to read the
    accessibility bus address, and an app starting during that reset
    cannot open the display."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library('X11')
    if name is None or not os.environ.get('DISPLAY'):
        return None
    xlib = ctypes.CDLL(name)
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    return xlib.XOpenDisplay(None)


DISPLAY_CONNECTION = hold_display()

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

import pyatspi  # noqa: E402
from gi.repository import GLib  # noqa: E402

import atspi_driver as d  # noqa: E402
from atspi_driver import Failure  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OLD_LAST4 = '4821'
# A Mastercard test number the mock issuer accepts (it asks for a one-time
# code for every card in the seed story)
CHARGE_CARD = ('5555555555554444', '1230', '123', 'HANAKO YAMADA')


MENU_ITEM_ROLES = {pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM}


def describe_button(acc):
    return 'the button %r' % acc.name


class Catalog:
    """The app's translations, as the app itself looks them up."""

    def __init__(self, localedir):
        languages = [l for l in os.environ.get('LANGUAGE', '').split(':') if l]
        lang = os.environ.get('LANG', 'C')
        if not languages and not lang.startswith(('C', 'POSIX', 'en')):
            languages = [lang.split('.')[0]]
        self.lang = languages[0] if languages else 'en'
        if self.lang.startswith('en'):
            self.t = gettext.NullTranslations()
        else:
            # the app must find the catalog too: fail if it is missing
            self.t = gettext.translation('anshin', localedir=localedir, languages=languages)

    def _lookup(self, key, msgid):
        # In Japanese every text the walk looks for must come translated:
        # a message missing from the catalog would show in English.
        if not self.lang.startswith('en') and key not in getattr(self.t, '_catalog', {}):
            raise Failure('%r is not translated into %s in the catalog' % (msgid, self.lang))

    def _(self, msgid):
        self._lookup(msgid, msgid)
        return self.t.gettext(msgid)

    def mnemonic(self, msgid):
        """A button's label ("_Retry", "再試行(_R)") as GTK shows
        it and names the button: without the mnemonic's underscore."""
        return re.sub(r'_(.)', r'\1', self._(msgid))

    def C(self, context, msgid):
        self._lookup(context + '\x04' + msgid, msgid)
        return self.t.pgettext(context, msgid)

    def untranslated(self, text):
        """@text is a message of the catalog shown in English although the
        catalog translates it."""
        catalog = getattr(self.t, '_catalog', {})
        translated = catalog.get(text)
        return translated is not None and translated != text


class App:
    """The app and the notification daemon it talks to, with their output."""

    def __init__(self, args, extra_args):
        self.notifications = []
        self.output = []
        env = dict(os.environ)
        # Accessibility on (tests/headless' suite runs GTK_A11Y=none), and
        # notifications through the stand-in daemon
        env['GTK_A11Y'] = 'atspi'
        env.pop('NO_AT_BRIDGE', None)
        env['GNOTIFICATION_BACKEND'] = 'freedesktop'
        env['ANSHIN_SCENARIOS_DIR'] = args.scenarios
        if APP_G_DEBUG is not None:
            env['G_DEBUG'] = APP_G_DEBUG
        self.env = env

        self.notifyd = subprocess.Popen([sys.executable, os.path.join(HERE, 'notification-server.py')],
                                        stdout=subprocess.PIPE, text=True, env=env)
        line = self.notifyd.stdout.readline().strip()
        if line != 'ready':
            raise Failure('the stand-in notification daemon did not start (%r)' % line)
        threading.Thread(target=self._read_notifications, daemon=True).start()

        self.proc = subprocess.Popen([args.app, '--demo=' + args.scenario] + extra_args,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, env=env)
        threading.Thread(target=self._read_output, daemon=True).start()

    def _read_notifications(self):
        for line in self.notifyd.stdout:
            try:
                self.notifications.append(json.loads(line))
            except ValueError:
                pass

    def _read_output(self):
        for line in self.proc.stdout:
            self.output.append(line.rstrip('\n'))

    def check_alive(self):
        if self.proc.poll() is not None:
            raise Failure('the app exited (status %d); its output:\n%s'
                          % (self.proc.returncode, '\n'.join(self.output[-30:])))

    def stop(self):
        for p in (self.proc, self.notifyd):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()


class Walk:
    def __init__(self, args, app, cat):
        self.args = args
        self.app = app
        self.cat = cat
        _ = cat._
        self._ = _
        with open(os.path.join(args.scenarios, args.scenario + '.json'), encoding='utf-8') as f:
            self.scenario = json.load(f)
        self.steps = self.scenario['steps']
        self.step_re = d.fmt_regex(cat.t.gettext('Step %u of %u: %s'))
        self.window = None
        self.shot = 0

    # helpers

    def date(self, iso):
        """A date as the app writes it (anshin-format.c), in the app's locale."""
        dt = GLib.DateTime.new_from_iso8601(iso, GLib.TimeZone.new_utc())
        return dt.to_local().format(self._('%-d %b %Y'))

    def root(self):
        return self.window

    def step_label(self):
        return d.find(self.window, pyatspi.ROLE_LABEL, self.step_re)

    def wait_step(self, index):
        """Waits until the demo bar shows step @index (0-based) with its title
        and narration, in the user's language."""
        want = self._('Step %u of %u: %s') % (index + 1, len(self.steps), self._(self.steps[index]['title']))
        d.wait_for(lambda: d.find(self.window, pyatspi.ROLE_LABEL, want),
                   'the demo bar to say %r' % want, timeout=15,
                   seen=lambda: [d.text_of(l) for l in d.find_all(self.window, pyatspi.ROLE_LABEL, self.step_re)])
        # the step's narration, or what it says for the page that is open
        # (the narration follows the page the presenter is on)
        step = self.steps[index]
        narrations = [self._(step['narration'])] + [self._(n) for n in step.get('pages', {}).values()]
        d.wait_for(lambda: any(d.find(self.window, pyatspi.ROLE_LABEL, n) for n in narrations),
                   'the narration %r' % narrations[0], timeout=5)

    def button(self, name, root=None, timeout=10):
        return d.wait_find(root or self.window, pyatspi.ROLE_PUSH_BUTTON, name,
                           what='a button named %r' % getattr(name, 'pattern', name), timeout=timeout)

    def next_step(self, index):
        d.click(self.button(self._('Next Step')), 'Next Step')
        self.wait_step(index)
        self.screenshot('step-%d' % (index + 1))

    def show_page(self, title):
        tabs = d.wait_for(lambda: d.find_all(self.window, pyatspi.ROLE_PAGE_TAB, title),
                          'a page tab named %r' % title)
        d.click(tabs[0], 'the %r tab' % title)
        d.wait_for(lambda: any(d.has_state(t, pyatspi.STATE_SELECTED)
                               for t in d.find_all(self.window, pyatspi.ROLE_PAGE_TAB, title)),
                   'the %r page to be shown' % title)

    def notification(self, summary, timeout=15):
        return d.wait_for(lambda: next((n for n in self.app.notifications if n['summary'] == summary), None),
                          'a desktop notification %r' % summary, timeout,
                          seen=lambda: self.app.notifications)

    def label(self, text, root=None, pred=None, timeout=10):
        """Waits for a label reading @text (a string or a regex) under @root
        (an accessible, or a function that finds it again each time, for
        parts of the window that are rebuilt)."""
        regex = text if hasattr(text, 'match') else None

        def scope():
            r = root() if callable(root) else root
            return r or self.window
        return d.wait_for(lambda: d.find(scope(), pyatspi.ROLE_LABEL, text, pred),
                          'the text %r' % (regex.pattern if regex else text), timeout,
                          seen=lambda: [d.text_of(a) for a in d.find_all(scope(), pyatspi.ROLE_LABEL,
                                                                            pred=pred) if d.text_of(a)][-40:])

    def check_translated(self, root):
        """In Japanese, no English message of the catalog may show."""
        leaks = [t for t in d.texts(root) if t and self.cat.untranslated(t)]
        if leaks:
            raise Failure('shown untranslated: %r' % leaks)

    def check_names(self, root=None):
        """Every control in the window has an accessible name a screen
        reader can announce (the walk only finds what is named)."""
        problems = d.unnamed_controls(root or self.window)
        if problems:
            raise Failure('controls without a proper accessible name:\n' + '\n'.join(sorted(set(problems))))

    def screenshot(self, name):
        if not self.args.screenshots:
            return
        self.shot += 1
        os.makedirs(self.args.screenshots, exist_ok=True)
        prefix = '' if self.args.scenario == 'seed-story' else self.args.scenario + '-'
        path = os.path.join(self.args.screenshots, '%s%02d-%s-%s.png' % (prefix, self.shot, name, self.cat.lang))
        time.sleep(0.4)
        subprocess.run(['import', '-window', 'root', '-crop', '960x680+0+0', '+repage', path],
                       check=False, env=self.app.env)

    # the story

    def t_window(self):
        """the app's window appears on the accessibility bus"""
        desktop = pyatspi.Registry.getDesktop(0)

        def find_window():
            self.app.check_alive()
            for i in range(desktop.childCount):
                a = desktop.getChildAtIndex(i)
                # ours, not another app's (by process id)
                if a is not None and a.name == 'anshin' and a.get_process_id() == self.app.proc.pid:
                    return d.find(a, pyatspi.ROLE_FRAME, self._('Anshin Wallet'))
            return None
        self.window = d.wait_for(find_window, 'the window %r of the app "anshin"' % self._('Anshin Wallet'),
                                 timeout=30)
        # the demo bar is one line; the presenter opens its narration
        # (GTK 4.8 presents a toggle button as a push button, pressed or not)
        d.click(self.button(self._('Show Narration')), 'Show Narration')
        self.button(self._('Hide Narration'))

    def card_moment(self, title, action=None, show=True):
        """The Card page opens with the moment @title (a string or a regex)
        in a callout, with the button @action (its accessible name) in it."""
        if show:
            self.show_page(self._('Card'))
        self.label(title, timeout=15)
        if action is not None:
            # only the shown page is in the tree: the button is the callout's
            return self.button(action)
        return None

    def t_demo_start(self):
        """the demo bar starts the seed story at step 1 and narrates it"""
        self.wait_step(0)
        self.label(self._(self.scenario['title']))  # the scenario picker
        self.screenshot('step-1')

    def t_renewal_announced(self):
        """Next Step: the renewal is announced and a desktop notification explains it"""
        self.next_step(1)
        renewal = self.date('2025-11-30T09:00:00+09:00')
        self.notification(self._('Your card will be renewed on %s') % renewal)

    def t_renewal_day_notice(self):
        """renewal day: the card-activation notice arrives, explained as expected"""
        _ = self._
        self.next_step(2)
        headline = _('Your card was renewed as planned')
        # the pop-up says what it means, not the issuer's alarming title
        self.notification(headline)
        # the first page says it first: the renewal moment, with the way to
        # the payment methods still being updated, which works
        view = self.card_moment(_('Your card renewed as planned'), self.cat.C('action', 'View Payment Methods'),
                                show=False)
        self.screenshot('moment-renewal')
        d.click(view, 'View Payment Methods')
        d.wait_find(self.window, pyatspi.ROLE_LIST, _('Payment methods'), what='the list of payment methods')
        self.show_page(_('Notices'))
        notices = d.wait_find(self.window, pyatspi.ROLE_LIST, _('Notices'), what='the list of notices')
        # the row: the issuer's own subject, the app's verdict as a badge
        issuer_title = '【つばさペイ】カード有効化完了のお知らせ'
        row_label = self.label(issuer_title, root=notices)
        row = d.ancestor(row_label, pyatspi.ROLE_LIST_ITEM)
        if row is None:
            raise Failure('the notice %r is not in a list row' % issuer_title)
        self.label(self.cat.C('notice verdict', 'Expected'), root=row)
        d.activate_row(self.window, row, 'the notice %r' % issuer_title)

        def in_detail(acc):
            return d.ancestor(acc, pyatspi.ROLE_LIST, _('Notices')) is None
        self.label(headline, pred=in_detail)
        self.label(self.cat.C('expectation', 'Expected'), pred=in_detail)
        announced = self.date('2025-08-30T10:00:00+09:00')
        # the renewal day is said once, in what happened
        want = _('This is the renewal announced on %s.') % announced
        evidence = self.label(re.compile(re.escape(want) + '.*', re.S), pred=in_detail)
        same_number = _('Your card number has not changed (%s).') % ('•••• ' + OLD_LAST4)
        if same_number not in d.text_of(evidence):
            raise Failure('the evidence does not say the number stayed the same (%r): %r'
                          % (same_number, d.text_of(evidence)))
        # the issuer's own title stays as the issuer sent it, in Japanese
        self.label('【つばさペイ】カード有効化完了のお知らせ', pred=in_detail)
        self.screenshot('renewal-notice')
        self.check_translated(self.window)

    def t_quicpay_delayed(self):
        """QUICPay is shown as not usable, with the reason and a way out"""
        _ = self._
        C = self.cat.C
        self.next_step(3)
        self.next_step(4)
        # the Card page leads with what works now, and the reissue is right there
        self.card_moment(_('Pay with Mastercard contactless today'), C('action', 'Reissue…'))
        self.screenshot('moment-quicpay')
        self.show_page(self.cat.C('page tab', 'Methods'))
        row = self.quicpay_row(header=True)
        self.label(C('payment method state', 'Unavailable'), root=row)
        d.activate_row(self.window, row, 'the QUICPay row')
        quicpay = C('payment method', 'QUICPay')
        self.label(_('%s is delayed, with no new date') % quicpay, root=self.quicpay_row)
        self.label(_("The issuer's data migration is late."),
                   root=self.quicpay_row)
        # a keyboard user tabs on to the way out (and the page scrolls to it)
        reissue = C('button that asks first', '%s…') % C('action', 'Reissue with a New Number')
        d.focus(self.window, self.button(reissue, root=self.quicpay_row), reissue)
        self.screenshot('quicpay-delayed')
        self.check_translated(self.window)

    def t_activity_declined(self):
        """Activity at 2 December: the declined QUICPay payment, opened and explained"""
        _ = self._
        C = self.cat.C
        self.show_page(_('Activity'))
        activity = d.wait_find(self.window, pyatspi.ROLE_LIST, _('Activity'), what='the activity list')
        merchant = 'ファミリーマート 羽田空港第1ターミナル店'

        def declined_row():
            for label in d.find_all(activity, pyatspi.ROLE_LABEL, _('Declined')):
                row = d.ancestor(label, pyatspi.ROLE_LIST_ITEM)
                if row is not None and d.find(row, pyatspi.ROLE_LABEL, merchant):
                    return row
            return None
        row = d.wait_for(declined_row, 'a row of %r saying %r' % (merchant, _('Declined')))
        quicpay = C('method via wallet', '%1$s (%2$s)').replace('%1$s', C('payment method', 'QUICPay')) \
            .replace('%2$s', C('payment method', 'Apple Pay'))
        d.activate_row(self.window, row, 'the declined QUICPay payment')

        def in_detail(acc):
            return d.ancestor(acc, pyatspi.ROLE_LIST, _('Activity')) is None
        headline = _('%1$s was declined at %2$s').replace('%1$s', quicpay).replace('%2$s', merchant)
        self.label(headline, pred=in_detail)
        why = _("%s isn't working yet since your card's renewal: the issuer's data migration is late.")
        self.label(why % C('payment method', 'QUICPay'), pred=in_detail)
        self.screenshot('activity-declined')
        self.check_translated(self.window)

    def quicpay_row(self, header=False):
        """The QUICPay row of Payment methods: the expander with its
        explanation, or (@header) its title row, the one a user focuses."""
        methods = d.wait_find(self.window, pyatspi.ROLE_LIST, self._('Payment methods'),
                              what='the list of payment methods')
        quicpay = self.cat.C('payment method', 'QUICPay')

        def depth(row):
            n = 0
            while row is not None:
                row = d.ancestor(row, pyatspi.ROLE_LIST_ITEM)
                n += row is not None
            return n

        # the expander is a row of the list, its title row a row in it; an
        # open explanation's schedule row ("QUICPay: No date given yet")
        # is deeper still, and is neither
        rows = d.wait_for(lambda: [r for r in d.find_all(methods, pyatspi.ROLE_LIST_ITEM, quicpay)
                                   if depth(r) <= 1], 'the QUICPay row')
        if header:
            return rows[-1]
        return d.ancestor(rows[-1], pyatspi.ROLE_LIST_ITEM) or rows[0]

    def t_reissue(self):
        """the reissue with a new number is confirmed in a dialog"""
        _ = self._
        C = self.cat.C
        reissue = C('button that asks first', '%s…') % C('action', 'Reissue with a New Number')
        d.click(self.button(reissue, root=self.quicpay_row), reissue)
        app = self.window.parent
        heading = _('Reissue with a New Number?')
        dialog = d.wait_for(lambda: next((w for w in (app.getChildAtIndex(i) for i in range(app.childCount))
                                          if w is not None and d.find(w, pyatspi.ROLE_LABEL, heading)), None),
                            'a dialog asking %r' % heading)
        self.screenshot('reissue-dialog')
        self.check_names(dialog)
        d.click(self.button(self.cat.mnemonic('_Reissue'), root=dialog), 'Reissue')
        quicpay = C('payment method', 'QUICPay')
        self.label(_('%s works again when your new card number is ready') % quicpay, root=self.quicpay_row,
                   timeout=15)
        self.screenshot('reissue-in-progress')
        self.card_moment(_('Your new card number is being prepared'))
        self.screenshot('moment-reissuing')
        self.show_page(self.cat.C('page tab', 'Methods'))
        # the pop-up for the issuer's "reissue started" notice knows it was
        # the holder's own request: nothing to do, not "contact the issuer"
        # (the explainer's headline and one sentence: what is happening)
        started = self.notification(_('Your card is being reissued with a new number'))
        if started['body'] != _('The issuer is giving your card a new number.'):
            raise Failure('the notification for the reissue the holder asked for says %r' % started['body'])

    def t_clock(self):
        """the demo moves the issuer's clock 3 hours: QUICPay works and the card has a new number"""
        _ = self._
        C = self.cat.C
        d.click(self.button(_('Move the Clock Ahead 3 Hours')), 'Move the Clock Ahead 3 Hours')
        quicpay = C('payment method', 'QUICPay')
        self.label(C('payment method state', 'Available'),
                   root=lambda: self.quicpay_row(header=True),
                   timeout=20)
        self.notification(_('Your card has a new number'))
        self.show_page(_('Card'))
        # the card face is read out as "Tsubasa Pay Mastercard ending in 1234, …"
        ending = re.escape(_('%1$s ending in %2$s')).replace(re.escape('%1$s'), '.+?')
        ending = re.compile(ending.replace(re.escape('%2$s'), r'(\d{4})'), re.S)

        def new_last4():
            for acc in d.walk(self.window):
                if d.role_of(acc) == pyatspi.ROLE_IMAGE:
                    m = ending.match(acc.name or '')
                    if m and m.group(1) != OLD_LAST4:
                        return m.group(1)
            return None
        last4 = d.wait_for(new_last4, 'the card to show a new last 4 digits (not %s)' % OLD_LAST4,
                           timeout=10)
        # done: the new number, and what is left to do
        self.card_moment(_('Your new card number is ready (%s)') % ('•••• ' + last4), show=False)
        self.label(self.cat.C('list item', '• %s') % _('Update subscriptions and online shops that still use the old number.'))
        self.screenshot('reissued-card')

    def t_charge_card(self):
        """a charge card is registered with the one-time code from the demo bar"""
        _ = self._
        self.show_page(_('Top-up'))
        number, expiry, cvc, holder = CHARGE_CARD
        for title, value in ((_('Card number'), number),
                             (_('Expiry date (MM/YY)'), expiry),
                             (_('Security code'), cvc),
                             (_('Name as printed on the card'), holder)):
            field = d.wait_find(self.window, pyatspi.ROLE_TEXT, title, what='the field %r' % title)
            d.fill(field, value, 'the field %r' % title)
        register = self.cat.mnemonic('_Register Card')
        register_button = self.button(register)
        d.wait_for(lambda: d.has_state(register_button, pyatspi.STATE_SENSITIVE),
                   '%r to be enabled once the details are complete' % register)
        # the details are complete: a keyboard user tabs on to the button
        d.focus(self.window, register_button, register)
        self.screenshot('charge-card-form')
        d.click(register_button, register)
        app = self.window.parent
        heading = _('Enter the One-Time Code')
        dialog = d.wait_for(lambda: next((w for w in (app.getChildAtIndex(i) for i in range(app.childCount))
                                          if w is not None and d.find(w, pyatspi.ROLE_LABEL, heading)), None),
                            'a dialog asking %r' % heading, timeout=15)
        code_re = d.fmt_regex(_('3-D Secure one-time code: %s'))
        code_label = self.label(code_re)
        code = code_re.match(d.text_of(code_label)).group(1)
        entry = d.wait_find(dialog, pyatspi.ROLE_TEXT, _('One-time code'), what='the one-time code field')
        self.check_names(dialog)
        d.fill(entry, code, 'the one-time code field')
        d.click(self.button(self.cat.mnemonic('_Verify'), root=dialog), 'Verify')
        cards = d.wait_find(self.window, pyatspi.ROLE_LIST, _('Registered charge cards'),
                            what='the list of registered charge cards', timeout=15)
        row_label = self.label(re.compile('.*' + re.escape(number[-4:]) + '.*', re.S), root=cards, timeout=15)
        # a keyboard user goes back up to the new card (its Remove button)
        remove = d.find(d.ancestor(row_label, pyatspi.ROLE_LIST_ITEM) or cards, pyatspi.ROLE_PUSH_BUTTON)
        if remove is None:
            raise Failure('the registered card %r has no Remove button' % d.text_of(row_label))
        d.focus(self.window, remove, describe_button(remove))
        self.screenshot('charge-card-registered')
        self.check_translated(self.window)

    def t_locked(self):
        """(locked-out) Top-up says registration is locked, until when and what to do"""
        _ = self._
        # on the first page already, and at the top of Top-up
        paused = re.compile(re.escape(_('Adding a charge card is paused until %s')).replace(re.escape('%s'), '.+'))
        self.card_moment(paused, show=False)
        self.screenshot('moment-locked')
        self.show_page(_('Top-up'))
        self.label(paused, timeout=15)
        self.screenshot('registration-locked')
        self.check_translated(self.window)

    def quicpay_state(self, state):
        self.show_page(self.cat.C('page tab', 'Methods'))
        self.label(self.cat.C('payment method state', state), root=lambda: self.quicpay_row(header=True),
                   timeout=15)

    def t_start_step(self):
        """anshin --demo=seed-story --step 5 starts the story at QUICPay delayed"""
        self.wait_step(4)
        self.quicpay_state('Unavailable')

    def t_previous_step(self):
        """Previous Step goes back to step 4, and the window follows"""
        d.click(self.button(self._('Previous Step')), 'Previous Step')
        self.wait_step(3)
        self.quicpay_state('Updating')

    def t_next_again(self):
        """Next Step goes forward to step 5 again"""
        d.click(self.button(self._('Next Step')), 'Next Step')
        self.wait_step(4)
        self.quicpay_state('Unavailable')

    def t_names(self):
        """every control in the window, on every page, has a proper accessible name"""
        # a toast of what just happened (libadwaita 1.2 builds its close
        # button without a name) goes by itself within 8 s: what stays
        # after it must all be named
        deadline = time.monotonic() + 10
        while d.unnamed_controls(self.window) and time.monotonic() < deadline:
            time.sleep(0.5)
        self.check_names(self.window)

    def t_scenario_menu(self):
        """the scenario menu, from the keyboard: another scenario plays from its first step"""
        _ = self._
        with open(os.path.join(self.args.scenarios, 'renewal-smooth.json'), encoding='utf-8') as f:
            other = json.load(f)
        # the title of the scenario that plays is shown whole (a caption, not a cut-off picker)
        self.label(_(self.scenario['title']))
        menu_button = self.button(_('Demo Scenarios'))
        # GTK 4.8: the focusable part of a menu button is a button inside it, named by its label
        toggle = d.find(menu_button, pyatspi.ROLE_PUSH_BUTTON,
                        pred=lambda a: d.has_state(a, pyatspi.STATE_FOCUSABLE)) or menu_button
        d.focus(self.window, toggle, 'the scenario menu button')
        d.press_key(d.KEY_RETURN)
        menu = d.wait_find(self.window, pyatspi.ROLE_MENU, _('Demo Scenarios'), what='the scenario menu')

        def item(title):
            return d.wait_find(menu, None, title, pred=lambda a: d.role_of(a) in MENU_ITEM_ROLES,
                               what='the menu item %r' % title)
        current = item(_(self.scenario['title']))
        if not d.has_state(current, pyatspi.STATE_CHECKED):
            raise Failure('the scenario that plays (%r) is not the checked item of the menu' % current.name)
        d.focus(self.window, item(_(other['title'])), 'the menu item %r' % _(other['title']))
        d.press_key(d.KEY_RETURN)
        self.label(_(other['title']), timeout=15)
        first = other['steps'][0]
        self.label(_('Step %u of %u: %s') % (1, len(other['steps']), _(first['title'])), timeout=15)
        self.label(_(first['narration']))


# for presenters: start at a step, go back one and forward again
PRESENTER = ['t_window', 't_start_step', 't_previous_step', 't_next_again', 't_names']
STORY = ['t_window', 't_demo_start', 't_renewal_announced', 't_renewal_day_notice',
         't_quicpay_delayed', 't_activity_declined', 't_reissue', 't_clock', 't_charge_card', 't_names', 't_scenario_menu']


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--app', required=True)
    parser.add_argument('--localedir', required=True)
    parser.add_argument('--scenarios', required=True)
    parser.add_argument('--scenario', default='seed-story')
    parser.add_argument('--screenshots', help='save a screenshot of each state in this directory')
    parser.add_argument('--presenter', action='store_true',
                        help='start at step 5 (--step 5), go back one step and forward again')
    parser.add_argument('--only', help='run only these steps (comma-separated names), to debug one')
    args = parser.parse_args()

    locale.setlocale(locale.LC_ALL, '')
    cat = Catalog(args.localedir)
    story = args.only.split(',') if args.only else PRESENTER if args.presenter else STORY
    print('1..%d' % len(story), flush=True)

    failed = False
    app = App(args, ['--step', '5'] if args.presenter else [])
    walk = Walk(args, app, cat)
    try:
        for n, name in enumerate(story, 1):
            test = getattr(walk, name)
            title = test.__doc__
            if failed:
                print('ok %d - %s # SKIP an earlier step failed' % (n, title), flush=True)
                continue
            start = time.monotonic()
            try:
                test()
                app.check_alive()
                print('ok %d - %s (%.1f s)' % (n, title, time.monotonic() - start), flush=True)
            except Failure as e:
                failed = True
                if os.environ.get('WALK_DUMP'):
                    with open(os.environ['WALK_DUMP'], 'w') as f:
                        f.write('\n'.join(repr(t) for t in d.texts(walk.window)))
                print('not ok %d - %s' % (n, title), flush=True)
                for line in str(e).splitlines():
                    print('# ' + line, flush=True)
                if app.output:
                    print('# the app said:', flush=True)
                    for line in app.output[-20:]:
                        print('#   ' + line, flush=True)
    finally:
        app.stop()

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
