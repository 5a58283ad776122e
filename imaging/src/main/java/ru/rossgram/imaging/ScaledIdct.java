package ru.rossgram.imaging;

/**
 * Inverse DCTs that decode an 8x8 JPEG block straight to 8x8, 4x4, 2x2 or 1x1 pixels, libjpeg's {@code scale_denom}.
 * Sampling the block's cosine series at the centres of n pixels instead of 8 uses only its lowest n x n
 * frequencies, with the same weights: f(x) = sum over u < n of c(u) F(u) cos((2x + 1) u pi / 2n), c(0) = 1/sqrt 8,
 * c(u) = 1/2. That is a low-pass filter and a reduction in one, and it skips most of the arithmetic: a 4x4 block
 * costs an eighth of an 8x8 one, a 1x1 block is its DC coefficient divided by 8.
 */
final class ScaledIdct {
    private static final float[][] BASIS = {null, basis(1), basis(2), null, basis(4), null, null, null, basis(8)};

    private ScaledIdct() {
    }

    /** {@code BASIS[n][x * n + u]} = c(u) cos((2x + 1) u pi / 2n). */
    private static float[] basis(int n) {
        float[] basis = new float[n * n];
        for (int x = 0; x < n; x++) {
            for (int u = 0; u < n; u++) {
                double c = u == 0 ? Math.sqrt(0.125) : 0.5;
                basis[x * n + u] = (float) (c * Math.cos((2 * x + 1) * u * Math.PI / (2 * n)));
            }
        }
        return basis;
    }

    /**
     * @param n            the output size: 8, 4, 2 or 1
     * @param coefficients the block's dequantised coefficients for frequencies below n, row-major n x n
     *                     (vertical frequency by row); all of them 0 on return, ready for the next block
     * @param work         scratch of at least 64 floats
     */
    static void inverse(int n, int[] coefficients, float[] work, byte[] out, int offset, int stride) {
        if (n == 1) {
            out[offset] = clamp(coefficients[0] * 0.125f);
            coefficients[0] = 0;
            return;
        }
        float[] basis = BASIS[n];
        // Rows first (horizontal frequencies), skipping the rows that are all zero, as most high ones are.
        int rowsUsed = 0;
        for (int v = 0; v < n; v++) {
            int row = v * n;
            boolean zero = true;
            for (int u = 0; u < n; u++) {
                if (coefficients[row + u] != 0) {
                    zero = false;
                    break;
                }
            }
            if (zero) {
                for (int x = 0; x < n; x++) {
                    work[row + x] = 0;
                }
                continue;
            }
            rowsUsed = v + 1;
            for (int x = 0; x < n; x++) {
                float sum = 0;
                int b = x * n;
                for (int u = 0; u < n; u++) {
                    sum += basis[b + u] * coefficients[row + u];
                }
                work[row + x] = sum;
            }
            for (int u = 0; u < n; u++) {
                coefficients[row + u] = 0;
            }
        }
        // Then columns (vertical frequencies), over the rows that had any.
        for (int y = 0; y < n; y++) {
            int b = y * n;
            int o = offset + y * stride;
            for (int x = 0; x < n; x++) {
                float sum = 0;
                for (int v = 0; v < rowsUsed; v++) {
                    sum += basis[b + v] * work[v * n + x];
                }
                out[o + x] = clamp(sum);
            }
        }
    }

    /** Level shift and clamp to a sample. */
    private static byte clamp(float value) {
        int sample = (int) (value + 128.5f);
        return (byte) (sample < 0 ? 0 : Math.min(sample, 255));
    }
}
