package ru.rossgram.benchmarks.feeds;

import java.util.List;

/** The markdown of the search, explore and write measurements of one run, for docs/performance.md. */
record DiscoveryReport(List<ReadSamples> search, DiscoveryReads.JobRun exploreJob, List<ReadSamples> explore,
                       List<ActionCosts.Measured> actions) {

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Search (`SearchService`, as `GET /v1/search?q=` calls it, by a random account), against one `Query` of the"
                + " index partition the query's first letters name (`SearchIndexRepository.find`), read just before each"
                + " search:\n\n");
        table(md, "one Query", search);
        md.append(String.format("%nThe explore job (`ExploreJob.run`, once, as its schedule runs it): %.0f ms, %d requests"
                        + " (%s), %d items written; %s.%n%n", exploreJob.nanos() / 1e6, exploreJob.tally().requests(),
                exploreJob.tally().byOperation(), exploreJob.tally().itemsWritten(), exploreJob.summary()));
        md.append("Explore pages (`ExploreReader`, as `GET /v1/explore` calls it), against one `GetItem` of the snapshot"
                + " (`ExploreRepository.current`), the floor of any page, read just before each page 1:\n\n");
        table(md, "one GetItem", explore);
        md.append("\nWrites per action, each through the service its function calls (repeated on random posts and accounts"
                + " of the graph):\n\n");
        md.append(ActionCosts.markdown(actions));
        return md.toString();
    }

    /** The first of {@code rows} is the peer every row is compared with. */
    private static void table(StringBuilder md, String peer, List<ReadSamples> rows) {
        md.append(ReadSamples.header(peer));
        rows.forEach(row -> md.append(row.row(rows.get(0))));
    }
}
