#!/bin/sh
# Runs every benchmark against the build in $1 (default build-release).
set -eu
build=${1:-build-release}
"$build/bench/export_bench" "$build/daemon/cadenced"
