package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.imaging.testing.TestPictures.assertColour;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import ru.rossgram.imaging.testing.TestPictures;

/**
 * Photos as phones send them, drawn here, and what the tests check in what comes back. The imaging module's
 * fixtures, plain pictures, PNGs, decoding and the colour check are {@link TestPictures}, from its test-jar.
 */
final class TestImages {
    static final int RED = 0xFF0000;
    static final int GREEN = 0x00FF00;
    static final int BLUE = 0x0000FF;
    static final int WHITE = 0xFFFFFF;

    private TestImages() {
    }

    /**
     * Red top left, green top right, blue bottom left, white bottom right: any turn or flip shows. This is the
     * picture upright; {@code storedFor} gives the pixels a camera stores for an EXIF orientation.
     */
    static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int[][] colours = {{RED, GREEN}, {BLUE, WHITE}};
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                g.setColor(new Color(colours[row][column]));
                int x = column * width / 2;
                int y = row * height / 2;
                g.fillRect(x, y, (column + 1) * width / 2 - x, (row + 1) * height / 2 - y);
            }
        }
        g.dispose();
        return image;
    }

    /** The upright picture turned 90 degrees anticlockwise: what EXIF orientation 6 (rotate 90 CW to show) stores. */
    static BufferedImage storedForOrientation6(BufferedImage upright) {
        int w = upright.getWidth();
        int h = upright.getHeight();
        BufferedImage stored = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int sy = 0; sy < w; sy++) {
            for (int sx = 0; sx < h; sx++) {
                stored.setRGB(sx, sy, upright.getRGB(w - 1 - sy, sx));
            }
        }
        return stored;
    }

    /** Opaque {@code rgb} on the left half, fully transparent on the right. */
    static BufferedImage transparentRightHalf(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        return image;
    }

    /** A JFIF JPEG with no EXIF, baseline or progressive, at quality 0.92. */
    static byte[] jpeg(BufferedImage image, boolean progressive) {
        return TestPictures.jpeg(image, 0.92f, progressive);
    }

    static byte[] jpeg(BufferedImage image) {
        return jpeg(image, false);
    }

    /** The JPEG with an APP1 Exif segment right after SOI whose only tag is Orientation = {@code orientation}. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
                'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, first IFD at 8
                0, 1, // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
                0, 0, 0, 0}; // no next IFD
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(exif);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * Every marker of a JPEG from SOI to EOI, entropy-coded data skipped, e.g. {@code [D8, E0, DB, C2, C4, DA, ..., D9]}:
     * a progressive JPEG's later scans and tables included, where metadata could hide too.
     */
    static List<Integer> markers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        assertTrue(jpeg.length > 4 && (jpeg[0] & 0xFF) == 0xFF && (jpeg[1] & 0xFF) == 0xD8, "no SOI");
        markers.add(0xD8);
        int pos = 2;
        while (pos + 1 < jpeg.length) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                throw new AssertionError("no marker at " + pos + " of " + jpeg.length);
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            markers.add(marker);
            if (marker == 0xD9) {
                return markers;
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            pos += 2 + length;
            if (marker == 0xDA) { // entropy-coded data runs to the next marker that is not a stuffed 00 or a restart
                while (pos + 1 < jpeg.length && !((jpeg[pos] & 0xFF) == 0xFF && isSegmentMarker(jpeg[pos + 1] & 0xFF))) {
                    pos++;
                }
            }
        }
        throw new AssertionError("no EOI");
    }

    private static boolean isSegmentMarker(int marker) {
        return marker != 0x00 && marker != 0xFF && !(marker >= 0xD0 && marker <= 0xD7);
    }

    /** Asserts the four quadrants' colours, sampled at their centres: the picture is upright. */
    static void assertUprightQuadrants(BufferedImage image, String what) {
        int w = image.getWidth();
        int h = image.getHeight();
        assertColour(RED, image.getRGB(w / 4, h / 4), 40, what + " top left");
        assertColour(GREEN, image.getRGB(3 * w / 4, h / 4), 40, what + " top right");
        assertColour(BLUE, image.getRGB(w / 4, 3 * h / 4), 40, what + " bottom left");
        assertColour(WHITE, image.getRGB(3 * w / 4, 3 * h / 4), 40, what + " bottom right");
    }
}
