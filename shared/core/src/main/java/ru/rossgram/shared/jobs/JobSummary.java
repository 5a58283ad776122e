package ru.rossgram.shared.jobs;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;

/**
 * How many due items came to each outcome in one run of a scheduled job (the renewals, the campaigns' closing), in
 * the outcomes' order: what the function answers and logs.
 */
public record JobSummary<O extends Enum<O>>(Map<O, Integer> counts) {
    public JobSummary {
        counts = Map.copyOf(counts);
    }

    /**
     * Decides every item of every shard ({@code shards} of them, each read when its turn comes) on its own: one that
     * throws is logged with its cause and counted as {@code failed}, and the run goes on.
     *
     * @param describe what the log says the item is
     */
    public static <T, O extends Enum<O>> JobSummary<O> tally(int shards, IntFunction<Iterable<T>> shard,
                                                             Function<T, O> decide, O failed,
                                                             Function<T, String> describe, Logger log) {
        Map<O, Integer> counts = new EnumMap<>(failed.getDeclaringClass());
        for (int n = 0; n < shards; n++) {
            for (T item : shard.apply(n)) {
                O outcome;
                try {
                    outcome = decide.apply(item);
                } catch (RuntimeException e) {
                    log.error("{} failed", describe.apply(item), e);
                    outcome = failed;
                }
                log.info("{} -> {}", describe.apply(item), outcome);
                counts.merge(outcome, 1, Integer::sum);
            }
        }
        return new JobSummary<>(counts);
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
