#!/usr/bin/env bash
# Deploys the backend to Yandex Cloud with the yc CLI (and the AWS CLI for what yc does not do: the document
# table, bucket CORS and package uploads). What to create comes from target/plan.sh, target/gateway.yaml and
# target/packages/, which the build writes from template.yaml (mvn -B -DskipTests package); this script only
# knows how to create each kind of thing. README "Deploy to Yandex Cloud" explains every step and setting.
#
#   YC_FOLDER_ID=... YC_BUCKET_PREFIX=... PARAM_AccessTokenSecret=... deploy/yandex/deploy.sh [--dry-run]
#
# --dry-run prints every command instead of running it (needs neither yc nor aws); values that only a real run
# learns (ids, the Document API endpoint, keys) appear as <placeholders>. It shows a first deployment: a real run
# reuses the service accounts, database, table, buckets, functions and triggers that already exist, adds a new
# version to every function, and updates the gateway.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
generated=$here/target
region=ru-central1
storage_endpoint=https://storage.yandexcloud.net

die() {
  printf 'deploy.sh: %s\n' "$*" >&2
  exit 1
}

dry_run=false
while (($#)); do
  case $1 in
    --dry-run) dry_run=true ;;
    -h | --help)
      sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

# --- settings -----------------------------------------------------------------------------------------------
folder=${YC_FOLDER_ID:-}
[[ -n $folder ]] || die "set YC_FOLDER_ID to the folder to deploy into (yc resource-manager folder list)"
name=${YC_NAME:-rossgram}
bucket_prefix=${YC_BUCKET_PREFIX:-}
[[ -n $bucket_prefix ]] || die "set YC_BUCKET_PREFIX: bucket names are global, e.g. rossgram-\$(openssl rand -hex 4)"
package_bucket=$bucket_prefix-packages
for file in plan.sh gateway.yaml; do
  [[ -f $generated/$file ]] || die "$generated/$file is missing: build first (mvn -B -DskipTests package)"
done
if ! $dry_run; then
  command -v yc >/dev/null || die "the yc CLI is not installed (https://yandex.cloud/en/docs/cli/quickstart)"
  command -v aws >/dev/null || die "the AWS CLI is not installed (it creates the document table and uploads packages)"
fi

