#!/bin/sh
# validate-service.sh SERVICE-FILE APP-ID
# Checks a D-Bus session service file for D-Bus activation: the one group
# [D-BUS Service], Name = APP-ID (as the desktop file's name), an Exec with
# an absolute path running --gapplication-service. desktop-file-validate
# then checks the same keys as a desktop entry (key syntax, Exec quoting).
set -eu
file=$1
app_id=$2
fail () { echo "$file: $*" >&2; exit 1; }

[ "$(sed -n 1p "$file")" = "[D-BUS Service]" ] || fail 'the first line is not [D-BUS Service]'
[ "$(grep -c '^\[' "$file")" = 1 ] || fail 'more than one group'
[ "$(sed -n 's/^Name=//p' "$file")" = "$app_id" ] || fail "Name is not $app_id"
exec_line=$(sed -n 's/^Exec=//p' "$file")
case "$exec_line" in
  /*' --gapplication-service') ;;
  *) fail "Exec is not an absolute path with --gapplication-service: $exec_line" ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  echo '[Desktop Entry]'
  echo 'Type=Application'
  sed -n 's/^Name=/Name=/p; s/^Exec=/Exec=/p' "$file"
} > "$tmp/$app_id.desktop"
desktop-file-validate "$tmp/$app_id.desktop"
echo "ok: $file"
