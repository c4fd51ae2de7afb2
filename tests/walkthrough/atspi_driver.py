# atspi_driver.py
#
# Copyright 2026 The Anshin Wallet authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives a running GTK 4 app through the AT-SPI accessibility tree the way
# a screen-reader user does: find controls by role and accessible name,
# press them, move the keyboard focus, read texts. Every wait is bounded
# and fails with a message that says what was expected and what was seen.
#
# GTK 4.8 quirks this works around: children lack the "showing" state (so
# "on screen" cannot be read from the tree), Component.GrabFocus is not
# implemented (focus moves with Tab and the arrow keys, as a user moves
# it), list rows have no Action interface (Return activates the focused
# row) and Text.getText(0, -1) answers '' (read characterCount characters).
# Text fields are filled through EditableText; keys go through the AT-SPI
# registry (XTest under Xvfb).

import re
import time

import pyatspi

KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_DOWN = 0xff54
KEY_UP = 0xff52


class Failure(Exception):
    """A check that a user would notice failed."""


def fmt_regex(fmt):
    """A printf-style format (%s, %u, %d, %1$s) as a regex matching the
    whole formatted text, one group per argument, in source order."""
    out = ''
    pos = 0
    for m in re.finditer(r'%(?:(\d+)\$)?[-0-9]*(?:l{0,2})([sdu%])', fmt):
        out += re.escape(fmt[pos:m.start()])
        if m.group(2) == '%':
            out += '%'
        else:
            out += '(.+?)'
        pos = m.end()
    out += re.escape(fmt[pos:])
    return re.compile('^' + out + '$', re.S)


def text_of(acc):
    """What a screen reader reads for @acc: its text, or else its name."""
    try:
        t = acc.queryText()
        return t.getText(0, t.characterCount)
    except NotImplementedError:
        return acc.name or ''
    except Exception:
        return acc.name or ''


def role_of(acc):
    try:
        return acc.getRole()
    except Exception:
        return None


def describe(acc):
    if acc is None:
        return '(nothing)'
    try:
        return '%s %r' % (acc.getRoleName(), acc.name)
    except Exception:
        return '(gone)'


def walk(root, max_depth=60):
    """Every accessible under @root, depth first, @root included."""
    stack = [(root, 0)]
    while stack:
        acc, depth = stack.pop()
        if acc is None:
            continue
        yield acc
        if depth >= max_depth:
            continue
        try:
            n = acc.childCount
        except Exception:
            continue
        children = []
        for i in range(n):
            try:
                children.append((acc.getChildAtIndex(i), depth + 1))
            except Exception:
                pass
        stack.extend(reversed(children))


def matches(acc, role=None, name=None, pred=None):
    try:
        if role is not None and acc.getRole() != role:
            return False
        if name is not None:
            if hasattr(name, 'match'):
                if not name.match(acc.name or ''):
                    return False
            elif acc.name != name:
                return False
        if pred is not None and not pred(acc):
            return False
        return True
    except Exception:
        return False


def find(root, role=None, name=None, pred=None):
    for acc in walk(root):
        if matches(acc, role, name, pred):
            return acc
    return None


def find_all(root, role=None, name=None, pred=None):
    return [acc for acc in walk(root) if matches(acc, role, name, pred)]


def texts(root, role=pyatspi.ROLE_LABEL):
    """The texts of the labels under @root, in reading order."""
    return [text_of(acc) for acc in walk(root) if matches(acc, role)]


def has_state(acc, state):
    try:
        return acc.getState().contains(state)
    except Exception:
        return False


def ancestor(acc, role=None, name=None, pred=None):
    try:
        acc = acc.parent
        while acc is not None:
            if matches(acc, role, name, pred):
                return acc
            acc = acc.parent
    except Exception:
        return None
    return None


