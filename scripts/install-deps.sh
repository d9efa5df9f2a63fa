#!/bin/sh
# Installs the Debian 12 packages cadenced needs to build and test, and only
# those that are missing, so that a machine that has them all is not touched
# (and needs no root).
set -eu

packages="
  cmake ninja-build g++ make pkg-config
  libical-dev
  libboost-dev libboost-program-options-dev
  libtomlplusplus-dev
  libhowardhinnant-date-dev tzdata
  libboost-dev zlib1g-dev libsqlite3-dev libsystemd-dev libspdlog-dev libfmt-dev nlohmann-json3-dev
  catch2 libcurl4-openssl-dev libssl-dev
  python3 python3-icalendar python3-pil unicode-cldr-core
  chromium systemd
"

# `install-deps.sh bench` adds what the benchmarks compare against.
if [ "${1:-}" = bench ]; then
  packages="$packages wrk nginx curl"
fi

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "install-deps: missing packages:$missing; run as root or install them with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
