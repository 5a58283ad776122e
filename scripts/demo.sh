#!/usr/bin/env bash
# Walks the product as a phone would, against a running local backend (scripts/local.sh), printing each
# step. Needs bash, curl and jq. Exits non-zero at the first step that does not answer as expected.
#
#   scripts/demo.sh                       # against http://localhost:3000
#   API=http://localhost:3111 scripts/demo.sh
set -euo pipefail
API="${API:-http://localhost:3000}"
command -v jq >/dev/null || { echo "demo.sh needs jq (apt-get install jq / brew install jq)" >&2; exit 1; }

run_id="$(date +%s)$RANDOM"
step=0
# call METHOD PATH EXPECTED_STATUS [JSON_BODY] [TOKEN] -> prints the step, leaves the body in $BODY
call() {
  local method=$1 path=$2 expected=$3 body=${4:-} token=${5:-}
  local args=(-s -o /tmp/rossgram-demo.$$ -w '%{http_code}' -X "$method" "$API$path")
  [[ -n "$body" ]] && args+=(-H 'content-type: application/json' --data "$body")
  [[ -n "$token" ]] && args+=(-H "authorization: Bearer $token")
  local status
  status=$(curl "${args[@]}")
  BODY=$(cat /tmp/rossgram-demo.$$); rm -f /tmp/rossgram-demo.$$
  step=$((step + 1))
  printf '%2d. %-6s %-24s -> %s\n' "$step" "$method" "$path" "$status"
  if [[ "$status" != "$expected" ]]; then
    echo "    expected $expected, got $status: $BODY" >&2
    exit 1
  fi
}
show() { echo "    $1"; }

echo "Rossgram demo against $API"

masha="masha_$run_id"; petya="petya_$run_id"
call POST /v1/accounts 201 "{\"username\":\"$masha\",\"email\":\"$masha@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\",\"displayName\":\"Маша Петрова\",\"referralCode\":\"FRIEND-2026\"}"
show "signed up @$(jq -r .account.username <<<"$BODY") (id $(jq -r .account.id <<<"$BODY"))"
call POST /v1/accounts 201 "{\"username\":\"$petya\",\"email\":\"$petya@example.ru\",\"password\":\"White nights on the Fontanka\",\"displayName\":\"Петя\"}"
show "signed up @$petya"

call POST /v1/accounts 409 "{\"username\":\"$(tr a-z A-Z <<<"$masha")\",\"email\":\"other_$run_id@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\",\"displayName\":\"Copycat\"}"
show "the same name in capitals is taken: $(jq -r .type <<<"$BODY")"

call POST /v1/sessions 201 "{\"login\":\"$masha@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\"}"
access=$(jq -r .tokens.accessToken <<<"$BODY"); refresh=$(jq -r .tokens.refreshToken <<<"$BODY")
show "signed in by email; access token valid for $(jq -r .tokens.expiresIn <<<"$BODY") s"

call GET /v1/me 200 "" "$access"
show "me: $(jq -c '{username, displayName, bio}' <<<"$BODY")"
call PATCH /v1/me 200 '{"bio":"Фотографирую Петербург"}' "$access"
show "bio set: $(jq -r .bio <<<"$BODY")"

call POST /v1/sessions 401 "{\"login\":\"$petya\",\"password\":\"wrong password entirely\"}"
show "a wrong password: $(jq -r .type <<<"$BODY")"

call POST /v1/sessions/refresh 200 "{\"refreshToken\":\"$refresh\"}"
access=$(jq -r .accessToken <<<"$BODY")
show "refresh token rotated"
call POST /v1/sessions/refresh 401 "{\"refreshToken\":\"$refresh\"}"
show "the old refresh token replayed: refused, and its session revoked"

call POST /v1/sessions 201 "{\"login\":\"$masha\",\"password\":\"Sunrise over Neva, 5 a.m.\"}"
access=$(jq -r .tokens.accessToken <<<"$BODY")
call DELETE /v1/sessions/current 204 "" "$access"
show "signed out"

echo "Demo finished: $step steps OK."
