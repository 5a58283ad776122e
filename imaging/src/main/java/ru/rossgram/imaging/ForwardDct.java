package ru.rossgram.imaging;

/**
 * The float AAN forward DCT (libjpeg's {@code jfdctflt.c}) followed by quantisation with rounding, over a whole
 * plane: every 8x8 block becomes 64 quantised coefficients in zig-zag order, the order the scans code them in.
 */
final class ForwardDct {
    private static final float[] AAN_SCALE = {
            1.0f, 1.387039845f, 1.306562965f, 1.175875602f, 1.0f, 0.785694958f, 0.541196100f, 0.275899379f};

    /** Reciprocal divisors in zig-zag order: the AAN output scale and the quantiser in one multiply. */
    private final float[] divisors = new float[64];

    /** @param quantTable row-major, as {@link JpegQuantTables} gives it */
    ForwardDct(int[] quantTable) {
        for (int k = 0; k < 64; k++) {
            int natural = JpegComponent.NATURAL[k];
            divisors[k] = (float) (1.0 / (quantTable[natural] * AAN_SCALE[natural >> 3] * AAN_SCALE[natural & 7] * 8.0));
        }
    }

    /**
     * @param plane  samples 0..255, {@code stride} a row, a whole number of blocks in each direction
     * @return {@code blocksWide * blocksHigh * 64} coefficients, block rows top to bottom, zig-zag within a block
     */
    int[] transform(int[] plane, int stride, int rows) {
        int blocksWide = stride / 8;
        int blocksHigh = rows / 8;
        int[] coefficients = new int[blocksWide * blocksHigh * 64];
        float[] block = new float[64];
        for (int by = 0; by < blocksHigh; by++) {
            for (int bx = 0; bx < blocksWide; bx++) {
                int source = by * 8 * stride + bx * 8;
                for (int r = 0; r < 8; r++) {
                    rowPass(plane, source + r * stride, block, r * 8);
                }
                for (int c = 0; c < 8; c++) {
                    pass(block, c, 8);
                }
                quantise(block, coefficients, (by * blocksWide + bx) * 64);
            }
        }
        return coefficients;
    }

    private void quantise(float[] block, int[] out, int offset) {
        int[] natural = JpegComponent.NATURAL;
        for (int k = 0; k < 64; k++) {
            // Round half up without a branch on the sign, as libjpeg's float quantiser does.
            out[offset + k] = (int) (block[natural[k]] * divisors[k] + 16384.5f) - 16384;
        }
    }

    /** The first pass reads samples straight from the plane, centred on zero, into row {@code o} of the block. */
    private static void rowPass(int[] plane, int s, float[] d, int o) {
        for (int c = 0; c < 8; c++) {
            d[o + c] = plane[s + c] - 128;
        }
        pass(d, o, 1);
    }

    /** One 1-D AAN pass over eight values {@code step} apart starting at {@code o}. */
    private static void pass(float[] d, int o, int step) {
        float tmp0 = d[o] + d[o + 7 * step];
        float tmp7 = d[o] - d[o + 7 * step];
        float tmp1 = d[o + step] + d[o + 6 * step];
        float tmp6 = d[o + step] - d[o + 6 * step];
        float tmp2 = d[o + 2 * step] + d[o + 5 * step];
        float tmp5 = d[o + 2 * step] - d[o + 5 * step];
        float tmp3 = d[o + 3 * step] + d[o + 4 * step];
        float tmp4 = d[o + 3 * step] - d[o + 4 * step];

        float tmp10 = tmp0 + tmp3;
        float tmp13 = tmp0 - tmp3;
        float tmp11 = tmp1 + tmp2;
        float tmp12 = tmp1 - tmp2;
        d[o] = tmp10 + tmp11;
        d[o + 4 * step] = tmp10 - tmp11;
        float z1 = (tmp12 + tmp13) * 0.707106781f;
        d[o + 2 * step] = tmp13 + z1;
        d[o + 6 * step] = tmp13 - z1;

        tmp10 = tmp4 + tmp5;
        tmp11 = tmp5 + tmp6;
        tmp12 = tmp6 + tmp7;
        float z5 = (tmp10 - tmp12) * 0.382683433f;
        float z2 = 0.541196100f * tmp10 + z5;
        float z4 = 1.306562965f * tmp12 + z5;
        float z3 = tmp11 * 0.707106781f;
        float z11 = tmp7 + z3;
        float z13 = tmp7 - z3;
        d[o + 5 * step] = z13 + z2;
        d[o + 3 * step] = z13 - z2;
        d[o + step] = z11 + z4;
        d[o + 7 * step] = z11 - z4;
    }
}
