package ru.rossgram.imaging;

/**
 * Inverse DCTs that decode an 8x8 JPEG block straight to 8x8, 4x4, 2x2 or 1x1 pixels, libjpeg's {@code scale_denom}.
 * Sampling the block's cosine series at the centres of n pixels instead of 8 uses only its lowest n x n
 * frequencies, with the same weights: f(x) = sum over u < n of c(u) F(u) cos((2x + 1) u pi / 2n), c(0) = 1/sqrt 8,
 * c(u) = 1/2. That is a low-pass filter and a reduction in one, and it skips most of the arithmetic: a 4x4 block
 * costs a tenth of an 8x8 one, a 1x1 block is its DC coefficient divided by 8.
 *
 * <p>Each size is written out by hand (even and odd halves, as in any fast IDCT) because this is the decoder's inner
 * loop: a generic n-point loop ran several times slower.
 */
final class ScaledIdct {
    private static final float C0 = (float) Math.sqrt(0.125);
    /** 8-point basis: {@code E8[x][i]} weighs even frequency 2i, {@code O8[x][i]} odd frequency 2i + 1, at pixel x. */
    private static final float[] E8 = new float[16];
    private static final float[] O8 = new float[16];
    /** 4-point: c(2) cos(2 pi / 8), c(1) cos(pi / 8), c(3) cos(3 pi / 8). */
    private static final float K2 = (float) (0.5 * Math.cos(Math.PI / 4));
    private static final float K1 = (float) (0.5 * Math.cos(Math.PI / 8));
    private static final float K3 = (float) (0.5 * Math.cos(3 * Math.PI / 8));
    /** 2-point: c(1) cos(pi / 4). */
    private static final float H1 = (float) (0.5 * Math.cos(Math.PI / 4));

    static {
        for (int x = 0; x < 4; x++) {
            for (int i = 0; i < 4; i++) {
                int even = 2 * i;
                int odd = 2 * i + 1;
                E8[x * 4 + i] = (float) ((even == 0 ? Math.sqrt(0.125) : 0.5) * Math.cos((2 * x + 1) * even * Math.PI / 16));
                O8[x * 4 + i] = (float) (0.5 * Math.cos((2 * x + 1) * odd * Math.PI / 16));
            }
        }
    }

    private ScaledIdct() {
    }

    /**
     * @param n            the output size: 8, 4, 2 or 1
     * @param coefficients the block's dequantised coefficients for frequencies below n, row-major n x n
     *                     (vertical frequency by row); all of them 0 on return, ready for the next block
     * @param work         scratch of at least 64 floats
     */
    static void inverse(int n, int[] coefficients, float[] work, byte[] out, int offset, int stride) {
        switch (n) {
            case 8 -> inverse8(coefficients, work, out, offset, stride);
            case 4 -> inverse4(coefficients, work, out, offset, stride);
            case 2 -> inverse2(coefficients, out, offset, stride);
            default -> {
                out[offset] = clamp(coefficients[0] * 0.125f);
                coefficients[0] = 0;
            }
        }
    }

    private static void inverse2(int[] f, byte[] out, int offset, int stride) {
        // Rows then columns of a 2-point IDCT: c(0) F0 +- c(1) cos(pi/4) F1.
        float a = C0 * f[0];
        float b = H1 * f[1];
        float c = C0 * f[2];
        float d = H1 * f[3];
        float top0 = a + b;
        float top1 = a - b;
        float bottom0 = c + d;
        float bottom1 = c - d;
        out[offset] = clamp(C0 * top0 + H1 * bottom0);
        out[offset + 1] = clamp(C0 * top1 + H1 * bottom1);
        out[offset + stride] = clamp(C0 * top0 - H1 * bottom0);
        out[offset + stride + 1] = clamp(C0 * top1 - H1 * bottom1);
        f[0] = 0;
        f[1] = 0;
        f[2] = 0;
        f[3] = 0;
    }

