#!/usr/bin/env bash
# The scale curve (bench/README.md "Scale (10 M events)"): one data directory grown to each point
# of POINTS (default 1 M, 3 M, 10 M events over 2 M streams) with bench/scale_loader, and at each
# point, in the same run:
#   - append throughput of a fixed extra batch (EXTRA events) into the loaded store, beside the
#     same loader writing EXTRA events into an empty store right after (ratio loaded / empty);
#   - disk size (du), `istihdam verify` time, `istihdam rebuild` time (every projection) and
#     its peak RSS;
#   - `istihdam serve` on the directory: start-up time, RSS at idle and the /metrics memory
#     gauges, then RSS (sampled) under a wrk GET load of the demo employer's workplace
#     documents (GET /api/v1/workplaces/{id}), beside a bare Beast handler (the baseline), and
#     RSS under the demo auditor's GETs of random loaded workplaces (as-of reads over the whole
#     data set: the aggregate cache, the stream reads and the block cache fill up).
# Writes OUT/scale.tsv, OUT/curve.png (gnuplot) and the logs; deletes the data directory at the end.
#
#   bench/scale/scale.sh [BUILD_DIR]     env: POINTS STREAMS EXTRA BATCH DATA OUT WRK_SECS CONNS KEEP_DATA
#                                              RESUME (extend DATA as it is: no fresh demo seed)
#                                              REBUILD_TIMEOUT (seconds; a longer rebuild is stopped and
#                                              recorded as ">T", the server then catches up instead)
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
points=${POINTS:-"1000000 3000000 10000000"}
streams=${STREAMS:-2000000}
extra=${EXTRA:-100000}
batch=${BATCH:-1000}
data=${DATA:-/work/scale-data/data}
out=${OUT:-$here/$(date -u +%F)}
secs=${WRK_SECS:-10}
conns=${CONNS:-16}
mkdir -p "$out" "$(dirname "$data")"
empty=$(dirname "$data")/empty
tsv=$out/scale.tsv
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$empty"
  [ -n "${KEEP_DATA:-}" ] || rm -rf "$data"
}
trap cleanup EXIT

