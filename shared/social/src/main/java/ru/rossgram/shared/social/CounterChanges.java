package ru.rossgram.shared.social;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counter deltas of one transaction, gathered per user: a transaction may not touch one item twice, so
 * every change to one user's counters goes to one shard in one update (a block can take a user's follower and
 * following counts down together).
 */
public final class CounterChanges {
    private final Map<String, Map<Counter, Long>> byUser = new LinkedHashMap<>();

    public CounterChanges add(String userId, Counter counter, long delta) {
        byUser.computeIfAbsent(userId, id -> new EnumMap<>(Counter.class)).merge(counter, delta, Long::sum);
        return this;
    }

    /** The non-zero deltas, per user, in the order users were first named. */
    Map<String, Map<Counter, Long>> byUser() {
        Map<String, Map<Counter, Long>> nonZero = new LinkedHashMap<>();
        byUser.forEach((userId, deltas) -> {
            Map<Counter, Long> kept = new EnumMap<>(Counter.class);
            deltas.forEach((counter, delta) -> {
                if (delta != 0) {
                    kept.put(counter, delta);
                }
            });
            if (!kept.isEmpty()) {
                nonZero.put(userId, kept);
            }
        });
        return nonZero;
    }
}
