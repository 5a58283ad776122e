package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.testing.TestPictures;

/**
 * Originals above the 16 MP decode budget that the streamed JPEG path does not take, PNG and CMYK JPEG. A large
 * WebP is not made here (no WebP encoder on the class path); {@link BandedReaderTest} covers the WebP reader's bands.
 */
class LargeOriginalTest {
    private final ThumbnailMaker maker = new ThumbnailMaker();

    @Test
    void largePng_ofOnePixelCheckerboard_comesOutEvenGrey_notMoire() throws Exception {
        // 16.4 MP, just over the budget. Keeping every second pixel of a one-pixel checkerboard keeps one colour
        // only: the thumbnail would be solid black or white. Averaging every pixel gives mid-grey everywhere.
        int width = 4100;
        int height = 4000;
        assertTrue((long) width * height > ImageIoDecoder.DECODE_BUDGET_PIXELS);
        BufferedImage checkerboard = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] grey = ((DataBufferByte) checkerboard.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                grey[y * width + x] = (byte) ((x + y) % 2 == 0 ? 0 : 255);
            }
        }

        Thumbnails thumbnails = maker.make(Fixtures.png(checkerboard));

        assertEvenGrey(thumbnails, 120, 136);
    }

    @Test
    void largeCmykJpeg_ofOnePixelCheckerboard_comesOutEvenGrey_notMoire() throws Exception {
        // Black ink on every other pixel. Point sampling would keep only the inked or only the bare ones.
        int width = 4100;
        int height = 4000;
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        byte[] samples = ((DataBufferByte) cmyk.getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                samples[(y * width + x) * 4 + 3] = (byte) ((x + y) % 2 == 0 ? 0 : 255);
            }
        }

        Thumbnails thumbnails = maker.make(TestPictures.cmykJpeg(cmyk, 1.0f));

        assertEvenGrey(thumbnails, 110, 146);
    }

    /** Every level of w1080, away from its edges, within {@code darkestAllowed..lightestAllowed}: no solid colour, no bands. */
    private static void assertEvenGrey(Thumbnails thumbnails, int darkestAllowed, int lightestAllowed) {
        BufferedImage w1080 = Fixtures.decode(thumbnails.rendition("w1080").orElseThrow());
        assertEquals(1080, w1080.getWidth());
        int darkest = 255;
        int lightest = 0;
        for (int y = 2; y < w1080.getHeight() - 2; y++) {
            for (int x = 2; x < w1080.getWidth() - 2; x++) {
                int level = w1080.getRGB(x, y) & 0xFF;
                darkest = Math.min(darkest, level);
                lightest = Math.max(lightest, level);
            }
        }
        assertTrue(darkest >= darkestAllowed && lightest <= lightestAllowed,
                "levels " + darkest + ".." + lightest + ", not an even grey");
    }

    @Test
    void largePng_withNoPixelsBehindItsHeader_isRefusedAsCorrupt() {
        byte[] headerOnly = TestPictures.pngHeaderClaiming(6000, 4000); // 24 MP, read in bands

        ImageRejectedException refusal = assertThrows(ImageRejectedException.class, () -> maker.make(headerOnly));

        assertEquals(ImageRejectedException.Reason.CORRUPT, refusal.reason());
    }
}
