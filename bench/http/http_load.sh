#!/usr/bin/env bash
# HTTP figures: a command endpoint (PUT /api/v1/workplaces/{id}) and a GET endpoint
# (GET /api/v1/workplaces/{id}) of istihdam under wrk, beside a bare Beast handler measured in
# the same run. Loopback only. Usage: bench/http/http_load.sh [BUILD_DIR] [SECONDS]
# With PERF=FILE, the server is sampled by `perf record` (Debian linux-perf) during the GET run
# and the top entries of the profile are written to FILE (bench/README.md "Where a GET's time goes").
set -euo pipefail
build=${1:-build}
secs=${2:-10}
conns=${CONNS:-64}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 200); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }
run_wrk() { # label key url [script]
  local label=$1 key=$2; shift 2
  local out
  if [ -n "${2:-}" ]; then out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$2" "$1"); else out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency "$1"); fi
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  printf '| %-32s | %10s | %8s | %8s | %s |\n' "$label" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$rps" > "$tmp/rps_$key"
}

bare_port=$(free_port)
"$build/bench/bare_beast" "$bare_port" 2 & pids+=($!)
wait_port "$bare_port"

"$build/istihdam" serve --data-dir "$tmp/data" --port 0 --port-file "$tmp/port" --demo --password-cost min \
  --threads 2 >"$tmp/server.log" 2>&1 & pids+=($!)
server_pid=$!
for _ in $(seq 1 200); do [ -s "$tmp/port" ] && break; sleep 0.05; done
port=$(cat "$tmp/port")
export TOKEN
TOKEN=$(curl -s -X POST "127.0.0.1:$port/api/v1/auth/login" -d '{"tckn":"10000000146","password":"Demo1234!"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
# 128 workplaces of the demo employer (İstanbul branches), so that concurrent commands touch
# different streams as real users would.
ids=""
for i in $(seq 1 128); do
  sgk=$(printf '520640808%07d0346500%03d' "$i" 0)
  id=$(curl -s -X POST "127.0.0.1:$port/api/v1/workplaces" -H "Authorization: Bearer $TOKEN" \
    -d "{\"title\":\"Bench $i\",\"sgkNo\":\"$sgk\",\"province\":\"34\",\"district\":\"Kadıköy\",\"address\":\"Bench Cad. $i\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  ids="$ids${ids:+,}$id"
done
export WORKPLACES=$ids
last=$(curl -s "127.0.0.1:$port/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["position"])')
url="http://127.0.0.1:$port"
curl -sf "$url/api/v1/workplaces?minPosition=$last" -H "Authorization: Bearer $TOKEN" >/dev/null

echo "wrk -t2 -c$conns -d${secs}s on $(nproc) cores (wrk shares them with the server)"
echo
printf '| %-32s | %10s | %8s | %8s | %s |\n' "case" "req/s" "p50" "p99" "non-2xx"
printf '|%s|%s|%s|%s|%s|\n' "----------------------------------" "------------" "----------" "----------" "---------"
run_wrk "bare Beast handler (baseline)" bare "http://127.0.0.1:$bare_port/health"
if [ -n "${PERF:-}" ]; then  # sample the server for the middle of the GET run
  ( sleep 1; perf record -F 499 --call-graph dwarf,16384 -p "$server_pid" -o "$tmp/perf.data" -- sleep $((secs > 3 ? secs - 2 : 1)) \
      >/dev/null 2>&1 ) & perf_pid=$!
fi
run_wrk "istihdam GET /workplaces/{id}" get "$url/" "$here/get_workplace.lua"
if [ -n "${PERF:-}" ]; then
  wait "$perf_pid"
  { echo "# self time, top entries"; perf report -i "$tmp/perf.data" --no-children --sort symbol --stdio 2>/dev/null |
      grep -E '^ +[0-9.]+%' | head -25 | sed 's/  */ /g' | cut -c1-140
    echo "# including callees, istihdam's functions"; perf report -i "$tmp/perf.data" --children --sort symbol --stdio 2>/dev/null |
      grep -E '^ +[0-9.]+% +[0-9.]+% +\[\.\] istihdam::' | head -30 | sed 's/  */ /g' | cut -c1-140
  } > "$PERF" || true  # a short report (head closing the pipe) is not a failure
fi
run_wrk "istihdam PUT /workplaces/{id}" put "$url/" "$here/put_workplace.lua"
run_wrk "bare Beast handler (again)" bare2 "http://127.0.0.1:$bare_port/health"
bare=$(cat "$tmp/rps_bare")
get=$(cat "$tmp/rps_get")
put=$(cat "$tmp/rps_put")
echo
python3 -c "print(f'GET ratio {float($get)/float($bare):.2f}x (target >= 0.6), command ratio {float($put)/float($bare):.2f}x (target >= 0.4)')"
echo "events in the log after the run: $(curl -s "127.0.0.1:$port/health")"