# --- running or printing commands ---------------------------------------------------------------------------
# One word as bash reads it back: bare when safe, else single-quoted.
quote() {
  if [[ $1 =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then
    printf '%s' "$1"
  else
    local q="'"
    printf "'%s'" "${1//$q/$q\\$q$q}"
  fi
}

print_command() {
  local line="" word
  for word in "$@"; do
    line+="${line:+ }$(quote "$word")"
  done
  printf '%s\n' "$line"
}

step() {
  printf '\n# %s\n' "$*"
}

run() {
  if $dry_run; then print_command "$@"; else "$@"; fi
}

# capture VARIABLE LABEL COMMAND...: the command's output (without quotes: yc --jq may print a JSON string)
# into VARIABLE; a dry run prints the command and stores <LABEL>.
capture() {
  local variable=$1 label=$2 output
  shift 2
  if $dry_run; then
    print_command "$@"
    output="<$label>"
  else
    output=$("$@")
    output=${output//\"/}
  fi
  printf -v "$variable" '%s' "$output"
}

# exists COMMAND...: whether a real run finds the resource (a dry run shows a first deployment: never).
exists() {
  ! $dry_run && "$@" >/dev/null 2>&1
}

# The AWS CLI signs with the functions' static key, which a real run exports once it has it.
aws_yandex() {
  run aws "$@" --region "$region"
}

# A --environment value for yc: a field with a comma or quote is CSV-quoted, as yc parses such lists.
environment_flag() {
  local entry=$1
  if [[ $entry == *,* || $entry == *\"* ]]; then
    entry="\"${entry//\"/\"\"}\""
  fi
  printf '%s' "$entry"
}

# --- service accounts, roles, the key the functions sign with -----------------------------------------------
ensure_service_account() {
  local variable=$1 account=$2
  if exists yc iam service-account get --name "$account" --folder-id "$folder"; then
    capture "$variable" "id of service account $account" \
      yc iam service-account get --name "$account" --folder-id "$folder" --format json --jq .id
  else
    capture "$variable" "id of service account $account" \
      yc iam service-account create --name "$account" --folder-id "$folder" --format json --jq .id
  fi
}

grant() {
  local account_id=$1 role=$2
  run yc resource-manager folder add-access-binding "$folder" --role "$role" --subject "serviceAccount:$account_id"
}

step "Service accounts: $name-functions (what the functions run as; its static key signs their DynamoDB and S3 calls)," \
  "$name-invoker (the API gateway and the storage triggers call the functions as it)"
ensure_service_account functions_account "$name-functions"
ensure_service_account invoker_account "$name-invoker"
grant "$functions_account" ydb.editor
grant "$functions_account" storage.editor
grant "$invoker_account" functions.functionInvoker

step "Static access key of $name-functions (set YC_ACCESS_KEY_ID and YC_SECRET_ACCESS_KEY to reuse one)"
if [[ -n ${YC_ACCESS_KEY_ID:-} && -n ${YC_SECRET_ACCESS_KEY:-} ]]; then
  access_key_id=$YC_ACCESS_KEY_ID
  secret_access_key=$YC_SECRET_ACCESS_KEY
else
  capture access_key "key id and secret of a new static access key" \
    yc iam access-key create --service-account-id "$functions_account" --format json \
    --jq '.access_key.key_id + " " + .secret'
  if $dry_run; then
    access_key_id="<static access key id>"
    secret_access_key="<static access key secret>"
  else
    read -r access_key_id secret_access_key <<<"$access_key"
    printf '# created static access key %s; keep it for the next run: YC_ACCESS_KEY_ID=%s YC_SECRET_ACCESS_KEY=...\n' \
      "$access_key_id" "$access_key_id" >&2
  fi
fi
if ! $dry_run; then
  export AWS_ACCESS_KEY_ID=$access_key_id AWS_SECRET_ACCESS_KEY=$secret_access_key
fi

# --- the serverless YDB database and its Document API endpoint ----------------------------------------------
step "Serverless YDB database $name (the Document API speaks DynamoDB)"
if ! exists yc ydb database get --name "$name" --folder-id "$folder"; then
  run yc ydb database create --name "$name" --serverless --folder-id "$folder"
fi
capture docapi_endpoint "Document API endpoint of database $name" \
  yc ydb database get --name "$name" --folder-id "$folder" --format json --jq .document_api_endpoint

step "Bucket $package_bucket for the function packages (Yandex takes ZIPs over 3.5 MB only from a bucket)"
if ! exists yc storage bucket get --name "$package_bucket"; then
  run yc storage bucket create --name "$package_bucket" --folder-id "$folder"
fi

# --- the plan's vocabulary ----------------------------------------------------------------------------------
# plan_parameter NAME [DEFAULT]: param_NAME from PARAM_NAME, else the template's default; no default: required.
plan_parameter() {
  local parameter=$1 setting="PARAM_$1"
  if [[ -n ${!setting+set} ]]; then
    printf -v "param_$parameter" '%s' "${!setting}"
  elif (($# > 1)); then
    printf -v "param_$parameter" '%s' "$2"
  else
    die "set $setting (template parameter $parameter has no default)"
  fi
}

# plan_table LOGICAL_ID CREATE_TABLE_FLAGS...: a document table named as the logical id.
plan_table() {
  local table=$1
  shift
  printf -v "resource_$table" '%s' "$table"
  step "Document table $table with the template's key schema and indexes (yc does not create document tables:" \
    "the AWS CLI does, against the Document API)"
  if ! exists aws dynamodb describe-table --table-name "$table" --endpoint-url "$docapi_endpoint" --region "$region"; then
    aws_yandex dynamodb create-table --table-name "$table" --billing-mode PAY_PER_REQUEST "$@" \
      --endpoint-url "$docapi_endpoint"
    aws_yandex dynamodb wait table-exists --table-name "$table" --endpoint-url "$docapi_endpoint"
  fi
}

# plan_time_to_live LOGICAL_ID ATTRIBUTE
plan_time_to_live() {
  aws_yandex dynamodb update-time-to-live --table-name "$1" \
    --time-to-live-specification "Enabled=true,AttributeName=$2" --endpoint-url "$docapi_endpoint"
}

# plan_bucket LOGICAL_ID NAME_SUFFIX [--cors FILE] [--lifecycle FILE]
plan_bucket() {
  local bucket="$bucket_prefix-$2"
  printf -v "resource_$1" '%s' "$bucket"
  shift 2
  step "Bucket $bucket, private, with the template's CORS and lifecycle rules"
  if ! exists yc storage bucket get --name "$bucket"; then
    run yc storage bucket create --name "$bucket" --folder-id "$folder"
  fi
  while (($#)); do
    case $1 in
      --cors)
        aws_yandex s3api put-bucket-cors --bucket "$bucket" --cors-configuration "file://$generated/$2" \
          --endpoint-url "$storage_endpoint"
        ;;
      --lifecycle)
        aws_yandex s3api put-bucket-lifecycle-configuration --bucket "$bucket" \
          --lifecycle-configuration "file://$generated/$2" --endpoint-url "$storage_endpoint"
        ;;
      *) die "plan_bucket: unknown $1" ;;
    esac
    shift 2
  done
}

# plan_function LOGICAL_ID NAME PACKAGE SHA256 VERSION_FLAGS... -- VARIABLE=VALUE...
plan_function() {
  local logical_id=$1 function="$name-$2" package=$3 sha256=$4 object="$2/$4.zip" flags=() environment=() entry
  local size=0
  shift 4
  while [[ $1 != -- ]]; do
    flags+=("$1")
    shift
  done
  shift
  step "Function $function ($logical_id): its package, then a new version"
  aws_yandex s3 cp "$generated/$package" "s3://$package_bucket/$object" --endpoint-url "$storage_endpoint"
  if exists yc serverless function get --name "$function" --folder-id "$folder"; then
    capture "function_id_$logical_id" "id of function $function" \
      yc serverless function get --name "$function" --folder-id "$folder" --format json --jq .id
  else
    capture "function_id_$logical_id" "id of function $function" \
      yc serverless function create --name "$function" --folder-id "$folder" --format json --jq .id
  fi
  local id_variable="function_id_$logical_id"
  for entry in "$@" \
    "AWS_ENDPOINT_URL_DYNAMODB=$docapi_endpoint" \
    "AWS_ENDPOINT_URL_S3=$storage_endpoint" \
    "AWS_REGION=$region" \
    "AWS_ACCESS_KEY_ID=$access_key_id" \
    "AWS_SECRET_ACCESS_KEY=$secret_access_key"; do
    size=$((size + ${#entry}))
    environment+=(--environment "$(environment_flag "$entry")")
  done
  # Yandex refuses a version whose variables (names and values) exceed 4 KB.
  ((size <= 4096)) || die "$function's environment is $size bytes; Yandex allows 4096"
  run yc serverless function version create --function-id "${!id_variable}" "${flags[@]}" \
    --service-account-id "$functions_account" \
    --package-bucket-name "$package_bucket" --package-object-name "$object" --package-sha256 "$sha256" \
    "${environment[@]}"
}

# plan_trigger FUNCTION_LOGICAL_ID BUCKET_LOGICAL_ID NAME TRIGGER_FLAGS...
plan_trigger() {
  local function_variable="function_id_$1" bucket_variable="resource_$2" trigger="$name-$3"
  shift 3
  step "Object Storage trigger $trigger"
  if exists yc serverless trigger get --name "$trigger" --folder-id "$folder"; then
    printf '# %s exists; its settings are kept (delete it to recreate it with these)\n' "$trigger"
    return
  fi
  run yc serverless trigger create object-storage --name "$trigger" --folder-id "$folder" \
    --bucket-id "${!bucket_variable}" "$@" \
    --invoke-function-id "${!function_variable}" --invoke-function-tag '$latest' \
    --invoke-function-service-account-id "$invoker_account"
}

# plan_timer FUNCTION_LOGICAL_ID NAME TRIGGER_FLAGS... (a Schedule event: --cron-expression, perhaps --payload)
plan_timer() {
  local function_variable="function_id_$1" trigger="$name-$2"
  shift 2
  step "Timer trigger $trigger"
  if exists yc serverless trigger get --name "$trigger" --folder-id "$folder"; then
    printf '# %s exists; its settings are kept (delete it to recreate it with these)\n' "$trigger"
    return
  fi
  run yc serverless trigger create timer --name "$trigger" --folder-id "$folder" "$@" \
    --invoke-function-id "${!function_variable}" --invoke-function-tag '$latest' \
    --invoke-function-service-account-id "$invoker_account"
}

# plan_gateway SPECIFICATION SERVICE_ACCOUNT_VARIABLE VARIABLE=FUNCTION_LOGICAL_ID...
plan_gateway() {
  local specification="$generated/$1" variables="$2=$invoker_account" gateway="$name-api" pair id_variable
  shift 2
  for pair in "$@"; do
    id_variable="function_id_${pair#*=}"
    variables+=",${pair%%=*}=${!id_variable}"
  done
  step "API gateway $gateway: the generated specification, its variables set to the function ids"
  if exists yc serverless api-gateway get --name "$gateway" --folder-id "$folder"; then
    run yc serverless api-gateway update --name "$gateway" --folder-id "$folder" --spec "$specification" \
      --variables "$variables"
  else
    run yc serverless api-gateway create --name "$gateway" --folder-id "$folder" --spec "$specification" \
      --variables "$variables"
  fi
  capture gateway_domain "domain of gateway $gateway" \
    yc serverless api-gateway get --name "$gateway" --folder-id "$folder" --format json --jq .domain
  step "The API: https://$gateway_domain"
}

# shellcheck source=/dev/null
source "$generated/plan.sh"
