#!/usr/bin/env python3
# tests/gate-count.py GATE LOG.json ALLOWLIST [SUITE...]
#
# How many tests a quality gate of ./run test ran, from the JSON log that
# `meson test --logbase` wrote. The gate fails (exit 1) when
#  - it ran no test at all (a missing tool must not pass as "nothing to do"),
#  - one of the SUITEs named ran no test (a suite that silently went away),
#  - a test or a TAP subtest was skipped and tests/skips-allowed.txt does
#    not list that skip for this gate, with its reason.
# It prints one line of counts, and each skip it did not allow.
import json
import os
import re
import sys

SKIP_LINE = re.compile(r'^ok\s+\d+\s*-?\s*(\S*).*#\s*SKIP\b\s*(.*)$', re.IGNORECASE)
TAP_RESULT = re.compile(r'^(not )?ok\b')


def load_allowed(path):
    allowed = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            parts = line.split(None, 3)
            if len(parts) < 4:
                sys.exit('%s: "%s": want GATE TEST SUBTEST REASON' % (path, line))
            allowed.append(tuple(parts))
    return allowed


def is_allowed(allowed, gate, test, subtest):
    for g, t, s, _reason in allowed:
        if g in ('*', gate) and t == test and s in ('*', subtest):
            return True
    return False


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__ or 'usage: gate-count.py GATE LOG.json ALLOWLIST [SUITE...]')
    gate, log, allow_path = sys.argv[1:4]
    need_suites = sys.argv[4:]
    allowed = load_allowed(allow_path)

    ran = skipped = subtests = 0
    per_suite = {}
    refused = []
    entries = []
    if os.path.exists(log):
        with open(log, encoding='utf-8') as f:
            entries = [json.loads(line) for line in f if line.strip()]

    for entry in entries:
        # "project:suite / test", or "project:suite+suite / test"
        full = entry['name']
        suites = full.split(':', 1)[-1].split(' / ', 1)[0].strip().split('+')
        test = full.split(' / ', 1)[-1].strip()
        result = entry['result']
        if result == 'SKIP':
            skipped += 1
            if not is_allowed(allowed, gate, test, '*'):
                refused.append('%s: skipped as a whole' % test)
            continue
        ran += 1
        for suite in suites:
            per_suite[suite] = per_suite.get(suite, 0) + 1
        for line in (entry.get('stdout') or '').splitlines():
            if TAP_RESULT.match(line):
                subtests += 1
            m = SKIP_LINE.match(line)
            if m:
                skipped += 1
                subtest = m.group(1) or '?'
                if not is_allowed(allowed, gate, test, subtest):
                    refused.append('%s %s: skipped (%s)' % (test, subtest, m.group(2).strip()))

    missing = [s for s in need_suites if per_suite.get(s, 0) == 0]
    print('gate %s: %d tests run (%d TAP results), %d skips, %d not allowed%s' % (
        gate, ran, subtests, skipped, len(refused),
        '; suites that ran nothing: ' + ', '.join(missing) if missing else ''))
    for r in refused:
        print('  not in tests/skips-allowed.txt: ' + r)
    if ran == 0:
        print('gate %s ran nothing: FAILED' % gate)
        return 1
    return 1 if refused or missing else 0


if __name__ == '__main__':
    sys.exit(main())
