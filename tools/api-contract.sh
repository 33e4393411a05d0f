#!/usr/bin/env bash
# Contract checks against the real server (docs/api.md "Contract tooling"), run by CTest:
#   tools/api-contract.sh lint   ISTIHDAM_BINARY OUT_DIR  # Redocly lint (0 errors), TS client + tsc --strict,
#                                                         # GET answers validated against their schemas
#   tools/api-contract.sh docs   ISTIHDAM_BINARY OUT_DIR  # /docs renders in headless Chromium; 404s
# Each mode starts `istihdam serve --demo` on a free loopback port with a fresh data directory
# and stops it on exit. OUT_DIR keeps openapi.json, the generated client, the lint report and
# the screenshot of /docs.
set -euo pipefail
mode=$1 binary=$2 out=$3
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/tools/api-tools"
mkdir -p "$out"
work=$(mktemp -d)
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "api-contract: $*" >&2; exit 1; }

if [ ! -x "$tools/node_modules/.bin/redocly" ]; then
  fail "tools/api-tools/node_modules is missing: run tools/install-deps.sh"
fi

# start_server NAME [ARGS...]: starts a server, sets $port; waits for its port file, 120 s at
# most (with --demo the server writes the demo data before it listens: 13 s on an idle 2-core
# machine, several times that on a busy one).
start_server() {
  local name=$1; shift
  "$binary" serve --port 0 --port-file "$work/$name.port" --password-cost min \
    --data-dir "$work/$name.data" "$@" >"$out/$name.log" 2>&1 &
  servers+=($!)
  local deadline=$((SECONDS + 120))
  until [ -s "$work/$name.port" ]; do
    kill -0 "${servers[-1]}" 2>/dev/null || fail "server $name exited: $(tail -5 "$out/$name.log")"
    [ "$SECONDS" -lt "$deadline" ] || fail "server $name did not write its port within 120 s"
    sleep 0.05
  done
  port=$(cat "$work/$name.port")
}

# expect_status URL STATUS [CODE]: the answer's status, and the problem code when given.
expect_status() {
  local url=$1 want=$2 code=${3:-}
  local got
  got=$(curl -s -o "$work/body" -w '%{http_code}' "$url")
  [ "$got" = "$want" ] || fail "$url answered $got, expected $want: $(head -c 300 "$work/body")"
  if [ -n "$code" ]; then
    grep -q "\"code\":\"$code\"" "$work/body" || fail "$url: expected problem code $code: $(head -c 300 "$work/body")"
  fi
}

