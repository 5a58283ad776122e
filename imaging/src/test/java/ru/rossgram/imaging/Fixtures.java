package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test images: the committed fixtures (see resources/fixtures/make-fixtures.sh) and ones drawn on the spot. */
final class Fixtures {
    static final int RED = 0xC82828;
    static final int GREEN = 0x28A03C;
    static final int BLUE = 0x2846BE;
    static final int GREY = 0x808080;

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image) {
        return jpeg(image, 0.95f, false);
    }

    /** Written by the JDK's own writer, whatever else is on the class path. */
    static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
        ImageWriter writer = Codecs.jpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, bytes), "no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertTrue(image != null, "undecodable output");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(Rendition rendition) {
        return decode(rendition.bytes());
    }

    /** Asserts each channel of {@code actual} is within {@code tolerance} of {@code expected}. */
    static void assertColour(int expected, int actual, int tolerance, String where) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= tolerance,
                    String.format("%s: expected #%06x, got #%06x (tolerance %d)", where, expected & 0xFFFFFF, actual & 0xFFFFFF, tolerance));
        }
    }

    static int distance(int a, int b) {
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return max;
    }

    /** The marker segments of a JPEG up to its first scan, e.g. {@code [0xE0, 0xDB, 0xC2, 0xC4, 0xDA]}. */
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
}