    private static void inverse4(int[] f, float[] w, byte[] out, int offset, int stride) {
        for (int row = 0; row < 16; row += 4) {
            int f0 = f[row];
            int f1 = f[row + 1];
            int f2 = f[row + 2];
            int f3 = f[row + 3];
            if ((f1 | f2 | f3) == 0) {
                float dc = C0 * f0;
                w[row] = dc;
                w[row + 1] = dc;
                w[row + 2] = dc;
                w[row + 3] = dc;
                f[row] = 0;
                continue;
            }
            float e0 = C0 * f0 + K2 * f2;
            float e1 = C0 * f0 - K2 * f2;
            float o0 = K1 * f1 + K3 * f3;
            float o1 = K3 * f1 - K1 * f3;
            w[row] = e0 + o0;
            w[row + 3] = e0 - o0;
            w[row + 1] = e1 + o1;
            w[row + 2] = e1 - o1;
            f[row] = 0;
            f[row + 1] = 0;
            f[row + 2] = 0;
            f[row + 3] = 0;
        }
        for (int x = 0; x < 4; x++) {
            float e0 = C0 * w[x] + K2 * w[8 + x];
            float e1 = C0 * w[x] - K2 * w[8 + x];
            float o0 = K1 * w[4 + x] + K3 * w[12 + x];
            float o1 = K3 * w[4 + x] - K1 * w[12 + x];
            out[offset + x] = clamp(e0 + o0);
            out[offset + stride + x] = clamp(e1 + o1);
            out[offset + 2 * stride + x] = clamp(e1 - o1);
            out[offset + 3 * stride + x] = clamp(e0 - o0);
        }
    }

    private static void inverse8(int[] f, float[] w, byte[] out, int offset, int stride) {
        for (int row = 0; row < 64; row += 8) {
            int f0 = f[row];
            int f1 = f[row + 1];
            int f2 = f[row + 2];
            int f3 = f[row + 3];
            int f4 = f[row + 4];
            int f5 = f[row + 5];
            int f6 = f[row + 6];
            int f7 = f[row + 7];
            if ((f1 | f2 | f3 | f4 | f5 | f6 | f7) == 0) {
                float dc = C0 * f0;
                for (int x = 0; x < 8; x++) {
                    w[row + x] = dc;
                }
                f[row] = 0;
                continue;
            }
            for (int x = 0; x < 4; x++) {
                int b = x * 4;
                float even = E8[b] * f0 + E8[b + 1] * f2 + E8[b + 2] * f4 + E8[b + 3] * f6;
                float odd = O8[b] * f1 + O8[b + 1] * f3 + O8[b + 2] * f5 + O8[b + 3] * f7;
                w[row + x] = even + odd;
                w[row + 7 - x] = even - odd;
            }
            for (int u = 0; u < 8; u++) {
                f[row + u] = 0;
            }
        }
        for (int x = 0; x < 8; x++) {
            float g0 = w[x];
            float g1 = w[8 + x];
            float g2 = w[16 + x];
            float g3 = w[24 + x];
            float g4 = w[32 + x];
            float g5 = w[40 + x];
            float g6 = w[48 + x];
            float g7 = w[56 + x];
            for (int y = 0; y < 4; y++) {
                int b = y * 4;
                float even = E8[b] * g0 + E8[b + 1] * g2 + E8[b + 2] * g4 + E8[b + 3] * g6;
                float odd = O8[b] * g1 + O8[b + 1] * g3 + O8[b + 2] * g5 + O8[b + 3] * g7;
                out[offset + y * stride + x] = clamp(even + odd);
                out[offset + (7 - y) * stride + x] = clamp(even - odd);
            }
        }
    }

    /** Level shift and clamp to a sample. */
    private static byte clamp(float value) {
        int sample = (int) (value + 128.5f);
        return (byte) (sample < 0 ? 0 : Math.min(sample, 255));
    }
}
