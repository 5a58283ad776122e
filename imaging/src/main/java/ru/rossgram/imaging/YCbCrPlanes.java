package ru.rossgram.imaging;

/**
 * An sRGB image as the three planes a 4:2:0 JPEG codes: Y at full resolution, Cb and Cr averaged over 2x2
 * pixels, each padded to whole MCUs (16x16 pixels) by repeating the last column and row, as libjpeg pads.
 * Colour conversion and downsampling follow libjpeg ({@code jccolor.c} fixed point, {@code h2v2_downsample}),
 * so our quantised coefficients match the JDK writer's closely.
 */
final class YCbCrPlanes {
    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    private static final int CBCR_OFFSET = 128 << SCALE_BITS;
    // libjpeg's FIX(x): the coefficients with 16 fractional bits; its lookup tables hold exactly these products.
    private static final int Y_R = fix(0.29900);
    private static final int Y_G = fix(0.58700);
    private static final int Y_B = fix(0.11400);
    private static final int CB_R = fix(0.16874);
    private static final int CB_G = fix(0.33126);
    /** Also Cr's red coefficient. */
    private static final int CB_B = fix(0.5);
    private static final int CR_G = fix(0.41869);
    private static final int CR_B = fix(0.08131);

    final int mcuColumns;
    final int mcuRows;
    /** Row-major, {@code lumaStride = 16 * mcuColumns} samples a row, {@code 16 * mcuRows} rows. */
    final int[] y;
    final int lumaStride;
    /** Row-major, {@code chromaStride = 8 * mcuColumns} samples a row, {@code 8 * mcuRows} rows. */
    final int[] cb;
    final int[] cr;
    final int chromaStride;

    private YCbCrPlanes(int width, int height) {
        mcuColumns = (width + 15) / 16;
        mcuRows = (height + 15) / 16;
        lumaStride = mcuColumns * 16;
        chromaStride = mcuColumns * 8;
        y = new int[lumaStride * mcuRows * 16];
        cb = new int[chromaStride * mcuRows * 8];
        cr = new int[chromaStride * mcuRows * 8];
    }

    static YCbCrPlanes of(RgbImage image) {
        int width = image.width();
        int height = image.height();
        YCbCrPlanes planes = new YCbCrPlanes(width, height);
        int paddedHeight = planes.mcuRows * 16;
        // Full-resolution chroma for two rows at a time, then averaged: the padding repeats the last row.
        int stride = planes.lumaStride;
        int[] cbRows = new int[stride * 2];
        int[] crRows = new int[stride * 2];
        byte[] rgb = image.rgb();
        for (int row = 0; row < paddedHeight; row++) {
            int source = Math.min(row, height - 1) * width * 3;
            int lumaOffset = row * stride;
            int chromaOffset = (row & 1) * stride;
            convertRow(rgb, source, width, planes.y, lumaOffset, cbRows, crRows, chromaOffset);
            repeatLast(planes.y, lumaOffset, width, stride);
            repeatLast(cbRows, chromaOffset, width, stride);
            repeatLast(crRows, chromaOffset, width, stride);
            if ((row & 1) == 1) {
                int chromaRow = (row >> 1) * planes.chromaStride;
                downsample(cbRows, planes.cb, chromaRow, planes.chromaStride);
                downsample(crRows, planes.cr, chromaRow, planes.chromaStride);
            }
        }
        return planes;
    }

    private static void convertRow(byte[] rgb, int source, int width, int[] y, int lumaOffset, int[] cb, int[] cr,
            int chromaOffset) {
        for (int x = 0; x < width; x++) {
            int i = source + x * 3;
            int r = rgb[i] & 0xFF;
            int g = rgb[i + 1] & 0xFF;
            int b = rgb[i + 2] & 0xFF;
            y[lumaOffset + x] = (Y_R * r + Y_G * g + Y_B * b + ONE_HALF) >> SCALE_BITS;
            cb[chromaOffset + x] = (CB_B * b - CB_R * r - CB_G * g + CBCR_OFFSET + ONE_HALF - 1) >> SCALE_BITS;
            cr[chromaOffset + x] = (CB_B * r - CR_G * g - CR_B * b + CBCR_OFFSET + ONE_HALF - 1) >> SCALE_BITS;
        }
    }

    private static int fix(double x) {
        return (int) (x * (1 << SCALE_BITS) + 0.5);
    }

    private static void repeatLast(int[] plane, int offset, int width, int stride) {
        int last = plane[offset + width - 1];
        for (int x = width; x < stride; x++) {
            plane[offset + x] = last;
        }
    }

    /** libjpeg's h2v2: the sum of four samples plus a bias alternating 1, 2 (no drift towards one side), over 4. */
    private static void downsample(int[] twoRows, int[] plane, int offset, int width) {
        int below = width * 2;
        for (int x = 0; x < width; x++) {
            int i = x * 2;
            int sum = twoRows[i] + twoRows[i + 1] + twoRows[below + i] + twoRows[below + i + 1];
            plane[offset + x] = (sum + 1 + (x & 1)) >> 2;
        }
    }
}
