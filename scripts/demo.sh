#!/usr/bin/env bash
# Walks the product as a phone would, against a running local backend (scripts/local.sh), printing each
# step. Needs bash, curl and jq. Exits non-zero at the first step that does not answer as expected.
# The same steps pass whichever cloud the runner plays (scripts/local.sh, or scripts/local.sh --cloud yandex).
#
# The operator steps need the runner started with an operator, as README's "Run it locally" shows:
#   scripts/local.sh --env ROSSGRAM_OPERATORS_USERNAMES=demo.ops --env ROSSGRAM_OPERATORS_INVITATION=demo-operators-invitation
#
#   scripts/demo.sh                       # against http://localhost:3000
#   API=http://localhost:3111 PAYMENTS=http://localhost:3101 scripts/demo.sh
set -euo pipefail
API="${API:-http://localhost:3000}"
PAYMENTS="${PAYMENTS:-http://localhost:3100}"   # the runner's payment providers' simulator
OPERATOR="${OPERATOR:-demo.ops}"                # ROSSGRAM_OPERATORS_USERNAMES of the runner
OPERATOR_INVITATION="${OPERATOR_INVITATION:-demo-operators-invitation}"   # ROSSGRAM_OPERATORS_INVITATION
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
# await_feed TOKEN POST_ID -> refreshes the home feed as an app would until POST_ID is on it (30 s at most)
await_feed() {
  local token=$1 post=$2 i
  for i in $(seq 1 150); do
    BODY=$(curl -s -H "authorization: Bearer $token" "$API/v1/feed")
    jq -e --arg id "$post" 'any(.items[]; .id == $id)' <<<"$BODY" >/dev/null && break
    sleep 0.2
  done
  step=$((step + 1))
  printf '%2d. %-6s %-24s -> %s\n' "$step" "(poll)" "/v1/feed" "$(jq -r '.items | length' <<<"$BODY") posts"
  jq -e --arg id "$post" 'any(.items[]; .id == $id)' <<<"$BODY" >/dev/null || { echo "    $post never reached the feed: $BODY" >&2; exit 1; }
}
# await PATH STATUS TOKEN -> polls as an app would until .status is STATUS (30 s at most); body in $BODY
await() {
  local path=$1 wanted=$2 token=$3 status="" i
  for i in $(seq 1 150); do
    BODY=$(curl -s -H "authorization: Bearer $token" "$API$path")
    status=$(jq -r .status <<<"$BODY")
    [[ "$status" == "$wanted" ]] && break
    sleep 0.2
  done
  step=$((step + 1))
  printf '%2d. %-6s %-24s -> %s\n' "$step" "(poll)" "$path" "$status"
  [[ "$status" == "$wanted" ]] || { echo "    expected status $wanted: $BODY" >&2; exit 1; }
}
# fetch URL NAME -> downloads a photo URL as an app would and checks that a JPEG came back
fetch() {
  local url=$1 name=$2 out status type size
  out=$(curl -s -o /tmp/rossgram-demo-fetch.$$ -w '%{http_code} %{content_type} %{size_download}' "$url")
  rm -f /tmp/rossgram-demo-fetch.$$
  read -r status type size <<<"$out"
  step=$((step + 1))
  printf '%2d. %-6s %-24s -> %s\n' "$step" GET "($name thumbnail)" "$status"
  [[ "$status" == 200 && "$type" == image/jpeg ]] || { echo "    expected a JPEG, got $out" >&2; exit 1; }
  show "$name: $size bytes of image/jpeg"
}

echo "Rossgram demo against $API"

masha="masha_$run_id"; petya="petya_$run_id"; anna="anna_$run_id"
call POST /v1/accounts 201 "{\"username\":\"$anna\",\"email\":\"$anna@example.ru\",\"password\":\"Lilacs in the Summer Garden\",\"displayName\":\"Анна\"}"
anna_access=$(jq -r .tokens.accessToken <<<"$BODY")
call GET /v1/me/referrals 200 "" "$anna_access"
anna_code=$(jq -r .code <<<"$BODY")
show "@$anna signed up; her referral link: $(jq -r .link <<<"$BODY")"
call POST /v1/accounts 201 "{\"username\":\"$masha\",\"email\":\"$masha@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\",\"displayName\":\"Маша Петрова\",\"referralCode\":\"$anna_code\"}"
show "signed up @$(jq -r .account.username <<<"$BODY") (id $(jq -r .account.id <<<"$BODY")), referred by @$anna"
call POST /v1/accounts 422 "{\"username\":\"nobody_$run_id\",\"email\":\"nobody_$run_id@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\",\"displayName\":\"Nobody\",\"referralCode\":\"FRIEND-2026\"}"
show "a referral code no account has: $(jq -r .type <<<"$BODY")"
call POST /v1/accounts 201 "{\"username\":\"$petya\",\"email\":\"$petya@example.ru\",\"password\":\"White nights on the Fontanka\",\"displayName\":\"Петя\"}"
petya_access=$(jq -r .tokens.accessToken <<<"$BODY")
show "signed up @$petya"

call POST /v1/accounts 409 "{\"username\":\"$(tr a-z A-Z <<<"$masha")\",\"email\":\"other_$run_id@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\",\"displayName\":\"Copycat\"}"
show "the same name in capitals is taken: $(jq -r .type <<<"$BODY")"

call POST /v1/accounts 400 "{\"username\":true,\"email\":\"typed_$run_id@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\",\"displayName\":\"Typed\"}"
show "a username that is no JSON string: $(jq -r .type <<<"$BODY"), $(jq -c '.errors[0]' <<<"$BODY")"

# Protected names and the operators: a name reserved for a creator is hers only with the code issued for it, and
# a name that only looks like a taken one (Cyrillic letters, dots or underscores, a 0 for an o) is refused.
ops_body="{\"username\":\"$OPERATOR\",\"email\":\"$OPERATOR@rossgram.example\",\"password\":\"Operators keep the launch honest\",\"displayName\":\"Rossgram\",\"inviteCode\":\"$OPERATOR_INVITATION\"}"
ops_joined="joined with the configuration's invitation"
ops_status=$(curl -s -o /tmp/rossgram-demo.$$ -w '%{http_code}' -X POST -H 'content-type: application/json' --data "$ops_body" "$API/v1/accounts")
if [[ "$ops_status" == 409 ]]; then   # kept data: the operator joined in an earlier run
  ops_joined="signed in (joined in an earlier run)"
  ops_status=$(curl -s -o /tmp/rossgram-demo.$$ -w '%{http_code}' -X POST -H 'content-type: application/json' \
    --data "{\"login\":\"$OPERATOR\",\"password\":\"Operators keep the launch honest\"}" "$API/v1/sessions")