log() { echo "[$(date -u +%T)] $*" | tee -a "$out/run.log" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
rss_mib() { awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
hwm_mib() { awk '/^VmHWM:/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 600); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
result() { sed -n 's/^RESULT .*'"$1"'=\([0-9.]*\).*/\1/p' "$2"; }  # field of a loader's RESULT line
to_ms() { python3 -c "import sys; v=sys.argv[1]; print(round(float(v[:-2])/1000 if v.endswith('us') else float(v[:-2]) if v.endswith('ms') else float(v[:-1])*1000, 3))" "$1"; }
gauge() { awk -v c="$2" 'index($0, "istihdam_memory_bytes{component=\"" c "\"}") == 1 {printf "%.1f", $2 / 1048576}' "$1"; }
entries() { awk -v c="$2" 'index($0, "istihdam_cache_entries{cache=\"" c "\"}") == 1 {print $2}' "$1"; }
# stdin's lines (split at \r too: progress lines) prefixed with the seconds since the start,
# so a rebuild's log shows when each projection finished.
stamp() { python3 -u -c '
import sys, time
t0, buf = time.monotonic(), b""
while True:
    c = sys.stdin.buffer.read(1)
    if c in (b"", b"\r", b"\n"):
        if buf.strip():
            sys.stdout.write("%.1f %s\n" % (time.monotonic() - t0, buf.decode(errors="replace")))
        buf = b""
        if not c:
            break
    else:
        buf += c
'; }
timed() { # file cmd...: runs cmd, writes "seconds maxrss_mib" to file
  local f=$1; shift
  /usr/bin/time -f "%e %M" -o "$f.time" "$@" >"$f.out" 2> >(stamp > "$f.err")
  sleep 0.5  # let stamp write its last line
  tail -1 "$f.time" | awk '{printf "%s %.1f\n", $1, $2 / 1024}' > "$f"  # after "Command terminated by ..."
}

# wrk run: label url [script] -> "rps p50_ms p99_ms non2xx"
run_wrk() {
  local label=$1 url=$2 script=${3:-} o
  if [ -n "$script" ]; then o=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$script" "$url"); else o=$(wrk -t2 -c"$conns" -d"${secs}s" --latency "$url"); fi
  echo "$o" > "$out/wrk-$label.txt"
  local rps p50 p99 non2xx
  rps=$(echo "$o" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$o" | awk '$1=="50%" {print $2}')
  p99=$(echo "$o" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$o" | awk '/Non-2xx/ {print $5}')
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") ${non2xx:-0}"
}

[ -s "$tsv" ] && [ -n "${RESUME:-}" ] || printf 'events\tlog_position\tbulk_eps\textra_loaded_eps\textra_empty_eps\tappend_ratio\tdisk_mib\tverify_s\trebuild_s\trebuild_peak_rss_mib\tserve_start_s\trss_idle_mib\trss_load_mib\trss_peak_mib\tblock_cache_mib\tmemtables_mib\ttable_readers_mib\tmalloc_in_use_mib\tmalloc_free_held_mib\tstream_heads\taggregate_states\tget_rps\tget_p50_ms\tget_p99_ms\tget_non2xx\tbare_rps\tbare_p99_ms\tloadavg_1_5_15\taudit_rps\taudit_p50_ms\taudit_p99_ms\taudit_non2xx\trss_audit_mib\taudit_block_cache_mib\taudit_malloc_in_use_mib\taudit_stream_heads\taudit_aggregate_states\n' > "$tsv"  # kept when resuming

log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, load $(loadavg); points: $points; streams $streams; extra $extra; batch $batch"
rm -rf "$empty"
if [ -n "${RESUME:-}" ] && [ -d "$data" ]; then
  log "resuming with $data as it is"
else
rm -rf "$data"
# The demo employer (login 10000000146) first, so the GET load reads documents that exist.
log "seeding the demo data"
"$build/istihdam" serve --data-dir "$data" --port 0 --port-file "$out/port" --demo --password-cost min --threads 2 \
  >"$out/seed.log" 2>&1 & seed=$!
for _ in $(seq 1 600); do [ -s "$out/port" ] && break; sleep 0.1; done
[ -s "$out/port" ] || { log "the demo server did not start"; exit 1; }
kill -TERM "$seed"; wait "$seed" || true
rm -f "$out/port"
fi

bare_port=$(free_port)
"$build/bench/bare_beast" "$bare_port" 2 >/dev/null 2>&1 & pids+=($!)
wait_port "$bare_port"

for point in $points; do
  log "== point $point: loading to $((point - extra)) (load $(loadavg))"
  "$build/bench/scale_loader" --data-dir="$data" --events=$((point - extra)) --streams="$streams" --batch="$batch" \
    > "$out/load-$point.txt"
  bulk=$(result events_per_s "$out/load-$point.txt")
  log "bulk $bulk events/s; extra $extra into the loaded store, then into an empty one"
  "$build/bench/scale_loader" --data-dir="$data" --events="$point" --streams="$streams" --batch="$batch" \
    > "$out/extra-loaded-$point.txt"
  rm -rf "$empty"
  "$build/bench/scale_loader" --data-dir="$empty" --events="$extra" --streams="$streams" --batch="$batch" \
    > "$out/extra-empty-$point.txt"
  rm -rf "$empty"
  loaded_eps=$(result events_per_s "$out/extra-loaded-$point.txt")
  empty_eps=$(result events_per_s "$out/extra-empty-$point.txt")
  ratio=$(python3 -c "print(round($loaded_eps / $empty_eps, 2) if $loaded_eps and $empty_eps else '-')")
  log "extra: loaded $loaded_eps, empty $empty_eps events/s (ratio $ratio)"

  disk=$(du -sm "$data" | cut -f1)
  timed "$out/verify-$point" "$build/istihdam" verify --data-dir "$data"
  read -r verify_s _ < "$out/verify-$point"
  log "disk $disk MiB; verify $verify_s s ($(tail -1 "$out/verify-$point.err"))"
  if [ -n "${REBUILD_TIMEOUT:-}" ]; then
    timed "$out/rebuild-$point" timeout --signal=INT "$REBUILD_TIMEOUT" "$build/istihdam" rebuild --data-dir "$data" || true
  else
    timed "$out/rebuild-$point" "$build/istihdam" rebuild --data-dir "$data"
  fi
  read -r rebuild_s rebuild_rss < "$out/rebuild-$point"
  if ! grep -q "merkle at position" "$out/rebuild-$point.err"; then rebuild_s=">$rebuild_s"; fi
  log "rebuild $rebuild_s s, peak RSS $rebuild_rss MiB"

  rm -f "$out/port"
  t0=$(date +%s.%N)
  "$build/istihdam" serve --data-dir "$data" --port 0 --port-file "$out/port" --password-cost min --threads 2 \
    >"$out/serve-$point.log" 2>&1 & srv=$!
  pids+=($srv)
  for _ in $(seq 1 3000); do [ -s "$out/port" ] && break; sleep 0.1; done
  port=$(cat "$out/port")
  url="http://127.0.0.1:$port"
  pos=$(curl -sf "$url/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["position"])')
  serve_start=$(python3 -c "import time; print(round(time.time() - $t0, 2))")
  export TOKEN
  TOKEN=$(curl -sf -X POST "$url/api/v1/auth/login" -d '{"tckn":"10000000146","password":"Demo1234!"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  export WORKPLACES
  WORKPLACES=$(curl -sf "$url/api/v1/workplaces?pageSize=100" -H "Authorization: Bearer $TOKEN" |
    python3 -c 'import json,sys; print(",".join(i["id"] for i in json.load(sys.stdin)["items"]))')
  sleep 5
  rss_idle=$(rss_mib "$srv")
  curl -sf "$url/metrics" > "$out/metrics-idle-$point.txt"
  log "serve up in $serve_start s at position $pos; idle RSS $rss_idle MiB; GET load on $(echo "$WORKPLACES" | tr ',' '\n' | wc -l) workplaces"
  ( peak=0; while kill -0 "$srv" 2>/dev/null && [ ! -e "$out/stop-sampler" ]; do
      r=$(rss_mib "$srv"); peak=$(python3 -c "print(max($peak, $r))"); echo "$peak" > "$out/rss-load-$point"; sleep 0.5
    done ) & sampler=$!
  rm -f "$out/stop-sampler"
  read -r get_rps get_p50 get_p99 get_non2xx < <(run_wrk "get-$point" "$url/" "$here/../http/get_workplace.lua")
  touch "$out/stop-sampler"; wait "$sampler" || true; rm -f "$out/stop-sampler"
  rss_load=$(cat "$out/rss-load-$point")
  # The same, with an auditor reading random loaded workplaces (the whole data set, as-of reads).
  export FIRST=3500000000 COUNT=$(( point < streams ? point : streams ))
  TOKEN=$(curl -sf -X POST "$url/api/v1/auth/login" -d '{"tckn":"34567890170","password":"Denetci1234!"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  ( peak=0; while kill -0 "$srv" 2>/dev/null && [ ! -e "$out/stop-sampler" ]; do
      r=$(rss_mib "$srv"); peak=$(python3 -c "print(max($peak, $r))"); echo "$peak" > "$out/rss-audit-$point"; sleep 0.5
    done ) & sampler=$!
  read -r audit_rps audit_p50 audit_p99 audit_non2xx < <(run_wrk "audit-$point" "$url/" "$here/get_loaded_workplace.lua")
  touch "$out/stop-sampler"; wait "$sampler" || true; rm -f "$out/stop-sampler"
  rss_audit=$(cat "$out/rss-audit-$point")
  curl -sf "$url/metrics" > "$out/metrics-audit-$point.txt"
  log "auditor GET of random loaded workplaces: $audit_rps req/s p99 $audit_p99 ms (non-2xx $audit_non2xx); RSS $rss_audit MiB"
  read -r bare_rps _ bare_p99 _ < <(run_wrk "bare-$point" "http://127.0.0.1:$bare_port/health")
  rss_peak=$(hwm_mib "$srv")
  la=$(loadavg)
  log "GET $get_rps req/s p99 $get_p99 ms (non-2xx $get_non2xx); bare $bare_rps req/s p99 $bare_p99 ms; RSS under load $rss_load MiB, peak $rss_peak MiB; load $la"
  kill -TERM "$srv"; wait "$srv" || true
  m=$out/metrics-idle-$point.txt
  a=$out/metrics-audit-$point.txt
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$point" "$pos" "$bulk" "$loaded_eps" "$empty_eps" "$ratio" "$disk" "$verify_s" "$rebuild_s" "$rebuild_rss" \
    "$serve_start" "$rss_idle" "$rss_load" "$rss_peak" \
    "$(gauge "$m" rocksdb_block_cache)" "$(gauge "$m" rocksdb_memtables)" "$(gauge "$m" rocksdb_table_readers)" \
    "$(gauge "$m" malloc_in_use)" "$(gauge "$m" malloc_free_held)" "$(entries "$m" stream_heads)" \
    "$(entries "$m" aggregate_states)" "$get_rps" "$get_p50" "$get_p99" "$get_non2xx" "$bare_rps" "$bare_p99" \
    "$la" "$audit_rps" "$audit_p50" "$audit_p99" "$audit_non2xx" "$rss_audit" "$(gauge "$a" rocksdb_block_cache)" \
    "$(gauge "$a" malloc_in_use)" "$(entries "$a" stream_heads)" "$(entries "$a" aggregate_states)" >> "$tsv"
done

log "plotting $out/curve.png"
gnuplot -e "tsv='$tsv'; png='$out/curve.png'" "$here/curve.gp"
column -t -s $'\t' "$tsv" | tee -a "$out/run.log"
log "done (data directory $( [ -n "${KEEP_DATA:-}" ] && echo kept || echo removed))"
