package ru.rossgram.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import ru.rossgram.imaging.testing.TestPictures;

/**
 * Test images: the committed fixtures (see resources/fixtures/make-fixtures.sh) and ones drawn on the spot.
 * Fetching, drawing, encoding, decoding and the colour check are {@link TestPictures}, shared with the integration
 * tests; the names here are this module's tests' own, with their colours and their default JPEG quality.
 */
final class Fixtures {
    static final int RED = 0xC82828;
    static final int GREEN = 0x28A03C;
    static final int BLUE = 0x2846BE;
    static final int GREY = 0x808080;

    private Fixtures() {
    }

    static byte[] resource(String name) {
        return TestPictures.fixture(name);
    }

    /** Blocks of colour, {@code colours[row][column]}, each {@code block} pixels square. */
    static BufferedImage blocks(int block, int[][] colours) {
        BufferedImage image = new BufferedImage(colours[0].length * block, colours.length * block, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int row = 0; row < colours.length; row++) {
            for (int column = 0; column < colours[row].length; column++) {
                g.setColor(new Color(colours[row][column]));
                g.fillRect(column * block, row * block, block, block);
            }
        }
        g.dispose();
        return image;
    }

    static BufferedImage filled(int width, int height, int rgb) {
        return TestPictures.filled(width, height, rgb);
    }

    /** Baseline, quality 0.95. */
    static byte[] jpeg(BufferedImage image) {
        return jpeg(image, 0.95f, false);
    }

    static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
        return TestPictures.jpeg(image, quality, progressive);
    }

    static byte[] png(BufferedImage image) {
        return TestPictures.png(image);
    }

    static byte[] encode(BufferedImage image, String format) {
        return TestPictures.encode(image, format);
    }

    static BufferedImage decode(byte[] bytes) {
        return TestPictures.decode(bytes);
    }

    static BufferedImage decode(Rendition rendition) {
        return decode(rendition.bytes());
    }

    static void assertColour(int expected, int actual, int tolerance, String where) {
        TestPictures.assertColour(expected, actual, tolerance, where);
    }

    static int distance(int a, int b) {
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return max;
    }

    /**
     * The marker segments of a JPEG up to its first scan, e.g. {@code [0xE0, 0xDB, 0xC2, 0xC4, 0xDA]}. Not shared:
     * the integration tests' {@code TestImages.markers} walks every scan to EOI, these tests check only the header.
     */
    static List<Integer> markers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
        }
        return markers;
    }

    /** The start-of-frame segment's component sampling factors, e.g. {@code [0x22, 0x11, 0x11]} for 4:2:0. */
    static List<Integer> samplingFactors(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xC2) {
                int components = jpeg[pos + 9] & 0xFF;
                List<Integer> factors = new ArrayList<>();
                for (int c = 0; c < components; c++) {
                    factors.add(jpeg[pos + 11 + 3 * c] & 0xFF);
                }
                return factors;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
        }
        return List.of();
    }

    /** The picture as our pipeline's pixels (sRGB, untagged). */
    static RgbImage rgbImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        return new RgbImage(w, h, rgb, null);
    }
}