fi
BODY=$(cat /tmp/rossgram-demo.$$); rm -f /tmp/rossgram-demo.$$
step=$((step + 1)); printf '%2d. %-6s %-24s -> %s\n' "$step" POST "(the operator joins)" "$ops_status"
[[ "$ops_status" == 201 ]] || { echo "    start the runner with --env ROSSGRAM_OPERATORS_USERNAMES=$OPERATOR --env ROSSGRAM_OPERATORS_INVITATION=$OPERATOR_INVITATION: $BODY" >&2; exit 1; }
ops_access=$(jq -r .tokens.accessToken <<<"$BODY")
show "@$OPERATOR, named in the configuration, $ops_joined"
creator="makc_$run_id"
call POST /v1/operator/reserved-names 201 "{\"names\":[\"$creator\"],\"reason\":\"a travel blogger coming over from Instagram\"}" "$ops_access"
show "reserved: $(jq -c .names <<<"$BODY")"
call POST /v1/accounts 409 "{\"username\":\"$creator\",\"email\":\"squatter_$run_id@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\",\"displayName\":\"Squatter\"}"
show "taking it without a code: $(jq -r .type <<<"$BODY")"
call POST /v1/operator/invitations 201 "{\"kind\":\"creator\",\"forUsername\":\"$creator\",\"note\":\"Max, through his agent\"}" "$ops_access"
creator_code=$(jq -r '.invitations[0].code' <<<"$BODY")
show "a creator code for @$creator, shown this once: $creator_code"
call POST /v1/accounts 201 "{\"username\":\"$creator\",\"email\":\"$creator@example.ru\",\"password\":\"Mountains before breakfast\",\"displayName\":\"Макс\",\"inviteCode\":\"$creator_code\"}"
show "@$creator took his name: $(jq -c '.account | {username, verifiedCreator, badges}' <<<"$BODY")"
call POST /v1/accounts 409 "{\"username\":\"макс_$run_id\",\"email\":\"cyrillic_$run_id@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\",\"displayName\":\"Не Макс\"}"
show "the same name in Cyrillic letters: $(jq -r .type <<<"$BODY")"
call POST /v1/accounts 409 "{\"username\":\"an.na_$run_id\",\"email\":\"dotted_$run_id@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\",\"displayName\":\"Не Анна\"}"
show "@$anna with a dot inside: $(jq -r .type <<<"$BODY")"
call GET /v1/operator/invitations 200 "" "$ops_access"
show "the operators' invitations, never their codes: $(jq -c '.items[0] | {kind, forUsername, uses, usedBy: [.usedBy[].username]}' <<<"$BODY")"
call GET /v1/operator/audit 200 "" "$ops_access"
show "the audit log: $(jq -c '[.items[:3][] | {by: .operator.username, action}]' <<<"$BODY")"
call GET /v1/operator/audit 403 "" "$petya_access"
show "anyone else: $(jq -r .type <<<"$BODY")"

call POST /v1/sessions 201 "{\"login\":\"$masha@example.ru\",\"password\":\"Sunrise over Neva, 5 a.m.\"}"
access=$(jq -r .tokens.accessToken <<<"$BODY"); refresh=$(jq -r .tokens.refreshToken <<<"$BODY")
show "signed in by email; access token valid for $(jq -r .tokens.expiresIn <<<"$BODY") s"

call GET /v1/me 200 "" "$access"
show "me: $(jq -c '{username, displayName, bio}' <<<"$BODY")"
call PATCH /v1/me 200 '{"bio":"Фотографирую Петербург"}' "$access"
show "bio set: $(jq -r .bio <<<"$BODY")"

call POST /v1/sessions 401 "{\"login\":\"$petya\",\"password\":\"wrong password entirely\"}"
show "a wrong password: $(jq -r .type <<<"$BODY")"

call GET /v1/no-such-route 404 "" "$access"
show "a path that is no route: $(jq -r .type <<<"$BODY")"
call PATCH /v1/feed 405 "" "$access"
show "a route's path with another method: $(jq -r .type <<<"$BODY"), allowed $(jq -c .allow <<<"$BODY")"

forged="${refresh%%.*}.$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-43)"
call POST /v1/sessions/refresh 401 "{\"refreshToken\":\"$forged\"}"
show "a made-up secret for this session's id (every access token shows the id): refused, session untouched"
call POST /v1/sessions/refresh 200 "{\"refreshToken\":\"$refresh\"}"
access=$(jq -r .accessToken <<<"$BODY"); second=$(jq -r .refreshToken <<<"$BODY")
show "refresh token rotated"
call POST /v1/sessions/refresh 200 "{\"refreshToken\":\"$refresh\"}"
[[ "$(jq -r .refreshToken <<<"$BODY")" == "$second" ]] || { echo "    the grace handed out another token" >&2; exit 1; }
show "the same token again within the reuse grace (a phone refreshing twice at once): the same new token"
call POST /v1/sessions/refresh 200 "{\"refreshToken\":\"$second\"}"
show "the new token rotated in turn"
call POST /v1/sessions/refresh 401 "{\"refreshToken\":\"$refresh\"}"
show "the first token replayed now, two rotations on: refused, and its session revoked"

call POST /v1/sessions 201 "{\"login\":\"$masha\",\"password\":\"Sunrise over Neva, 5 a.m.\"}"
access=$(jq -r .tokens.accessToken <<<"$BODY")
show "signed in again on a new session"

