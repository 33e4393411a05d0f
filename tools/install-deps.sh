#!/usr/bin/env bash
# Installs every Debian package istihdam needs to build, test and benchmark.
# Works on Debian 12 (bookworm: Boost 1.81 packages) and 13 (trixie: default Boost 1.83).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
release=$(cut -d. -f1 /etc/debian_version 2>/dev/null || echo 12)
case "$release" in
  12|bookworm*) boost="libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev" ;;
  *)            boost="libboost-dev libboost-json-dev libboost-url-dev" ;;
esac
pkgs="g++ cmake ninja-build pkg-config ccache librdkafka-dev kcat librocksdb-dev $boost \
  libcereal-dev prometheus-cpp-dev libgtest-dev libgmock-dev libbenchmark-dev \
  libxapian-dev libicu-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-dejavu-core \
  libsodium-dev libssl-dev zlib1g-dev libzip-dev libexpat1-dev libcli11-dev libspdlog-dev libfmt-dev wrk poppler-utils curl"
# The TLS test makes its self-signed certificate with the openssl CLI (libssl-dev, above, is
# what the server links).
pkgs="$pkgs openssl"
# The libFuzzer targets (tools/fuzz.sh): Debian's default clang and its compiler-rt
# (libclang_rt.fuzzer; clang 14 on Debian 12, 19 on 13).
pkgs="$pkgs clang libclang-rt-dev"
# The Kafka tests run a real broker (tools/kafka.sh): Maven fetches it, Java 17+ runs it.
pkgs="$pkgs maven"
if ! command -v java >/dev/null 2>&1; then pkgs="$pkgs default-jre-headless"; fi
# Contract tooling (tools/api-tools: Redocly, openapi-typescript, tsc, Swagger UI for /docs)
# runs on Node; headless Chromium renders /docs in its test; python3-jsonschema validates the
# answers against their schemas. A Node that is already installed
# (nodesource's includes npm) is kept.
if ! command -v node >/dev/null 2>&1; then pkgs="$pkgs nodejs"; fi
if ! command -v npm >/dev/null 2>&1; then pkgs="$pkgs npm"; fi
pkgs="$pkgs chromium python3-jsonschema"
# Plots of the soak run and the benchmarks (bench/README.md).
pkgs="$pkgs gnuplot-nox"
# Skip apt entirely when everything is already there (fast re-runs).
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "install-deps: installing:$missing"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
# promtool (checks the alert rules of tools/monitoring/) from Debian's prometheus package,
# unpacked into tools/.promtool without installing or starting the Prometheus service.
promdir="$(cd "$(dirname "$0")" && pwd)/.promtool"
if ! command -v promtool >/dev/null 2>&1 && [ ! -x "$promdir/usr/bin/promtool" ]; then
  echo "install-deps: promtool from the prometheus package into tools/.promtool"
  debdir=$(mktemp -d)
  chmod 755 "$debdir"  # apt's _apt user downloads into it
  if ! (cd "$debdir" && apt-get download -qq prometheus); then
    $SUDO apt-get update -qq
    (cd "$debdir" && apt-get download -qq prometheus)
  fi
  dpkg-deb -x "$debdir"/prometheus_*.deb "$promdir"
  rm -rf "$debdir"
fi
# The pinned npm packages of tools/api-tools, from package-lock.json; skipped when
# node_modules was installed from this very lock file.
api_tools="$(cd "$(dirname "$0")" && pwd)/api-tools"
stamp="$api_tools/node_modules/.istihdam-lock.sha256"
lock_sum=$(sha256sum "$api_tools/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  echo "install-deps: npm ci in tools/api-tools"
  (cd "$api_tools" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$stamp"
fi
