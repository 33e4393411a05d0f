#!/usr/bin/env bash
# The README's second command: install dependencies, build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
cd build
ctest --output-on-failure -j "${TEST_JOBS:-2}" --timeout 600
