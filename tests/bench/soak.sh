#!/usr/bin/env bash
# tests/bench/soak.sh: load and soak of the mock issuer (meson test
# --benchmark --suite soak, not part of ./run test).
#   soak.sh PATH-TO-anshin-mock-issuer [SECONDS] [CONNECTIONS]
# Drives the mock with wrk (2 threads, 50 connections, 60 s by default) on
# the GET endpoints the app uses, with a signed-in session cookie
# (tests/bench/soak.lua rotates the paths), and meanwhile the POST paths
# at a bounded rate, one flow every 4 s (tests/bench/soak-post.py: a card
# registered through 3-D Secure, a top-up with it, the card removed). Each
# flow leaves about 10 KiB of issuer records behind (the charge and its
# transaction, idempotent replies kept for 24 h: measured, linear, not a
# leak), so the rate is low enough for the RSS criterion to keep meaning
# "no leak": at one a second they alone made +6% in 60 s.
# Samples the mock's resident memory every second. Passes only with zero
# unexpected answers (GET and POST), zero socket errors, and RSS growth
# under 10% between the mean of the first 10 s and the mean of the last
# 10 s. Prints requests/s and latency percentiles; the last line says
# whether the targets were met.
set -euo pipefail

mock=$1
seconds=${2:-60}
connections=${3:-50}
here=$(cd "$(dirname "$0")" && pwd)

command -v wrk >/dev/null || { echo "soak: wrk is missing"; exit 77; }

tmp=$(mktemp -d /tmp/anshin-soak.XXXXXX)
mock_pid=
cleanup () {
  if [ -n "$mock_pid" ]; then
    kill "$mock_pid" 2>/dev/null || true
    wait "$mock_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# The mock prints one line per request: keep them out of the way.
# (--admin: the POST flows read the one-time codes an SMS would bring)
"$mock" --port 0 --admin >"$tmp/mock.out" 2>&1 &
mock_pid=$!
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$tmp/mock.out" 2>/dev/null && break
  sleep 0.05
done
url=$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$tmp/mock.out" | head -1)
[ -n "$url" ] || { echo "soak: the mock issuer did not start"; cat "$tmp/mock.out"; exit 1; }
port=${url##*:}
port=${port%/}

# Sign in over plain bash TCP: the Set-Cookie of the answer is the session.
body='{"member_id": "demo", "password": "demo"}'
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'POST /v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
  "${#body}" "$body" >&3
answer=$(cat <&3)
exec 3<&-
cookie=$(printf '%s' "$answer" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(issuer_session=[^;]*\).*/\1/p' | head -1)
[ -n "$cookie" ] || { echo "soak: sign-in failed"; printf '%s\n' "$answer" | head -5; exit 1; }

rss_kib () {
  awk '/^VmRSS:/ { print $2 }' "/proc/$mock_pid/status"
}

: >"$tmp/rss"
(
  for _ in $(seq 1 "$seconds"); do
    rss_kib >>"$tmp/rss" || true
    sleep 1
  done
) &
sampler=$!

/usr/bin/python3 "$here/soak-post.py" "$url" "$seconds" 0.25 >"$tmp/post.out" 2>&1 &
poster=$!

SOAK_COOKIE=$cookie wrk -t2 -c"$connections" -d"${seconds}s" --latency \
  -s "$here/soak.lua" "$url" >"$tmp/wrk.out" 2>&1 || true
wait "$sampler" || true
post_status=0
wait "$poster" || post_status=$?

cat "$tmp/wrk.out"
cat "$tmp/post.out"

# The session stayed valid all along (it slides with every request)
kill -0 "$mock_pid" || { echo "soak: the mock issuer died"; exit 1; }

samples=$(wc -l <"$tmp/rss")
window=10
if [ "$samples" -lt $((2 * window)) ]; then
  window=$((samples / 2))
fi
first=$(head -n "$window" "$tmp/rss" | awk '{ s += $1 } END { printf "%d", s / NR }')
last=$(tail -n "$window" "$tmp/rss" | awk '{ s += $1 } END { printf "%d", s / NR }')
growth=$(awk -v a="$first" -v b="$last" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')

requests=$(sed -n 's/^requests //p' "$tmp/wrk.out")
unexpected=$(sed -n 's/^unexpected //p' "$tmp/wrk.out")
socket_errors=$(sed -n 's/^socket_errors //p' "$tmp/wrk.out")
rate=$(sed -n 's/^rate //p' "$tmp/wrk.out")

echo "soak: ${seconds} s, ${connections} connections: ${requests} requests, ${rate} requests/s,"
echo "soak: ${unexpected} unexpected answers, ${socket_errors} socket errors;"
echo "soak: RSS ${first} KiB (first ${window} s) -> ${last} KiB (last ${window} s): ${growth}% growth"

post_flows=$(sed -n 's/^post: \([0-9]*\) flows.*/\1/p' "$tmp/post.out")
post_unexpected=$(sed -n 's/^post: .* \([0-9]*\) unexpected answers$/\1/p' "$tmp/post.out")

status=0
[ "${unexpected:-1}" = 0 ] || { echo "soak: FAILED: unexpected answers"; status=1; }
[ "${socket_errors:-1}" = 0 ] || { echo "soak: FAILED: socket errors"; status=1; }
[ "$post_status" = 0 ] && [ "${post_unexpected:-1}" = 0 ] && [ "${post_flows:-0}" -gt 0 ] \
  || { echo "soak: FAILED: the POST flows (exit $post_status)"; status=1; }
awk -v g="$growth" 'BEGIN { exit !(g < 10) }' || { echo "soak: FAILED: RSS grew ${growth}%"; status=1; }
# The last line says whether the targets were met
if [ $status = 0 ]; then
  verdict="targets met"
else
  verdict="targets MISSED"
fi
echo "soak: $verdict: ${unexpected:-?} unexpected GET answers, ${post_unexpected:-?} unexpected POST" \
  "answers in ${post_flows:-0} flows, ${socket_errors:-?} socket errors, RSS growth ${growth}% (target < 10%)"
exit $status
