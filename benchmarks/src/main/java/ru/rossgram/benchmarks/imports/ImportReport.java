package ru.rossgram.benchmarks.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The import benchmark's results as the Markdown docs/performance.md takes them. */
final class ImportReport {
    private ImportReport() {
    }

    static String render(BenchmarkExport export, ImportTimeline t, HeapPeak heap, StepDeliveries steps, int thumbnails,
                         int failedAttempts, long maxHeap) {
        int imported = t.done().at("/progress/imported").asInt();
        double importMinutes = t.importedNanos() / 60e9;
        double publishMinutes = t.publishedNanos() / 60e9;
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s, %s, -Xmx%d MiB (%s)%n%n", machine(), "OpenJDK " + System.getProperty("java.version"),
                maxHeap >> 20, LocalDate.now(ZoneOffset.UTC)));
        out.append("| | |\n|---|---|\n");
        row(out, "export", String.format("%,d posts, %,d photos (%,d WebP), %,d bytes (%.1f MB)", export.posts(),
                export.photos(), export.webps(), export.bytes(), export.bytes() / 1e6));
        row(out, "upload", String.format("%d parts, %.1f s (%.1f MB/s), complete %.1f s", t.parts(),
                t.uploadNanos() / 1e9, export.bytes() / 1e6 / (t.uploadNanos() / 1e9), t.completeNanos() / 1e9));
        row(out, "import steps (complete to `completed`)", String.format("%.1f s, %d steps (%d deliveries), progress %s",
                t.importedNanos() / 1e9, steps.steps(), steps.deliveries(), t.done().path("progress")));
        row(out, "until every post is published", String.format("%.1f s (%,d published, %d failed; %,d thumbnail deliveries)",
                t.publishedNanos() / 1e9, t.published(), t.failedPosts(), thumbnails));
        row(out, "posts per minute, import steps alone", String.format("**%.0f**", imported / importMinutes));
        row(out, "posts per minute, until thumbnails done", String.format("**%.0f**", imported / publishMinutes));
        row(out, "photos per minute, until thumbnails done", String.format("%.0f", export.photos() / publishMinutes));
        row(out, "failed deliveries (retried)", Integer.toString(failedAttempts));
        row(out, "peak heap, pool peaks summed (upper bound)", mib(heap.poolPeaksSummed()));
        row(out, "peak heap, old generation's peak", mib(heap.oldGenerationPeak()));
        row(out, "peak heap, sampled every 100 ms (lower bound)", mib(heap.sampled()));
        row(out, "heap left after collections, at most", mib(heap.afterCollection()));
        row(out, "heap limit", mib(maxHeap));
        return out.toString();
    }

    private static void row(StringBuilder out, String what, String value) {
        out.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    private static String mib(long bytes) {
        return String.format("%.0f MiB", bytes / 1048576.0);
    }

    static String machine() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(model);
        } catch (IOException ignored) {
            // not Linux: the model stays unknown
        }
        return Runtime.getRuntime().availableProcessors() + "-vCPU " + model;
    }
}
