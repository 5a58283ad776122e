package ru.rossgram.benchmarks;

import java.util.List;

/**
 * The report's arithmetic, apart from any I/O: medians of a subject's runs and its ratio to its bare handler, with and
 * without the one Argon2 hash both compute ({@code (ours - hash) / (bare - hash)}, the hash being the bare handler's
 * median, measured where it is computed), so a sign-up compares like with like.
 */
final class ColdStartRatios {
    private ColdStartRatios() {
    }

    /** Median by nearest rank (see {@link Percentiles}); -1 when there are no values. */
    static long median(List<Long> values) {
        return Percentiles.of(values).median();
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
