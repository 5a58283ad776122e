package ru.rossgram.imaging;

/**
 * The most common colour of an image: pixels are counted in 16 levels per channel (4,096 buckets, so shades of
 * one sky fall together), and the fullest bucket's average is the answer.
 */
final class DominantColor {
    private DominantColor() {
    }

    /** {@code #rrggbb} in lower case. */
    static String of(RgbImage image) {
        int[] counts = new int[4096];
        long[] sums = new long[4096 * 3];
        byte[] rgb = image.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            int r = rgb[i] & 0xFF;
            int g = rgb[i + 1] & 0xFF;
            int b = rgb[i + 2] & 0xFF;
            int bucket = (r >> 4) << 8 | (g >> 4) << 4 | (b >> 4);
            counts[bucket]++;
            sums[bucket * 3] += r;
            sums[bucket * 3 + 1] += g;
            sums[bucket * 3 + 2] += b;
        }
        int best = 0;
        for (int bucket = 1; bucket < counts.length; bucket++) {
            if (counts[bucket] > counts[best]) {
                best = bucket;
            }
        }
        int n = counts[best];
        return String.format("#%02x%02x%02x", (sums[best * 3] + n / 2) / n,
                (sums[best * 3 + 1] + n / 2) / n, (sums[best * 3 + 2] + n / 2) / n);
    }
}
