#!/usr/bin/env bash
# The README's first command: install dependencies, build, and start the server on the
# embedded default (no Kafka) with demo data. Extra arguments go to `istihdam serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
exec build/istihdam serve --data-dir "${ISTIHDAM_DATA_DIR:-var/data}" --port "${PORT:-8080}" --demo "$@"
