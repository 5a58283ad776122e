package ru.rossgram.imaging.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pictures for tests: the imaging module's committed fixtures (made by
 * {@code imaging/src/test/resources/fixtures/make-fixtures.sh}), pictures drawn and encoded on the spot, and the
 * check of a pixel's colour. The imaging tests use it, and so do the integration tests, through this module's
 * test-jar; each keeps its own colours and default JPEG quality.
 */
public final class TestPictures {
    private static final String JDK_JPEG_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi";

    private TestPictures() {
    }

    /** A committed fixture, e.g. {@code orientation-6.jpg}. */
    public static byte[] fixture(String name) {
        try (InputStream in = TestPictures.class.getResourceAsStream("/fixtures/" + name)) {
            assertNotNull(in, "no imaging fixture " + name + " (the rossgram-imaging test-jar is missing?)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage filled(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /**
     * A JFIF JPEG with no EXIF, baseline or progressive, written by the JDK's own writer whatever else is on the
     * class path (TwelveMonkeys registers a writer ahead of it; for RGB pictures it writes the same bytes).
     */
    public static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
        ImageWriter writer = jdkJpegWriter();
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

    /**
     * A four-channel JPEG of raw CMYK samples (C, M, Y, K interleaved), by the JDK's writer: no Adobe marker and no
     * colour transform, which readers take as plain CMYK. The row decoder does not stream it; TwelveMonkeys reads it.
     */
    public static byte[] cmykJpeg(WritableRaster cmyk, float quality) {
        ImageWriter writer = jdkJpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(cmyk, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter jdkJpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getOriginatingProvider().getClass().getName().equals(JDK_JPEG_WRITER)) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalStateException("the JDK's JPEG writer is unavailable");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** The picture in {@code format} ("gif", "bmp", "tiff", ...) by the first ImageIO writer for it. */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, bytes), "no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The JPEG with its (baseline or progressive) frame header claiming {@code width} x {@code height}: a
     * decompression bomb's header over a small picture's data.
     */
    public static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
        byte[] bomb = jpeg.clone();
        for (int i = 2; i + 8 < bomb.length; i++) {
            if ((bomb[i] & 0xFF) == 0xFF && ((bomb[i + 1] & 0xFF) == 0xC0 || (bomb[i + 1] & 0xFF) == 0xC2)) {
                bomb[i + 5] = (byte) (height >> 8);
                bomb[i + 6] = (byte) height;
                bomb[i + 7] = (byte) (width >> 8);
                bomb[i + 8] = (byte) width;
                return bomb;
            }
        }
        throw new AssertionError("no start-of-frame marker");
    }

    /**
     * The JPEG with an EXIF segment (APP1, right after SOI) holding only {@code DateTimeOriginal}, such as
     * {@code "2019:07:14 18:30:00"}, as a camera writes it: little-endian TIFF, IFD0 pointing to the EXIF IFD.
     */
    public static byte[] jpegWithDateTimeOriginal(byte[] jpeg, String dateTimeOriginal) {
        byte[] date = (dateTimeOriginal + "\0").getBytes(StandardCharsets.US_ASCII);
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(8 + 18 + 18 + date.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put(new byte[] {'I', 'I', 42, 0}).putInt(8);
        int exifIfd = 8 + 18;
        tiff.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(exifIfd).putInt(0);
        tiff.putShort((short) 1).putShort((short) 0x9003).putShort((short) 2).putInt(date.length).putInt(exifIfd + 18).putInt(0);
        tiff.put(date);
        byte[] body = tiff.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        int length = 2 + 6 + body.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR (with its CRC) claiming {@code width} x {@code height}, and no pixels at all. */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
        byte[] chunk = new byte[17];
        System.arraycopy("IHDR".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 4);
        putInt(chunk, 4, width);
        putInt(chunk, 8, height);
        chunk[12] = 8; // bit depth
        chunk[13] = 2; // RGB
        out.writeBytes(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        out.writeBytes(crcBytes);
        return out.toByteArray();
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }

    /**
     * Black "letters" on white in lines, with margins: strokes 4 or 5 pixels wide, as print is. Every detail of it
     * is an edge, so what a blur leaves of it shows in {@link #edgeEnergy}.
     */
    public static BufferedImage textLikePage(int width, int height) {
        BufferedImage page = filled(width, height, 0xFFFFFF);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        Random random = new Random(42);
        for (int line = 80; line + 30 < height - 80; line += 48) {
            for (int x = 80; x + 18 < width - 80; x += 18) {
                if (random.nextInt(6) == 0) {
                    continue; // a space between words
                }
                g.fillRect(x, line, 5, 30);
                if (random.nextBoolean()) {
                    g.fillRect(x, line, 14, 4);
                }
                if (random.nextBoolean()) {
                    g.fillRect(x, line + 13, 12, 4);
                }
                if (random.nextBoolean()) {
                    g.fillRect(x + 9, line, 5, 30);
                }
            }
        }
        g.dispose();
        return page;
    }

    /**
     * How much edge a picture holds: the mean difference between each pixel and its right and lower neighbours,
     * in levels of the blue channel (the grey level, for black on white).
     */
    public static double edgeEnergy(BufferedImage image) {
        long sum = 0;
        long count = 0;
        for (int y = 0; y + 1 < image.getHeight(); y++) {
            for (int x = 0; x + 1 < image.getWidth(); x++) {
                int here = image.getRGB(x, y) & 0xFF;
                sum += Math.abs((image.getRGB(x + 1, y) & 0xFF) - here) + Math.abs((image.getRGB(x, y + 1) & 0xFF) - here);
                count += 2;
            }
        }
        return (double) sum / count;
    }

    /** The picture, by whichever ImageIO reader takes it; fails the test if none does. */
    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertNotNull(image, "not a decodable image");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts each channel of {@code actual} is within {@code tolerance} of {@code expected}. */
    public static void assertColour(int expected, int actual, int tolerance, String where) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= tolerance, String.format("%s: expected #%06x, got #%06x (tolerance %d)",
                    where, expected & 0xFFFFFF, actual & 0xFFFFFF, tolerance));
        }
    }
}