# A photo post, as the app makes one: ask for an upload URL, PUT the bytes straight to storage, post.
photo=/tmp/rossgram-demo-photo.$$.jpg
base64 -d > "$photo" <<<"/9j/4AAQSkZJRgABAgAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCABAAGADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDjUWplWmqKnVa+iqSPJihyrUyLTVWplWuOcjeKHqtTItNVa0bPSdQvYjLaWF1cRg7S0ULMAfTIHXkVxTkbxRWVanRatS6NqdrC01xp13DEuNzyQMqjtySKhVa46kjoihyrUyrTUWplWuOcjeKHItTqtNVamRa45yN4o89RanVaaq1Mi19rOR4EUORanVaaq1o6RaJfavZWkpYRzzxxMV6gMwBx781xVJG8Ud94H8EWs9jHquqxeb5uGgt2BAAB4Zh3zjgdMHvnj0iiiuNu7OlKwVyPinwfbXsE9/Yx+XejMjqoJE3HIx2bjjHUnnrkddRUtJqzGnY8JUVOi1q+JrZLbxNfIhYgyeZ83qwDH9SazlWvKquzaOuCuOVamVaai1Oq1xTkdEUeeqtTqtMRanVa+1nI+fihyrWroN0LDXbC6aVoo4p0aR1zkJn5unJGM8d6zlWplWuKpI6Io+iaK47wb4shvrKOw1C4230fyq8rD98CcDB7tyBjqevPOOxrFO5qFFFYXiHxFb6TayRRSq98wKoikExkj7zemMg4PX8yFKSirsaTbsjh/FEsc/ia9eNtyhghOMcqoU/qDWai0FnlkaSRmd2JLMxyST3NSKteHVqXbZ3wjZWHqtTItNVamVa4pyOiKPPlWpkWmqtTKtfaTkfPxQ5VqdFpiLU6rXHOR0RQ5VrftfFOuW0ZSPUZWBOf3oEh/NgT+FYiLUyrXJObWxvGJuSeKtcuIjG+oOFbqURUP5qARWcWeSRpJGZ3YlmZjkknuTUarUyLXHUqN7s2hFIci1Oq01VqZFrinI6Iocq1Mq01VqdVrjnI6Io//9k="
size=$(wc -c < "$photo" | tr -d ' ')
call POST /v1/uploads 201 "{\"purpose\":\"post\",\"contentType\":\"image/jpeg\",\"contentLength\":$size}" "$access"
upload_id=$(jq -r '.uploads[0].uploadId' <<<"$BODY"); upload_url=$(jq -r '.uploads[0].url' <<<"$BODY")
show "upload $upload_id: PUT to $(cut -d'?' -f1 <<<"$upload_url")"
put_status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'content-type: image/jpeg' --data-binary @"$photo" "$upload_url")
step=$((step + 1)); printf '%2d. %-6s %-24s -> %s\n' "$step" PUT "(presigned S3 URL)" "$put_status"
[[ "$put_status" == 200 ]] || { echo "    the storage server refused the upload" >&2; exit 1; }
tampered_status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'content-type: image/png' --data-binary @"$photo" "$upload_url")
[[ "$tampered_status" == 403 ]] || { echo "    the storage server took a PUT of another content type: $tampered_status" >&2; exit 1; }
show "the same URL with another content type: $tampered_status (the signature binds type and length)"
call POST /v1/posts 201 "{\"uploads\":[\"$upload_id\"],\"caption\":\"Белые ночи #питер #nevsky with @$petya\",\"altTexts\":[\"Sun over the river\"]}" "$access"
post_id=$(jq -r .id <<<"$BODY")
show "post $post_id: status $(jq -r .status <<<"$BODY"), tags $(jq -c .hashtags <<<"$BODY"), mentions $(jq -c .mentions <<<"$BODY")"
call GET "/v1/posts/$post_id" 200 "" "$access"
show "the author sees it at once, $(jq -r .status <<<"$BODY") (others only once published)"
await "/v1/posts/$post_id" published "$access"
show "the storage event ran the thumbnail function: $(jq -c '.photos[0] | {width, height, dominantColor, renditions: (.urls | keys)}' <<<"$BODY")"
fetch "$(jq -r '.photos[0].urls.w640' <<<"$BODY")" w640
call GET "/v1/posts/$post_id" 200 "" "$petya_access"
show "@$petya sees the published post too"

# The social side: follow, the feed, likes and comments, the grid, a mute.
call PUT "/v1/users/$masha/follow" 200 "" "$petya_access"
show "@$petya follows @$masha: $(jq -r .state <<<"$BODY")"
call GET "/v1/users/$masha" 200 "" "$petya_access"
show "@$masha's profile: $(jq -c '{counts, relationship: (.relationship | {following, followedBy})}' <<<"$BODY")"
await_feed "$petya_access" "$post_id"
show "following brought @$masha's recent post into @$petya's feed: $(jq -c '.items[0] | {id, author: .author.username, likeCount}' <<<"$BODY")"
call PUT "/v1/posts/$post_id/like" 200 "" "$petya_access"
show "liked: $(jq -c . <<<"$BODY")"
call PUT "/v1/posts/$post_id/like" 200 "" "$petya_access"
show "a second tap changes nothing: likeCount $(jq -r .likeCount <<<"$BODY")"
call POST "/v1/posts/$post_id/comments" 201 '{"text":"Красота! Где это снято?"}' "$petya_access"
show "comment $(jq -r .id <<<"$BODY") by @$(jq -r .author.username <<<"$BODY")"
call GET "/v1/posts/$post_id/comments" 200 "" "$access"
show "@$masha reads the comments: $(jq -c '[.items[] | {author: .author.username, text, canDelete}]' <<<"$BODY")"
call PUT "/v1/users/$petya/follow" 200 "" "$access"
show "@$masha follows back: $(jq -r .state <<<"$BODY")"
call GET "/v1/users/$masha/followers" 200 "" "$access"
show "@$masha's followers: $(jq -c '[.items[].username]' <<<"$BODY")"
# Search across alphabets: @petya types her name in Cyrillic capitals, with a space where her username has "_".
call GET "/v1/search?q=$(jq -rn --arg q "МАША $run_id" '$q|@uri')" 200 "" "$petya_access"
show "@$petya searches \"МАША $run_id\": $(jq -c '[.accounts[].username]' <<<"$BODY")"
jq -e --arg u "$masha" '.accounts[0].username == $u' <<<"$BODY" >/dev/null || { echo "    the search missed @$masha" >&2; exit 1; }
call GET "/v1/users/$masha/posts" 200 "" "$petya_access"
show "@$masha's grid: $(jq -c '[.items[] | {id, likeCount, commentCount, likedByMe}]' <<<"$BODY")"
call PUT "/v1/users/$masha/mute" 204 "" "$petya_access"
call GET /v1/feed 200 "" "$petya_access"
show "muted: @$petya's feed now holds $(jq -r '.items | length' <<<"$BODY") posts"
[[ "$(jq -r '.items | length' <<<"$BODY")" == 0 ]] || { echo "    a muted account's post stayed in the feed" >&2; exit 1; }
call DELETE "/v1/users/$masha/mute" 204 "" "$petya_access"
await_feed "$petya_access" "$post_id"
show "unmuted: the post is back"

