package ru.rossgram.benchmarks.imports;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import ru.rossgram.local.LocalBackend;
import ru.rossgram.local.RunnerOptions;

/**
 * The Instagram import of issue 17, measured through the real functions (docs/performance.md, "Importing from
 * Instagram"): the local runner in this JVM on free ports, its engines' data on disk (a fresh directory); a generated export of photo posts
 * ({@link BenchmarkExport}) uploaded to its presigned part URLs as the app does, completed, and followed through
 * {@code GET /v1/imports/{id}} until the import is completed and then until every imported post is published (its
 * thumbnails made by the thumbnail function from the storage events). The peak heap is this JVM's, which is the
 * runner's: every function, both engines and the benchmark's own part buffer.
 *
 * <p>Arguments: {@code posts [count]} (default 1,000) or {@code followers [handles]} ({@link FollowerListBenchmark}).
 */
public final class ImportBenchmark {
    private static final Path OUT = Path.of("benchmarks/target/imports");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "posts";
        String report = switch (mode) {
            case "posts" -> posts(args.length > 1 ? Integer.parseInt(args[1]) : 1_000);
            case "followers" -> FollowerListBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 200_000);
            default -> throw new IllegalArgumentException("usage: ImportBenchmark posts [count] | followers [handles]");
        };
        Files.createDirectories(OUT);
        Path results = OUT.resolve(mode.equals("posts") ? "results.md" : "followers.md");
        Files.writeString(results, report);
        System.out.println(report);
        System.out.println("written to " + results);
        System.exit(0); // the runner's non-daemon threads
    }

    private static String posts(int postCount) throws Exception {
        Files.createDirectories(OUT);
        String owner = "bench_" + Long.toString(System.nanoTime() & 0xFFFFFFFFFFL, 36);
        long generating = System.nanoTime();
        BenchmarkExport export = BenchmarkExport.write(OUT.resolve("export.zip"), owner, postCount, 2_000, 300,
                ExportPhotos.generate(48, 17), 17);
        System.out.printf("export written: %d posts, %d photos, %,d bytes in %.1f s%n", export.posts(), export.photos(),
                export.bytes(), (System.nanoTime() - generating) / 1e9);

        StepDeliveries steps = new StepDeliveries();
        AtomicInteger thumbnails = new AtomicInteger();
        AtomicInteger failedAttempts = new AtomicInteger();
        RunnerOptions options = RunnerOptions.defaults().withPort(0).withEnginePorts(0, 0).withPaymentsPort(-1)
                // On disk, not in memory: in memory S3Proxy would hold the export and every photo in this heap,
                // which no function's heap ever holds; the peak would measure the stand-in store.
                .withDataDirectory(OUT.resolve("runner-data")).withReset(true).withEnvironment(Map.of(
                        // Sign-up is setup, not what is measured: the cheapest Argon2id that still hashes.
                        "ROSSGRAM_PASSWORD_HASHING_MEMORY_KIB", "1024", "ROSSGRAM_PASSWORD_HASHING_ITERATIONS", "1"));
        try (LocalBackend backend = LocalBackend.start(options, line -> {
            if (line.contains(" failed ")) {
                failedAttempts.incrementAndGet();
            } else if (line.contains(" ok ") && line.contains("tasks/imports/run/")) {
                steps.delivered(line);
            } else if (line.contains(" ok ") && line.contains("-> MakeThumbnails")) {
                thumbnails.incrementAndGet();
            }
        })) {
            BenchmarkApi api = new BenchmarkApi(backend.apiUri());
            api.signUp(owner);
            ImportTimeline timeline;
            try (HeapPeak heap = HeapPeak.start()) {
                timeline = ImportTimeline.run(api, export);
                return ImportReport.render(export, timeline, heap, steps, thumbnails.get(), failedAttempts.get(),
                        Runtime.getRuntime().maxMemory());
            }
        }
    }

    /** Reads {@code length} bytes of {@code file} from {@code offset}: one part, the only piece held in memory. */
    static byte[] part(Path file, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            in.readFully(bytes);
        }
        return bytes;
    }
}
