#!/bin/sh
# Runs `systemd-analyze verify` on the configured units: unknown or
# misspelt directives, bad values, missing binaries and man pages. It loads
# the units into a throwaway manager of its own, so no running systemd is
# needed. The installed binary does not exist yet at test time, so the copy
# checked here points ExecStart= at the freshly built one.
# Usage: verify_units.sh SERVICE_UNIT SOCKET_UNIT BUILT_BINARY MAN_PAGE
set -eu
service=$1
socket=$2
binary=$3
man_page=$4

if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "SKIP: systemd-analyze not found"
    exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

installed=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$service")
sed "s|$installed|$binary|g" "$service" > "$work/cadenced.service"
cp "$socket" "$work/cadenced.socket"

# Documentation=man:cadenced(8) is looked up with man(1); offer ours.
man_check=--man=no
if command -v man >/dev/null 2>&1; then
    mkdir -p "$work/man/man8"
    cp "$man_page" "$work/man/man8/cadenced.8"
    export MANPATH="$work/man:"
    man_check=--man=yes
fi

cd "$work"
status=0
output=$(systemd-analyze verify "$man_check" --generators=no cadenced.service cadenced.socket 2>&1) || status=$?
echo "$output"
# Lines about other units (a host's own unit files) are not ours to judge.
if [ "$status" -ne 0 ] || echo "$output" | grep -q '^cadenced\.'; then
    echo "FAIL: systemd-analyze verify found problems in the units"
    exit 1
fi
echo "units verified"
