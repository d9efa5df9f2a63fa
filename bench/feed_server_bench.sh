#!/bin/bash
# Feed server benchmark: cadenced against nginx serving the same bytes as a
# static file, both on loopback, measured with wrk at 64 connections:
# GET /feeds/all.ics (200) and the same with If-None-Match (304).
# Prints requests/s and p99 latency side by side, the ratio, and the
# daemon's resident memory when idle.
#
# Each case is measured twice. Saturated: every connection sends its next
# request as soon as the last answer is in, so the figures are the most each
# server can do. Paced: every connection waits between requests, the same
# wait for both servers, chosen so that the load is about half of what nginx
# managed saturated. wrk shares the two cores with the server, and at
# saturation its own threads are preempted with requests in flight, a whole
# scheduler tick at a time; the paced p99 is the latency a client sees when
# the server has room, which is how a feed server runs (calendar clients poll
# every few hours).
#
#   bench/feed_server_bench.sh [build-dir] [seconds] [rounds] [config]
#
# config: a cadenced config to run with (its [server] threads, say) instead
# of the embedded default.
set -euo pipefail

build=${1:-build-release}
seconds=${2:-5}
rounds=${3:-3}
config=${4:-}
cadenced="$build/daemon/cadenced"
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "feed_server_bench: $tool is missing (apt-get install wrk nginx curl)"; exit 1; }
done

work=$(mktemp -d /tmp/cadenced-feed-bench.XXXXXX)
# nginx workers run as an unprivileged user and must read the files.
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# cadenced on the default rhythm.
cport=$(free_port)
config_args=()
if [ -n "$config" ]; then config_args=(--config "$(realpath "$config")"); fi
TZ=Europe/London "$cadenced" "${config_args[@]}" --listen "127.0.0.1:$cport" --state-dir "$work/state" 2>"$work/cadenced.log" &
cpid=$!
pids+=("$cpid")
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$cport/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs -D "$work/headers" -o "$work/all.ics" "http://127.0.0.1:$cport/feeds/all.ics"
cetag=$(awk 'tolower($1)=="etag:" {print $2}' "$work/headers" | tr -d '\r')
sleep 1
rss_idle=$(awk '/^VmRSS/ {print $2}' "/proc/$cpid/status")

# nginx with the same bytes as a static file.
nport=$(free_port)
mkdir -p "$work/www/feeds" "$work/nginx"
cp "$work/all.ics" "$work/www/feeds/all.ics"
chmod -R a+rX "$work/www"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/calendar ics; }
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
  }
}
EOF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=("$!")
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$nport/feeds/all.ics" && break
  sleep 0.1
done
# The master and its workers.
nginx_pids=("${pids[-1]}")
mapfile -t -O 1 nginx_pids < <(pgrep -P "${pids[-1]}")
netag=$(curl -fs -D - -o /dev/null "http://127.0.0.1:$nport/feeds/all.ics" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')

# CPU time (user + system, clock ticks) used so far by the given processes
# and all their threads.
cpu_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }

# wrk's summary: requests/s, the 99th percentile in milliseconds, and the
# server's CPU time per request in microseconds (the server shares the two
# cores with wrk, so what it spends per request is taken from the client).
# A pause above 0 is the wait in milliseconds between a connection's requests.
cat >"$work/paced.lua" <<'EOF'
local pause = tonumber(os.getenv("WRK_PAUSE_MS"))
function delay() return pause end
EOF
measure() {
  local url=$1 header=$2 pause=$3 out before after
  shift 3
  local args=(-t2 -c64 -d"${seconds}s" --latency)
  if [ -n "$header" ]; then args+=(-H "$header"); fi
  if [ "$pause" -gt 0 ]; then args+=(-s "$work/paced.lua"); fi
  before=$(cpu_ticks "$@")
  # A wedged server fails the run instead of hanging it.
  out=$(WRK_PAUSE_MS=$pause timeout $((seconds + 30)) wrk "${args[@]}" "$url")
  after=$(cpu_ticks "$@")
  local rps p99 requests
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")
  local cpu_us
  cpu_us=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
  echo "$rps $p99 $cpu_us"
}

# Shared machines drift: each case is measured in alternating rounds
# (cadenced, nginx, cadenced, ...) and the medians compared.
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
printf '%-30s %14s %8s %8s %14s %8s %8s %7s\n' "case (64 connections)" "cadenced rps" "p99 ms" "cpu us" "nginx rps" "p99 ms" "cpu us" "ratio"

# run_case LABEL PAUSE_MS CADENCED_HEADER NGINX_HEADER prints one row and
# leaves nginx's median requests/s in $nrps.
run_case() {
  local label=$1 pause=$2 ch=$3 nh=$4
  : >"$work/c.txt"; : >"$work/n.txt"
  for _ in $(seq 1 "$rounds"); do
    measure "http://127.0.0.1:$cport/feeds/all.ics" "$ch" "$pause" "$cpid" >>"$work/c.txt"
    measure "http://127.0.0.1:$nport/feeds/all.ics" "$nh" "$pause" "${nginx_pids[@]}" >>"$work/n.txt"
  done
  paste "$work/c.txt" "$work/n.txt" | sed "s/^/    rounds (c rps, p99, cpu, n rps, p99, cpu): /" >&2
  local crps cp99 ccpu np99 ncpu ratio
  crps=$(awk '{print $1}' "$work/c.txt" | median); cp99=$(awk '{print $2}' "$work/c.txt" | median)
  ccpu=$(awk '{print $3}' "$work/c.txt" | median)
  nrps=$(awk '{print $1}' "$work/n.txt" | median); np99=$(awk '{print $2}' "$work/n.txt" | median)
  ncpu=$(awk '{print $3}' "$work/n.txt" | median)
  ratio=$(awk -v a="$crps" -v b="$nrps" 'BEGIN {printf "%.2f", a / b}')
  printf '%-30s %14s %8.2f %8s %14s %8.2f %8s %7s\n' "$label" "$crps" "$cp99" "$ccpu" "$nrps" "$np99" "$ncpu" "$ratio"
}

# cadenced_header CASE / nginx_header CASE: the request header of a case.
cadenced_header() { if [ "$1" = 304 ]; then echo "If-None-Match: $cetag"; fi; }
nginx_header() { if [ "$1" = 304 ]; then echo "If-None-Match: $netag"; fi; }

declare -A paced_wait
for case in 200 304; do
  run_case "GET /feeds/all.ics ($case)" 0 "$(cadenced_header $case)" "$(nginx_header $case)"
  # Half of nginx's rate spread over 64 connections is one request per
  # 128 / rate seconds each; the answer's own time is small at half load.
  paced_wait[$case]=$(awk -v r="$nrps" 'BEGIN {p = int(128000 / r); print (p < 1 ? 1 : p)}')
done
for case in 200 304; do
  run_case "  paced, ${paced_wait[$case]} ms waits ($case)" "${paced_wait[$case]}" "$(cadenced_header $case)" "$(nginx_header $case)"
done
printf 'medians of %s rounds of %s s each; cpu us: the server'"'"'s CPU time per request\n' "$rounds" "$seconds"
printf 'feed size: %s bytes; cadenced RSS idle: %s KiB (target < 10240 KiB)\n' "$(stat -c %s "$work/all.ics")" "$rss_idle"
rss_after=$(awk '/^VmRSS/ {print $2}' "/proc/$cpid/status")
printf 'cadenced RSS after the load: %s KiB\n' "$rss_after"
