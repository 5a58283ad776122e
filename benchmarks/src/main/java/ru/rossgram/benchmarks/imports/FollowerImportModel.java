package ru.rossgram.benchmarks.imports;

import java.time.Duration;
import java.util.Map;

/**
 * The 23.3-million-follower import scaled from one measured followers list (docs/performance.md, "The
 * 23.3-million-follower import, modelled"). The steps are simulated one by one, as the function runs them: each
 * reopens the list and skips the handles earlier steps stored (at the measured reading rate, inside its budget, since
 * the budget's clock starts before the skip), then stores at the measured rate until its budget or its handle cap.
 * One chain: the import item holds one cursor, so the steps of a list run one after another.
 * Prices as docs/performance.md's publish model: DynamoDB on-demand $0.625 per million write units and $0.125 per
 * million read units, Lambda x86 $0.0000166667 per GB-s and $0.20 per million invocations, S3 $0.005 per 1,000 PUTs
 * and $0.0004 per 1,000 GETs.
 */
record FollowerImportModel(int measuredHandles, double measuredSeconds, Map<String, Integer> measuredRequests,
                           double readHandlesPerSecond, long measuredJsonBytes, Duration budget, int handlesPerStep) {
    static final long FOLLOWERS = 23_300_000L;
    static final long FOLLOWING = 7_500L;
    private static final int CHUNK = 500;
    private static final double FUNCTION_GB = 1.0;       // template: ImportStepsFunction MemorySize 1024
    private static final double AVERAGE_HANDLE_BYTES = 12; // an Instagram name; the benchmark's fan_N are 8 to 10
    private static final int S3_GETS_PER_STEP = 4;       // estimated: the ZIP's end, its directory, the list's range(s)

    String render() {
        long handles = FOLLOWERS + FOLLOWING;
        double storeSecondsPerHandle = measuredSeconds / measuredHandles;
        Steps chain = simulate(FOLLOWERS, storeSecondsPerHandle).plus(simulate(FOLLOWING, storeSecondsPerHandle));
        long chunks = ceil(FOLLOWERS, CHUNK) + ceil(FOLLOWING, CHUNK);
        long chunkUnits = (long) Math.ceil(CHUNK * (AVERAGE_HANDLE_BYTES + 3) / 1024.0) + 1;
        double writeUnits = handles + chunks * chunkUnits;
        long batchWrites = scaled("BatchWriteItem", handles);
        long batchGets = scaled("BatchGetItem", handles);
        long others = measuredRequests.entrySet().stream()
                .filter(e -> !e.getKey().endsWith("BatchWriteItem") && !e.getKey().endsWith("BatchGetItem"))
                .mapToLong(e -> Math.round((double) e.getValue() * handles / measuredHandles)).sum();
        double readUnits = handles + scaled("GetItem", handles); // consistent reads: a unit per key, found or not
        double dynamoDollars = writeUnits * 0.625e-6 + readUnits * 0.125e-6;
        double lambdaDollars = chain.seconds * FUNCTION_GB * 0.0000166667 + chain.steps * 0.20e-6;
        double s3Dollars = chain.steps * (0.005e-3 + S3_GETS_PER_STEP * 0.0004e-3);
        double atLocalRate = FOLLOWERS * storeSecondsPerHandle;
        return String.format("""
                | the 23.3-million-follower import (%,d followers, %,d following) | one step chain |
                |---|---|
                | measured: storing | %.0f µs a handle (%,.0f a second), %s |
                | measured: reading the list (skip) | %,.0f handles a second |
                | items written | %,d index items + %,d chunks = %,d |
                | `BatchWriteItem` calls | %,d |
                | `BatchGetItem` calls (claims, 100 keys) | %,d |
                | other DynamoDB requests (chunks, link re-checks, list size) | %,d |
                | steps (invocations) at the %d s budget, %,d handles at most | %,d |
                | time, one chain | %s (storing alone %s; the rest re-reading the list to skip to each step's place) |
                | DynamoDB (%,.0f write units, %,.0f read units) | $%.2f |
                | Lambda (%,.0f GB-s at %.0f MB, %,d invocations) | $%.2f |
                | S3 (%,d task PUTs, about %,d GETs) | $%.2f |
                | total | **$%.2f** |
                """, FOLLOWERS, FOLLOWING,
                storeSecondsPerHandle * 1e6, 1 / storeSecondsPerHandle, perHandle(), readHandlesPerSecond,
                handles, chunks, handles + chunks, batchWrites, batchGets, others,
                budget.toSeconds(), handlesPerStep, chain.steps,
                hours(chain.seconds), hours(atLocalRate + FOLLOWING * storeSecondsPerHandle),
                writeUnits, readUnits, dynamoDollars, chain.seconds * FUNCTION_GB, FUNCTION_GB * 1024, chain.steps,
                lambdaDollars, chain.steps, chain.steps * S3_GETS_PER_STEP, s3Dollars,
                dynamoDollars + lambdaDollars + s3Dollars);
    }

    /** Steps of one list, one after another: each skips to its place, then stores until its budget or cap. */
    private Steps simulate(long listSize, double storeSecondsPerHandle) {
        long index = 0;
        long steps = 0;
        double seconds = 0;
        double budgetSeconds = budget.toMillis() / 1000.0;
        while (index < listSize) {
            double skip = index / readHandlesPerSecond;
            // store() starts a chunk while its budget lasts, and always one: whole chunks of 500
            long chunks = Math.max(1, (long) Math.ceil(Math.max(0, budgetSeconds - skip) / (CHUNK * storeSecondsPerHandle)));
            long stored = Math.min(Math.min(chunks * CHUNK, handlesPerStep), listSize - index);
            seconds += skip + stored * storeSecondsPerHandle;
            index += stored;
            steps++;
        }
        return new Steps(steps, seconds);
    }

    private String perHandle() {
        StringBuilder out = new StringBuilder();
        measuredRequests.forEach((operation, count) -> out.append(out.isEmpty() ? "" : ", ")
                .append(String.format("%s %.4f", operation.substring(operation.indexOf('.') + 1), (double) count / measuredHandles)));
        return out + " requests a handle";
    }

    private long scaled(String operation, long handles) {
        return measuredRequests.entrySet().stream().filter(e -> e.getKey().endsWith("." + operation))
                .mapToLong(e -> Math.round((double) e.getValue() * handles / measuredHandles)).sum();
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    private static String hours(double seconds) {
        return seconds >= 3600 ? String.format("%.1f h", seconds / 3600) : String.format("%.0f min", seconds / 60);
    }

    private record Steps(long steps, double seconds) {
        Steps plus(Steps other) {
            return new Steps(steps + other.steps, seconds + other.seconds);
        }
    }
}
