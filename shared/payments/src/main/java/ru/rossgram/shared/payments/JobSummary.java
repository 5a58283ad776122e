package ru.rossgram.shared.payments;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many due items came to each outcome in one run of a scheduled job (the renewals, the campaigns' closing), in
 * the outcomes' order: what the function answers and logs.
 */
public record JobSummary<O extends Enum<O>>(Map<O, Integer> counts) {
    public JobSummary {
        counts = Map.copyOf(counts);
    }

    public int count(O outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(total() + " due");
        new TreeMap<>(counts).forEach((outcome, count) -> {
            if (count > 0) {
                text.append(", ").append(outcome.name().toLowerCase(Locale.ROOT)).append(' ').append(count);
            }
        });
        return text.toString();
    }
}
