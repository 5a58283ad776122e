package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading in bands must be invisible: whatever the reader and however the bands fall, the result is the whole
 * image box-averaged. Small originals and a tiny band height stand in for a large original and the real budget.
 */
class BandedReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"cmyk.jpg", "ycck.jpg", "adobe-rgb.png", "lossy.webp", "lossless-alpha.webp"})
    void bands_giveTheWholeImageBoxAveraged_withEveryReader(String fixture) throws Exception {
        assertBandsMatchWhole(Fixtures.resource(fixture), readerFor(fixture));
    }

    @Test
    void bands_giveTheWholeImageBoxAveraged_forInterlacedAndTransparentPngs() throws Exception {
        BufferedImage rgba = new BufferedImage(61, 47, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 47; y++) {
            for (int x = 0; x < 61; x++) {
                rgba.setRGB(x, y, ((x * 4) << 24) | ((y * 5) << 16) | ((x ^ y) & 1) * 0xFF00 | 0x40);
            }
        }
        assertBandsMatchWhole(Fixtures.png(rgba), Codecs::pngReader);
        assertBandsMatchWhole(interlacedPng(rgba), Codecs::pngReader);
    }

    @Test
    void aReaderReturningAnotherSize_isAnError_notAShiftedPicture() {
        BufferedImage tooShort = Fixtures.filled(10, 3, 0x808080);
        assertThrows(IOException.class, () -> BandedReader.read(region -> tooShort, 10, 10, 2, 5));
    }

    private static void assertBandsMatchWhole(byte[] original, Supplier<ImageReader> readers) throws Exception {
        DecodedOriginal whole = Flattener.flatten(read(original, readers, null));
        int width = whole.image().width();
        int height = whole.image().height();
        for (int factor : new int[] {2, 3}) {
            RgbImage expected = BoxShrinker.shrink(whole.image(), factor);
            for (int rows : new int[] {1, 5, 7, factor * 4}) {
                DecodedOriginal banded = BandedReader.read(region -> read(original, readers, region), width, height,
                        factor, rows);

                String where = "factor " + factor + ", bands of " + rows + " rows";
                assertEquals(expected.width(), banded.image().width(), where);
                assertEquals(expected.height(), banded.image().height(), where);
                assertArrayEquals(expected.rgb(), banded.image().rgb(), where);
                assertEquals(whole.hadAlpha(), banded.hadAlpha(), where);
            }
        }
    }

    private static BufferedImage read(byte[] original, Supplier<ImageReader> readers, Rectangle region)
            throws IOException {
        ImageReader reader = readers.get();
        try (ImageInputStream in = new GuardedImageInputStream(original)) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            if (region != null) {
                param.setSourceRegion(region);
            }
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    private static Supplier<ImageReader> readerFor(String fixture) {
        if (fixture.endsWith(".png")) {
            return Codecs::pngReader;
        }
        return fixture.endsWith(".webp") ? Codecs::webpReader : Codecs::twelveMonkeysJpegReader;
    }

    /** Adam7: the reader delivers rows pass by pass, not top to bottom. */
    private static byte[] interlacedPng(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
