#!/usr/bin/env bash
# Matching figures (issue 19): SEEKERS job seekers bulk-loaded by `istihdam demo --bulk`, one
# typical labor demand (one occupation, a province, an age range, one driving licence) created
# over the API by the demo employer, then page 1 of GET /api/v1/labor-demands/{no}/matches
# under wrk beside a bare Beast handler, and (server stopped) the same query in process through
# the index and as a full scan of the read model (bench/match_bench), then the column families'
# sizes (bench/table_sizes). All in one run, loopback only, in a temp dir removed at the end.
# Usage: bench/matching/matching_load.sh [BUILD_DIR] [SECONDS]    env: SEEKERS (1000000), CONNS (64)
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
secs=${2:-20}
seekers=${SEEKERS:-1000000}
conns=${CONNS:-64}
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 400); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }
since() { python3 -c "print(f'{$EPOCHREALTIME - $1:.1f}')"; }
seconds_of() { local t0=$EPOCHREALTIME; "$@" >"$tmp/last.out" 2>&1 || { cat "$tmp/last.out" >&2; return 1; }; since "$t0"; }
row() { printf '| %-46s | %10s | %9s | %9s | %s |\n' "$@"; }
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }
run_wrk() { # label key url [header]
  local out
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency ${4:+-H "$4"} "$3")
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  row "$1" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$rps $p99" >"$tmp/r_$2"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# Starts the server on $data (extra arguments follow); sets $server and $url.
start_server() {
  rm -f "$tmp/port"
  "$build/istihdam" serve --config "$config" --data-dir "$data" --port 0 --port-file "$tmp/port" --threads 2 "$@" \
    >>"$tmp/server.log" 2>&1 &
  server=$!
  pids+=($server)
  for _ in $(seq 1 600); do [ -s "$tmp/port" ] && break; sleep 0.1; done
  [ -s "$tmp/port" ] || { tail -20 "$tmp/server.log" >&2; exit 1; }
  url="http://127.0.0.1:$(cat "$tmp/port")"
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; }
# Waits (up to 30 min) until every projection has reached the log's end.
wait_projections() {
  local last
  last=$(curl -s "$url/health" | json "d['position']")
  for _ in $(seq 1 18000); do
    curl -s "$url/health" | python3 -c "import json,sys; h=json.load(sys.stdin); sys.exit(0 if all(p['position']>=$last or p['lag']==0 for p in h['projections']) else 1)" && return 0
    sleep 0.1
  done
  echo "projections did not catch up" >&2
  exit 1
}

config=$tmp/config.json
echo '{"passwordCost":"min","demoPostings":0,"demoJobSeekers":0,"publicReadRatePerClientPerMinute":0}' >"$config"
data=$tmp/data
echo "== $seekers job seekers; $(nproc) cores; $(date -u +%FT%TZ); $(git -C "$(dirname "$0")" rev-parse --short HEAD)"

# The demo employers (Anadolu Tekstil A.Ş. has an Ankara headquarters), then the job seekers.
start_server --demo
wait_projections
stop_server
echo "bulk load (istihdam demo --job-seekers $seekers --bulk): $(seconds_of "$build/istihdam" demo --config "$config" \
  --data-dir "$data" --job-seekers "$seekers" --bulk) s; $(tail -1 "$tmp/last.out")"
echo "verify: $(seconds_of "$build/istihdam" verify --config "$config" --data-dir "$data") s; $(tail -1 "$tmp/last.out")"
echo "data directory after the load: $(du -sh "$data" | cut -f1)"

t0=$EPOCHREALTIME
start_server
wait_projections
echo "server start and projections caught up over the log: $(since "$t0") s; server RSS $(rss "$server")"

# A typical demand: drivers (8322) in Ankara, aged 25 to 45, with a B licence.
login=$(curl -s -X POST "$url/api/v1/auth/login" -d '{"tckn":"10000000146","password":"Demo1234!"}')
token=$(echo "$login" | json "d['token']")
employer=$(echo "$login" | json "d['employerId']")
auth="Authorization: Bearer $token"
workplace=$(curl -s "$url/api/v1/workplaces" -H "$auth" | json "[w['id'] for w in d['items'] if w['province']=='06'][0]")
last_date=$(date -u -d '+30 days' +%F)
demand=$(curl -s -X POST "$url/api/v1/labor-demands" -H "$auth" -d "{\"workplaceId\":\"$workplace\",\"occupation\":\"8322\",
  \"position\":\"Şoför\",\"requestedCount\":3,\"workAddress\":{\"province\":\"06\",\"district\":\"Çankaya\",
  \"address\":\"Kızılay Mah. 1\"},\"lastApplicationDate\":\"$last_date\",\"workingPattern\":\"fullTime\",
  \"description\":\"Personel servis aracı kullanacak şoför arıyoruz.\",\"minAge\":25,\"maxAge\":45,
  \"drivingLicences\":[\"B\"]}" | json "d['id']")
matches="$url/api/v1/labor-demands/$demand/matches"
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$matches" -H "$auth")" = 200 ] && break
  sleep 0.1
done
echo "demand $demand: $(curl -s "$matches" -H "$auth" | json "f\"total {d.get('total')}, page of {len(d.get('items', []))}\"")"

bare_port=$(free_port)
"$build/bench/bare_beast" "$bare_port" 2 &
pids+=($!)
wait_port "$bare_port"

echo
echo "wrk -t2 -c$conns -d${secs}s on $(nproc) cores (the load generator shares them)"
echo
row "case" "req/s" "p50" "p99" "non-2xx"
row "----------------------------------------------" "----------" "---------" "---------" "---"
run_wrk "bare Beast handler (baseline)" bare "http://127.0.0.1:$bare_port/health"
run_wrk "matches page 1 (index)" idx "$matches" "$auth"
run_wrk "bare Beast handler (again)" bare2 "http://127.0.0.1:$bare_port/health"
conns=4
run_wrk "matches page 1 (index), -c4" idx4 "$matches" "$auth"
conns=${CONNS:-64}
echo
echo "server RSS after the load: $(rss "$server")"
python3 - "$tmp" <<'PY'
import sys
t = sys.argv[1]
r = {k: open(f"{t}/r_{k}").read().split() for k in ["bare", "idx"]}
print(f"matches/bare req/s: {float(r['idx'][0]) / float(r['bare'][0]):.4f}")
PY
stop_server
echo
echo "in process on the stopped server's data (index vs full scan of the read model):"
"$build/bench/match_bench" "$data" "$employer" "$demand" 50
echo
echo "column families after the run (flushed; the matching index is the job_seekers projection's):"
"$build/bench/table_sizes" "$data" | awk 'NR==1 || $2 > 1000000 || /job_seekers|match/'
