#!/usr/bin/env bash
# What SnapStart's priming saves sign-up's first request (docs/performance.md, "SnapStart and priming"): fresh JVMs on
# the deployable jar, primed and not, alternating, against DynamoDB Local. Argument: runs per mode (5).
# The report is printed and written to benchmarks/target/snapstart-priming/results.md (raw lines: raw.txt).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mvn -q -DskipTests package -pl functions/sign-up,benchmarks -am

exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  ru.rossgram.benchmarks.PrimingBenchmark "$@"
