package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.imaging.Fixtures.assertColour;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.bench.PhotoLikeImage;

/**
 * The streaming route depends on how the JDK's JPEG reader writes into its destination. If a JDK changes
 * that, these fail here, rather than every JPEG quietly taking the slower, memory-hungry route in production.
 */
class JpegRowDecoderTest {

    @Test
    void plainJpegs_streamThroughTheJdkReader_baselineAndProgressive() throws Exception {
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = Fixtures.jpeg(Fixtures.blocks(60, new int[][] {{Fixtures.RED, Fixtures.GREEN}}), 0.95f, progressive);
            OriginalHeader header = JpegHeaderReader.read(jpeg);

            Optional<RgbImage> shrunk = JpegRowDecoder.decode(jpeg, header, 3);

            assertTrue(shrunk.isPresent(), progressive ? "progressive" : "baseline");
            assertEquals(40, shrunk.get().width());
            assertEquals(20, shrunk.get().height());
            assertColour(Fixtures.RED, shrunk.get().rgbAt(5, 10), 6, "left");
            assertColour(Fixtures.GREEN, shrunk.get().rgbAt(35, 10), 6, "right");
        }
    }

    @Test
    void greyJpegs_stream_asGrey() throws Exception {
        BufferedImage grey = new BufferedImage(30, 30, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 30, 30, 0, filled(900, 77));
        byte[] jpeg = Fixtures.jpeg(grey);

        RgbImage image = JpegRowDecoder.decode(jpeg, JpegHeaderReader.read(jpeg), 1).orElseThrow();

        assertColour(0x4D4D4D, image.rgbAt(15, 15), 2, "grey level kept");
    }

    @Test
    void largeOriginal_isShrunkWhileDecoding() throws Exception {
        byte[] jpeg = Fixtures.jpeg(PhotoLikeImage.generate(3000, 2000, 14), 0.9f, false);

        RgbImage shrunk = JpegRowDecoder.decode(jpeg, JpegHeaderReader.read(jpeg), 4).orElseThrow();

        assertEquals(750, shrunk.width());
        assertEquals(500, shrunk.height());
    }

    private static int[] filled(int n, int value) {
        int[] samples = new int[n];
        Arrays.fill(samples, value);
        return samples;
    }
}
