#!/usr/bin/env bash
# Job search figures (issue 18): N demo postings written by `istihdam demo`, the read models and
# the search index rebuilt from the log (timed), then keyword + province and keyword-only searches
# under wrk beside a bare Beast handler, and the same terms against PostgreSQL 15 full-text search
# (to_tsvector('turkish'), GIN, facets by GROUP BY) under pgbench, all in one run, loopback only.
# Usage: bench/search/search_load.sh [BUILD_DIR] [SECONDS]    env: POSTINGS (300000), EMPLOYERS (600)
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
secs=${2:-20}
postings=${POSTINGS:-300000}
employers=${EMPLOYERS:-600}
conns=${CONNS:-64}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
py="python3 $here/search_bench.py"
pgbin=/usr/lib/postgresql/15/bin
tmp=$(mktemp -d)
chmod 755 "$tmp"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -d "$tmp/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/pg" -m fast stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 400); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }
seconds_of() { local t0=$EPOCHREALTIME; "$@" >/dev/null 2>&1; python3 -c "print(f'{$EPOCHREALTIME - $t0:.1f}')"; }
row() { printf '| %-44s | %10s | %9s | %9s | %s |\n' "$@"; }
run_wrk() { # label key url paths-file
  local out
  out=$(PATHS=${4:-/dev/null} wrk -t2 -c"$conns" -d"${secs}s" --latency ${4:+-s "$here/paths.lua"} "$3")
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  row "$1" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$rps $p99" >"$tmp/r_$2"
}
run_pgbench() { # label key script
  local out
  out=$(cd "$tmp" && pgbench -n -M extended -f "$3" -c "$conns" -j 2 -T "$secs" -l --log-prefix="$tmp/log_$2" \
    -h 127.0.0.1 -p "$pg_port" -U postgres postgres 2>&1)
  local tps
  tps=$(echo "$out" | awk '/^tps/ {printf "%.2f", $3; exit}')
  read -r p50 p99 n < <($py pct "$tmp"/log_"$2".*)
  row "$1" "$tps" "$p50" "$p99" "$(echo "$out" | awk '/failed transactions/ {print $5}')"
  echo "$tps $p99" >"$tmp/r_$2"
}

config=$tmp/config.json
echo '{"passwordCost":"min","publicReadRatePerClientPerMinute":0}' >"$config"
data=$tmp/data
echo "== $postings postings over $employers employers; $(nproc) cores; $(date -u +%FT%TZ)"
echo "demo (write through the command path): $(seconds_of "$build/istihdam" demo --config "$config" --data-dir "$data" \
  --postings "$postings" --employers "$employers" --seed 1) s"
echo "rebuild --projection job_postings: $(seconds_of "$build/istihdam" rebuild --config "$config" --data-dir "$data" \
  --projection job_postings) s"
echo "rebuild --projection job_search:   $(seconds_of "$build/istihdam" rebuild --config "$config" --data-dir "$data" \
  --projection job_search) s"
echo "search index on disk: $(du -sh "$data/search/job_postings" | cut -f1); data directory: $(du -sh "$data" | cut -f1)"

# PostgreSQL 15 in a temp dir, as the postgres user, on a loopback port.
pg_port=$(free_port)
mkdir "$tmp/pg" && chown postgres "$tmp/pg" && chmod 700 "$tmp/pg"
runuser -u postgres -- "$pgbin/initdb" -D "$tmp/pg" -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg/server.log" -w start -o \
  "-p $pg_port -k $tmp/pg -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c work_mem=64MB -c max_connections=100" \
  >/dev/null
psql=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres)
"$build/istihdam" events --config "$config" --data-dir "$data" >"$tmp/events.ndjson"
echo "postings exported for PostgreSQL: $($py export "$repo/data" "$tmp/events.ndjson" "$tmp/postings.csv")"
t0=$EPOCHREALTIME
"${psql[@]}" <<SQL
CREATE TABLE postings (
  demand_no text PRIMARY KEY, position text, occupation text, occupation_name text, workplace_title text,
  description text, province text, province_name text, district text, working_pattern text,
  workplace_type text, last_application_date date, published_at timestamptz,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('turkish', position), 'A') ||
    setweight(to_tsvector('turkish', occupation_name || ' ' || workplace_title), 'B') ||
    to_tsvector('turkish', description || ' ' || province_name || ' ' || district)) STORED);
\copy postings FROM '$tmp/postings.csv' CSV
CREATE INDEX postings_tsv ON postings USING gin (tsv);
CREATE INDEX postings_province ON postings (province);
VACUUM ANALYZE postings;
SQL
echo "PostgreSQL load + GIN index: $(python3 -c "print(f'{$EPOCHREALTIME - $t0:.1f}')") s; table + indexes: $("${psql[@]}" -Atc \
  "SELECT pg_size_pretty(pg_total_relation_size('postings'))"), GIN index: $("${psql[@]}" -Atc \
  "SELECT pg_size_pretty(pg_relation_size('postings_tsv'))")"

bare_port=$(free_port)
"$build/bench/bare_beast" "$bare_port" 2 & pids+=($!)
"$build/istihdam" serve --config "$config" --data-dir "$data" --port 0 --port-file "$tmp/port" --threads 2 \
  >"$tmp/server.log" 2>&1 & server=$!
