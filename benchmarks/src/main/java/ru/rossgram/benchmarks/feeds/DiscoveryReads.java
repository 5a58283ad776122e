package ru.rossgram.benchmarks.feeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.explore.ExploreJob;
import ru.rossgram.shared.explore.ExploreReader;
import ru.rossgram.shared.explore.ExploreRepository;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.search.SearchIndexRepository;
import ru.rossgram.shared.search.SearchResults;
import ru.rossgram.shared.search.SearchService;
import ru.rossgram.shared.search.SearchText;

/**
 * Search and the explore page on the generated graph, each side by side with its peer in the same run, interleaved
 * so that the machine's noise falls on both alike: a search against one Query of the index partition its query
 * reads, an explore page against one GetItem of the snapshot it reads. Everything through the services the
 * functions call.
 */
final class DiscoveryReads {
    /** The beans measured, from the benchmark's application context. */
    record Services(SearchService search, SearchIndexRepository searchIndex, ExploreJob exploreJob,
                    ExploreReader explore, ExploreRepository snapshots) {
    }

    /** The explore job's one run before the pages are read. */
    record JobRun(long nanos, DynamoCalls.Tally tally, String summary) {
    }

    private static final int LIMIT = PageRequest.DEFAULT_LIMIT;
    private static final String[] QUERY_CLASSES = {"a display-name prefix, the name's alphabet",
            "a display-name prefix, the other alphabet", "a username prefix", "a hashtag prefix"};

    private final Services services;
    private final SocialGraph.Built graph;
    private final Random random;

    DiscoveryReads(Services services, SocialGraph.Built graph, long seed) {
        this.services = services;
        this.graph = graph;
        this.random = new Random(seed);
    }

    private Caller anyone() {
        return new Caller(graph.userIds().get(random.nextInt(graph.userIds().size())), "benchmark");
    }

    /** {@code count} searches (a quarter of each class of {@link SearchQueries}) after {@code warmUp} unmeasured. */
    List<ReadSamples> search(int count, int warmUp) {
        List<String> queries = SearchQueries.generate(graph.people(), count + warmUp, random.nextLong());
        ReadSamples peer = new ReadSamples("one `Query` of the index partition the search reads (21 items)");
        List<ReadSamples> searches = new ArrayList<>();
        for (String queryClass : QUERY_CLASSES) {
            searches.add(new ReadSamples("`GET /v1/search`, " + queryClass));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int done = 0;
        for (int i : order) {
            String q = queries.get(i);
            boolean measured = done++ >= warmUp;
            ReadSamples.Cost query = ReadSamples.measure(() -> services.searchIndex().find(SearchText.key(q), LIMIT + 1),
                    List::size, hits -> null);
            Caller caller = anyone();
            ReadSamples.Cost search = ReadSamples.measure(() -> services.search().search(caller, Map.of("q", q)),
                    DiscoveryReads::results, results -> null);
            if (measured) {
                peer.add(query);
                searches.get(i % QUERY_CLASSES.length).add(search);
            }
        }
        List<ReadSamples> all = new ArrayList<>(List.of(peer));
        all.addAll(searches);
        return all;
    }

    private static int results(SearchResults results) {
        return results.accounts().size() + results.hashtags().size();
    }

    /** Runs the explore job once, as its schedule would, and answers its cost. */
    JobRun computeExplore() {
        DynamoCalls.reset();
        long t = System.nanoTime();
        String summary = String.valueOf(services.exploreJob().run());
        return new JobRun(System.nanoTime() - t, DynamoCalls.tally(), summary);
    }

    /** Explore pages 1 and 2 of {@code readers} readers, {@code passes} times, beside one GetItem of the snapshot. */
    List<ReadSamples> explore(int readers, int passes, int warmUpPasses) {
        ReadSamples peer = new ReadSamples("one `GetItem` of the explore snapshot");
        ReadSamples first = new ReadSamples("`GET /v1/explore`, page 1");
        ReadSamples second = new ReadSamples("`GET /v1/explore`, page 2");
        List<Caller> sample = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            sample.add(anyone());
        }
        for (int pass = 0; pass < warmUpPasses + passes; pass++) {
            boolean measured = pass >= warmUpPasses;
            Collections.shuffle(sample, random);
            for (Caller reader : sample) {
                ReadSamples.Cost get = ReadSamples.measure(() -> services.snapshots().current(), s -> s.isPresent() ? 1 : 0, s -> null);
                ReadSamples.Cost one = ReadSamples.measure(() -> services.explore().page(reader, new PageRequest(LIMIT, null)),
                        page -> page.items().size(), Page::nextCursor);
                ReadSamples.Cost two = one.nextCursor() == null ? null : ReadSamples.measure(() -> services.explore()
                        .page(reader, new PageRequest(LIMIT, one.nextCursor())), page -> page.items().size(), Page::nextCursor);
                if (measured) {
                    peer.add(get);
                    first.add(one);
                    second.add(two);
                }
            }
        }
        return List.of(peer, first, second);
    }
}