# A paid post and its purchase: the photo is uploaded for a paid post, others see a blurred preview, a buyer
# pays through (simulated) T-Bank, whose signed notification reaches our webhook, and the post unlocks.
call POST /v1/uploads 201 "{\"purpose\":\"paid-post\",\"contentType\":\"image/jpeg\",\"contentLength\":$size}" "$access"
paid_upload=$(jq -r '.uploads[0].uploadId' <<<"$BODY"); paid_url=$(jq -r '.uploads[0].url' <<<"$BODY")
curl -s -f -o /dev/null -X PUT -H 'content-type: image/jpeg' --data-binary @"$photo" "$paid_url"
call POST /v1/posts 201 "{\"uploads\":[\"$paid_upload\"],\"caption\":\"Полная версия за 199 ₽\",\"price\":19900}" "$access"
paid_post=$(jq -r .id <<<"$BODY")
await "/v1/posts/$paid_post" published "$access"
call GET "/v1/posts/$paid_post" 200 "" "$petya_access"
show "@$petya sees it locked: $(jq -c '{price, locked, renditions: (.photos[0].urls | keys)}' <<<"$BODY")"
fetch "$(jq -r '.photos[0].urls.preview' <<<"$BODY")" preview
call POST /v1/checkouts 201 "{\"item\":{\"type\":\"post\",\"id\":\"$paid_post\"},\"provider\":\"tbank\"}" "$petya_access"
payment_id=$(jq -r .paymentId <<<"$BODY"); confirmation=$(jq -r .confirmationUrl <<<"$BODY")
show "payment $payment_id: $(jq -r .status <<<"$BODY"), pay at $confirmation"
paid=$(curl -s -f -X POST "$PAYMENTS/_control/tbank/${confirmation##*/}/pay")
step=$((step + 1)); printf '%2d. %-6s %-24s -> %s\n' "$step" POST "(T-Bank: the buyer pays)" "$(jq -r .webhookStatus <<<"$paid")"
show "T-Bank notified our webhook, which answered: $(jq -c "{webhookStatus, webhookBody}" <<<"$paid")"
[[ "$(jq -r .webhookStatus <<<"$paid")" == 200 ]] || { echo "    our webhook refused the notification: $paid" >&2; exit 1; }
call GET "/v1/checkouts/$payment_id" 200 "" "$petya_access"
show "payment $(jq -r .status <<<"$BODY")"
call GET "/v1/posts/$paid_post" 200 "" "$petya_access"
[[ "$(jq -r .locked <<<"$BODY")" == false ]] || { echo "    the post stayed locked after payment" >&2; exit 1; }
show "unlocked for @$petya: $(jq -c '{locked, renditions: (.photos[0].urls | keys)}' <<<"$BODY")"
fetch "$(jq -r '.photos[0].urls.w320' <<<"$BODY")" w320
call GET /v1/me/earnings 200 "" "$access"
show "@$masha earned: $(jq -c '{balance, last: .items[0] | {kind, amount}}' <<<"$BODY")"
call GET /v1/me/referrals 200 "" "$anna_access"
show "@$anna referred @$masha: a quarter of the platform's fee, pending for the hold: $(jq -c '{rewards: .rewards | map_values(.amount), last: .items[0] | {state, amount: .amount.amount}}' <<<"$BODY")"

# Coming over from Instagram: @masha's export (JSON, as Instagram's "Download your information" makes it) goes up
# through a presigned multipart upload and is imported step by step; then @anna, one of her Instagram followers,
# brings her own, and each is offered the other. The ZIPs are made with the JDK's jar tool (the runner needs a JDK).
# mojibake TEXT -> TEXT as Meta's JSON spells it: each UTF-8 byte escaped as its own \u00XX
mojibake() { printf '%s' "$1" | od -An -tx1 -v | tr -s ' \n' ' ' | sed 's/^ //; s/ $//; s/\([0-9a-f][0-9a-f]\)/\\u00\1/g; s/ //g'; }
# export_zip OWNER FOLLOWERS FOLLOWING POSTS_JSON -> path of a ZIP holding the export, with the demo photo as its photos
export_zip() {
  local dir; dir=$(mktemp -d)
  mkdir -p "$dir/personal_information/personal_information" "$dir/your_instagram_activity/content" \
    "$dir/connections/followers_and_following" "$dir/media/posts/202303"
  printf '{"profile_user":[{"string_map_data":{"Username":{"href":"","value":"%s","timestamp":0}}}]}' "$1" \
    > "$dir/personal_information/personal_information/personal_information.json"
  printf '[%s]' "$(for h in $2; do printf '{"title":"","string_list_data":[{"href":"https://www.instagram.com/%s","value":"%s","timestamp":1700000000}]},' "$h" "$h"; done | sed 's/,$//')" \
    > "$dir/connections/followers_and_following/followers_1.json"
  printf '{"relationships_following":[%s]}' "$(for h in $3; do printf '{"title":"%s","string_list_data":[{"href":"https://www.instagram.com/_u/%s","timestamp":1700000000}]},' "$h" "$h"; done | sed 's/,$//')" \
    > "$dir/connections/followers_and_following/following.json"
  printf '%s' "$4" > "$dir/your_instagram_activity/content/posts_1.json"
  cp "$photo" "$dir/media/posts/202303/a.jpg"; cp "$photo" "$dir/media/posts/202303/b.jpg"; cp "$photo" "$dir/media/posts/202303/c.webp"
  jar --create --no-manifest --file "$dir.zip" -C "$dir" . && rm -rf "$dir" && echo "$dir.zip"
}
# import_export ZIP TOKEN -> uploads the ZIP as the app does (one part here) and waits for the import; body in $BODY
import_export() {
  local zip=$1 token=$2 zip_size part_url put_status
  zip_size=$(wc -c < "$zip" | tr -d ' ')
  call POST /v1/imports 201 "{\"files\":[{\"size\":$zip_size}]}" "$token"
  import_id=$(jq -r .importId <<<"$BODY"); part_url=$(jq -r '.files[0].parts[0].url' <<<"$BODY")
  show "import $import_id: $(jq -r '.files[0].partCount' <<<"$BODY") part(s) of $(jq -r '.files[0].partSize' <<<"$BODY") bytes, each PUT to its own URL"
  put_status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'content-type: application/zip' --data-binary @"$zip" "$part_url")
  step=$((step + 1)); printf '%2d. %-6s %-24s -> %s\n' "$step" PUT "(presigned part URL)" "$put_status"
  [[ "$put_status" == 200 ]] || { echo "    the storage server refused the part" >&2; exit 1; }
  call GET "/v1/imports/$import_id/files/0/parts" 200 "" "$token"
  show "what arrived (how a broken connection resumes): $(jq -c '{stored: [.stored[].partNumber], missingCount}' <<<"$BODY")"
  call POST "/v1/imports/$import_id/complete" 200 "" "$token"
  await "/v1/imports/$import_id" completed "$token"
  rm -f "$zip"
}
masha_ig="masha_ig_$run_id"; anna_ig="anna_ig_$run_id"
masha_posts="[{\"title\":\"$(mojibake 'Карусель с Невы')\",\"creation_timestamp\":1678270000,\"media\":[{\"uri\":\"media/posts/202303/a.jpg\",\"creation_timestamp\":1678270000},{\"uri\":\"media/posts/202303/c.webp\",\"creation_timestamp\":1678270000}]},{\"media\":[{\"uri\":\"media/posts/202303/b.jpg\",\"title\":\"$(mojibake 'Привет из Питера #питер')\",\"creation_timestamp\":1673690000}]},{\"media\":[{\"uri\":\"media/posts/202303/d.mp4\",\"creation_timestamp\":1673000000}]}]"
import_export "$(export_zip "$masha_ig" "$anna_ig stranger_$run_id" "$anna_ig" "$masha_posts")" "$access"
show "report: $(jq -c '{progress: .progress | {postsDone, imported, skipped}, lines: [.report.items[] | {status, reason, photos}]}' <<<"$BODY")"
imported_post=$(jq -r '.report.items[1].postId' <<<"$BODY")
await "/v1/posts/$imported_post" published "$access"
show "imported: $(jq -c '{caption, hashtags, createdAt, imported}' <<<"$BODY") (the caption repaired, the date kept)"
call GET "/v1/users/$masha/posts" 200 "" "$petya_access"
show "@$masha's grid, newest first: $(jq -c '[.items[] | {createdAt, imported}]' <<<"$BODY") (imported ones at their dates; not in @$petya's feed)"
call GET /v1/me/instagram 200 "" "$access"
show "@$masha was @$(jq -r .handle <<<"$BODY") on Instagram: $(jq -c '{followers, following}' <<<"$BODY")"
import_export "$(export_zip "$anna_ig" "$masha_ig" "$masha_ig" '[]')" "$anna_access"
call GET /v1/me/instagram/matches 200 "" "$anna_access"
show "@$anna's suggestions: $(jq -c '[.items[] | {username, why}]' <<<"$BODY") (never someone who has not joined)"
call POST /v1/me/instagram/matches/follow 200 "" "$anna_access"
show "follow all: $(jq -c '{followed, requested}' <<<"$BODY")"
call GET /v1/me/instagram/audience 200 "" "$access"
show "@$masha's audience: $(jq -c . <<<"$BODY")"

