#!/usr/bin/env bash
# Times the thumbnail pipeline against libvips used as a library (vips-thumbnails.c, built here) on four real
# photographs (made here by real-photos.sh, cached under imaging/target/imaging-bench/photos), compares the w1080
# outputs and measures our heap; writes imaging/target/imaging-bench/report.md (what docs/imaging-benchmark.md is
# made from). Needs libvips-dev, gcc, pkg-config, ImageMagick 6 and libjpeg-turbo-progs (Debian).
# Pass --java /path/to/bin/java once per JDK to compare JDKs, e.g. one with system libjpeg-turbo and one with the
# bundled libjpeg 6b that Lambda's Corretto has. The timed processes run under `chrt -f 10` (real-time priority,
# needs root) when it works here; --no-chrt turns that off. --cli-tools adds vipsthumbnail and convert as peers,
# --synthetic the generated photo-like JPEGs.
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=imaging/target/imaging-bench
mvn -q -o -pl imaging -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
classpath="imaging/target/test-classes:imaging/target/classes:$(cat imaging/target/test.classpath)"
mkdir -p "$bench"
gcc -O2 -Wall -o imaging/target/vips-thumbnails imaging/scripts/vips-thumbnails.c $(pkg-config --cflags --libs vips)
imaging/scripts/real-photos.sh "$bench/photos"
scheduling=()
if chrt -f 10 true 2>/dev/null; then
  scheduling=(--chrt)
fi
exec java -Xmx1g -cp "$classpath" ru.rossgram.imaging.bench.ThumbnailBenchmark --dir "$bench" \
  --libvips-program imaging/target/vips-thumbnails "${scheduling[@]}" "$@"
