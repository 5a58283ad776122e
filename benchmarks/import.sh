#!/usr/bin/env bash
# The Instagram import measured through the real functions against the local engines: see docs/performance.md,
# "Importing from Instagram". Arguments: `posts [count]` (default: 1,000 posts, the runner in this JVM, its peak heap
# reported) or `followers [handles]` (default 200,000: the followers list's rate against DynamoDB Local, scaled to
# 23.3 million). JAVA_HEAP sets the JVM's heap limit (default 512m). The report is printed and written to
# benchmarks/target/imports/results.md (followers: followers.md), after the functions' own JSON log lines.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mvn -q -DskipTests package -pl benchmarks -am
exec java "-Xmx${JAVA_HEAP:-512m}" -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  ru.rossgram.benchmarks.imports.ImportBenchmark "$@"