# Paid subscriptions, with time moved forward by the runner: @masha offers two tiers and posts for subscribers;
# @petya subscribes through (simulated) YooKassa, which saves his card; a month later the renewal job charges it;
# the next renewal is declined (grace keeps access) and the retry a day later succeeds; he upgrades (the
# prorated difference), cancels, and when the paid month is over the post locks again. Tokens age with the
# runner's clock, so both sign in again after each jump. The runner fires the renewal schedule by itself as soon as
# its clock passes a firing; the demo then fires it once more on demand, which usually finds nothing left ("0 due").
advance() { # advance ISO-DURATION: the runner's clock jumps ahead
  local now
  now=$(curl -s -f -X POST -H 'content-type: application/json' --data "{\"advance\":\"$1\"}" "$API/_local/clock" | jq -r .now)
  step=$((step + 1)); printf '%2d. %-6s %-24s -> %s\n' "$step" POST "(clock +$1)" "$now"
}
schedule() { # schedule FUNCTION LABEL: FUNCTION's schedule fires now, as EventBridge or a Yandex timer would
  local result
  result=$(curl -s -f -X POST "$API/_local/schedules/$1" | jq -c .result)
  step=$((step + 1)); printf '%2d. %-6s %-24s -> %s\n' "$step" POST "($2)" "$result"
}
renewals() { schedule RenewSubscriptionsFunction "renewal job runs"; }
sign_in() { # sign_in LOGIN PASSWORD -> the access token in $BODY's tokens
  call POST /v1/sessions 201 "{\"login\":\"$1\",\"password\":\"$2\"}"
}
# await_until TOKEN PATH JQ-CONDITION JQ-SHOWN -> polls GET PATH until its body meets the condition (30 s at most),
# printing what JQ-SHOWN picks of it; body in $BODY
await_until() {
  local token=$1 path=$2 condition=$3 shown=$4 i
  for i in $(seq 1 150); do
    BODY=$(curl -s -H "authorization: Bearer $token" "$API$path")
    jq -e "$condition" <<<"$BODY" >/dev/null && break
    sleep 0.2
  done
  step=$((step + 1))
  printf '%2d. %-6s %-24s -> %s\n' "$step" "(poll)" "$path" "$(jq -r "$shown" <<<"$BODY")"
  jq -e "$condition" <<<"$BODY" >/dev/null || { echo "    expected $condition: $BODY" >&2; exit 1; }
}
# await_subscription TOKEN JQ-CONDITION -> polls GET /v1/me/subscriptions until the first one meets it
await_subscription() {
  await_until "$1" /v1/me/subscriptions ".subscriptions[0] | $2" '.subscriptions[0].status'
}
call POST /v1/me/tiers 201 '{"name":"Друзья","description":"Закулисье и черновики","price":29900}' "$access"
friends_tier=$(jq -r .id <<<"$BODY")
call POST /v1/me/tiers 201 '{"name":"Ближний круг","description":"Всё, плюс разборы съёмок","price":59900}' "$access"
inner_tier=$(jq -r .id <<<"$BODY")
call GET "/v1/users/$masha/tiers" 200 "" "$petya_access"
show "@$masha's tiers: $(jq -c '[.items[] | {name, rank, price: .price.amount}]' <<<"$BODY")"
call POST /v1/uploads 201 "{\"purpose\":\"paid-post\",\"contentType\":\"image/jpeg\",\"contentLength\":$size}" "$access"
subs_upload=$(jq -r '.uploads[0].uploadId' <<<"$BODY"); subs_url=$(jq -r '.uploads[0].url' <<<"$BODY")
curl -s -f -o /dev/null -X PUT -H 'content-type: image/jpeg' --data-binary @"$photo" "$subs_url"
call POST /v1/posts 201 "{\"uploads\":[\"$subs_upload\"],\"caption\":\"Только для подписчиков\",\"minTierRank\":1}" "$access"
subs_post=$(jq -r .id <<<"$BODY")
await "/v1/posts/$subs_post" published "$access"
call GET "/v1/posts/$subs_post" 200 "" "$petya_access"
show "@$petya sees it locked: $(jq -c '{minTierRank, locked, renditions: (.photos[0].urls | keys)}' <<<"$BODY")"
call POST /v1/checkouts 201 "{\"item\":{\"type\":\"subscription\",\"id\":\"$friends_tier\",\"creator\":\"$masha\"},\"provider\":\"yookassa\"}" "$petya_access"
confirmation=$(jq -r .confirmationUrl <<<"$BODY")
show "subscription payment $(jq -r .paymentId <<<"$BODY"): $(jq -r .status <<<"$BODY"), pay at $confirmation"
paid=$(curl -s -f -X POST "$PAYMENTS/_control/yookassa/${confirmation##*/}/pay")
step=$((step + 1)); printf '%2d. %-6s %-24s -> %s\n' "$step" POST "(YooKassa: he pays)" "$(jq -r .webhookStatus <<<"$paid")"
await_subscription "$petya_access" '.status == "active"'
show "subscribed: $(jq -c '.subscriptions[0] | {tier: .tier.name, price: .price.amount, paidThrough, nextChargeAt}' <<<"$BODY")"
first_paid_through=$(jq -r '.subscriptions[0].paidThrough' <<<"$BODY")
call GET "/v1/posts/$subs_post" 200 "" "$petya_access"
[[ "$(jq -r .locked <<<"$BODY")" == false ]] || { echo "    the subscriber-only post stayed locked" >&2; exit 1; }
show "unlocked for @$petya: $(jq -c '{locked, renditions: (.photos[0].urls | keys)}' <<<"$BODY")"
call GET /v1/me/subscribers 200 "" "$access"
show "@$masha's subscribers: $(jq -c '{counts, subscribers: [.subscribers[] | {username, status}]}' <<<"$BODY")"

