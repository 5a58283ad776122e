package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.bench.Psnr;

/**
 * Real photographs in every JPEG layout (fixtures/photos, see its README) through our own decoder, against the JDK's
 * reader: the picture at every scale, and the renditions a user sees. Prints every PSNR measured as a table.
 */
class DctJpegDecoderQualityTest {
    /** {scale, boxFactor}: every scale alone, and one with a box average after it. */
    private static final int[][] REDUCTIONS = {{1, 1}, {2, 1}, {4, 1}, {8, 1}, {2, 3}};
    /**
     * At full size both are 8-bit IDCTs of the same coefficients. 4:4:4, 4:1:1, grey and RGB measured 63-68 dB: only
     * rounding differs. 2x1 and 2x2 chroma measured 39.5-55 dB: the JDK's libjpeg upsamples those with its "fancy"
     * triangle filter, we repeat samples (4:1:1, which libjpeg also repeats, is 63 dB); the sand of Dune, fine colour
     * detail everywhere, is the low end (4:2:0 39.5 dB, 4:2:2 41.0 dB).
     */
    private static final double FULL_SIZE_DB = 38;
    /**
     * A scaled IDCT is a different low-pass from a box average of the full decode (sharper, no block averaging), and
     * its chroma is the subsampled plane's own scaled IDCT, not an average of upsampled pixels; they differ at every
     * edge by design. Measured 30.0 dB (Dune 4:2:0 at 1/8) to 62 dB; 1/2 with a box of 3 after it, 46-58 dB.
     */
    private static final double SCALED_DB = 29;
    /**
     * Renditions from our decode against those from a PNG of the JDK's full decode, both resampled and re-encoded at
     * quality 0.82: measured 39.9 dB (Dune 4:2:0's 150 square) to 65 dB.
     */
    private static final double RENDITION_DB = 38;

    private static final List<String> TABLE = new ArrayList<>();
    private final ThumbnailMaker maker = new ThumbnailMaker();

    @AfterAll
    static void printTable() {
        System.out.println(String.join("\n", TABLE));
    }

    @Test
    void everyLayoutAtEveryScale_isThePictureOfAnAveragedFullDecode() throws Exception {
        TABLE.add(String.format("%-34s %8s %8s %8s %8s %10s", "decoder PSNR (dB) vs JDK + box", "1/1", "1/2", "1/4",
                "1/8", "1/2 box 3"));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, byte[]> photo : photos().entrySet()) {
            byte[] jpeg = photo.getValue();
            RgbImage full = jdkDecode(jpeg);
            StringBuilder row = new StringBuilder(String.format("%-34s", photo.getKey()));
            for (int[] reduction : REDUCTIONS) {
                int scale = reduction[0];
                int box = reduction[1];
                RgbImage decoded = DctJpegDecoder.decode(jpeg, scale, box).orElseThrow(
                        () -> new AssertionError(photo.getKey() + " declined"));
                // The JDK's reader converts a profiled JPEG to sRGB as it decodes; ours leaves that to the renditions.
                RgbImage ours = new SrgbConverter().toSrgb(decoded);
                assertEquals(BoxShrinker.ceilDiv(BoxShrinker.ceilDiv(full.width(), scale), box), ours.width());
                assertEquals(BoxShrinker.ceilDiv(BoxShrinker.ceilDiv(full.height(), scale), box), ours.height());
                RgbImage reference = scale * box == 1 ? full : BoxShrinker.shrink(full, scale * box);
                double psnr = DctJpegDecoderTest.psnr(reference, ours);
                row.append(String.format(box == 1 ? " %8.2f" : " %10.2f", psnr));
                if (psnr < (scale == 1 ? FULL_SIZE_DB : SCALED_DB)) {
                    failures.add(photo.getKey() + " 1/" + scale + " box " + box + ": " + psnr + " dB");
                }
            }
            TABLE.add(row.toString());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyLayout_givesTheRenditionsOfItsLosslessCopy() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> header = null;
        for (Map.Entry<String, byte[]> photo : photos().entrySet()) {
            Thumbnails ours = maker.make(photo.getValue());
            // The PNG path never touches our decoder: the JDK's full decode, converted to sRGB as ours will be.
            Thumbnails reference = maker.make(Fixtures.png(srgb(jdkImage(photo.getValue()))));
            if (header == null) {
                header = ours.renditions().stream().map(Rendition::name).toList();
                StringBuilder line = new StringBuilder(String.format("%-34s", "rendition PSNR (dB) vs PNG path"));
                header.forEach(name -> line.append(String.format(" %9s", name)));
                TABLE.add(line.toString());
            }
            StringBuilder row = new StringBuilder(String.format("%-34s", photo.getKey()));
            for (Rendition rendition : ours.renditions()) {
                Rendition expected = reference.rendition(rendition.name()).orElseThrow();
                assertEquals(expected.width(), rendition.width(), rendition.name());
                assertEquals(expected.height(), rendition.height(), rendition.name());
                double psnr = psnr(Fixtures.decode(expected), Fixtures.decode(rendition));
                row.append(String.format(" %9.2f", psnr));
                if (psnr < RENDITION_DB) {
                    failures.add(photo.getKey() + " " + rendition.name() + ": " + psnr + " dB");
                }
            }
            TABLE.add(row.toString());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static Map<String, byte[]> photos() {
        return DctJpegDecoderFuzzTest.resources("photos");
    }

    /** The JDK's own reader, not whichever plugin ImageIO finds first. */
    private static BufferedImage jdkImage(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                if (reader.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReader")) {
                    reader.setInput(in);
                    try {
                        return reader.read(0);
                    } finally {
                        reader.dispose();
                    }
                }
                reader.dispose();
            }
            throw new AssertionError("no JDK JPEG reader");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its samples as RGB (grey spread to three channels; a profiled JPEG already converted to sRGB by the reader). */
    private static RgbImage jdkDecode(byte[] jpeg) {
        Raster raster = jdkImage(jpeg).getRaster();
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        byte[] rgb = new byte[w * h * 3];
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * w + x) * 3 + c] = (byte) row[x * bands + (bands == 1 ? 0 : c)];
                }
            }
        }
        return new RgbImage(w, h, rgb, null);
    }

    private static BufferedImage srgb(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        if (image.getColorModel().getColorSpace().isCS_sRGB()
                || image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            out.getGraphics().drawImage(image, 0, 0, null);
            return out;
        }
        return new ColorConvertOp(null).filter(image, out);
    }

    private static double psnr(BufferedImage a, BufferedImage b) {
        return Math.min(99, Psnr.of(a, b)); // identical pictures print as 99 dB, not infinity
    }
}
