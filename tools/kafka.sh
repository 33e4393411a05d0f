#!/usr/bin/env bash
# A real single-node Apache Kafka (KRaft broker+controller) on loopback, for tests and demos.
#
#   tools/kafka.sh fetch            download the jars once into the cache (Maven Central)
#   tools/kafka.sh start DIR        format DIR (first time) and start; writes DIR/bootstrap, DIR/pid
#   tools/kafka.sh stop DIR         SIGTERM, then SIGKILL after a deadline
#   tools/kafka.sh kill9 DIR        SIGKILL (fault tests)
#   tools/kafka.sh restart DIR      start again on the same data and the same ports
#
# Environment: KAFKA_VERSION (default 4.1.1), ISTIHDAM_CACHE (default ~/.cache/istihdam),
# KAFKA_START_TIMEOUT seconds (default 90). Needs java (17+), mvn and kcat.
set -euo pipefail

KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
CACHE="${ISTIHDAM_CACHE:-$HOME/.cache/istihdam}/kafka-$KAFKA_VERSION"
LIBS="$CACHE/libs"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

die() { echo "kafka.sh: $*" >&2; exit 1; }

fetch() {
  if [ -f "$LIBS/.complete" ]; then return 0; fi
  command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
  mkdir -p "$CACHE"
  cat >"$CACHE/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>istihdam</groupId><artifactId>kafka-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId>
      <version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId>
      <version>2.0.16</version></dependency>
  </dependencies>
</project>
EOF
  rm -rf "$LIBS"
  (cd "$CACHE" && mvn -q -B dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$LIBS") >&2 || die "maven fetch failed"
  touch "$LIBS/.complete"
}

# A loopback port nobody listens on or uses (from /proc/net/tcp*), from the ephemeral-free
# range 20000-32767; Kafka binds it moments later.
free_port() {
  local used port
  used=$(awk 'NR > 1 { split($2, a, ":"); print a[2] }' /proc/net/tcp /proc/net/tcp6 2>/dev/null | sort -u)
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12768))
    if ! grep -qx "$(printf '%04X' "$port")" <<<"$used"; then echo "$port"; return 0; fi
  done
  die "no free port"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { [ -f "$1/pid" ] && kill -0 "$(cat "$1/pid")" 2>/dev/null; }

launch() {
  local dir="$1"
  local port
  port=$(cut -d: -f2 "$dir/bootstrap")
  # Brokers log to stdout/stderr; slf4j-simple is the binding.
  (cd "$dir" && exec setsid java -Xms256m -Xmx512m -XX:+UseSerialGC \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$LIBS/*" kafka.Kafka server.properties >>"$dir/kafka.log" 2>&1 </dev/null) &
  echo $! >"$dir/pid"
  local deadline=$((SECONDS + START_TIMEOUT))
  until port_open "$port" && kcat -L -b "127.0.0.1:$port" -m 2 >/dev/null 2>&1; do
    running "$dir" || { tail -30 "$dir/kafka.log" >&2; die "broker exited during start"; }
    [ $SECONDS -lt $deadline ] || { tail -30 "$dir/kafka.log" >&2; die "broker not ready after ${START_TIMEOUT}s"; }
    sleep 0.3
  done
}

start() {
  local dir="$1"
  mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
  running "$dir" && die "already running (pid $(cat "$dir/pid"))"
  fetch
  if [ ! -f "$dir/server.properties" ]; then
    local bport cport
    bport=$(free_port); cport=$(free_port)
    while [ "$cport" = "$bport" ]; do cport=$(free_port); done
    cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$bport,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$bport,CONTROLLER://127.0.0.1:$cport
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
    echo "127.0.0.1:$bport" >"$dir/bootstrap"
    local cluster_id
    cluster_id=$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    (cd "$dir" && java -cp "$LIBS/*" kafka.tools.StorageTool format --standalone \
        -t "$cluster_id" -c server.properties >"$dir/format.log" 2>&1) \
      || { cat "$dir/format.log" >&2; die "format failed"; }
  fi
  launch "$dir"
  cat "$dir/bootstrap"
}

stop() {
  local dir="$1" sig="${2:-TERM}"
  running "$dir" || { rm -f "$dir/pid"; return 0; }
  local pid; pid=$(cat "$dir/pid")
  kill -"$sig" "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then kill -KILL "$pid" 2>/dev/null || true; fi
    sleep 0.1
  done
  rm -f "$dir/pid"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  fetch)   fetch; echo "$LIBS" ;;
  start)   [ $# -eq 1 ] || die "usage: start DIR"; start "$1" ;;
  stop)    [ $# -eq 1 ] || die "usage: stop DIR"; stop "$1" TERM ;;
  kill9)   [ $# -eq 1 ] || die "usage: kill9 DIR"; stop "$1" KILL ;;
  restart) [ $# -eq 1 ] || die "usage: restart DIR"; stop "$1" TERM; start "$1" ;;
  *) die "usage: kafka.sh fetch|start DIR|stop DIR|kill9 DIR|restart DIR" ;;
esac
