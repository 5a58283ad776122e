package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.testing.TestPictures;

/**
 * What our own decoder promises the pipeline: sizes that round up like libjpeg's, the picture ImageIO sees at every
 * scale, a refusal for damage, and "not mine" for what it leaves to ImageIO. The real photographs at every sampling
 * factor are in DctJpegDecoderQualityTest; hostile bytes in DctJpegDecoderFuzzTest.
 */
class DctJpegDecoderTest {
    /** Odd sizes, so the last MCU row and column are partial at every scale. */
    private static final BufferedImage PICTURE = gradientWithBlocks(1001, 667);

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 1", "4, 1", "8, 1", "2, 3", "4, 2"})
    void decodes_baselineAndProgressive_toTheSizeAndPictureOfAnAveragedFullDecode(int scale, int box)
            throws Exception {
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = Fixtures.jpeg(PICTURE, 0.92f, progressive);
            RgbImage decoded = DctJpegDecoder.decode(jpeg, scale, box).orElseThrow();
            int width = BoxShrinker.ceilDiv(BoxShrinker.ceilDiv(1001, scale), box);
            int height = BoxShrinker.ceilDiv(BoxShrinker.ceilDiv(667, scale), box);
            assertEquals(width, decoded.width());
            assertEquals(height, decoded.height());
            RgbImage reference = averagedImageIoDecode(jpeg, scale * box);
            double psnr = psnr(reference, decoded);
            // A scaled inverse DCT is a sharper low-pass than a box average, so they differ a little at edges.
            assertTrue(psnr > (scale == 1 ? 40 : 30), "PSNR " + psnr + " at 1/" + scale + " box " + box);
        }
    }

    @Test
    void decodesGrey_asGreyInAllThreeChannels() throws Exception {
        BufferedImage grey = new BufferedImage(301, 203, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(PICTURE, 0, 0, null);
        RgbImage decoded = DctJpegDecoder.decode(Fixtures.jpeg(grey, 0.95f, false), 2, 1).orElseThrow();
        assertEquals(151, decoded.width());
        for (int i = 0; i < decoded.rgb().length; i += 3) {
            assertEquals(decoded.rgb()[i], decoded.rgb()[i + 1]);
            assertEquals(decoded.rgb()[i], decoded.rgb()[i + 2]);
        }
    }

    @Test
    void keepsAnEmbeddedRgbProfile_forTheRenditionsToConvertFrom() throws Exception {
        RgbImage decoded = DctJpegDecoder.decode(Fixtures.resource("adobe-rgb.jpg"), 1, 1).orElseThrow();
        assertNotNull(decoded.profile());
        RgbImage plain = DctJpegDecoder.decode(Fixtures.jpeg(PICTURE), 1, 1).orElseThrow();
        assertNull(plain.profile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cmyk.jpg", "ycck.jpg"})
    void declinesFourComponentJpegs_forImageIoToConvert(String fixture) throws Exception {
        assertTrue(DctJpegDecoder.decode(Fixtures.resource(fixture), 2, 1).isEmpty());
    }

    @Test
    void declinesTwelveBitAndArithmeticCodedFrames() throws Exception {
        byte[] jpeg = Fixtures.jpeg(PICTURE);
        int frame = indexOfMarker(jpeg, 0xC0);
        byte[] twelveBit = jpeg.clone();
        twelveBit[frame + 4] = 12;
        assertTrue(DctJpegDecoder.decode(twelveBit, 1, 1).isEmpty());
        byte[] arithmetic = jpeg.clone();
        arithmetic[frame + 1] = (byte) 0xC9;
        assertTrue(DctJpegDecoder.decode(arithmetic, 1, 1).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void refusesATruncatedFile_asCorrupt(boolean progressive) {
        byte[] jpeg = Fixtures.jpeg(PICTURE, 0.92f, progressive);
        for (double kept : new double[] {0.3, 0.7, 0.98}) {
            byte[] cut = Arrays.copyOf(jpeg, (int) (jpeg.length * kept));
            ImageRejectedException e = assertThrows(ImageRejectedException.class,
                    () -> DctJpegDecoder.decode(cut, 2, 1));
            assertEquals(ImageRejectedException.Reason.CORRUPT, e.reason());
        }
    }

    @Test
    void refusesGarbledEntropyData_asCorrupt_neverAnotherException() {
        byte[] jpeg = Fixtures.jpeg(PICTURE);
        int scan = indexOfMarker(jpeg, 0xDA);
        int corrupted = 0;
        for (int at = scan + 20; at < jpeg.length - 2; at += (jpeg.length - scan) / 50) {
            byte[] garbled = jpeg.clone();
            garbled[at] = (byte) 0xFF;
            garbled[at + 1] = (byte) 0xD3; // a restart marker where none belongs
            try {
                DctJpegDecoder.decode(garbled, 2, 1);
            } catch (ImageRejectedException e) {
                assertEquals(ImageRejectedException.Reason.CORRUPT, e.reason());
                corrupted++;
            }
        }
        assertTrue(corrupted > 0);
    }

    @Test
    void refusesWhatWouldExceedTheWorkingImageBudget_beforeDecoding() {
        byte[] huge = TestPictures.jpegClaiming(Fixtures.jpeg(PICTURE), 60000, 60000);
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> DctJpegDecoder.decode(huge, 1, 1));
        assertEquals(ImageRejectedException.Reason.TOO_MANY_PIXELS, e.reason());
    }

    @Test
    void decodesTheSamePixels_whateverTheRoute_atFullSize() throws Exception {
        byte[] jpeg = Fixtures.jpeg(PICTURE, 0.95f, false);
        RgbImage ours = DctJpegDecoder.decode(jpeg, 1, 1).orElseThrow();
        RgbImage jdk = JpegRowDecoder.decode(jpeg, JpegHeaderReader.read(jpeg), 1).orElseThrow();
        assertArrayEquals(new int[] {ours.width(), ours.height()}, new int[] {jdk.width(), jdk.height()});
        assertTrue(psnr(jdk, ours) > 40, "PSNR " + psnr(jdk, ours));
    }

    static RgbImage averagedImageIoDecode(byte[] jpeg, int factor) {
        RgbImage image = Fixtures.rgbImage(Fixtures.decode(jpeg));
        return factor == 1 ? image : BoxShrinker.shrink(image, factor);
    }

    /** The decoder hands colour over as YCbCr, converted once the image is small; compare in RGB. */
    static RgbImage rgb(RgbImage decoded) {
        return decoded.isYcc() ? YccToRgb.convert(decoded) : decoded;
    }

    static double psnr(RgbImage a, RgbImage b) {
        a = rgb(a);
        b = rgb(b);
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        double squares = 0;
        for (int i = 0; i < a.rgb().length; i++) {
            int d = (a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF);
            squares += d * d;
        }
        return squares == 0 ? 99 : 10 * Math.log10(255.0 * 255 * a.rgb().length / squares);
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 2; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }

    /**
     * Smooth colour gradients with hard-edged light and dark blocks: like a photo, its edges are in brightness and its
     * colour changes slowly (the chroma is subsampled; hard colour edges are where any two decoders' upsampling
     * differs most, libjpeg's "fancy" triangle filter against our repeated samples).
     */
    private static BufferedImage gradientWithBlocks(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int light = ((x / 37 + y / 29) & 1) == 0 ? -60 : 60;
                int r = 60 + x * 130 / width + light;
                int g = 60 + y * 130 / height + light;
                int b = 120 + light;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }
}