advance P1M
renewals
sign_in "$petya@example.ru" "White nights on the Fontanka"; petya_access=$(jq -r .tokens.accessToken <<<"$BODY")
await_subscription "$petya_access" "(.paidThrough > \"$first_paid_through\")"
show "a month later the saved card was charged: $(jq -c '.subscriptions[0] | {status, paidThrough}' <<<"$BODY")"
second_paid_through=$(jq -r '.subscriptions[0].paidThrough' <<<"$BODY")

curl -s -f -o /dev/null -X POST "$PAYMENTS/_control/cards/default/decline"
show "(his card now declines: insufficient funds)"
advance P1M
renewals
sign_in "$petya@example.ru" "White nights on the Fontanka"; petya_access=$(jq -r .tokens.accessToken <<<"$BODY")
await_subscription "$petya_access" '.status == "past_due"'
show "declined: $(jq -c '.subscriptions[0] | {status, paidThrough, accessUntil, nextChargeAt}' <<<"$BODY")"
call GET "/v1/posts/$subs_post" 200 "" "$petya_access"
[[ "$(jq -r .locked <<<"$BODY")" == false ]] || { echo "    the grace did not keep the post open" >&2; exit 1; }
show "the grace keeps the post open: locked $(jq -r .locked <<<"$BODY")"
curl -s -f -o /dev/null -X POST "$PAYMENTS/_control/cards/default/accept"
show "(he tops up his card)"
advance P1D
renewals
sign_in "$petya@example.ru" "White nights on the Fontanka"; petya_access=$(jq -r .tokens.accessToken <<<"$BODY")
await_subscription "$petya_access" "(.status == \"active\" and .paidThrough > \"$second_paid_through\")"
show "the retry a day later went through: $(jq -c '.subscriptions[0] | {status, paidThrough}' <<<"$BODY")"

call PATCH "/v1/me/subscriptions/$masha" 202 "{\"tierId\":\"$inner_tier\"}" "$petya_access"
show "upgrade: the difference for the rest of the month, $(jq -r .amount.amount <<<"$BODY") kopecks, charged on the saved card"
await_subscription "$petya_access" ".tier.id == \"$inner_tier\""
show "now in $(jq -r '.subscriptions[0].tier.name' <<<"$BODY"), renewing at $(jq -r '.subscriptions[0].price.amount' <<<"$BODY") kopecks"
call DELETE "/v1/me/subscriptions/$masha" 200 "" "$petya_access"
show "cancelled: $(jq -c '{status, accessUntil, nextChargeAt}' <<<"$BODY") (access to the end of the paid month)"
advance P1M
renewals
sign_in "$petya@example.ru" "White nights on the Fontanka"; petya_access=$(jq -r .tokens.accessToken <<<"$BODY")
await_subscription "$petya_access" '.status == "ended"'
call GET "/v1/posts/$subs_post" 200 "" "$petya_access"
[[ "$(jq -r .locked <<<"$BODY")" == true ]] || { echo "    the post stayed open after the subscription ended" >&2; exit 1; }
show "the paid month is over: the post is locked again"
sign_in "$masha@example.ru" "Sunrise over Neva, 5 a.m."; access=$(jq -r .tokens.accessToken <<<"$BODY")
call GET /v1/me/earnings 200 "" "$access"
show "@$masha's subscription income: $(jq -c '[.items[] | select(.kind == "subscription") | .amount.amount]' <<<"$BODY")"

