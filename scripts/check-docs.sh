#!/usr/bin/env bash
# Loads the runner's API documentation page (/docs, Swagger UI) in a real browser, headless Chromium, and checks
# that it shows every operation of docs/openapi.yaml. Needs bash, curl and Debian's chromium
# (apt-get install chromium). CI does not run it: the integration tests check that /docs and its files are served.
#
#   scripts/check-docs.sh                          # starts a throwaway runner (scripts/local.sh) on a free port
#   API=http://localhost:3000 scripts/check-docs.sh  # checks a runner that is already running
#
# Leaves the rendered page in target/check-docs/ (docs.html, the DOM; docs.png, a screenshot).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
  echo "check-docs.sh needs Chromium: apt-get install chromium" >&2
  exit 2
fi
out=target/check-docs
mkdir -p "$out"

runner=""
stop_runner() {
  # The runner was started in its own process group (setsid), so this ends it and a build it may be running.
  if [[ -n "$runner" ]]; then
    kill -- "-$runner" 2>/dev/null || true
    wait "$runner" 2>/dev/null || true
  fi
}
trap stop_runner EXIT

if [[ -z "${API:-}" ]]; then
  log="$out/runner.log"
  echo "Starting the runner (scripts/local.sh --in-memory, free ports; the first run builds it)..." >&2
  setsid scripts/local.sh --in-memory --port 0 --dynamodb-port 0 --s3-port 0 --no-payments >"$log" 2>&1 &
  runner=$!
  for _ in $(seq 1 600); do # a first build takes a few minutes
    API=$(sed -n 's#^  API *\(http://[^ ]*\)$#\1#p' "$log" | head -n 1)
    if grep -q '^Ready in' "$log"; then break; fi
    if ! kill -0 "$runner" 2>/dev/null; then
      echo "The runner stopped:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 1
  done
  grep -q '^Ready in' "$log" || { echo "The runner was not ready in 10 minutes (see $log)" >&2; exit 1; }
fi
echo "Documentation page: $API/docs" >&2

status=$(curl -s -o /dev/null -w '%{http_code}' "$API/openapi.yaml")
[[ "$status" == 200 ]] || { echo "GET $API/openapi.yaml answered $status" >&2; exit 1; }

# Swagger UI fetches the document and renders it after the page loads: virtual time lets those scripts finish
# before the DOM is dumped. --no-sandbox because CI and these machines run as root.
chrome=("$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run
  --virtual-time-budget=20000 --window-size=1280,4000)
"${chrome[@]}" --dump-dom "$API/docs" >"$out/docs.html" 2>"$out/chromium.log"
"${chrome[@]}" --screenshot="$PWD/$out/docs.png" "$API/docs" >/dev/null 2>>"$out/chromium.log" || true

# Each operation renders as a summary: its method, its path (data-path) and, when it has one, its summary text.
operations=$(grep -o -E 'opblock-summary-method">[A-Z]+<|data-path="[^"]+"|opblock-summary-description">[^<]*<' "$out/docs.html" \
  | awk -F'[">]' '
      /opblock-summary-method/ { if (method != "") print line; method = $3; sub(/<$/, "", method); line = method }
      /data-path=/            { line = line " " $2 }
      /opblock-summary-description/ { text = $3; sub(/<$/, "", text); line = line "  " text }
      END { if (method != "") print line }')
shown=$(grep -c . <<<"$operations" || true)
documented=$(grep -c -E '^      operationId:' docs/openapi.yaml)
title=$(grep -o -E 'class="title">[^<]*' "$out/docs.html" | head -n 1 | sed 's/.*>//' || true)

echo "Page title: ${title:-(none)}"
echo "Operations shown: $shown (the document has $documented)"
head -n 8 <<<"$operations" | sed 's/^/  /'
if [[ "$shown" -gt 8 ]]; then echo "  ..."; fi

if [[ -z "$title" ]]; then
  echo "FAILED: Swagger UI rendered no API title (see $out/docs.html, $out/chromium.log)" >&2
  exit 1
fi
if ! grep -q '^POST /v1/accounts' <<<"$operations"; then
  echo "FAILED: POST /v1/accounts is not on the page" >&2
  exit 1
fi
if [[ "$shown" -ne "$documented" ]]; then
  echo "FAILED: the page shows $shown operations, the document has $documented" >&2
  exit 1
fi
echo "OK: /docs shows every operation of docs/openapi.yaml"
