package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.bench.PhotoLikeImage;
import ru.rossgram.imaging.testing.TestPictures;

/**
 * A corpus-mutation fuzzer for our own JPEG decoder, which reads hostile bytes. Seeds are small JPEGs of every kind
 * it decodes (baseline, progressive, grey, restart intervals, odd sizes) and crafted ones (bombs, broken tables);
 * mutations flip bits, cut, splice, repeat and drop segments, and set the fields of marker segments to edge values.
 * Every input, at every scale, must end decoded, declined (empty) or refused ({@link ImageRejectedException}), in
 * under {@link #TIME_LIMIT_SECONDS} and within {@link #ALLOCATION_LIMIT} of allocation: never another exception,
 * an error, a hang or an out-of-memory. A failing input is saved under target/fuzz-failures to replay.
 *
 * <p>A fixed budget keeps the build short: {@value #DEFAULT_INPUTS} inputs with a fixed seed (about half a minute);
 * {@code -Drossgram.fuzz.inputs=200000 -Drossgram.fuzz.seed=...} runs longer or elsewhere.
 */
class DctJpegDecoderFuzzTest {
    static final int DEFAULT_INPUTS = 3000;
    static final int TIME_LIMIT_SECONDS = 10;
    /** Far above what any accepted input needs (the working image is capped at 24 MP, coefficients at 64 MB). */
    static final long ALLOCATION_LIMIT = 400L * 1024 * 1024;
    private static final int[] SCALES = {1, 2, 4, 8};
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static ExecutorService worker;

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "jpeg-fuzz");
            thread.setDaemon(true); // a hung decode must not keep the build's JVM alive
            return thread;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void everyMutatedJpeg_isDecodedDeclinedOrRefused_inBoundedTimeAndMemory() throws Exception {
        int inputs = Integer.getInteger("rossgram.fuzz.inputs", DEFAULT_INPUTS);
        long seed = Long.getLong("rossgram.fuzz.seed", 20261207L);
        List<byte[]> corpus = seeds();
        Random random = new Random(seed);
        int[] outcomes = new int[3]; // decoded, declined, refused
        for (byte[] seedInput : corpus) {
            check(seedInput, "seed", outcomes);
        }
        for (int i = 0; i < inputs; i++) {
            byte[] input = mutate(corpus.get(random.nextInt(corpus.size())), corpus, random);
            check(input, "seed " + seed + " input " + i, outcomes);
        }
        System.out.printf("JPEG fuzz: %d inputs x %d scales: %d decoded, %d declined, %d refused%n",
                inputs + corpus.size(), SCALES.length, outcomes[0], outcomes[1], outcomes[2]);
        assertTrue(outcomes[0] > 0 && outcomes[2] > 0, "the mutations should reach both outcomes");
    }

    @Test
    void committedReproducers_stayDecodedDeclinedOrRefused() throws Exception {
        Path folder = Path.of("src/test/resources/fuzz-regressions");
        if (!Files.isDirectory(folder)) {
            return;
        }
        int[] outcomes = new int[3];
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                check(Files.readAllBytes(file), file.toString(), outcomes);
            }
        }
    }

    private void check(byte[] input, String name, int[] outcomes) throws Exception {
        for (int scale : SCALES) {
            Future<Integer> decode = worker.submit(() -> decodeMeasured(input, scale));
            try {
                outcomes[decode.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)]++;
            } catch (TimeoutException e) {
                decode.cancel(true);
                throw failure(input, name + " at 1/" + scale + " ran longer than " + TIME_LIMIT_SECONDS + " s", null);
            } catch (ExecutionException e) {
                throw failure(input, name + " at 1/" + scale + " threw " + e.getCause(), e.getCause());
            }
        }
    }

    /** 0 decoded, 1 declined, 2 refused; anything else propagates and fails the test. */
    private static int decodeMeasured(byte[] input, int scale) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        int outcome;
        try {
            outcome = DctJpegDecoder.decode(input, scale, 1).isPresent() ? 0 : 1;
        } catch (ImageRejectedException refused) {
            outcome = 2;
        }
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        if (allocated > ALLOCATION_LIMIT) {
            throw new IllegalStateException("allocated " + allocated / (1024 * 1024) + " MB");
        }
        return outcome;
    }

    private static AssertionError failure(byte[] input, String message, Throwable cause) throws IOException {
        Path folder = Path.of("target/fuzz-failures");
        Files.createDirectories(folder);
        Path saved = folder.resolve(Integer.toHexString(Arrays.hashCode(input)) + ".jpg");
        Files.write(saved, input);
        AssertionError error = new AssertionError(message + "; input saved as " + saved.toAbsolutePath());
        error.initCause(cause);
        return error;
    }

    /** Small JPEGs of every kind the decoder reads, and a few crafted to be hostile from the start. */
    static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        BufferedImage photo = PhotoLikeImage.generate(83, 61, 7); // odd sizes: partial MCUs everywhere
        seeds.add(Fixtures.jpeg(photo, 0.9f, false));
        seeds.add(Fixtures.jpeg(photo, 0.9f, true));
        seeds.add(Fixtures.jpeg(PhotoLikeImage.generate(40, 33, 8), 0.5f, true));
        BufferedImage grey = new BufferedImage(57, 45, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(photo, 0, 0, null);
        seeds.add(Fixtures.jpeg(grey, 0.9f, false));
        seeds.add(Fixtures.jpeg(grey, 0.9f, true));
        seeds.add(withRestartInterval(Fixtures.jpeg(photo, 0.9f, false)));
        seeds.add(Fixtures.resource("adobe-rgb.jpg"));
        seeds.add(Fixtures.resource("cmyk.jpg"));
        byte[] small = Fixtures.jpeg(photo, 0.9f, false);
        seeds.add(TestPictures.jpegClaiming(small, 65535, 65535));
        seeds.add(TestPictures.jpegClaiming(Fixtures.jpeg(photo, 0.9f, true), 30000, 20000));
        seeds.add(overfullHuffmanTable(small));
        return seeds;
    }

    /** One mutation, sometimes two: each kind finds different mistakes. */
    static byte[] mutate(byte[] seed, List<byte[]> corpus, Random random) {
        byte[] input = mutateOnce(seed, corpus, random);
        return random.nextInt(4) == 0 ? mutateOnce(input, corpus, random) : input;
    }

    private static byte[] mutateOnce(byte[] seed, List<byte[]> corpus, Random random) {
        byte[] copy = seed.clone();
        if (copy.length < 4) {
            return copy; // a first mutation cut it to almost nothing: that is the input
        }
        List<int[]> segments = segments(copy);
        switch (random.nextInt(9)) {
            case 0 -> { // flip bits anywhere
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> copy = Arrays.copyOf(copy, 2 + random.nextInt(copy.length - 2)); // truncated
            case 2 -> { // a field of a marker segment set to an edge value: sizes, counts, table ids, factors
                int[] segment = segments.get(random.nextInt(segments.size()));
                int at = segment[1] + random.nextInt(Math.max(1, segment[2]));
                if (at < copy.length) {
                    copy[at] = (byte) new int[] {0, 1, 2, 3, 4, 5, 15, 16, 17, 63, 64, 127, 128, 254, 255,
                        random.nextInt(256)}[random.nextInt(16)];
                }
            }
            case 3 -> { // a segment's length wrong
                int[] segment = segments.get(random.nextInt(segments.size()));
                copy[segment[1] - 2] = (byte) random.nextInt(256);
                copy[segment[1] - 1] = (byte) random.nextInt(256);
            }
            case 4 -> copy = repeatOrDrop(copy, segments.get(random.nextInt(segments.size())), random.nextBoolean());
            case 5 -> { // spliced: the head of one file, the tail of another
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                int cut = 2 + random.nextInt(copy.length - 2);
                int from = random.nextInt(other.length);
                byte[] spliced = Arrays.copyOf(copy, cut + other.length - from);
                System.arraycopy(other, from, spliced, cut, other.length - from);
                copy = spliced;
            }
            case 6 -> { // a marker dropped into the entropy-coded data: RSTn, EOI, SOS, DHT
                int at = 2 + random.nextInt(copy.length - 3);
                copy[at] = (byte) 0xFF;
                copy[at + 1] = (byte) new int[] {0xD0 + random.nextInt(8), 0xD9, 0xDA, 0xC4, 0xFF, 0x00}[random.nextInt(6)];
            }
            case 7 -> { // a run overwritten with junk
                int start = random.nextInt(copy.length);
                int end = Math.min(copy.length, start + 1 + random.nextInt(64));
                for (int i = start; i < end; i++) {
                    copy[i] = (byte) random.nextInt(256);
                }
            }
            default -> { // the end cut off and padded with zeros or 0xFF, as a half-written upload
                int cut = 2 + random.nextInt(copy.length - 2);
                Arrays.fill(copy, cut, copy.length, (byte) (random.nextBoolean() ? 0 : 0xFF));
            }
        }
        return copy;
    }

    /** {marker, data start, data length} of each marker segment before the first scan's data, and the SOS. */
    static List<int[]> segments(byte[] jpeg) {
        List<int[]> segments = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            if (length < 2 || pos + 2 + length > jpeg.length) {
                break;
            }
            segments.add(new int[] {marker, pos + 4, length - 2});
            if (marker == 0xDA) {
                break;
            }
            pos += 2 + length;
        }
        if (segments.isEmpty()) {
            segments.add(new int[] {0, 2, Math.max(1, jpeg.length - 2)});
        }
        return segments;
    }

    private static byte[] repeatOrDrop(byte[] jpeg, int[] segment, boolean repeat) {
        int start = segment[1] - 4;
        int end = Math.min(jpeg.length, segment[1] + segment[2]);
        if (start < 2) {
            return jpeg;
        }
        byte[] before = Arrays.copyOfRange(jpeg, 0, repeat ? end : start);
        byte[] piece = repeat ? Arrays.copyOfRange(jpeg, start, end) : new byte[0];
        byte[] after = Arrays.copyOfRange(jpeg, end, jpeg.length);
        byte[] out = new byte[before.length + piece.length + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        System.arraycopy(piece, 0, out, before.length, piece.length);
        System.arraycopy(after, 0, out, before.length + piece.length, after.length);
        return out;
    }

    /** A DRI segment (restart every 2 MCUs) is only meaningful with RSTn markers, which this file lacks. */
    private static byte[] withRestartInterval(byte[] jpeg) {
        byte[] dri = {(byte) 0xFF, (byte) 0xDD, 0, 4, 0, 2};
        byte[] out = new byte[jpeg.length + dri.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(dri, 0, out, 2, dri.length);
        System.arraycopy(jpeg, 2, out, 2 + dri.length, jpeg.length - 2);
        return out;
    }

    /** The first Huffman table's code counts all 255: more codes than any length holds. */
    private static byte[] overfullHuffmanTable(byte[] jpeg) {
        byte[] out = jpeg.clone();
        for (int[] segment : segments(out)) {
            if (segment[0] == 0xC4) {
                Arrays.fill(out, segment[1] + 1, Math.min(segment[1] + 17, out.length), (byte) 0xFF);
                return out;
            }
        }
        throw new AssertionError("no DHT segment");
    }
}
