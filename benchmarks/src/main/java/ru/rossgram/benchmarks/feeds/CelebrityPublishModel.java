package ru.rossgram.benchmarks.feeds;

/**
 * One publish by an account with 23.3 million followers, on paper, from costs measured in the same run: what
 * fan-out on write would do (every follower's feed item written, step after step) next to what the hybrid
 * design does (the author is over the threshold, so the post is merged in when followers read).
 *
 * <p>Prices are AWS list prices in us-east-1 (DynamoDB on-demand after the November 2024 cut, Lambda x86),
 * for the order of magnitude; a domestic cloud bills its own request units. Times scale the measured
 * per-follower cost against DynamoDB Local, which is slower per item than the managed service but runs the
 * same requests.
 */
record CelebrityPublishModel(long followers, int followersPerStep, double nanosPerFollower,
                             double requestsPerFollower, long hybridItemsWritten, int hybridRequests,
                             double hybridMillis, int functionMemoryMb) {
    static final long BLOGGER_FOLLOWERS = 23_300_000L;
    static final double USD_PER_MILLION_WRITE_UNITS = 0.625;
    static final double USD_PER_GB_SECOND = 0.0000166667;
    static final double USD_PER_THOUSAND_S3_PUTS = 0.005;

    /** Feed items a push fan-out writes: one per follower, plus the author's own. */
    long pushItems() {
        return followers + 1;
    }

    /** Fan-out invocations, each queued by the one before it. */
    long pushSteps() {
        return (followers + followersPerStep - 1) / followersPerStep;
    }

    long pushRequests() {
        return Math.round(followers * requestsPerFollower);
    }

    /** Until the last follower has the post: the steps run one after another. */
    double pushHours() {
        return followers * nanosPerFollower / 3.6e12;
    }

    double pushWriteUsd() {
        // A feed item is well under 1 KB: one write unit each.
        return pushItems() * USD_PER_MILLION_WRITE_UNITS / 1e6;
    }

    double pushLambdaUsd() {
        return pushHours() * 3600 * functionMemoryMb / 1024.0 * USD_PER_GB_SECOND;
    }

    double pushTaskUsd() {
        return pushSteps() * USD_PER_THOUSAND_S3_PUTS / 1000;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format("| one publish, %,d followers | fan-out on write (no threshold) | hybrid (over the threshold) |%n", followers));
        md.append("|---|---|---|\n");
        md.append(String.format("| DynamoDB items written | %,d | %,d |%n", pushItems(), hybridItemsWritten));
        md.append(String.format("| DynamoDB requests | %,d | %,d |%n", pushRequests(), hybridRequests));
        md.append(String.format("| function invocations | %,d (%,d followers each) | 1 |%n", pushSteps(), followersPerStep));
        md.append(String.format("| time until the last follower has it | %.1f h at the measured %.1f µs per follower | %.0f ms (readers merge it at once) |%n",
                pushHours(), nanosPerFollower / 1000, hybridMillis));
        md.append(String.format("| DynamoDB write cost | $%,.2f | $%.6f |%n", pushWriteUsd(),
                hybridItemsWritten * USD_PER_MILLION_WRITE_UNITS / 1e6));
        md.append(String.format("| Lambda cost (%d MB) + task objects | $%,.2f + $%,.2f | ~$0 |%n", functionMemoryMb,
                pushLambdaUsd(), pushTaskUsd()));
        return md.toString();
    }
}
