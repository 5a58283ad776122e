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
# Build when the runner or its classpath is missing or older than any source or pom.
if [[ ! -f "$classpath_file" ]] || [[ -n "$(find pom.xml shared imaging thumbnails local-cloud local functions -newer "$classpath_file" \
      \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' -o -name '*.txt' \) -print -quit)" ]]; then
  echo "Building the runner (first time, or sources changed)..." >&2
  mvn -q -B -DskipTests install -pl local -am
  mvn -q -B -f local/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath_file" >/dev/null
fi

exec java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -cp "local/target/classes:$(cat "$classpath_file")" ru.rossgram.local.LocalRunner "$@"