case "$mode" in
  lint)
    start_server demo --demo
    curl -sf "http://127.0.0.1:$port/openapi.json" -o "$out/openapi.json" || fail "GET /openapi.json failed"
    # Redocly's recommended ruleset: any error fails the test; warnings are listed.
    if ! (cd "$tools" && npx --no-install redocly lint "$out/openapi.json" --format=stylish) >"$out/lint.txt" 2>&1; then
      cat "$out/lint.txt" >&2
      fail "redocly lint found errors (report: $out/lint.txt)"
    fi
    grep -E "Woohoo|valid|warning" "$out/lint.txt" | tail -3
    # A TypeScript client generated from the document, and a hand-written file using it,
    # type-checked strictly (its @ts-expect-error lines prove the types are not `any`).
    (cd "$tools" && npx --no-install openapi-typescript "$out/openapi.json" -o "$out/api.d.ts" --silent) ||
      fail "openapi-typescript failed"
    cp "$root/tools/api-client/check.ts" "$out/check.ts"
    (cd "$tools" && npx --no-install tsc --strict --noEmit --target es2022 --module es2022 \
      --moduleResolution bundler --lib es2022,dom "$out/check.ts") || fail "tsc --strict rejected check.ts"
    # Every GET the demo roles can call answers what its schema declares.
    python3 "$root/tools/api-client/validate_gets.py" "http://127.0.0.1:$port" || fail "answers do not match their schemas"
    # ... and the documents behind them hold every field their declared types always have
    # (http/wire.h FromDocument logs "answer drift" otherwise).
    if grep -q "answer drift" "$out/demo.log"; then
      grep "answer drift" "$out/demo.log" >&2
      fail "answer types and the documents they are read from have drifted apart"
    fi
    echo "api-contract: lint, client generation, tsc --strict and the answers' schemas passed"
    ;;
  docs)
    start_server demo --demo
    base="http://127.0.0.1:$port"
    expect_status "$base/docs" 200
    grep -q 'url: "/openapi.json"' "$work/body" || fail "/docs does not point at /openapi.json"
    expect_status "$base/docs/swagger-ui-bundle.js" 200
    ctype=$(curl -s -o /dev/null -w '%{content_type}' "$base/docs/swagger-ui.css")
    [ "$ctype" = "text/css; charset=utf-8" ] || fail "swagger-ui.css served as '$ctype'"
    # Only Swagger UI's own files, by exact name.
    expect_status "$base/docs/package.json" 404 not_found
    expect_status "$base/docs/..%2F..%2F..%2FCMakeLists.txt" 404 not_found
    expect_status "$base/docs/%2E%2E" 404 not_found
    # Without the assets: a clear 404.
    mkdir -p "$work/empty"
    demo_port=$port
    start_server bare --docs-dir "$work/empty"
    expect_status "http://127.0.0.1:$port/docs" 404 docs_not_installed
    expect_status "http://127.0.0.1:$port/docs/swagger-ui.css" 404 docs_not_installed
    port=$demo_port
    # The page renders the operation list in a real browser.
    browser=$(command -v chromium || command -v chromium-browser || true)
    if [ -z "$browser" ]; then
      echo "api-contract: SKIPPED the browser check: chromium is not installed (tools/install-deps.sh installs it)"
      exit 77
    fi
    flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run
           --user-data-dir="$work/chromium" --virtual-time-budget=15000)
    # Swagger UI (5.3x) virtualizes lists of 150 tags + operations or more: it renders only
    # what the window shows. A 20,000 px tall window shows them all, so every operation of
    # the document must be in the DOM.
    if ! timeout 90 "$browser" "${flags[@]}" --window-size=1280,20000 --dump-dom "$base/docs" >"$out/docs.html" 2>"$out/chromium.log"; then
      if ! timeout 30 "$browser" "${flags[@]}" --dump-dom "data:text/html,<p>ok</p>" >/dev/null 2>&1; then
        echo "api-contract: SKIPPED the browser check: chromium cannot run here (see $out/chromium.log)"
        exit 77
      fi
      fail "chromium failed on /docs (see $out/chromium.log)"
    fi
    opblocks=$(grep -o 'class="opblock opblock-' "$out/docs.html" | wc -l)
    curl -sf "$base/openapi.json" -o "$out/openapi.json" || fail "GET /openapi.json failed"
    operations=$(python3 -c 'import json, sys
doc = json.load(open(sys.argv[1]))
print(sum(1 for item in doc["paths"].values() for method in item
          if method in ("get", "put", "post", "delete", "patch", "head", "options")))' "$out/openapi.json")
    [ "$opblocks" -ge 40 ] && [ "$opblocks" -eq "$operations" ] ||
      fail "/docs rendered $opblocks operations, the document has $operations ($out/docs.html)"
    grep -q 'getWorkplace' "$out/docs.html" || fail "/docs shows no operationId getWorkplace"
    grep -q 'Log in; with a chosen' "$out/docs.html" || fail "/docs shows no login summary"
    timeout 60 "$browser" "${flags[@]}" --window-size=1280,2000 --screenshot="$out/docs.png" "$base/docs" \
      >/dev/null 2>&1 || echo "api-contract: no screenshot (chromium --screenshot failed)"
    echo "api-contract: /docs rendered $opblocks operations in Chromium (screenshot: $out/docs.png)"
    ;;
  *)
    fail "unknown mode $mode (lint | docs)"
    ;;
esac
