package ru.rossgram.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Median, p90 and minimum of a small sample, by nearest rank: no interpolation between runs that never happened. */
public record Percentiles(long median, long p90, long min, int count) {

    /** The value at {@code quantile} (0-1) of {@code values} by nearest rank; -1 when there are none. */
    public static long quantile(List<Long> values, double quantile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return rank(sorted, quantile);
    }

    public static Percentiles of(List<Long> values) {
        if (values.isEmpty()) {
            return new Percentiles(-1, -1, -1, 0);
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return new Percentiles(rank(sorted, 0.5), rank(sorted, 0.9), sorted.get(0), sorted.size());
    }

    private static long rank(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The median alone, or a dash when nothing was measured. */
    String medianCell() {
        return count == 0 ? "-" : Long.toString(median);
    }

    /** "median / p90 / min", or a dash when nothing was measured. */
    String cell() {
        return count == 0 ? "-" : median + " / " + p90 + " / " + min;
    }
}
