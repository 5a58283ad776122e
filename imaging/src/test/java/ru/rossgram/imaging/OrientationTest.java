package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.rossgram.imaging.Fixtures.assertColour;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each fixture stores its pixels turned so that only its EXIF orientation shows them upright (ImageMagick's
 * auto-orient checked that when they were made): red top left, green top right, blue bottom left, white
 * bottom right, 48 x 32.
 */
class OrientationTest {
    private final ThumbnailMaker maker = new ThumbnailMaker();

    @ParameterizedTest(name = "EXIF orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientation_comesOutUpright(int orientation) throws Exception {
        Thumbnails thumbnails = maker.make(Fixtures.resource("orientation-" + orientation + ".jpg"));

        assertEquals(48, thumbnails.width(), "upright width");
        assertEquals(32, thumbnails.height(), "upright height");
        for (String name : new String[] {"w1080", "w320"}) {
            BufferedImage upright = Fixtures.decode(thumbnails.rendition(name).orElseThrow());
            assertEquals(48, upright.getWidth());
            assertEquals(32, upright.getHeight());
            assertColour(0xFF0000, upright.getRGB(5, 5), 40, name + " top left");
            assertColour(0x00FF00, upright.getRGB(42, 5), 40, name + " top right");
            assertColour(0x0000FF, upright.getRGB(5, 26), 40, name + " bottom left");
            assertColour(0xFFFFFF, upright.getRGB(42, 26), 40, name + " bottom right");
        }
        BufferedImage square = Fixtures.decode(thumbnails.rendition("square150").orElseThrow());
        assertEquals(32, square.getWidth());
        assertColour(0xFF0000, square.getRGB(2, 2), 40, "square top left");
        assertColour(0xFFFFFF, square.getRGB(29, 29), 40, "square bottom right");
    }

    @Test
    void pngWithAnExifChunk_isTurnedUprightToo() throws Exception {
        // The JPEG fixture's EXIF block (orientation 6), moved into a PNG's eXIf chunk over the same pixels.
        byte[] jpeg = Fixtures.resource("orientation-6.jpg");
        BufferedImage stored = Fixtures.decode(jpeg);
        byte[] png = withChunk(Fixtures.png(stored), "eXIf", exifOf(jpeg));

        Thumbnails thumbnails = maker.make(png);

        assertEquals(48, thumbnails.width());
        assertEquals(32, thumbnails.height());
        BufferedImage upright = Fixtures.decode(thumbnails.rendition("w320").orElseThrow());
        assertColour(0xFF0000, upright.getRGB(5, 5), 40, "top left");
        assertColour(0xFFFFFF, upright.getRGB(42, 26), 40, "bottom right");
    }

    /** The TIFF block of a JPEG's APP1 "Exif" segment. */
    private static byte[] exifOf(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 < jpeg.length) {
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            if ((jpeg[pos + 1] & 0xFF) == 0xE1 && new String(jpeg, pos + 4, 4, StandardCharsets.ISO_8859_1).equals("Exif")) {
                return Arrays.copyOfRange(jpeg, pos + 10, pos + 2 + length);
            }
            pos += 2 + length;
        }
        throw new AssertionError("no EXIF");
    }

    /** The PNG with one more chunk right after IHDR. */
    private static byte[] withChunk(byte[] png, String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature and IHDR
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        out.writeBytes(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8), (byte) data.length});
        out.writeBytes(typeAndData);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }
}
