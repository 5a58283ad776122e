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
    /** Where the k-th zig-zag coefficient is in the transposed DCT. */
    private static final int[] TRANSPOSED = new int[64];

    static {
        for (int k = 0; k < 64; k++) {
            int natural = JpegComponent.NATURAL[k];
            TRANSPOSED[k] = (natural & 7) * 8 + (natural >> 3);
        }
    }

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
        float[] transformed = new float[64];
        for (int by = 0; by < blocksHigh; by++) {
            for (int bx = 0; bx < blocksWide; bx++) {
                int source = by * 8 * stride + bx * 8;
                for (int r = 0; r < 8; r++) {
                    int row = source + r * stride;
                    for (int c = 0; c < 8; c++) {
                        block[r * 8 + c] = plane[row + c] - 128;
                    }
                }
                // Columns, transpose, columns again: both 1-D passes run eight columns at once, and the result is
                // the transposed DCT, which quantise reads accordingly.
                columnPasses(block, transformed);
                for (int r = 0; r < 8; r++) {
                    for (int c = 0; c < 8; c++) {
                        block[c * 8 + r] = transformed[r * 8 + c];
                    }
                }
                columnPasses(block, transformed);
                quantise(transformed, coefficients, (by * blocksWide + bx) * 64);
            }
        }
        return coefficients;
    }

    /** @param transposed the block's DCT, transposed */
    private void quantise(float[] transposed, int[] out, int offset) {
        for (int k = 0; k < 64; k++) {
            // Round half up without a branch on the sign, as libjpeg's float quantiser does.
            out[offset + k] = (int) (transposed[TRANSPOSED[k]] * divisors[k] + 16384.5f) - 16384;
        }
    }

    /**
     * One 1-D AAN pass (libjpeg's arithmetic) down all eight columns at once, from one array into another: the
     * same arithmetic at the same offsets for each column, a loop the JIT can turn into SIMD.
     */
    private static void columnPasses(float[] d, float[] out) {
        for (int c = 0; c < 8; c++) {
            float tmp0 = d[c] + d[c + 56];
            float tmp7 = d[c] - d[c + 56];
            float tmp1 = d[c + 8] + d[c + 48];
            float tmp6 = d[c + 8] - d[c + 48];
            float tmp2 = d[c + 16] + d[c + 40];
            float tmp5 = d[c + 16] - d[c + 40];
            float tmp3 = d[c + 24] + d[c + 32];
            float tmp4 = d[c + 24] - d[c + 32];

            float tmp10 = tmp0 + tmp3;
            float tmp13 = tmp0 - tmp3;
            float tmp11 = tmp1 + tmp2;
            float tmp12 = tmp1 - tmp2;
            out[c] = tmp10 + tmp11;
            out[c + 32] = tmp10 - tmp11;
            float z1 = (tmp12 + tmp13) * 0.707106781f;
            out[c + 16] = tmp13 + z1;
            out[c + 48] = tmp13 - z1;

            tmp10 = tmp4 + tmp5;
            tmp11 = tmp5 + tmp6;
            tmp12 = tmp6 + tmp7;
            float z5 = (tmp10 - tmp12) * 0.382683433f;
            float z2 = 0.541196100f * tmp10 + z5;
            float z4 = 1.306562965f * tmp12 + z5;
            float z3 = tmp11 * 0.707106781f;
            float z11 = tmp7 + z3;
            float z13 = tmp7 - z3;
            out[c + 40] = z13 + z2;
            out[c + 24] = z13 - z2;
            out[c + 8] = z11 + z4;
            out[c + 56] = z11 - z4;
        }
    }
}