# Crowdfunding (docs/crowdfunding.md), the clock moved forward again. @masha starts a keep-what-you-raise campaign
# (a cover through the upload pipeline, a goal, a limited reward) and launches it; @anna, @petya and @vera pledge
# through checkout and pay at once: each pledge is hers as it settles. Then an all-or-nothing campaign: each backer
# pays only a 1-ruble verification through T-Bank, which saves the card; at the deadline the goal is met and the
# closing job charges the saved cards; @vera's is declined, she tops it up, and the retry two days later collects it.
# The campaign's honest numbers (pledged, collected, dropped, backers) are printed at each step.
close_campaigns() { schedule CloseCampaignsFunction "closing job runs"; }
# numbers CAMPAIGN TOKEN -> GET /v1/campaigns/CAMPAIGN and shows its status and honest numbers
numbers() {
  call GET "/v1/campaigns/$1" 200 "" "$2"
  show "$(jq -c '{status, goal: .goal.amount} + (.progress | {pledged: .pledged.amount, collected: .collected.amount, dropped: .dropped.amount, backers})' <<<"$BODY")"
}
# pledge TOKEN CAMPAIGN AMOUNT PROVIDER CARD [REWARD] -> checks the pledge out and pays on the simulator with card CARD
pledge() {
  local token=$1 campaign=$2 amount=$3 provider=$4 card=$5 reward=${6:-} confirmation paid
  call POST /v1/checkouts 201 "{\"item\":{\"type\":\"pledge\",\"id\":\"$campaign\",\"amount\":$amount${reward:+,\"rewardId\":\"$reward\"}},\"provider\":\"$provider\"}" "$token"
  confirmation=$(jq -r .confirmationUrl <<<"$BODY")
  show "pledge of $amount kopecks: a payment of $(jq -r .amount.amount <<<"$BODY") kopecks now"
  curl -s -f -o /dev/null "$confirmation"
  paid=$(curl -s -f -X POST "$PAYMENTS/_control/$provider/${confirmation##*/}/pay?card=$card")
  step=$((step + 1)); printf '%2d. %-6s %-24s -> %s\n' "$step" POST "($provider: card $card pays)" "$(jq -r .webhookStatus <<<"$paid")"
}
# await_pledge TOKEN CAMPAIGN STATE -> polls GET /v1/me/pledges until the pledge to CAMPAIGN is in STATE
await_pledge() {
  await_until "$1" /v1/me/pledges "any(.items[]; .campaign.id == \"$2\" and .state == \"$3\")" \
    "[.items[] | select(.campaign.id == \"$2\") | .state][0]"
}
# deadline DURATION-SECONDS -> the functions' time that far ahead, as ISO-8601
deadline() {
  curl -s -f "$API/_local/clock" | jq -r --argjson ahead "$1" '.now | sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601 + $ahead | todate'
}
# close_after ISO-DURATION STATE -> the clock jumps, the closing job runs, @vera's pledge to the all-or-nothing
# campaign reaches STATE (she and @masha sign in again: their tokens did not outlive the jump)
close_after() {
  advance "$1"
  close_campaigns
  sign_in "$vera@example.ru" "Spring on Vasilyevsky Island"; vera_access=$(jq -r .tokens.accessToken <<<"$BODY")
  sign_in "$masha@example.ru" "Sunrise over Neva, 5 a.m."; access=$(jq -r .tokens.accessToken <<<"$BODY")
  await_pledge "$vera_access" "$all_or_nothing" "$2"
}
vera="vera_$run_id"
call POST /v1/accounts 201 "{\"username\":\"$vera\",\"email\":\"$vera@example.ru\",\"password\":\"Spring on Vasilyevsky Island\",\"displayName\":\"Вера\"}"
vera_access=$(jq -r .tokens.accessToken <<<"$BODY")
sign_in "$anna@example.ru" "Lilacs in the Summer Garden"; anna_access=$(jq -r .tokens.accessToken <<<"$BODY")
sign_in "$petya@example.ru" "White nights on the Fontanka"; petya_access=$(jq -r .tokens.accessToken <<<"$BODY")
call POST /v1/uploads 201 "{\"purpose\":\"post\",\"contentType\":\"image/jpeg\",\"contentLength\":$size}" "$access"
cover=$(jq -r '.uploads[0].uploadId' <<<"$BODY"); cover_url=$(jq -r '.uploads[0].url' <<<"$BODY")
curl -s -f -o /dev/null -X PUT -H 'content-type: image/jpeg' --data-binary @"$photo" "$cover_url"
await "/v1/uploads/$cover" ready "$access"
call POST /v1/me/campaigns 201 "{\"title\":\"Фотокнига «Белые ночи»\",\"description\":\"Сто снимков Петербурга в твёрдой обложке\",\"coverUploadId\":\"$cover\",\"goal\":{\"amount\":100000,\"currency\":\"RUB\"},\"deadline\":\"$(deadline 259200)\",\"mode\":\"keep_what_you_raise\",\"rewards\":[{\"title\":\"Книга с автографом\",\"description\":\"Первый тираж, подписанный\",\"minimum\":{\"amount\":50000,\"currency\":\"RUB\"},\"deliveryEstimate\":\"2027-09\",\"limit\":2}]}" "$access"
keep=$(jq -r .campaignId <<<"$BODY"); signed_book=$(jq -r '.rewards[0].rewardId' <<<"$BODY")
show "draft $keep: $(jq -c '{mode, status, goal: .goal.amount, deadline}' <<<"$BODY")"
call POST "/v1/me/campaigns/$keep/launch" 200 "" "$access"
show "launched: $(jq -r .status <<<"$BODY")"
pledge "$anna_access" "$keep" 30000 yookassa 11
pledge "$petya_access" "$keep" 50000 yookassa 12 "$signed_book"
pledge "$vera_access" "$keep" 40000 yookassa 13
await_pledge "$petya_access" "$keep" collected
numbers "$keep" "$petya_access"
show "rewards left: $(jq -c '[.rewards[] | {title, left}]' <<<"$BODY")"

call POST /v1/me/campaigns 201 "{\"title\":\"Выставка на Мойке\",\"description\":\"Печать и аренда зала на неделю\",\"goal\":{\"amount\":80000,\"currency\":\"RUB\"},\"deadline\":\"$(deadline 259200)\",\"mode\":\"all_or_nothing\"}" "$access"
all_or_nothing=$(jq -r .campaignId <<<"$BODY")
call POST "/v1/me/campaigns/$all_or_nothing/launch" 200 "" "$access"
pledge "$anna_access" "$all_or_nothing" 50000 tbank 21
pledge "$vera_access" "$all_or_nothing" 40000 tbank 23
await_pledge "$vera_access" "$all_or_nothing" saved
numbers "$all_or_nothing" "$access"
show "(pledged, nobody charged yet: only the 1-ruble verifications, which the closing job returns)"
curl -s -f -o /dev/null -X POST "$PAYMENTS/_control/cards/23/decline"
show "(@$vera's card now declines)"
close_after P3DT1M errored
show "charged at the deadline; hers declined: $(jq -c ".items[] | select(.campaign.id == \"$all_or_nothing\") | {state, fixBy}" <<<"$BODY")"
numbers "$keep" "$access"
numbers "$all_or_nothing" "$access"
curl -s -f -o /dev/null -X POST "$PAYMENTS/_control/cards/23/accept"
show "(she tops up her card)"
close_after P2D collected
show "the retry two days later went through"
numbers "$all_or_nothing" "$access"
call GET /v1/me/earnings 200 "" "$access"
show "@$masha's campaign income: $(jq -c '[.items[] | select(.kind == "pledge") | .amount.amount]' <<<"$BODY")"

