package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes through our own decoder: forged files (HostileJpegs), the real-photo fixtures, and thousands of
 * random damages to them (JpegMutator). Each input goes through {@link DctJpegDecoder#decode} at every scale, and
 * a sample through {@link ThumbnailMaker#make}, each on a worker with a time limit and an allocation bound. The only
 * allowed outcomes are an image, "not mine" (empty) or our refusal; anything else fails the test, and the input is
 * kept under target/fuzz-failures/ as a reproducer (commit it to src/test/resources/fuzz-regressions/ to replay it
 * in every build).
 *
 * <p>The budget keeps CI short; for a long local run: {@code -Dfuzz.inputs=1000000 -Dfuzz.seconds=3600
 * -Dfuzz.seed=7 -Dfuzz.photos=true}. Add {@code -DargLine=-XX:-OmitStackTraceInFastThrow} to see where a repeated exception is thrown
 * (the JIT drops the stack of a hot one).
 */
class DctJpegDecoderFuzzTest {
    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 4000);
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("fuzz.seconds", 40));
    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    /** Whether to damage the 1-2 MP photographs too: many MCU rows and restarts, but ~50x slower per input. */
    private static final boolean PHOTOS = Boolean.getBoolean("fuzz.photos");
    private static final Duration PER_DECODE = Duration.ofSeconds(5);
    /** Far above what a decode of a 100 MP picture needs at 1/8 (its rows and one MCU row of coefficients). */
    private static final long ALLOCATION_BOUND = 300L * 1024 * 1024;
    private static final long BOUNDED_PIXELS = 100_000_000L;
    private static final int[] SCALES = {1, 2, 4, 8};
    private static final Path FAILURES = Path.of("target", "fuzz-failures");

    private static final DecodeGuard GUARD = new DecodeGuard(PER_DECODE);
    private final ThumbnailMaker maker = new ThumbnailMaker();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private long mostAllocated;
    private String mostAllocatedBy = "nothing";

    @AfterAll
    static void stopWorker() {
        GUARD.close();
    }

    @Test
    void forgedFilesAndFixtures_giveAnImageDeclineOrRefusal_inTimeAndBoundedMemory() {
        Map<String, byte[]> seeds = new LinkedHashMap<>(forged());
        resources("fuzz-seeds").forEach((name, bytes) -> seeds.put("seed " + name, bytes));
        resources("photos").forEach((name, bytes) -> seeds.put("photo " + name, bytes));
        seeds.forEach((name, bytes) -> check(name, bytes, true));
        assertNoFailures(seeds.size() + " forged files and fixtures");
    }

    @Test
    void randomDamagesToTheSeeds_giveAnImageDeclineOrRefusal_inTimeAndBoundedMemory() {
        List<byte[]> corpus = new ArrayList<>(resources("fuzz-seeds").values());
        forged().values().stream().filter(bytes -> bytes.length < 64 * 1024).forEach(corpus::add);
        if (PHOTOS) {
            corpus.addAll(resources("photos").values());
        }
        JpegMutator mutator = new JpegMutator(new Random(SEED), corpus);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int inputs = 0;
        while (inputs < INPUTS && System.nanoTime() < deadline) {
            byte[] input = mutator.next();
            check("mutant " + inputs + " of seed " + SEED, input, inputs % 8 == 0);
            inputs++;
        }
        System.out.printf("fuzz: %d mutants (seed %d) in %.1f s, %d failures%n", inputs, SEED,
                (BUDGET.toNanos() - (deadline - System.nanoTime())) / 1e9, failures.size());
        assertNoFailures(inputs + " mutants");
    }

    @Test
    void committedReproducers_giveAnImageDeclineOrRefusal() {
        Map<String, byte[]> regressions = resources("fuzz-regressions");
        regressions.forEach((name, bytes) -> check("regression " + name, bytes, true));
        assertNoFailures(regressions.size() + " committed reproducers");
    }

    private void check(String name, byte[] input, boolean alsoThumbnails) {
        long bound = allocationBound(input);
        for (int scale : SCALES) {
            DecodeGuard.Outcome outcome = GUARD.run(() -> DctJpegDecoder.decode(input, scale, 1));
            judge(name + " at 1/" + scale, input, outcome, bound);
        }
        DecodeGuard.Outcome boxed = GUARD.run(() -> DctJpegDecoder.decode(input, 2, 3));
        judge(name + " at 1/2 box 3", input, boxed, bound);
        if (alsoThumbnails) {
            DecodeGuard.Outcome thumbnails = GUARD.run(() -> Optional.of(maker.make(input)));
            judge(name + " through ThumbnailMaker", input, thumbnails, bound);
        }
    }

    private void judge(String what, byte[] input, DecodeGuard.Outcome outcome, long bound) {
        if (outcome.allocatedBytes() > mostAllocated) {
            mostAllocated = outcome.allocatedBytes();
            mostAllocatedBy = what;
        }
        String problem = !outcome.allowed() ? outcome.kind() + ": " + describe(outcome.error())
                : outcome.allocatedBytes() > bound ? "allocated " + outcome.allocatedBytes() / (1024 * 1024)
                        + " MB, bound " + bound / (1024 * 1024) + " MB"
                : null;
        if (problem == null) {
            return;
        }
        Path saved = save(input);
        // One report per kind of failure and route: the same bug at four scales is one finding.
        String signature = problem.replaceAll("\\d+", "#") + (what.endsWith("ThumbnailMaker") ? " (maker)" : "");
        failures.putIfAbsent(signature, what + " -> " + problem + "\n    reproducer " + saved + " (" + input.length
                + " bytes)");
    }

    private static String describe(Throwable error) {
        StackTraceElement where = Stream.of(error.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("ru.rossgram")).findFirst().orElse(null);
        return error + (where == null ? "" : " at " + where);
    }

    private void assertNoFailures(String what) {
        System.out.printf("fuzz: %s, most allocated by one decode %.1f MB (%s)%n", what, mostAllocated / 1048576.0,
                mostAllocatedBy);
        failures.values().forEach(System.out::println);
        assertTrue(failures.isEmpty(), what + ": " + failures.size() + " kinds of failure\n"
                + String.join("\n", failures.values()));
    }

    /** Within 300 MB when the header claims at most 100 MP; beyond that, never more than the claim's RGB bytes. */
    private static long allocationBound(byte[] input) {
        long claimed = claimedPixels(input);
        return claimed <= BOUNDED_PIXELS ? ALLOCATION_BOUND : Math.max(ALLOCATION_BOUND, claimed * 3);
    }

    /** Width x height of the first start-of-frame the bytes hold (0 if none): what a decoder could be led to need. */
    static long claimedPixels(byte[] input) {
        for (int i = 0; i + 8 < input.length; i++) {
            if ((input[i] & 0xFF) == 0xFF && JpegSegments.isFrame(input[i + 1] & 0xFF)) {
                long height = ((input[i + 5] & 0xFF) << 8) | (input[i + 6] & 0xFF);
                long width = ((input[i + 7] & 0xFF) << 8) | (input[i + 8] & 0xFF);
                return width * height;
            }
        }
        return 0;
    }

    private static Path save(byte[] input) {
        try {
            Files.createDirectories(FAILURES);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input), 0, 8);
            Path path = FAILURES.resolve(hash + ".jpg");
            Files.write(path, input);
            return path.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> forged() {
        return HostileJpegs.forge(Fixtures.resource("fuzz-seeds/crop-2x2.jpg"),
                Fixtures.resource("fuzz-seeds/crop-2x2-progressive.jpg"),
                Fixtures.resource("fuzz-seeds/crop-2x2-restart.jpg"));
    }

    /** Every file in a test-resources folder, by name, sorted; none if the folder is absent. */
    static Map<String, byte[]> resources(String folder) {
        URL url = DctJpegDecoderFuzzTest.class.getResource("/" + folder);
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (url == null) {
            url = DctJpegDecoderFuzzTest.class.getResource("/fixtures/" + folder);
        }
        if (url == null) {
            return files;
        }
        try (Stream<Path> paths = Files.list(Path.of(url.toURI()))) {
            for (Path path : paths.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                files.put(path.getFileName().toString(), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
