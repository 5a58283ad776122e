#!/usr/bin/env bash
# Times the thumbnail pipeline against vipsthumbnail and ImageMagick on a 12 MP and a 48 MP JPEG and measures
# its heap; writes imaging/target/imaging-bench/report.md (what docs/imaging-benchmark.md was made from).
# Needs libvips-tools and imagemagick (Debian). Pass --java /path/to/bin/java once per JDK to compare JDKs,
# e.g. one with system libjpeg-turbo and one with the bundled libjpeg 6b that Lambda's Corretto has.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -pl imaging -am install -DskipTests
mvn -q -pl imaging dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
classpath="imaging/target/test-classes:imaging/target/classes:$(cat imaging/target/test.classpath)"
exec java -Xmx1g -cp "$classpath" ru.rossgram.imaging.bench.ThumbnailBenchmark --dir imaging/target/imaging-bench "$@"