# Discovery (docs/discovery.md): search across alphabets, the activity inbox, a hashtag page, saved posts, explore.
# (the clock jumped past @anna's and @petya's access tokens: they sign in again)
sign_in "$anna@example.ru" "Lilacs in the Summer Garden"; anna_access=$(jq -r .tokens.accessToken <<<"$BODY")
sign_in "$petya@example.ru" "White nights on the Fontanka"; petya_access=$(jq -r .tokens.accessToken <<<"$BODY")
olga="olga_$run_id"
call POST /v1/accounts 201 "{\"username\":\"$olga\",\"email\":\"$olga@example.ru\",\"password\":\"Swans on the Moika at dawn\",\"displayName\":\"Ольга Бузова\"}"
olga_access=$(jq -r .tokens.accessToken <<<"$BODY")
call GET "/v1/search?q=buzova" 200 "" "$anna_access"
show "@$anna types \"buzova\": $(jq -c '[.accounts[] | {username, displayName}]' <<<"$BODY")"
jq -e --arg u "$olga" 'any(.accounts[]; .username == $u)' <<<"$BODY" >/dev/null || { echo "    buzova did not find Бузова" >&2; exit 1; }
call PUT "/v1/posts/$post_id/like" 200 "" "$olga_access"
call POST "/v1/posts/$post_id/comments" 201 "{\"text\":\"@$anna смотри, мы там были!\"}" "$olga_access"
call PUT "/v1/users/$masha/follow" 200 "" "$olga_access"
show "@$olga likes @$masha's post, comments on it mentioning @$anna, and follows @$masha"
call GET /v1/me/activity 200 "" "$access"
show "@$masha's activity ($(jq -r .unreadCount <<<"$BODY") unread): $(jq -c '[.items[] | {type, actor: .actor.username, likes}]' <<<"$BODY")"
newest=$(jq -r '.items[0].activityId' <<<"$BODY")
call POST /v1/me/activity/read 204 "{\"upTo\":\"$newest\"}" "$access"
call GET /v1/me/activity 200 "" "$access"
show "read up to the newest: $(jq -r .unreadCount <<<"$BODY") unread"
[[ "$(jq -r .unreadCount <<<"$BODY")" == 0 ]] || { echo "    still unread after marking read" >&2; exit 1; }
call GET /v1/me/activity 200 "" "$anna_access"
show "@$anna's activity: $(jq -c '[.items[] | {type, actor: .actor.username}]' <<<"$BODY")"
jq -e --arg u "$olga" 'any(.items[]; .type == "mention" and .actor.username == $u)' <<<"$BODY" >/dev/null || { echo "    the mention did not reach @$anna" >&2; exit 1; }
call GET "/v1/hashtags/%D0%9F%D0%B8%D1%82%D0%B5%D1%80/posts" 200 "" "$anna_access"
show "#Питер: $(jq -c '{tag, postCount, posts: [.items[].id]}' <<<"$BODY")"
jq -e --arg id "$post_id" 'any(.items[]; .id == $id)' <<<"$BODY" >/dev/null || { echo "    the hashtag page misses the post" >&2; exit 1; }
call PUT "/v1/posts/$post_id/save" 200 "" "$anna_access"
show "@$anna saved @$masha's post: $(jq -c . <<<"$BODY")"
call PUT "/v1/posts/$post_id/save" 200 "" "$anna_access"
show "a second tap changes nothing"
call GET /v1/me/saved 200 "" "$anna_access"
show "@$anna's saved posts: $(jq -c '[.items[] | {id, author: .author.username, caption}]' <<<"$BODY")"
[[ "$(jq -r '.items | length' <<<"$BODY")" == 1 ]] || { echo "    expected one saved post" >&2; exit 1; }
call GET /v1/me/saved 200 "" "$petya_access"
show "@$petya's list is his own: $(jq -r '.items | length' <<<"$BODY") saved posts"
call DELETE "/v1/posts/$post_id/save" 200 "" "$anna_access"
show "unsaved: $(jq -c . <<<"$BODY")"
schedule ComputeExploreFunction "explore job runs"
dima="dima_$run_id"
call POST /v1/accounts 201 "{\"username\":\"$dima\",\"email\":\"$dima@example.ru\",\"password\":\"Rain over the Neva again\",\"displayName\":\"Дима\"}"
dima_access=$(jq -r .tokens.accessToken <<<"$BODY")
call GET "/v1/explore?limit=50" 200 "" "$dima_access"
show "@$dima's explore: $(jq -c '[.items[] | {id, author: .author.username, likeCount, commentCount}]' <<<"$BODY")"
jq -e --arg id "$post_id" 'any(.items[]; .id == $id)' <<<"$BODY" >/dev/null || { echo "    explore misses @$masha's liked post" >&2; exit 1; }
call GET "/v1/explore?limit=50" 200 "" "$olga_access"
jq -e --arg id "$post_id" 'any(.items[]; .id == $id) | not' <<<"$BODY" >/dev/null || { echo "    explore shows @$olga a post of an account she follows" >&2; exit 1; }
show "@$olga follows @$masha, so her explore leaves that post out: $(jq -c '[.items[].id]' <<<"$BODY")"

# An avatar: the same pipeline, square crops, and the profile shows it once processed.
call POST /v1/uploads 201 "{\"purpose\":\"avatar\",\"contentType\":\"image/jpeg\",\"contentLength\":$size}" "$access"
avatar_id=$(jq -r '.uploads[0].uploadId' <<<"$BODY"); avatar_url=$(jq -r '.uploads[0].url' <<<"$BODY")
curl -s -f -o /dev/null -X PUT -H 'content-type: image/jpeg' --data-binary @"$photo" "$avatar_url"
show "avatar $avatar_id sent straight to storage"
rm -f "$photo"
await "/v1/uploads/$avatar_id" ready "$access"
call GET /v1/me 200 "" "$access"
show "me: $(jq -c '{username, avatar: (.avatar | {dominantColor, renditions: (.urls | keys)})}' <<<"$BODY")"
fetch "$(jq -r '.avatar.urls.square320' <<<"$BODY")" square320

call DELETE /v1/sessions/current 204 "" "$access"
show "signed out"

echo "Demo finished: $step steps OK."
