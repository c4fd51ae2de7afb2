#!/usr/bin/env bash
# tests/walkthrough/screenshots.sh BUILDDIR [OUTDIR]
#
# Copyright 2026 The Anshin Wallet authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the seed story in English and Japanese to PNG, 960x680 each: every
# step of the demo, the renewal-day notice explained, QUICPay delayed with
# its options, the reissue in progress, the reissued card, the charge-card
# form and the registered card, and (locked-out scenario) the registration
# lock. It takes them while walking the story through the accessibility
# tree (walkthrough.py), under Xvfb with a private bus (tests/headless).
#   meson compile -C build screenshots      (or run this script)
# OUTDIR defaults to BUILDDIR/screenshots; the files are
# OUTDIR/<lang>/NN-<state>-<lang>.png.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: screenshots.sh BUILDDIR [OUTDIR]}" && pwd)
out=${2:-$build/screenshots}

if [ -z "${ANSHIN_HEADLESS_INNER:-}" ]; then
  exec "$top/tests/headless" "$0" "$build" "$out"
fi

export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory
export ANSHIN_LOCALEDIR="$build/po" GSK_RENDERER=cairo ADW_DISABLE_PORTAL=1
# the story happens in Japan: its times read as there (9:00, not 00:00)
export GIO_USE_VFS=local TZ=Asia/Tokyo

status=0
for lang in en ja; do
  if [ "$lang" = ja ]; then
    export LANG=ja_JP.UTF-8 LANGUAGE=ja
  else
    export LANG=C.UTF-8 LANGUAGE=
  fi
  rm -rf "${out:?}/$lang"
  mkdir -p "$out/$lang"
  for scenario in seed-story locked-out; do
    only=
    [ "$scenario" = locked-out ] && only="--only t_window,t_demo_start,t_locked"
    # shellcheck disable=SC2086
    if ! /usr/bin/python3 "$here/walkthrough.py" --app "$build/app/gui/anshin" \
           --localedir "$build/po" --scenarios "$top/data/scenarios" \
           --scenario "$scenario" --screenshots "$out/$lang" $only; then
      echo "screenshots.sh: the $scenario walk failed in $lang" >&2
      status=1
    fi
  done
done

ls -1 "$out"/*/*.png 2>/dev/null
exit $status
