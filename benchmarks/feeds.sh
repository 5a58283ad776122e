#!/usr/bin/env bash
# Home feed pages and publishes on a generated power-law graph against DynamoDB Local, and the 23.3M-follower
# publish modelled from the measured costs: see docs/performance.md, "Feeds". On the same graph (display names in
# both alphabets, hashtags, likes and comments): searches and explore pages beside their peer reads, and the
# writes of a like, an unlike, a comment and a follow: "Search, explore and activity". Arguments go to FeedBenchmark
# (--help lists them: --users, --top-followers, --exponent, --posts-per-author, --threshold, --readers, ...).
# The report is printed and written to benchmarks/target/feeds/results.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mvn -q -DskipTests package -pl benchmarks -am
exec java -Xmx2g -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  ru.rossgram.benchmarks.feeds.FeedBenchmark "$@"
