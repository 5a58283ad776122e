package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Expected hashes come from Wolt's reference C encoder (Debian's python3-blurhash) on the same pixels. (Their
 * TypeScript encoder scales AC components by the signed maximum rather than the absolute one the algorithm
 * describes, so it disagrees whenever the largest component is negative.)
 */
class BlurHashTest {

    @Test
    void encode_matchesTheReference_onAGradient() {
        RgbImage gradient = image(32, 24, (x, y) -> new int[] {x * 255 / 31, y * 255 / 23, 100});
        assertEquals("L$Hev:2rwxX7l|WDjte;gJfjfQfj", BlurHash.encode(gradient, 4, 3));
    }

    @Test
    void encode_matchesTheReference_onAnOddSizeWithMoreRowsThanColumns() {
        RgbImage odd = image(7, 9, (x, y) -> new int[] {(x * 37 + y * 11) % 256, (x * x * 5 + y * 3) % 256, (y * y * 7 + x) % 256});
        assertEquals("TVHTRU4j39$YAT$MRzbCwvxdaTOF", BlurHash.encode(odd, 3, 4));
    }

    @Test
    void encode_matchesTheReference_onAFlatColour() {
        assertEquals("00M_9^", BlurHash.encode(image(5, 5, (x, y) -> new int[] {200, 40, 40}), 1, 1));
    }

    interface Pixel {
        int[] at(int x, int y);
    }

    private static RgbImage image(int width, int height, Pixel pixel) {
        RgbImage image = RgbImage.blank(width, height, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] rgb = pixel.at(x, y);
                int i = (y * width + x) * 3;
                image.rgb()[i] = (byte) rgb[0];
                image.rgb()[i + 1] = (byte) rgb[1];
                image.rgb()[i + 2] = (byte) rgb[2];
            }
        }
        return image;
    }
}
