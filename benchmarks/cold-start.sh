#!/usr/bin/env bash
# Cold start of the sign-up function, through its AWS handler and its Yandex entry point, next to a bare
# handler, against DynamoDB Local: see docs/performance.md. Run from anywhere inside the repository;
# arguments go to ColdStartBenchmark:
#   --runs N             cold starts per function and JVM flag set (10)
#   --breakdown-runs N   runs of the step-by-step sign-up probe per flag set (5; 0 skips it)
#   --app-cds            also measure the template's flags plus an AppCDS archive per function
#   --max-other-cpu MS   repeat a run during which other processes used more CPU than this (300; -1 never)
#   --sign-up-jar JAR    measure another build of the sign-up function than the template's CodeUri
#   --other-sign-up-jar JAR  also measure this build of it (AWS handler), alternated with the rest (repeatable)
#   --yandex-event FILE  the Yandex API Gateway 1.0 sign-up event (events/sign-up/yandex-new-account.json)
#   --out DIR            where the report, raw lines, child logs and event copies go
# The report is printed and written to benchmarks/target/cold-start/results.md (raw lines: raw.txt).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The function's deployable jar, the bare jar, both probe jars and the harness's classpath file.
mvn -q -DskipTests package -pl functions/sign-up,benchmarks -am

# The harness hosts DynamoDB Local (and S3Proxy) in its own JVM; the measured functions are its children.
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  ru.rossgram.benchmarks.ColdStartBenchmark "$@"
