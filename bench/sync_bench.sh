#!/bin/bash
# Sync benchmark: cadenced --sync against the Google Calendar or the
# Microsoft Graph emulator with 20 ms added to every request, for a rhythm
# of 504 events (21 monthly meetings over two fiscal years): the first sync
# (wall time, requests), an unchanged re-sync (target: one listing, no
# writes) and a change to one meeting (target: only its 24 occurrences
# written).
#
#   bench/sync_bench.sh [build-dir] [google|microsoft]
set -euo pipefail
build=${1:-build-release}
provider=${2:-google}
cadenced="$build/daemon/cadenced"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/cadenced-sync-bench.XXXXXX)
emulator_pid=
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

emulator=google_calendar.py
[ "$provider" = microsoft ] && emulator=microsoft_graph.py
/usr/bin/python3 "$here/../tests/emulators/$emulator" --latency-ms 20 >"$work/emulator.out" 2>/dev/null &
emulator_pid=$!
for _ in $(seq 1 100); do
  grep -q PORT "$work/emulator.out" 2>/dev/null && break
  sleep 0.1
done
port=$(awk '/PORT/ {print $2}' "$work/emulator.out")
base="http://127.0.0.1:$port"

if [ "$provider" = microsoft ]; then
  cat >"$work/credentials.json" <<JSON
{"tenant":"contoso.onmicrosoft.com","client_id":"test-client-id","client_secret":"test-client-secret"}
JSON
else
  cat >"$work/credentials.json" <<JSON
{"type":"authorized_user","client_id":"test-client-id","client_secret":"test-client-secret","refresh_token":"test-refresh-token"}
JSON
fi

write_config() {  # $1: title of meeting 0
  {
    echo 'timezone = "Europe/London"'
    for i in $(seq 0 20); do
      title="Review $i {period}"
      [ "$i" = 0 ] && title="$1"
      weekdays=(monday tuesday wednesday thursday friday)
      cat <<TOML

[[meetings]]
id = "review-$i"
title = "$title"
when = { rule = "nth-weekday", weekday = "${weekdays[$((i % 5))]}", nth = $((i % 4 + 1)), months = [1, 2, 3] }
start = "$(printf '%02d' $((8 + i % 9))):00"
duration = 60
TOML
    done
    if [ "$provider" = microsoft ]; then
      cat <<TOML

[[sync]]
name = "bench"
provider = "microsoft"
user = "ceo@contoso.com"
credentials = "$work/credentials.json"
api_base = "$base/v1.0"
token_url = "$base/contoso.onmicrosoft.com/oauth2/v2.0/token"
TOML
    else
      cat <<TOML

[[sync]]
name = "bench"
provider = "google"
credentials = "$work/credentials.json"
api_base = "$base/calendar/v3"
token_url = "$base/token"
TOML
    fi
  } >"$work/cadenced.toml"
}

sync_once() {  # prints: wall-seconds summary-line
  local start end line
  start=$(date +%s.%N)
  line=$("$cadenced" --sync --config "$work/cadenced.toml" --state-dir "$work/state" --now 2026-11-23T12:00:00Z 2>/dev/null | tail -1)
  end=$(date +%s.%N)
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }') $line"
}

field() { echo "$2" | grep -o "$1=[0-9]*" | cut -d= -f2; }

report() {  # $1: label, $2: result of sync_once
  local wall=${2%% *} line=${2#* }
  local writes=$(( $(field created "$line") + $(field updated "$line") + $(field deleted "$line") ))
  printf '%-34s %7.2f s  %5d requests  %4d writes  (%s)\n' "$1" "$wall" "$(field requests "$line")" "$writes" \
    "$(echo "$line" | grep -o 'created=.*rejected=[0-9]*')"
}

write_config "Review 0 {period}"
echo "sync against the $provider emulator, 20 ms per request"
report "first sync (504 events)" "$(sync_once)"
report "unchanged re-sync (target: 1 list)" "$(sync_once)"
write_config "Renamed review {period}"
report "one meeting changed (target: 24)" "$(sync_once)"
curl -s "$base/_control/stats" | sed 's/^/emulator requests by kind: /'
echo
