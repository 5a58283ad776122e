package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.bench.PhotoLikeImage;

class ProgressiveJpegWriterTest {
    private static final float QUALITY = 0.82f;
    private static final RgbImage PHOTO = rgb(PhotoLikeImage.generate(1080, 810, 7));

    @Test
    void photo_decodesToTheSamePictureAsTheJdkWriters_atAboutTheSameSize() {
        byte[] ours = new ProgressiveJpegWriter(QUALITY).encode(PHOTO);
        byte[] jdk = new JpegEncoder(QUALITY).encode(PHOTO);
        RgbImage oursDecoded = rgb(decode(Codecs.jdkJpegReader(), ours));
        RgbImage jdkDecoded = rgb(decode(Codecs.jdkJpegReader(), jdk));

        double agreement = DctJpegDecoderTest.psnr(jdkDecoded, oursDecoded);
        assertTrue(agreement >= 40, "PSNR against the JDK writer's picture " + agreement);
        double oursFidelity = DctJpegDecoderTest.psnr(PHOTO, oursDecoded);
        double jdkFidelity = DctJpegDecoderTest.psnr(PHOTO, jdkDecoded);
        assertTrue(Math.abs(oursFidelity - jdkFidelity) <= 0.5, "PSNR " + oursFidelity + " vs the JDK's " + jdkFidelity);
        double sizeRatio = (double) ours.length / jdk.length;
        assertTrue(Math.abs(sizeRatio - 1) <= 0.05, ours.length + " bytes vs the JDK's " + jdk.length);
    }

    @Test
    void bothReaders_decodeIt_withoutWarnings() {
        byte[] ours = new ProgressiveJpegWriter(QUALITY).encode(PHOTO);
        RgbImage jdkReader = rgb(decode(Codecs.jdkJpegReader(), ours));
        RgbImage twelveMonkeys = rgb(decode(Codecs.twelveMonkeysJpegReader(), ours));
        assertTrue(DctJpegDecoderTest.psnr(jdkReader, twelveMonkeys) >= 40);
    }

    @Test
    void header_isTheJdkWritersJfifAndQuantTables_atEveryQuality() {
        RgbImage small = rgb(PhotoLikeImage.generate(64, 48, 3));
        for (float quality : new float[] {0.1f, 0.3f, 0.5f, 0.75f, 0.82f, 0.9f, 0.95f, 1f}) {
            byte[] ours = new ProgressiveJpegWriter(quality).encode(small);
            byte[] jdk = new JpegEncoder(quality).encode(small);
            assertArrayEquals(segments(jdk, 0xE0), segments(ours, 0xE0), "APP0 at " + quality);
            assertArrayEquals(segments(jdk, 0xDB), segments(ours, 0xDB), "DQT at " + quality);
            assertArrayEquals(segments(jdk, 0xC2), segments(ours, 0xC2), "SOF2 at " + quality);
        }
    }

    @Test
    void output_isProgressive420_withOnlyTheAllowedMarkers() {
        byte[] ours = new ProgressiveJpegWriter(QUALITY).encode(PHOTO);
        List<Integer> markers = allMarkers(ours);
        assertEquals(0xD8, markers.get(0));
        assertEquals(0xD9, markers.get(markers.size() - 1));
        assertEquals(List.of(0xE0, 0xDB, 0xDB, 0xC2, 0xC4), Fixtures.markers(ours).subList(0, 5));
        for (int marker : markers) {
            assertTrue(List.of(0xD8, 0xE0, 0xDB, 0xC2, 0xC4, 0xDA, 0xD9).contains(marker),
                    "marker " + Integer.toHexString(marker));
        }
        assertEquals(5, markers.stream().filter(m -> m == 0xDA).count(), "scans");
        assertEquals(List.of(0x22, 0x11, 0x11), Fixtures.samplingFactors(ours));
    }

    @Test
    void oddSizes_decodeToTheirSize_andCloseToTheSource() {
        int[][] sizes = {{1, 1}, {7, 13}, {17, 9}, {1081, 811}};
        for (int[] size : sizes) {
            RgbImage source = rgb(PhotoLikeImage.generate(size[0], size[1], 11));
            BufferedImage decoded = decode(Codecs.jdkJpegReader(), new ProgressiveJpegWriter(QUALITY).encode(source));
            decode(Codecs.twelveMonkeysJpegReader(), new ProgressiveJpegWriter(QUALITY).encode(source));
            assertEquals(size[0], decoded.getWidth());
            assertEquals(size[1], decoded.getHeight());
            RgbImage jdk = rgb(Fixtures.decode(new JpegEncoder(QUALITY).encode(source)));
            assertTrue(DctJpegDecoderTest.psnr(jdk, rgb(decoded)) >= 35, size[0] + "x" + size[1]);
        }
    }

    @Test
    void encoding_isDeterministic() {
        ProgressiveJpegWriter writer = new ProgressiveJpegWriter(QUALITY);
        assertArrayEquals(writer.encode(PHOTO), writer.encode(PHOTO));
    }

    @Test
    void oneWriter_servesConcurrentEncodes() throws Exception {
        ProgressiveJpegWriter writer = new ProgressiveJpegWriter(QUALITY);
        byte[] expected = writer.encode(PHOTO);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> writer.encode(PHOTO)));
            }
            for (Future<byte[]> result : results) {
                assertArrayEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Decodes with that reader, failing on any warning it reports (a damaged or non-conforming stream). */
    private static BufferedImage decode(ImageReader reader, byte[] jpeg) {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            BufferedImage image = reader.read(0);
            assertEquals(List.of(), warnings, reader.getClass().getName());
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    /** Every marker to EOI: segments by their length, entropy-coded data skipped over stuffed bytes. */
    private static List<Integer> allMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>(List.of(0xD8));
        int pos = 2;
        while (pos + 1 < jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xD9) {
                break;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
            if (marker == 0xDA) {
                while (!((jpeg[pos] & 0xFF) == 0xFF && (jpeg[pos + 1] & 0xFF) != 0)) {
                    pos++;
                }
            }
        }
        return markers;
    }

    /** The bytes of every segment with this marker before the first scan, concatenated. */
    private static byte[] segments(byte[] jpeg, int wanted) {
        byte[] found = new byte[0];
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            int end = pos + 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
            if (marker == wanted) {
                byte[] segment = Arrays.copyOfRange(jpeg, pos, end);
                byte[] joined = Arrays.copyOf(found, found.length + segment.length);
                System.arraycopy(segment, 0, joined, found.length, segment.length);
                found = joined;
            }
            pos = end;
        }
        return found;
    }

    static RgbImage rgb(BufferedImage image) {
        return Fixtures.rgbImage(image);
    }
}
