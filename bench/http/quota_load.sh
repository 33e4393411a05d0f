#!/usr/bin/env bash
# GET /api/v1/workplaces/{hqId}/quota-status under wrk, with the quota table holding HQS × 24
# months beside the demo data (bench/README.md "Quota status"). Steps: the server creates the
# demo data and stops; quota_bench appends HQS headquarters × 24 monthly schedules into the same
# database and rebuilds quota_status (its timing is printed too); the server starts again,
# catches the other projections up, and wrk asks for the demo headquarters' quota of last month.
# Usage: bench/http/quota_load.sh [BUILD_DIR] [SECONDS]   (env HQS=100000, CONNS=64)
set -euo pipefail
build=${1:-build}
secs=${2:-10}
conns=${CONNS:-64}
hqs=${HQS:-100000}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

serve() {
  rm -f "$tmp/port"
  "$build/istihdam" serve --data-dir "$tmp/data" --port 0 --port-file "$tmp/port" --demo --password-cost min \
    --threads 2 >>"$tmp/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do [ -s "$tmp/port" ] && break; sleep 0.1; done
  port=$(cat "$tmp/port")
}

serve
curl -sf "127.0.0.1:$port/health" >/dev/null
kill "$pid"; wait "$pid" || true; pid=""

echo "== quota_bench --hqs=$hqs --months=24 into the server's database"
"${QUOTA_BENCH:-$build/bench/quota_bench}" --hqs="$hqs" --months=24 --data-dir="$tmp/data"

started=$(date +%s)
serve
export TOKEN
TOKEN=$(curl -s -X POST "127.0.0.1:$port/api/v1/auth/login" -d '{"tckn":"10000000146","password":"Demo1234!"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
last=$(curl -s "127.0.0.1:$port/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["position"])')
month=$(date -u -d "$(date -u +%Y-%m-15) -1 month" +%Y-%m)
url="http://127.0.0.1:$port/api/v1/workplaces/3000000001/quota-status?month=$month"
until [ "$(curl -s -o /dev/null -D - "$url&minPosition=$last" -H "Authorization: Bearer $TOKEN" |
          tr -d '\r' | awk 'tolower($1)=="x-position:" {print $2}')" -ge "$last" ]; do sleep 1; done
echo "server caught up with $last events in $(( $(date +%s) - started )) s"
curl -s "$url" -H "Authorization: Bearer $TOKEN"; echo

echo "wrk -t2 -c$conns -d${secs}s on $(nproc) cores (wrk shares them with the server)"
out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$here/get_workplace.lua" "$url")
echo "$out"
printf '\n| case | req/s | p50 | p99 | non-2xx |\n|---|---|---|---|---|\n'
printf '| GET quota-status (%s HQs x 24 months in the table) | %s | %s | %s | %s |\n' "$hqs" \
  "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1=="50%" {print $2}')" \
  "$(echo "$out" | awk '$1=="99%" {print $2}')" "$(echo "$out" | awk '/Non-2xx/ {print $5}')"
