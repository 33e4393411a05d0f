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
  libsodium-dev libssl-dev zlib1g-dev libcli11-dev libspdlog-dev libfmt-dev wrk poppler-utils curl"
# The libFuzzer targets (tools/fuzz.sh): Debian's default clang and its compiler-rt
# (libclang_rt.fuzzer; clang 14 on Debian 12, 19 on 13).
pkgs="$pkgs clang libclang-rt-dev"
# The Kafka tests run a real broker (tools/kafka.sh): Maven fetches it, Java 17+ runs it.
pkgs="$pkgs maven"
if ! command -v java >/dev/null 2>&1; then pkgs="$pkgs default-jre-headless"; fi
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
