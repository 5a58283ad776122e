package ru.rossgram.imaging;

import java.awt.image.BufferedImage;
import java.util.function.Supplier;

/** The two JPEG encoders for the benchmark in the bench package (both are package-private), pixels prepared once. */
public final class JpegEncoders {
    private JpegEncoders() {
    }

    /** Encodes {@code image} with the JDK's ImageIO writer, as the pipeline does, at each call. */
    public static Supplier<byte[]> jdk(BufferedImage image, float quality) {
        RgbImage pixels = ProgressiveJpegWriterTest.rgb(image);
        JpegEncoder encoder = new JpegEncoder(quality);
        return () -> encoder.encode(pixels);
    }

    /** Encodes {@code image} with our pure-Java progressive writer at each call. */
    public static Supplier<byte[]> ours(BufferedImage image, float quality) {
        RgbImage pixels = ProgressiveJpegWriterTest.rgb(image);
        ProgressiveJpegWriter writer = new ProgressiveJpegWriter(quality);
        return () -> writer.encode(pixels);
    }
}
