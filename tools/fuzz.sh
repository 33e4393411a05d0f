#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang into build-fuzz/ and runs each for a
# bounded time over its corpus (docs/fuzzing.md). Exits non-zero when a target crashes, leaks,
# times out or trips a sanitizer; the input that did it is left in build-fuzz/crashes/.
#
#   tools/fuzz.sh                      # every target, FUZZ_TIME seconds each (default 20)
#   tools/fuzz.sh json_body xlsx       # only these targets
#   FUZZ_TIME=600 tools/fuzz.sh event  # a longer run
#
# New inputs that reach new code are kept in build-fuzz/corpus/<target>/ (not in the
# repository); copy the interesting ones into tests/fuzz/corpus/<target>/ by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
all_targets="json_body csv xlsx event"
targets=${*:-$all_targets}
time_per_target=${FUZZ_TIME:-20}

cxx=${FUZZ_CXX:-}
if [ -z "$cxx" ]; then
  for c in clang++ clang++-19 clang++-16 clang++-15 clang++-14; do
    if command -v "$c" >/dev/null 2>&1; then cxx=$c; break; fi
  done
fi
if [ -z "$cxx" ]; then
  echo "fuzz.sh: clang++ not found (tools/install-deps.sh installs clang and libclang-rt-dev)" >&2
  exit 2
fi

export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
if [ ! -f build-fuzz/build.ninja ]; then
  cmake -S tests/fuzz -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_COMPILER="$cxx" \
    "${launcher[@]}" >/dev/null
fi
build_targets=()
for t in $targets; do
  case " $all_targets " in *" $t "*) build_targets+=("${t}_fuzzer") ;;
    *) echo "fuzz.sh: unknown target $t (known: $all_targets)" >&2; exit 2 ;;
  esac
done
cmake --build build-fuzz -j "${JOBS:-$(nproc)}" --target "${build_targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p build-fuzz/crashes
failed=""
for t in $targets; do
  work=build-fuzz/corpus/$t
  mkdir -p "$work"
  dict=()
  if [ -f "tests/fuzz/$t.dict" ]; then dict=(-dict="tests/fuzz/$t.dict"); fi
  echo "fuzz.sh: $t for ${time_per_target}s"
  start=$(date +%s)
  # The first directory receives new inputs; the checked-in corpus is only read.
  if ! "build-fuzz/${t}_fuzzer" "$work" "tests/fuzz/corpus/$t" "${dict[@]}" \
      -max_total_time="$time_per_target" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="build-fuzz/crashes/$t-" -print_final_stats=1 \
      >"build-fuzz/$t.log" 2>&1; then
    failed="$failed $t"
    echo "fuzz.sh: $t FAILED; the reproducer is in build-fuzz/crashes/ ($(ls -t build-fuzz/crashes | head -1)); log:" >&2
    grep -v '^#[0-9]' "build-fuzz/$t.log" | tail -60 >&2
  else
    echo "fuzz.sh: $t ok in $(( $(date +%s) - start ))s: $(grep -E '^stat::number_of_executed_units' "build-fuzz/$t.log" | awk '{print $2}') runs"
  fi
done
if [ -n "$failed" ]; then
  echo "fuzz.sh: failed:$failed" >&2
  exit 1
fi
