package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.imaging.Fixtures.BLUE;
import static ru.rossgram.imaging.Fixtures.GREEN;
import static ru.rossgram.imaging.Fixtures.GREY;
import static ru.rossgram.imaging.Fixtures.RED;
import static ru.rossgram.imaging.Fixtures.assertColour;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;

/** Whatever colour model the original uses, the renditions show the same sRGB colours. */
class ColourTest {
    private final ThumbnailMaker maker = new ThumbnailMaker();

    /** The committed patch fixtures: red, green / grey, blue, 64 x 64. */
    private void assertPatches(Thumbnails thumbnails, int tolerance) {
        BufferedImage image = Fixtures.decode(thumbnails.rendition("w1080").orElseThrow());
        assertEquals(64, image.getWidth());
        assertColour(RED, image.getRGB(12, 12), tolerance, "red patch");
        assertColour(GREEN, image.getRGB(52, 12), tolerance, "green patch");
        assertColour(GREY, image.getRGB(12, 52), tolerance, "grey patch");
        assertColour(BLUE, image.getRGB(52, 52), tolerance, "blue patch");
    }

    @Test
    void cmykJpeg_withAdobeInvertedSamples_comesOutInItsColours() throws Exception {
        assertPatches(maker.make(Fixtures.resource("cmyk.jpg")), 12);
    }

    @Test
    void ycckJpeg_comesOutInItsColours() throws Exception {
        assertPatches(maker.make(Fixtures.resource("ycck.jpg")), 12);
    }

    @Test
    void jpegWithAnAdobeRgbProfile_isConvertedToSrgb() throws Exception {
        Thumbnails thumbnails = maker.make(Fixtures.resource("adobe-rgb.jpg"));

        assertPatches(thumbnails, 8);
        // Unconverted, its red would read about #ac2c2b: the profile really was applied.
        int red = Fixtures.decode(thumbnails.rendition("w1080").orElseThrow()).getRGB(12, 12);
        assertTrue(Fixtures.distance(0xAC2C2B, red) > 15, "red was left in Adobe RGB");
    }

    @Test
    void pngWithAnAdobeRgbProfile_isConvertedToSrgb() throws Exception {
        assertPatches(maker.make(Fixtures.resource("adobe-rgb.png")), 8);
    }

    @Test
    void progressiveJpeg_decodesLikeABaselineOne() throws Exception {
        BufferedImage patches = Fixtures.blocks(32, new int[][] {{RED, GREEN}, {GREY, BLUE}});

        Thumbnails thumbnails = maker.make(Fixtures.jpeg(patches, 0.95f, true));

        assertTrue(Fixtures.markers(Fixtures.jpeg(patches, 0.95f, true)).contains(0xC2), "the input is progressive");
        assertPatches(thumbnails, 8);
    }

    @Test
    void greyJpegAndPng_keepTheirLevels() throws Exception {
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = grey.getRaster();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                raster.setSample(x, y, 0, x < 32 ? 60 : 190);
            }
        }
        for (byte[] original : new byte[][] {Fixtures.jpeg(grey), Fixtures.png(grey)}) {
            BufferedImage out = Fixtures.decode(maker.make(original).rendition("w320").orElseThrow());
            // Java treats CS_GRAY as linear; read that way, 60 would come out near 136.
            assertColour(0x3C3C3C, out.getRGB(10, 32), 4, "dark half");
            assertColour(0xBEBEBE, out.getRGB(54, 32), 4, "light half");
        }
    }

    @Test
    void sixteenBitPng_isScaledNotTruncatedWrongly() throws Exception {
        BufferedImage deep = new BufferedImage(32, 32, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = deep.getRaster();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                raster.setSample(x, y, 0, 40000);
            }
        }
        BufferedImage out = Fixtures.decode(maker.make(Fixtures.png(deep)).rendition("w320").orElseThrow());

        assertColour(0x9B9B9B, out.getRGB(16, 16), 3, "40000/65535 of white");
    }

    @Test
    void pngWithAlpha_isCompositedOverWhite_andSaysSo() throws Exception {
        // Left half transparent, right quarter opaque blue, the quarter between half-transparent black.
        BufferedImage rgba = new BufferedImage(80, 40, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 80; x++) {
                rgba.setRGB(x, y, x < 40 ? 0x00FF0000 : x < 60 ? 0x80000000 : 0xFF000000 | BLUE);
            }
        }

        Thumbnails thumbnails = maker.make(Fixtures.png(rgba));

        assertTrue(thumbnails.hadAlpha());
        BufferedImage out = Fixtures.decode(thumbnails.rendition("w1080").orElseThrow());
        assertColour(0xFFFFFF, out.getRGB(10, 20), 3, "transparent red is white, not red or black");
        assertColour(0x7F7F7F, out.getRGB(50, 20), 6, "half-transparent black over white");
        assertColour(BLUE, out.getRGB(72, 20), 8, "opaque blue");
    }

    @Test
    void opaquePng_withAnAlphaChannel_didNotHaveAlpha() throws Exception {
        BufferedImage rgba = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                rgba.setRGB(x, y, 0xFF000000 | GREEN);
            }
        }
        assertFalse(maker.make(Fixtures.png(rgba)).hadAlpha());
    }

    @Test
    void palettePng_withATransparentEntry_isCompositedOverWhite() throws Exception {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {(byte) 200, 0}, new byte[] {40, 0},
                new byte[] {40, 0}, 1);
        BufferedImage indexed = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < 20; y++) {
            for (int x = 20; x < 40; x++) {
                indexed.getRaster().setSample(x, y, 0, 1);
            }
        }

        Thumbnails thumbnails = maker.make(Fixtures.png(indexed));

        assertTrue(thumbnails.hadAlpha());
        BufferedImage out = Fixtures.decode(thumbnails.rendition("w1080").orElseThrow());
        assertColour(RED, out.getRGB(5, 10), 8, "opaque palette red");
        assertColour(0xFFFFFF, out.getRGB(35, 10), 3, "transparent entry");
    }

    @Test
    void lossyWebp_comesOutInItsColours() throws Exception {
        Thumbnails thumbnails = maker.make(Fixtures.resource("lossy.webp"));

        assertEquals(ImageFormat.WEBP, thumbnails.sourceFormat());
        assertPatches(thumbnails, 12);
    }

    @Test
    void losslessWebpWithAlpha_isCompositedOverWhite() throws Exception {
        Thumbnails thumbnails = maker.make(Fixtures.resource("lossless-alpha.webp"));

        assertTrue(thumbnails.hadAlpha());
        BufferedImage out = Fixtures.decode(thumbnails.rendition("w1080").orElseThrow());
        assertColour(BLUE, out.getRGB(10, 32), 8, "opaque half");
        assertColour(0xFFFFFF, out.getRGB(54, 32), 3, "transparent half");
    }
}