pids+=($server)
wait_port "$bare_port"
for _ in $(seq 1 600); do [ -s "$tmp/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$tmp/port")"
last=$(python3 -c "import json,urllib.request; print(json.load(urllib.request.urlopen('$url/health'))['position'])")
for _ in $(seq 1 600); do # every projection at the log's end
  curl -s "$url/health" | python3 -c "import json,sys; h=json.load(sys.stdin); sys.exit(0 if all(p['position']>=$last for p in h['projections']) else 1)" && break
  sleep 0.1
done

$py queries "$tmp"
echo "keyword + province: $($py keep "$url" "$tmp/kw_prov.tsv" "$tmp/kw_prov_kept.tsv" "$tmp/kw_prov.paths")"
echo "keyword only (two words): $($py keep "$url" "$tmp/kw_only.tsv" "$tmp/kw_only_kept.tsv" "$tmp/kw_only.paths")"
echo "server RSS after the preflight: $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/$server/status)"
"${psql[@]}" <<SQL
CREATE TABLE kw_prov (id int PRIMARY KEY, words text, province text);
CREATE TABLE kw_only (id int PRIMARY KEY, words text, province text);
\copy kw_prov FROM '$tmp/kw_prov_kept.tsv'
\copy kw_only FROM '$tmp/kw_only_kept.tsv'
SQL
for kind in kw_prov kw_only; do
  n=$(wc -l <"$tmp/${kind}_kept.tsv")
  filter=$([ $kind = kw_prov ] && echo "AND province = :province" || true)
  cat >"$tmp/$kind.sql" <<SQL
\set i random(1, $n)
SELECT words, province FROM $kind WHERE id = :i \gset
WITH m AS MATERIALIZED (
  SELECT demand_no, position, occupation, occupation_name, workplace_title, province, province_name, district,
         working_pattern, workplace_type, last_application_date, published_at, ts_rank(tsv, query) AS rank
  FROM postings, plainto_tsquery('turkish', :words) AS query
  WHERE tsv @@ query $filter AND last_application_date >= CURRENT_DATE)
SELECT (SELECT count(*) FROM m) AS total,
  (SELECT json_agg(f) FROM (SELECT province AS code, count(*) FROM m GROUP BY 1 ORDER BY 2 DESC, 1) f) AS provinces,
  (SELECT json_agg(f) FROM (SELECT left(occupation, 1) AS code, count(*) FROM m GROUP BY 1 ORDER BY 2 DESC, 1) f) AS groups,
  (SELECT json_agg(f) FROM (SELECT working_pattern AS code, count(*) FROM m GROUP BY 1 ORDER BY 2 DESC, 1) f) AS patterns,
  (SELECT json_agg(f) FROM (SELECT workplace_type AS code, count(*) FROM m GROUP BY 1 ORDER BY 2 DESC, 1) f) AS types,
  (SELECT json_agg(p) FROM (SELECT * FROM m ORDER BY rank DESC, published_at DESC LIMIT 20) p) AS page;
SQL
done

echo
echo "wrk -t2 -c$conns -d${secs}s and pgbench -c$conns -j2 -T$secs -M extended on $(nproc) cores (the load generator shares them)"
echo
row "case" "req/s" "p50" "p99" "non-2xx / failed"
row "--------------------------------------------" "----------" "---------" "---------" "---"
run_wrk "bare Beast handler (baseline)" bare "http://127.0.0.1:$bare_port/health"
run_wrk "istihdam keyword + province" kwp "$url" "$tmp/kw_prov.paths"
run_wrk "istihdam keyword only (two words)" kwo "$url" "$tmp/kw_only.paths"
run_pgbench "PostgreSQL keyword + province" pkwp "$tmp/kw_prov.sql"
run_pgbench "PostgreSQL keyword only (two words)" pkwo "$tmp/kw_only.sql"
run_wrk "bare Beast handler (again)" bare2 "http://127.0.0.1:$bare_port/health"
# The same at light load: what one search costs, without queueing behind 63 others.
conns=4
run_wrk "istihdam keyword + province, -c4" kwp4 "$url" "$tmp/kw_prov.paths"
run_pgbench "PostgreSQL keyword + province, -c4" pkwp4 "$tmp/kw_prov.sql"
conns=${CONNS:-64}
echo
echo "server RSS after the load: $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/$server/status)"
python3 - "$tmp" <<'PY'
import sys
t = sys.argv[1]
r = {k: open(f"{t}/r_{k}").read().split() for k in ["bare", "kwp", "kwo", "pkwp", "pkwo"]}
ms = lambda s: float(s[:-2]) if s.endswith("ms") else float(s[:-2]) / 1000 if s.endswith("us") else float(s[:-1]) * 1000
print(f"istihdam/bare req/s: keyword + province {float(r['kwp'][0]) / float(r['bare'][0]):.2f}, "
      f"keyword only {float(r['kwo'][0]) / float(r['bare'][0]):.2f}")
print(f"PostgreSQL p99 / istihdam p99: keyword + province {ms(r['pkwp'][1]) / ms(r['kwp'][1]):.1f}x, "
      f"keyword only {ms(r['pkwo'][1]) / ms(r['kwo'][1]):.1f}x")
PY
echo
echo "Turkish word forms (totals; 0 in a column = that engine misses the pair):"
$py pairs "$url" "${psql[@]}" <"$tmp/pairs.tsv"
