package ru.rossgram.benchmarks.imports;

import java.time.Duration;
import java.util.Map;

/**
 * The 23.3-million-follower import scaled from one measured followers list (docs/performance.md, "The
 * 23.3-million-follower import, modelled"). The steps are simulated one by one, as the function runs them: each
 * reopens the list and skips the handles earlier steps stored (at the measured reading rate, inside its budget, since
 * the budget's clock starts before the skip), then stores at the measured rate until its budget or its handle cap.
 * One chain: the import item holds one cursor, so the steps of a list run one after another. The steps' cursor names
 * the list's file and the place in it, so a step skips within its file only; the list arrives as files of at most
 * 64 MiB (the reader's limit), about {@value #FILE_HANDLES} handles each. The first column is the chain as it was
 * before, each step skipping from the list's start.
 * Prices as docs/performance.md's publish model: DynamoDB on-demand $0.625 per million write units and $0.125 per
 * million read units, Lambda x86 $0.0000166667 per GB-s and $0.20 per million invocations, S3 $0.005 per 1,000 PUTs
 * and $0.0004 per 1,000 GETs.
 */
record FollowerImportModel(int measuredHandles, double measuredSeconds, Map<String, Integer> measuredRequests,
                           double readHandlesPerSecond, Duration budget, int handlesPerStep) {
    static final long FOLLOWERS = 23_300_000L;
    static final long FOLLOWING = 7_500L;
    private static final int CHUNK = 500;
    private static final double FUNCTION_GB = 1.0;       // template: ImportStepsFunction MemorySize 1024
    private static final double AVERAGE_HANDLE_BYTES = 12; // an Instagram name; the benchmark's fan_N are 8 to 10
    private static final int S3_GETS_PER_STEP = 4;       // estimated: the ZIP's end, its directory, the list's range(s)
    /** A 64 MiB followers_N.json at 146 bytes an entry (the benchmark's file: 29.2 MB for 200,000). */
    static final long FILE_HANDLES = 64L * 1024 * 1024 / 146;

    String render() {
        long handles = FOLLOWERS + FOLLOWING;
        double perHandle = measuredSeconds / measuredHandles;
        Steps asBuilt = simulate(FOLLOWERS, perHandle, Long.MAX_VALUE)
                .plus(simulate(FOLLOWING, perHandle, Long.MAX_VALUE));
        Steps resuming = simulate(FOLLOWERS, perHandle, FILE_HANDLES)
                .plus(simulate(FOLLOWING, perHandle, FILE_HANDLES));
        long chunks = ceil(FOLLOWERS, CHUNK) + ceil(FOLLOWING, CHUNK);
        long chunkUnits = (long) Math.ceil(CHUNK * (AVERAGE_HANDLE_BYTES + 3) / 1024.0) + 1;
        double writeUnits = handles + chunks * chunkUnits;
        long others = measuredRequests.entrySet().stream()
                .filter(e -> !e.getKey().endsWith("BatchWriteItem") && !e.getKey().endsWith("BatchGetItem"))
                .mapToLong(e -> Math.round((double) e.getValue() * handles / measuredHandles)).sum();
        double readUnits = handles + scaled("GetItem", handles); // consistent reads: a unit per key, found or not
        double dynamoDollars = writeUnits * 0.625e-6 + readUnits * 0.125e-6;
        StringBuilder out = new StringBuilder(String.format("""
                Measured: storing %.0f µs a handle (%,.0f a second), %s; reading the list alone (what a step's skip
                costs) %,.0f handles a second.

                | the 23.3-million-follower import (%,d followers, %,d following) | one step chain, each step skipping from the list's start (before) | one step chain, each step skipping within its file (as built) |
                |---|---|---|
                """, perHandle * 1e6, 1 / perHandle, perHandle(), readHandlesPerSecond, FOLLOWERS, FOLLOWING));
        row(out, "items written", String.format("%,d index items + %,d chunks = %,d", handles, chunks, handles + chunks), null);
        row(out, "`BatchWriteItem` calls", String.format("%,d", scaled("BatchWriteItem", handles)), null);
        row(out, "`BatchGetItem` calls (claims, 100 keys)", String.format("%,d", scaled("BatchGetItem", handles)), null);
        row(out, "other DynamoDB requests (chunks, link re-checks, list size)", String.format("%,d", others), null);
        row(out, String.format("steps (invocations) at the %d s budget, %,d handles at most", budget.toSeconds(), handlesPerStep),
                String.format("%,d", asBuilt.steps), String.format("%,d", resuming.steps));
        row(out, "time at the measured rates", hours(asBuilt.seconds), hours(resuming.seconds));
        row(out, String.format("DynamoDB (%,.0f write units, %,.0f read units)", writeUnits, readUnits),
                dollars(dynamoDollars), null);
        row(out, String.format("Lambda (GB-s at %.0f MB, invocations)", FUNCTION_GB * 1024),
                String.format("%s (%,.0f GB-s)", dollars(lambda(asBuilt)), asBuilt.seconds * FUNCTION_GB),
                String.format("%s (%,.0f GB-s)", dollars(lambda(resuming)), resuming.seconds * FUNCTION_GB));
        row(out, "S3 (a task PUT and about " + S3_GETS_PER_STEP + " GETs a step)", dollars(s3(asBuilt)), dollars(s3(resuming)));
        row(out, "total", "**" + dollars(dynamoDollars + lambda(asBuilt) + s3(asBuilt)) + "**",
                "**" + dollars(dynamoDollars + lambda(resuming) + s3(resuming)) + "**");
        return out.toString();
    }

    private static double lambda(Steps chain) {
        return chain.seconds * FUNCTION_GB * 0.0000166667 + chain.steps * 0.20e-6;
    }

    private static double s3(Steps chain) {
        return chain.steps * (0.005e-3 + S3_GETS_PER_STEP * 0.0004e-3);
    }

    private static String dollars(double amount) {
        return String.format("$%.2f", amount);
    }

    /** A table row; {@code second} null when both columns are the same. */
    private static void row(StringBuilder out, String what, String first, String second) {
        out.append("| ").append(what).append(" | ").append(first).append(" | ")
                .append(second == null ? first : second).append(" |\n");
    }

    /**
     * Steps of one list of files of {@code fileHandles} handles, one after another: each opens the file its cursor names
     * and skips to its place there, then stores until its budget, its cap or the file's end.
     */
    private Steps simulate(long listSize, double storeSecondsPerHandle, long fileHandles) {
        long index = 0;
        long steps = 0;
        double seconds = 0;
        double budgetSeconds = budget.toMillis() / 1000.0;
        while (index < listSize) {
            long inFile = index % fileHandles;
            long fileLeft = Math.min(fileHandles - inFile, listSize - index);
            double skip = inFile / readHandlesPerSecond;
            // store() starts a chunk while its budget lasts, and always one: whole chunks of 500
            long chunks = Math.max(1, (long) Math.ceil(Math.max(0, budgetSeconds - skip) / (CHUNK * storeSecondsPerHandle)));
            long stored = Math.min(Math.min(chunks * CHUNK, handlesPerStep), fileLeft);
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
