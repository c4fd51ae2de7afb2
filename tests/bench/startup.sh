#!/usr/bin/env bash
# tests/bench/startup.sh ANSHIN BASELINE [RUNS]
# Startup of `anshin --demo --measure-startup` (process start to the first
# frame showing the issuer's card) against a minimal AdwApplication window
# (tests/bench/bench-startup.c), RUNS runs each, alternating, with
# GSK_RENDERER=cairo; prints the medians, their ratio and the peak RSS of
# both. Run it under tests/headless (display, session bus, keyring).
# Targets: ratio <= 1.3, RSS within +15 MiB.
set -euo pipefail

anshin=$1
baseline=$2
runs=${3:-7}
export GSK_RENDERER=cairo GTK_A11Y=none ADW_DISABLE_PORTAL=1 NO_AT_BRIDGE=1

measure () {
  # prints "MS KIB"
  local out rss ms
  out=$(mktemp)
  /usr/bin/time -f 'rss-kib %M' -o "$out.time" "$@" >"$out" 2>/dev/null
  ms=$(sed -n 's/^startup-ms \([0-9]*\)$/\1/p' "$out" | head -n1)
  rss=$(sed -n 's/^rss-kib \([0-9]*\)$/\1/p' "$out.time")
  rm -f "$out" "$out.time"
  [ -n "$ms" ] || { echo "no startup-ms from $1" >&2; exit 1; }
  echo "$ms $rss"
}

median () {
  sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}

app_ms=(); app_rss=(); base_ms=(); base_rss=()
for _ in $(seq 1 "$runs"); do
  read -r ms rss < <(measure "$baseline")
  base_ms+=("$ms"); base_rss+=("$rss")
  read -r ms rss < <(measure "$anshin" --demo --measure-startup)
  app_ms+=("$ms"); app_rss+=("$rss")
done

b=$(printf '%s\n' "${base_ms[@]}" | median)
a=$(printf '%s\n' "${app_ms[@]}" | median)
br=$(printf '%s\n' "${base_rss[@]}" | median)
ar=$(printf '%s\n' "${app_rss[@]}" | median)

echo "baseline startup-ms (median of $runs): $b   runs: ${base_ms[*]}"
echo "anshin   startup-ms (median of $runs): $a   runs: ${app_ms[*]}"
ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')
rss_mib=$(awk -v a="$ar" -v b="$br" 'BEGIN { printf "%.1f", (a - b) / 1024 }')
ratio_ok=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.3) ? "met" : "MISSED" }')
rss_ok=$(awk -v d="$rss_mib" 'BEGIN { print (d <= 15) ? "met" : "MISSED" }')
echo "ratio $ratio (target <= 1.30: $ratio_ok)"
awk -v a="$ar" -v b="$br" -v d="$rss_mib" -v ok="$rss_ok" 'BEGIN { printf "peak RSS: baseline %.1f MiB, anshin %.1f MiB, +%s MiB (target <= +15: %s)\n", b / 1024, a / 1024, d, ok }'
# The last line says whether the targets were met
if [ "$ratio_ok" = met ] && [ "$rss_ok" = met ]; then
  echo "startup: targets met: ratio $ratio <= 1.30, peak RSS +$rss_mib MiB <= +15"
else
  echo "startup: targets MISSED: ratio $ratio (<= 1.30 $ratio_ok), peak RSS +$rss_mib MiB (<= +15 $rss_ok)"
fi
