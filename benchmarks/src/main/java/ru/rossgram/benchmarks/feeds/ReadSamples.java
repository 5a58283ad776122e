package ru.rossgram.benchmarks.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import ru.rossgram.benchmarks.Percentiles;

/** Repeated reads of one kind (a search, an explore page, one Query): latency, round trips, requests, results. */
final class ReadSamples {
    /** One read: its latency, round trips and requests, how many results it answered, and its next cursor. */
    record Cost(long nanos, int roundTrips, int requests, int results, String nextCursor) {
    }

    private final String what;
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> roundTrips = new ArrayList<>();
    private final List<Long> requests = new ArrayList<>();
    private final List<Long> results = new ArrayList<>();

    ReadSamples(String what) {
        this.what = what;
    }

    /** Runs {@code read} once, counting its DynamoDB requests; answers its cost without recording it. */
    static <T> Cost measure(Supplier<T> read, ToIntFunction<T> resultCount, Function<T, String> nextCursor) {
        DynamoCalls.reset();
        long t = System.nanoTime();
        T answer = read.get();
        long elapsed = System.nanoTime() - t;
        DynamoCalls.Tally tally = DynamoCalls.tally();
        return new Cost(elapsed, tally.roundTrips(), tally.requests(), resultCount.applyAsInt(answer), nextCursor.apply(answer));
    }

    /** Records {@code cost} (none: nothing) and answers it. */
    Cost add(Cost cost) {
        if (cost != null) {
            nanos.add(cost.nanos());
            roundTrips.add((long) cost.roundTrips());
            requests.add((long) cost.requests());
            results.add((long) cost.results());
        }
        return cost;
    }

    long p50() {
        return Percentiles.quantile(nanos, 0.5);
    }

    /** The heading of {@link #row}'s table. */
    static String header(String peer) {
        return "| what | reads | p50 ms | p99 ms | p50 / " + peer + "'s p50 | round trips p50 / max | requests p50 / max"
                + " | results (mean) |\n|---|---|---|---|---|---|---|---|\n";
    }

    /** A row of the table, its latency compared with {@code peer}'s. */
    String row(ReadSamples peer) {
        if (nanos.isEmpty()) {
            return "| " + what + " | 0 | - | - | - | - | - | - |\n";
        }
        return String.format("| %s | %,d | %.2f | %.2f | %.1fx | %d / %d | %d / %d | %.1f |%n", what, nanos.size(),
                p50() / 1e6, Percentiles.quantile(nanos, 0.99) / 1e6, (double) p50() / peer.p50(),
                Percentiles.quantile(roundTrips, 0.5), Percentiles.quantile(roundTrips, 1.0),
                Percentiles.quantile(requests, 0.5), Percentiles.quantile(requests, 1.0),
                results.stream().mapToLong(Long::longValue).average().orElse(0));
    }
}
