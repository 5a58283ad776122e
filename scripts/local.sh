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
# What the runner was built from, as its classpath says: each module's pom.xml and src/ (and the parent poms), and
# template.yaml (the not-found function's route keys are written from it). A module added to a pom changes
# that pom, so the next run rebuilds and watches the new module too. Written last, so it also marks when
# the build finished (build-classpath leaves an unchanged classpath file as it was).
sources_file=local/target/runner.sources

stale() {
  [[ -f "$classpath_file" && -f "$sources_file" ]] || return 0
  local sources=()
  mapfile -t sources < "$sources_file"
  for source in "${sources[@]}"; do
    [[ -e "$source" ]] || return 0
  done
  # The modules run from their target/: a module cleaned since is built again.
  local entries=()
  IFS=: read -ra entries < "$classpath_file"
  for entry in "${entries[@]}"; do
    [[ -e "$entry" ]] || return 0
  done
  [[ -n "$(find "${sources[@]}" -newer "$sources_file" \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' \
      -o -name '*.txt' -o -name '*.yaml' \) -print -quit)" ]]
}

if stale; then
  echo "Building the runner (first time, or sources changed)..." >&2
  build_log=$(mktemp)
  # Packaged in the reactor and run from each module's target/, never installed: ~/.m2 keeps only what Maven
  # downloads, so this build cannot shadow another checkout's (or branch's) modules there.
  if ! mvn -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/runner.classpath \
      -pl local -am >"$build_log" 2>&1; then
    grep -E '^\[ERROR\]' "$build_log" >&2 || cat "$build_log" >&2
    rm -f "$build_log"
    exit 1
  fi
  rm -f "$build_log"
  # The reactor's modules are the classpath's entries under this checkout (<module>/target/...), the runner's own
  # aside; each one's parent poms up to the root's are watched too.
  modules=$( { echo local; tr ':' '\n' < "$classpath_file" | sed -n "s#^$PWD/\(.*\)/target/.*#\1#p"; } | sort -u)
  if [[ -z "$modules" ]]; then
    echo "Could not read the runner's modules from $classpath_file." >&2
    exit 1
  fi
  {
    echo template.yaml
    echo pom.xml
    for module in $modules; do
      echo "$module/pom.xml"
      if [[ -d "$module/src" ]]; then echo "$module/src"; fi
      parent=$(dirname "$module")
      while [[ "$parent" != "." ]]; do
        if [[ -f "$parent/pom.xml" ]]; then echo "$parent/pom.xml"; fi
        parent=$(dirname "$parent")
      done
    done
  } | sort -u > "$sources_file"
fi

exec java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -cp "local/target/classes:$(cat "$classpath_file")" ru.rossgram.local.LocalRunner "$@"
