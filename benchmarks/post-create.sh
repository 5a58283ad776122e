#!/usr/bin/env bash
# What POST /v1/posts costs in requests and round trips to DynamoDB and S3, for one photo and for ten, against
# DynamoDB Local and S3Proxy: see docs/performance.md, "Creating a post". The one argument is how many posts of
# each size are measured (default 30). The report is printed and written to benchmarks/target/posts/results.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mvn -q -DskipTests package -pl benchmarks -am
exec java -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  ru.rossgram.benchmarks.posts.PostCreateBenchmark "$@"