def wait_for(fn, what, timeout=10.0, interval=0.2, seen=None):
    """Polls @fn until it answers something true and returns that; fails
    after @timeout seconds saying @what was awaited and, with @seen, what
    was there instead."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = fn()
        except Failure:
            raise
        except Exception as e:  # an accessible that went away meanwhile
            value = None
            last_error = e
        if value:
            return value
        if time.monotonic() > deadline:
            msg = 'timed out after %.0f s waiting for %s' % (timeout, what)
            if seen is not None:
                try:
                    msg += '\nseen instead: %s' % seen()
                except Exception as e:
                    msg += '\n(could not read what was there: %r)' % e
            raise Failure(msg)
        time.sleep(interval)


def wait_find(root, role=None, name=None, pred=None, what=None, timeout=10.0):
    label = what or '%s named %r' % (pyatspi.Role(role).value_nick if role is not None else 'anything',
                                     getattr(name, 'pattern', name))
    return wait_for(lambda: find(root(), role, name, pred) if callable(root) else find(root, role, name, pred),
                    label, timeout)


def press_key(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def fill(field, value, what=None):
    """Puts @value into a text field (EditableText, as an on-screen keyboard
    or a screen reader's "type" does) and returns what the field shows."""
    what = what or describe(field)
    wait_for(lambda: has_state(field, pyatspi.STATE_SENSITIVE), '%s to be enabled' % what, timeout=10)
    try:
        editable = field.queryEditableText()
    except NotImplementedError:
        raise Failure('%s cannot be typed into' % what)
    if not editable.setTextContents(value):
        raise Failure('typing into %s failed' % what)
    return text_of(field)


def click(button, what=None):
    """Presses @button (its first action, as a screen reader's "activate")."""
    what = what or describe(button)
    wait_for(lambda: has_state(button, pyatspi.STATE_SENSITIVE), '%s to be enabled' % what, timeout=10)
    action = button.queryAction()
    if action.nActions < 1:
        raise Failure('%s has no action to activate it' % what)
    if not action.doAction(0):
        raise Failure('activating %s failed' % what)


def focus(window, target, what=None, max_keys=60):
    """Moves the keyboard focus to @target as a user does: Tab through the
    window, and the arrow keys inside a list."""
    what = what or describe(target)
    for _ in range(max_keys):
        if has_state(target, pyatspi.STATE_FOCUSED):
            return
        # inside the target's list, the arrow keys move between rows
        key = KEY_TAB
        try:
            parent = target.parent
            index = target.getIndexInParent()
            for i in range(parent.childCount):
                sibling = parent.getChildAtIndex(i)
                if i != index and has_state(sibling, pyatspi.STATE_FOCUSED):
                    key = KEY_DOWN if i < index else KEY_UP
                    break
        except Exception:
            pass
        press_key(key)
        time.sleep(0.12)
    raise Failure('could not move the keyboard focus to %s with %d key presses' % (what, max_keys))


def activate_row(window, row, what=None):
    """Focuses a list row and presses Return, as a keyboard user opens it."""
    focus(window, row, what)
    press_key(KEY_RETURN)


GTYPE_NAME = re.compile(r'^(Gtk|Adw|Anshin)[A-Z][A-Za-z]*$')
CONTROL_ROLES = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
                 pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT,
                 pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LIST_ITEM,
                 pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_MENU_ITEM,
                 pyatspi.ROLE_LINK, pyatspi.ROLE_TOGGLE_BUTTON}


def name_problem(acc):
    """Why a screen reader could not announce control @acc properly, or None."""
    name = acc.name or ''
    words = name.split(' ')
    half = len(words) // 2
    if name == '':
        return 'has no accessible name'
    if GTYPE_NAME.match(name):
        return 'has no accessible name (GTK falls back to the type name %s)' % name
    if '_' in name and re.search(r'(^|\s)_\w', name):
        return 'is named with its mnemonic underscore (%r)' % name
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return 'is named twice over (%r): a screen reader reads it twice' % name
    return None


def unnamed_controls(root):
    """The focusable controls under @root that a screen reader could not
    announce properly, with the reason. Widgets that GTK builds inside its
    own controls (a drop-down's toggle button) are not ours to name."""
    problems = []
    for acc in walk(root):
        try:
            if acc.getRole() not in CONTROL_ROLES:
                continue
            if not has_state(acc, pyatspi.STATE_FOCUSABLE):
                continue
            if ancestor(acc, pyatspi.ROLE_COMBO_BOX) is not None:
                continue
            problem = name_problem(acc)
        except Exception:
            continue
        if problem is not None:
            context = ancestor(acc, pred=lambda a: bool(a.name) and not GTYPE_NAME.match(a.name or ''))
            problems.append('%s %s (inside %s)' % (acc.getRoleName(), problem, describe(context)))
    return problems
