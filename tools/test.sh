#!/usr/bin/env bash
# The README's second command: install dependencies, build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
# The Kafka tests' broker jars (Maven Central, cached in ~/.cache/istihdam): fetched while
# the build runs.
tools/kafka.sh fetch >/dev/null &
fetch_pid=$!
tools/build.sh
wait "$fetch_pid" || { echo "test.sh: fetching Apache Kafka failed" >&2; exit 1; }
status=0
(cd build && ctest --output-on-failure -j "${TEST_JOBS:-2}" --timeout 600) || status=$?
# The soak run's short variant: 3 minutes of mixed load, bounded RSS and descriptors, no 5xx,
# read models caught up afterwards (docs/operations.md "Soak test").
python3 bench/soak/soak.py --binary build/istihdam --seconds "${SOAK_SECONDS:-180}" --out build/soak || status=1
# The libFuzzer targets, a bounded run each over their checked-in corpus (docs/fuzzing.md).
FUZZ_TIME=${FUZZ_TIME:-15} tools/fuzz.sh || status=1
exit "$status"
