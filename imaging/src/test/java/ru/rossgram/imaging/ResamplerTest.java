package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void reducingFineStripes_givesEvenGrey_notAliasedBands() {
        // One-pixel black and white columns: a nearest-neighbour or subsampling resize shows solid black or white
        // (or broad false stripes); a filtered one shows the average everywhere.
        RgbImage stripes = RgbImage.blank(999, 300, null);
        byte[] rgb = stripes.rgb();
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 999; x++) {
                byte v = (byte) (x % 2 == 0 ? 255 : 0);
                int i = (y * 999 + x) * 3;
                rgb[i] = v;
                rgb[i + 1] = v;
                rgb[i + 2] = v;
            }
        }

        for (int width : new int[] {100, 333, 487}) {
            RgbImage small = new Pyramid(stripes).resize(width, 60);
            int darkest = 255;
            int lightest = 0;
            for (int x = 2; x < width - 2; x++) {
                int grey = small.rgbAt(x, 30) & 0xFF;
                darkest = Math.min(darkest, grey);
                lightest = Math.max(lightest, grey);
            }
            assertTrue(darkest > 110 && lightest < 145, width + " wide: " + darkest + ".." + lightest);
        }
    }

    @Test
    void flatColour_staysExactlyThatColour() {
        RgbImage flat = RgbImage.blank(640, 480, null);
        byte[] rgb = flat.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) 12;
            rgb[i + 1] = (byte) 200;
            rgb[i + 2] = (byte) 99;
        }
        for (int[] size : new int[][] {{320, 240}, {333, 111}, {640, 480}, {1000, 750}, {7, 5}}) {
            RgbImage resized = new Pyramid(flat).resize(size[0], size[1]);
            assertEquals(size[0], resized.width());
            for (int y = 0; y < resized.height(); y += Math.max(1, resized.height() / 7)) {
                for (int x = 0; x < resized.width(); x += Math.max(1, resized.width() / 7)) {
                    assertEquals(0x0CC863, resized.rgbAt(x, y), size[0] + "x" + size[1] + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void region_isResizedFromItsOwnPixels() {
        // Left half black, right half white; the right half alone must come out white.
        RgbImage halves = RgbImage.blank(200, 100, null);
        byte[] rgb = halves.rgb();
        for (int y = 0; y < 100; y++) {
            for (int x = 100; x < 200; x++) {
                int i = (y * 200 + x) * 3;
                rgb[i] = (byte) 255;
                rgb[i + 1] = (byte) 255;
                rgb[i + 2] = (byte) 255;
            }
        }
        RgbImage right = Resampler.resize(halves, new Resampler.Region(100, 0, 100, 100), 25, 25);
        assertEquals(0xFFFFFF, right.rgbAt(12, 12));
        assertEquals(0xFFFFFF, right.rgbAt(24, 24));
    }
}
