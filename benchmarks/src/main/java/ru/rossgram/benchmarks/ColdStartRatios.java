package ru.rossgram.benchmarks;

/**
 * The report's ratios, apart from any I/O (the medians they divide are {@link Percentiles}'): a subject's JVM start to
 * first response over its bare handler's, with and without the one Argon2 hash both compute ({@code (ours - hash) / (bare - hash)}, the hash being the bare handler's
 * median, measured where it is computed), so a sign-up compares like with like.
 */
final class ColdStartRatios {
    private ColdStartRatios() {
    }

    /** {@code ours / bare}, or NaN when either is unknown (negative) or the bare time is zero. */
    static double ratio(long ours, long bare) {
        return ours < 0 || bare <= 0 ? Double.NaN : (double) ours / bare;
    }

    /**
     * {@code (ours - hash) / (bare - hash)}: the ratio once the hash both sides compute is taken out of both; NaN when
     * anything is unknown or the bare time is not longer than the hash.
     */
    static double ratioWithoutHash(long ours, long bare, long hash) {
        return hash < 0 || bare - hash <= 0 ? Double.NaN : ratio(ours - hash, bare - hash);
    }

    /** A ratio as the report shows it: {@code 2.15x}, or a dash. */
    static String cell(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(java.util.Locale.ROOT, "%.2fx", ratio);
    }
}
