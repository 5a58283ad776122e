package ru.rossgram.imaging;

/**
 * The IJG standard quantisation tables (T.81 Annex K.1 and K.2) scaled for a quality by IJG's
 * {@code jpeg_quality_scaling}, computed in float as the JDK's writer does for {@code setCompressionQuality}
 * ({@code JPEG.convertToLinearQuality}, {@code JPEGQTable.getScaledInstance}): libjpeg's integer version gives
 * different tables below quality 0.5 (5000 / 30 truncates), and ours must match the JDK's byte for byte.
 */
final class JpegQuantTables {
    /** Row-major (natural) order. */
    private static final int[] LUMINANCE = {
            16, 11, 10, 16, 24, 40, 51, 61,
            12, 12, 14, 19, 26, 58, 60, 55,
            14, 13, 16, 24, 40, 57, 69, 56,
            14, 17, 22, 29, 51, 87, 80, 62,
            18, 22, 37, 56, 68, 109, 103, 77,
            24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101,
            72, 92, 95, 98, 112, 100, 103, 99};
    private static final int[] CHROMINANCE = {
            17, 18, 24, 47, 99, 99, 99, 99,
            18, 21, 26, 66, 99, 99, 99, 99,
            24, 26, 56, 99, 99, 99, 99, 99,
            47, 66, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99};

    private JpegQuantTables() {
    }

    /** The luminance table for {@code quality} (0..1), row-major. */
    static int[] luminance(float quality) {
        return scaled(LUMINANCE, quality);
    }

    /** The chrominance table for {@code quality} (0..1), row-major. */
    static int[] chrominance(float quality) {
        return scaled(CHROMINANCE, quality);
    }

    /** Entries limited to 1..255 (baseline), as {@code getScaledInstance(scale, true)}. */
    private static int[] scaled(int[] base, float quality) {
        float q = quality <= 0f ? 0.01f : Math.min(quality, 1f);
        float scale = q < 0.5f ? 0.5f / q : 2.0f - q * 2.0f;
        int[] table = new int[64];
        for (int i = 0; i < 64; i++) {
            table[i] = Math.max(1, Math.min(255, (int) (base[i] * scale + 0.5f)));
        }
        return table;
    }
}
