#!/bin/sh
# Runs every benchmark against the build in $1 (default build-release).
set -eu
build=${1:-build-release}
"$build/bench/export_bench" "$build/daemon/cadenced"
if command -v wrk >/dev/null && command -v nginx >/dev/null; then
  bash bench/feed_server_bench.sh "$build"
else
  echo "feed server benchmark skipped: install wrk and nginx (apt-get install wrk nginx)"
fi
bash bench/sync_bench.sh "$build" google
bash bench/sync_bench.sh "$build" microsoft
