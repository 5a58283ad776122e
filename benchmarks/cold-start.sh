#!/usr/bin/env bash
# Cold start of the HTTP functions, each through its AWS handler and its Yandex entry point, next to a bare
# handler of its own making the same DynamoDB and S3 requests, against DynamoDB Local and S3Proxy: see
# docs/performance.md. Run from anywhere inside the repository; arguments go to ColdStartBenchmark:
#   --runs N             cold starts per subject and JVM flag set (5)
#   --functions A,B      the functions to measure (default all: sign-up,sign-in,get-me,feed,get-post,create-upload,create-post,payment-webhook)
#   --variant L=DIR      also measure another build of the function jars (DIR holds <fn>-lambda.jar), labelled L; repeatable
#   --jvm-defaults       also measure with the JVM's default flags (the template's flags always)
#   --breakdown-runs N   runs of the step-by-step sign-up probe per flag set (3; 0 skips it)
#   --app-cds            also measure the template's flags plus an AppCDS archive per subject
#   --max-other-cpu MS   repeat a run during which other processes used more CPU than this (300; -1 never)
#   --out DIR            where the report, raw lines, child logs and event copies go
# Set COLD_START_REALTIME=1 (as root) to run the harness and its children under chrt's FIFO real-time policy: on a
# machine others share, their builds then cannot preempt a cold start (the kernel still leaves them 5% of each second).
# The report is printed and written to benchmarks/target/cold-start/results.md (raw lines: raw.txt).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The functions measured (--functions, else all of them): their modules are built with the harness.
functions="sign-up,sign-in,get-me,feed,get-post,create-upload,create-post,payment-webhook"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[$i]}" == --functions ]]; then functions="${args[$((i + 1))]:-$functions}"; fi
done
modules="$(echo "$functions" | tr ',' '\n' | sed 's#^#functions/#' | paste -sd, -)"

# The functions' deployable jars, the bare handlers' jar, both probe jars and the harness's classpath file.
mvn -q -DskipTests package -pl "$modules,benchmarks" -am

# The harness hosts DynamoDB Local (and S3Proxy) in its own JVM; the measured functions are its children.
realtime=()
if [[ "${COLD_START_REALTIME:-0}" == 1 ]]; then realtime=(chrt -f 10); fi
exec "${realtime[@]}" java -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  ru.rossgram.benchmarks.ColdStartBenchmark "$@"
