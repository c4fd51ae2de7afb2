#!/usr/bin/env bash
# tests/check-po.sh SRCDIR: the Japanese catalog is complete and in step
# with the sources, and every file with translatable text is in POTFILES.in.
# TAP output.
set -u
src=${1:?source dir}
cd "$src" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/# /'; }

# 1. ja.po is valid and has nothing untranslated or fuzzy.
stats=$(msgfmt --check --statistics -o /dev/null po/ja.po 2>&1)
if [ $? -eq 0 ] && ! grep -qE 'untranslated|fuzzy' <<<"$stats"; then
  ok "po/ja.po complete: $stats"
else
  not_ok "po/ja.po complete" "$stats"
fi

# 2. Every file with translatable text is listed in POTFILES.in (text files:
#    -I skips the PNG screenshots in data/).
missing=$(grep -rlIE '(^|[^A-Za-z0-9_])(N_|C_|NC_|_) ?\(|translatable="yes"|<_[a-z]' app ui data 2>/dev/null \
  | grep -vE '\.(po|pot)$' | sort | while read -r f; do grep -qxF "$f" po/POTFILES.in || echo "$f"; done)
if [ -z "$missing" ]; then
  ok "every file with translatable text is in po/POTFILES.in"
else
  not_ok "files with translatable text missing from po/POTFILES.in" "$missing"
fi

# 3. Every file in POTFILES.in exists.
gone=$(grep -vE '^\s*(#|$)' po/POTFILES.in | while read -r f; do [ -e "$f" ] || echo "$f"; done)
if [ -z "$gone" ]; then
  ok "every file in po/POTFILES.in exists"
else
  not_ok "files in po/POTFILES.in that do not exist" "$gone"
fi

# 4. ja.po holds every string the sources have now (not only what was
#    extracted when it was last merged).
if xgettext --from-code=UTF-8 --add-comments=TRANSLATORS --keyword=_ --keyword=N_ \
     --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
     --keyword=g_dpgettext2:2c,3 \
     --files-from=po/POTFILES.in -o "$tmp/anshin.pot" 2>"$tmp/xgettext.err"; then
  if [ ! -e "$tmp/anshin.pot" ]; then
    ok "no translatable strings yet"
  elif out=$(msgcmp --use-untranslated po/ja.po "$tmp/anshin.pot" 2>&1); then
    ok "po/ja.po has every string in the sources"
  else
    not_ok "po/ja.po lacks strings that are in the sources (run: meson compile -C build anshin-update-po)" "$(head -40 <<<"$out")"
  fi
else
  not_ok "xgettext runs over POTFILES.in" "$(cat "$tmp/xgettext.err")"
fi

# 5. Every template with translatable text names its domain: GtkBuilder
#    otherwise looks its strings up in the process's default domain, and a
#    program that never called textdomain() (a test, a tool linking the
#    widgets) shows them in English.
nodomain=$(grep -lE 'translatable="yes"' ui/*.ui 2>/dev/null \
  | while read -r f; do grep -qE '<interface[^>]*domain="anshin"' "$f" || echo "$f"; done)
if [ -z "$nodomain" ]; then
  ok "every .ui file with translatable text has <interface domain=\"anshin\">"
else
  not_ok ".ui files with translatable text but no domain=\"anshin\"" "$nodomain"
fi

echo "1..$n"
exit $fail
