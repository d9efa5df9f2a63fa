#!/bin/bash
# The year page as the running daemon serves it, checked in headless
# Chromium: starts cadenced on a free loopback port with the default rhythm,
# loads http://.../ and checks the meetings are drawn (screenshot_check.py).
#   live_page_check.sh CADENCED_EXE OUT_DIR
set -u
cadenced=$1
out=$2
here=$(dirname "$0")
work=$(mktemp -d /tmp/cadenced-live-page.XXXXXX)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
printf 'timezone = "Europe/London"\n' >"$work/cadenced.toml"
"$cadenced" --config "$work/cadenced.toml" --listen 127.0.0.1:0 --state-dir "$work/state" 2>"$work/log" &
pid=$!
url=""
for _ in $(seq 1 150); do
  url=$(sed -n 's/.*serving page=\(http:[^ ]*\).*/\1/p' "$work/log" | head -n 1)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "the daemon did not start:"; cat "$work/log"; exit 1
fi
mkdir -p "$out"
/usr/bin/python3 "$here/screenshot_check.py" --url "$url" --out "$out"
