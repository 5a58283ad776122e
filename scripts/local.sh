#!/usr/bin/env bash
# Runs the whole Rossgram backend on this machine: DynamoDB Local, the S3 server and every function of
# template.yaml behind http://localhost:3000. No Docker. Arguments go to the runner (--help lists them).
#
#   scripts/local.sh                 # data kept in .rossgram-local/
#   scripts/local.sh --in-memory     # a throwaway run
#   scripts/local.sh --reset         # start from empty data
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file=local/target/runner.classpath
# What the runner was built from, as the build's own reactor said: each module's pom.xml and src/, and
# template.yaml (the not-found function's route keys are written from it). A module added to a pom changes
# that pom, so the next run rebuilds and watches the new module too.
sources_file=local/target/runner.sources

stale() {
  [[ -f "$classpath_file" && -f "$sources_file" ]] || return 0
  local sources=()
  mapfile -t sources < "$sources_file"
  for source in "${sources[@]}"; do
    [[ -e "$source" ]] || return 0
  done
  [[ -n "$(find "${sources[@]}" -newer "$classpath_file" \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' \
      -o -name '*.txt' -o -name '*.yaml' \) -print -quit)" ]]
}

if stale; then
  echo "Building the runner (first time, or sources changed)..." >&2
  build_log=$(mktemp)
  if ! mvn -B -DskipTests install -pl local -am >"$build_log" 2>&1; then
    grep -E '^\[ERROR\]' "$build_log" >&2 || cat "$build_log" >&2
    rm -f "$build_log"
    exit 1
  fi
  # Maven installs every module of the reactor, the runner's and its dependencies', from its own folder.
  modules=$(sed -n 's#^\[INFO\] Installing \(.*\)/pom\.xml to .*#\1#p' "$build_log" | sort -u)
  rm -f "$build_log"
  if [[ -z "$modules" ]]; then
    echo "Could not read the modules the build installed from its log." >&2
    exit 1
  fi
  {
    echo template.yaml
    for module in $modules; do
      echo "$module/pom.xml"
      if [[ -d "$module/src" ]]; then echo "$module/src"; fi
    done
  } > "$sources_file"
  mvn -q -B -f local/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath_file" >/dev/null
fi

exec java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -cp "local/target/classes:$(cat "$classpath_file")" ru.rossgram.local.LocalRunner "$@"
