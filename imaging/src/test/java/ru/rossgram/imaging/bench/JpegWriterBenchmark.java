package ru.rossgram.imaging.bench;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import ru.rossgram.imaging.JpegEncoders;

/**
 * Times our progressive JPEG writer against the JDK's ImageIO writer on a 1080x810 photo at quality 0.82:
 * the median of 30 runs after warming up. Run it on each JDK we ship on, e.g.
 * {@code java -cp imaging/target/classes:imaging/target/test-classes ru.rossgram.imaging.bench.JpegWriterBenchmark [photo.jpg]};
 * without an argument it uses {@link PhotoLikeImage}.
 */
public final class JpegWriterBenchmark {
    private static final int WARM_UP = 40;
    private static final int RUNS = 30;

    private JpegWriterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BufferedImage photo = args.length > 0 ? ImageIO.read(new java.io.File(args[0]))
                : PhotoLikeImage.generate(1080, 810, 7);
        Supplier<byte[]> jdk = JpegEncoders.jdk(photo, 0.82f);
        Supplier<byte[]> ours = JpegEncoders.ours(photo, 0.82f);
        System.out.printf(Locale.ROOT, "%s %s, %dx%d%n", System.getProperty("java.vm.vendor"),
                System.getProperty("java.version"), photo.getWidth(), photo.getHeight());
        // Alternate the warm-up so neither gets the JIT's attention first.
        for (int i = 0; i < WARM_UP; i++) {
            jdk.get();
            ours.get();
        }
        report("JDK ImageIO writer", jdk);
        report("ProgressiveJpegWriter", ours);
    }

    private static void report(String name, Supplier<byte[]> encoder) {
        double[] millis = new double[RUNS];
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            size = encoder.get().length;
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%-22s median %6.2f ms (min %6.2f), %d bytes%n", name, millis[RUNS / 2],
                millis[0], size);
    }
}
