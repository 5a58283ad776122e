package ru.rossgram.benchmarks.feeds;

import java.util.List;
import ru.rossgram.benchmarks.feeds.FeedBenchmark.FeedSamples;
import ru.rossgram.benchmarks.feeds.FeedBenchmark.Publish;
import ru.rossgram.shared.feeds.FeedConfig;

/** The markdown of one {@link FeedBenchmark} run, pasted into docs/performance.md. */
record FeedReport(SocialGraph.Shape shape, FeedBenchmarkOptions options, SocialGraph.Built built, long buildSeconds,
                  int celebrities, int plainReaders, int celebrityReaders, List<Long> queryNanos, FeedSamples plain,
                  FeedSamples withCelebrities, FeedSamples plainCdn, FeedSamples withCelebritiesCdn, List<Publish> publishes,
                  FeedConfig config) {
    private static final int FUNCTION_MEMORY_MB = 1024;

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format("Graph: %,d accounts (display names %.0f%% Cyrillic, the rest Latin spellings of Russian names),"
                        + " %,d follows (the account of rank r has %,d / r^%.1f followers), %,d published posts fanned out"
                        + " (%d per account with a follower, 0 to 3 of %d hashtags each, Zipf), %,d likes and %,d comments by"
                        + " the authors' followers; threshold %,d followers: %d accounts over it;"
                        + " built in %d s. Readers: %,d follow no celebrity, %,d follow at least one; %d of each class"
                        + " sampled, %d passes, pages of %d.%n%n",
                shape.users(), shape.cyrillicShare() * 100, built.follows(), shape.topFollowers(), shape.exponent(),
                built.posts().size(), shape.postsPerAuthor(), GraphCaptions.TAGS.size(), built.likes(), built.comments(),
                options.threshold(), celebrities, buildSeconds, plainReaders, celebrityReaders,
                Math.min(options.readers(), plainReaders), options.passes(), ru.rossgram.shared.paging.PageRequest.DEFAULT_LIMIT));

        long queryP50 = FeedSamples.quantile(queryNanos, 0.5);
        md.append("| what | p50 ms | p99 ms | p50 / one Query's p50 | round trips p50 / p99 / max | requests p50 / max | posts on the page (mean) |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        md.append(row("one `Query` of a feed (a first page's: up to 20 items and the context)", queryNanos, queryP50, null, null, null));
        pageRows(md, "follows no celebrity", plain, queryP50);
        pageRows(md, "follows a celebrity", withCelebrities, queryP50);
        pageRows(md, "no celebrity, CDN thumbnail URLs", plainCdn, queryP50);
        pageRows(md, "a celebrity, CDN thumbnail URLs", withCelebritiesCdn, queryP50);
        md.append(String.format("%nOf a first page's p50, waiting on DynamoDB: %.2f ms (no celebrity), %.2f ms (a celebrity);"
                        + " the rest is this JVM's work (mapping, presigning every photo URL, the cursor).%n",
                FeedSamples.ms(FeedSamples.quantile(plain.firstDynamoNanos, 0.5)),
                FeedSamples.ms(FeedSamples.quantile(withCelebrities.firstDynamoNanos, 0.5))));

        md.append("\n| publish by | followers | fan-out outcome | invocations | DynamoDB requests | items written (post included) | ms |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Publish p : publishes) {
            md.append(String.format("| %s | %,d | %s | %d | %,d | %,d | %.0f |%n", p.label(), p.followers(), p.outcome(),
                    p.steps(), p.requests(), p.itemsWritten(), p.nanos() / 1e6));
        }

        // Per follower, the difference between the largest and the typical ordinary publish: what one more
        // follower adds, without the fixed cost of starting a fan-out.
        Publish celebrity = publishes.get(0);
        Publish largest = publishes.get(1);
        Publish typical = publishes.get(2);
        double moreFollowers = largest.followers() - typical.followers();
        CelebrityPublishModel model = new CelebrityPublishModel(CelebrityPublishModel.BLOGGER_FOLLOWERS, config.followersPerStep(),
                (largest.nanos() - typical.nanos()) / moreFollowers, (largest.requests() - typical.requests()) / moreFollowers,
                celebrity.itemsWritten(), celebrity.requests(), celebrity.nanos() / 1e6, FUNCTION_MEMORY_MB);
        md.append("\n").append(model.markdown());
        Publish marking = publishes.get(3);
        double nanosPerNote = (double) marking.nanos() / marking.followers();
        long atThreshold = 10_000; // FeedConfig's default; this run lowers it to have a few celebrities
        md.append(String.format("%nBecoming a celebrity costs once, when the account passes the threshold: marking %,d"
                        + " followers took %,d requests, %,d items written, %.0f ms (%.1f µs a follower); at the"
                        + " default threshold (%,d followers) that is about %.1f s and $%.4f of transactional writes"
                        + " (2 units each), once per account; each later follow writes its own note.%n",
                marking.followers(), marking.requests(), marking.itemsWritten(), marking.nanos() / 1e6, nanosPerNote / 1e3,
                atThreshold, atThreshold * nanosPerNote / 1e9, atThreshold * 2 * CelebrityPublishModel.USD_PER_MILLION_WRITE_UNITS / 1e6));
        return md.toString();
    }

    private static void pageRows(StringBuilder md, String readers, FeedSamples pages, long queryP50) {
        md.append(row("feed page 1, " + readers, pages.firstNanos, queryP50, pages.firstRoundTrips, pages.firstRequests, pages.posts));
        md.append(row("feed page 2, " + readers, pages.secondNanos, queryP50, pages.secondRoundTrips, pages.secondRequests, null));
    }

    private static String row(String what, List<Long> nanos, long queryP50, List<Long> roundTrips, List<Long> requests,
                              List<Long> posts) {
        if (nanos.isEmpty()) {
            return "| " + what + " | - | - | - | - | - | - |\n";
        }
        long p50 = FeedSamples.quantile(nanos, 0.5);
        String trips = roundTrips == null ? "1" : FeedSamples.quantile(roundTrips, 0.5) + " / "
                + FeedSamples.quantile(roundTrips, 0.99) + " / " + FeedSamples.quantile(roundTrips, 1.0);
        String sent = requests == null ? "1" : FeedSamples.quantile(requests, 0.5) + " / " + FeedSamples.quantile(requests, 1.0);
        String mean = posts == null ? "" : String.format("%.1f", posts.stream().mapToLong(Long::longValue).average().orElse(0));
        return String.format("| %s | %.2f | %.2f | %.1fx | %s | %s | %s |%n", what, FeedSamples.ms(p50),
                FeedSamples.ms(FeedSamples.quantile(nanos, 0.99)), (double) p50 / queryP50, trips, sent, mean);
    }
}
