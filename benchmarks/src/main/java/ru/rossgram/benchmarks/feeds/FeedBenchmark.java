package ru.rossgram.benchmarks.feeds;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import ru.rossgram.benchmarks.Percentiles;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.shared.accounts.AccountRegistrar;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.engagement.CommentService;
import ru.rossgram.shared.engagement.LikeService;
import ru.rossgram.shared.explore.ExploreJob;
import ru.rossgram.shared.explore.ExploreReader;
import ru.rossgram.shared.explore.ExploreRepository;
import ru.rossgram.shared.feeds.Celebrities;
import ru.rossgram.shared.feeds.FanOutAction;
import ru.rossgram.shared.feeds.FanOutService;
import ru.rossgram.shared.feeds.FanOutTasks;
import ru.rossgram.shared.feeds.FeedConfig;
import ru.rossgram.shared.feeds.FeedReader;
import ru.rossgram.shared.feeds.FeedRepository;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.search.SearchIndexRepository;
import ru.rossgram.shared.search.SearchService;
import ru.rossgram.shared.social.FollowService;
import ru.rossgram.shared.social.ProfileCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Home feed pages and publishes on a generated power-law graph against DynamoDB Local (docs/performance.md,
 * "Feeds"): page latency and round trips for readers who follow no celebrity and for readers who do, next to
 * one plain Query of a feed measured in the same run; writes per publish for ordinary and celebrity authors;
 * and the 23.3M-follower publish modelled from those measured costs ({@link CelebrityPublishModel}). On the same
 * graph (docs/performance.md, "Search, explore and activity"): searches and explore pages beside their one-request
 * peers ({@link DiscoveryReads}), and the writes of a like, an unlike, a comment and a follow ({@link ActionCosts}).
 * Everything runs through the same shared services the feed and fan-out functions use, configured from the
 * template's environment for {@code FanOutFunction}.
 */
public final class FeedBenchmark {
    private static final String FUNCTION = "FanOutFunction";

    /** Public thumbnail URLs in the second configuration: the base plus the key, no signing. */
    private static final String CDN_BASE_URL = "https://cdn.rossgram.example/";

    private final FeedReader reader;
    private final FeedReader cdnReader;
    private final FeedRepository feeds;
    private final FanOutService fanOut;
    private final ProfileCounters counters;
    private final FeedConfig config;
    private final IdGenerator ids;
    private final LikeService likes;
    private final CommentService comments;
    private final FollowService follows;
    private final DiscoveryReads.Services discovery;
    private final SocialGraph graph;

    private FeedBenchmark(ApplicationContext context, ApplicationContext cdnContext, SocialGraph graph) {
        this.reader = context.getBean(FeedReader.class);
        this.cdnReader = cdnContext.getBean(FeedReader.class);
        this.feeds = context.getBean(FeedRepository.class);
        this.fanOut = context.getBean(FanOutService.class);
        this.counters = context.getBean(ProfileCounters.class);
        this.config = context.getBean(FeedConfig.class);
        this.ids = context.getBean(IdGenerator.class);
        this.likes = context.getBean(LikeService.class);
        this.comments = context.getBean(CommentService.class);
        this.follows = context.getBean(FollowService.class);
        this.discovery = new DiscoveryReads.Services(context.getBean(SearchService.class),
                context.getBean(SearchIndexRepository.class), context.getBean(ExploreJob.class),
                context.getBean(ExploreReader.class), context.getBean(ExploreRepository.class));
        this.graph = graph;
    }

    public static void main(String[] args) throws Exception {
        FeedBenchmarkOptions options = FeedBenchmarkOptions.parse(args);
        try (LocalCloud cloud = LocalCloud.start()) {
            FunctionSpec fn = cloud.template().function(FUNCTION)
                    .orElseThrow(() -> new IllegalStateException("template.yaml has no " + FUNCTION));
            Map<String, Object> properties = new HashMap<>(cloud.functionEnvironment(fn, Map.of("AccessTokenSecret", secret())));
            properties.put("ROSSGRAM_FEEDS_FAN_OUT_THRESHOLD", Long.toString(options.threshold()));
            // Sign-up is setup here, not what is measured: the cheapest Argon2id that still hashes.
            properties.put("ROSSGRAM_PASSWORD_HASHING_MEMORY_KIB", "1024");
            properties.put("ROSSGRAM_PASSWORD_HASHING_ITERATIONS", "1");
            Map<String, Object> cdnProperties = new HashMap<>(properties);
            cdnProperties.put("ROSSGRAM_MEDIA_PUBLIC_BASE_URL", CDN_BASE_URL);
            try (ApplicationContext context = context(properties); ApplicationContext cdnContext = context(cdnProperties)) {
                SocialGraph graph = new SocialGraph(new SocialGraph.Services(context.getBean(AccountRegistrar.class),
                        context.getBean(FollowService.class), context.getBean(PostRepository.class),
                        context.getBean(FanOutService.class), context.getBean(LikeService.class),
                        context.getBean(CommentService.class), context.getBean(DynamoDbClient.class),
                        context.getBean(IdGenerator.class), context.getBean(S3Client.class),
                        context.getBean(FanOutTasks.class).bucket()), options.threads());
                try {
                    String report = new FeedBenchmark(context, cdnContext, graph).run(options, context.getBean(Celebrities.class));
                    Files.createDirectories(options.out());
                    Path file = options.out().resolve("results.md");
                    Files.writeString(file, report);
                    System.out.println(report);
                    System.out.println("written to " + file);
                } finally {
                    graph.close();
                }
            }
        }
    }

    /** The shared services as a function built with {@code environment} builds them. */
    private static ApplicationContext context(Map<String, Object> environment) {
        return ApplicationContext.builder().environmentPropertySource(false)
                .propertySources(PropertySource.of("lambda-environment", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
    }

    private String run(FeedBenchmarkOptions options, Celebrities celebrities) throws Exception {
        SocialGraph.Shape shape = options.shape();
        long started = System.nanoTime();
        System.out.printf("building a graph of %,d accounts (threshold %,d followers)%n", shape.users(), options.threshold());
        SocialGraph.Built built = graph.build(shape);
        long buildSeconds = (System.nanoTime() - started) / 1_000_000_000L;
        Set<String> celebrityIds = new HashSet<>();
        for (int rank = 1; rank <= shape.users() && shape.followersOfRank(rank) > options.threshold() / 2; rank++) {
            String userId = built.userIds().get(rank - 1);
            if (celebrities.isCelebrity(userId)) {
                celebrityIds.add(userId);
            }
        }

        List<Integer> plain = new ArrayList<>();
        List<Integer> withCelebrities = new ArrayList<>();
        for (int i = 0; i < built.userIds().size(); i++) {
            Set<String> follows = built.following().get(i);
            if (follows.isEmpty()) {
                continue;
            }
            (Collections.disjoint(follows, celebrityIds) ? plain : withCelebrities).add(i);
        }
        Random random = new Random(shape.seed());
        Collections.shuffle(plain, random);
        Collections.shuffle(withCelebrities, random);
        List<Integer> plainSample = plain.subList(0, Math.min(options.readers(), plain.size()));
        List<Integer> celebritySample = withCelebrities.subList(0, Math.min(options.readers(), withCelebrities.size()));

        System.out.println("warming up");
        for (int pass = 0; pass < options.warmUpPasses(); pass++) {
            for (List<Integer> sample : List.of(plainSample, celebritySample)) {
                for (int reader : sample) {
                    readPages(this.reader, built.userIds().get(reader));
                    readPages(cdnReader, built.userIds().get(reader));
                    feeds.newest(built.userIds().get(reader), null, PageRequest.DEFAULT_LIMIT);
                }
            }
        }
        System.out.println("measuring feed pages");
        FeedSamples plainPages = new FeedSamples();
        FeedSamples celebrityPages = new FeedSamples();
        FeedSamples plainCdnPages = new FeedSamples();
        FeedSamples celebrityCdnPages = new FeedSamples();
        List<Long> query = new ArrayList<>();
        List<int[]> order = new ArrayList<>();
        for (int pass = 0; pass < options.passes(); pass++) {
            plainSample.forEach(reader -> order.add(new int[] {reader, 0}));
            celebritySample.forEach(reader -> order.add(new int[] {reader, 1}));
        }
        Collections.shuffle(order, random);
        for (int[] visit : order) {
            String userId = built.userIds().get(visit[0]);
            long t = System.nanoTime();
            feeds.newest(userId, null, PageRequest.DEFAULT_LIMIT);
            query.add(System.nanoTime() - t);
            (visit[1] == 0 ? plainPages : celebrityPages).add(readPages(reader, userId));
            (visit[1] == 0 ? plainCdnPages : celebrityCdnPages).add(readPages(cdnReader, userId));
        }

        System.out.println("measuring publishes");
        List<Publish> publishes = new ArrayList<>();
        int largestOrdinary = -1;
        for (int rank = 1; rank <= shape.users(); rank++) {
            if (shape.followersOfRank(rank) <= options.threshold()) {
                largestOrdinary = rank - 1;
                break;
            }
        }
        int typical = Math.min(shape.users() - 1, shape.users() / 20);
        publish("warm-up", built.userIds().get(typical)); // the first S3 call of the run pays for its client
        publishes.add(publish("celebrity (rank 1)", built.userIds().get(0)));
        publishes.add(publish("largest ordinary (rank " + (largestOrdinary + 1) + ")", built.userIds().get(largestOrdinary)));
        publishes.add(publish("typical (rank " + (typical + 1) + ")", built.userIds().get(typical)));
        publishes.add(markFollowers("marking of a new celebrity's followers (rank 1), once", built.userIds().get(0)));
        publishes.add(publish("typical, a caption with 3 hashtags and a mention (rank " + (typical + 1) + ")",
                built.userIds().get(typical), "Generated post #love #москва #travel with @" + built.people().get(0).username()));

        FeedReport report = new FeedReport(shape, options, built, buildSeconds, celebrityIds.size(), plain.size(),
                withCelebrities.size(), query, plainPages, celebrityPages, plainCdnPages, celebrityCdnPages, publishes, config);

        System.out.println("measuring searches");
        DiscoveryReads reads = new DiscoveryReads(discovery, built, shape.seed());
        List<ReadSamples> searches = reads.search(options.searches(), options.searches() / 4);
        System.out.println("running the explore job, then measuring explore pages");
        DiscoveryReads.JobRun job = reads.computeExplore();
        List<ReadSamples> explore = reads.explore(options.readers(), options.passes(), options.warmUpPasses());
        System.out.println("measuring likes, comments and follows");
        List<ActionCosts.Measured> actions = new ActionCosts(likes, comments, follows, built, shape.seed())
                .measure(options.repetitions());
        return report.markdown() + "\n" + new DiscoveryReport(searches, job, explore, actions).markdown();
    }

    /** The first page of a reader's feed and, where there is one, the second, with their costs. */
    private static PageCost[] readPages(FeedReader reader, String userId) {
        Caller caller = new Caller(userId, "benchmark");
        PageCost first = measure(reader, caller, new PageRequest(PageRequest.DEFAULT_LIMIT, null));
        PageCost second = first.nextCursor == null ? null
                : measure(reader, caller, new PageRequest(PageRequest.DEFAULT_LIMIT, first.nextCursor));
        return new PageCost[] {first, second};
    }

    private static PageCost measure(FeedReader reader, Caller caller, PageRequest request) {
        DynamoCalls.reset();
        long t = System.nanoTime();
        Page<PostView> page = reader.page(caller, request);
        long nanos = System.nanoTime() - t;
        DynamoCalls.Tally tally = DynamoCalls.tally();
        return new PageCost(nanos, tally.waitingNanos(), tally.roundTrips(), tally.requests(), page.items().size(),
                page.nextCursor());
    }

    /** One page read: its latency, the part spent waiting on DynamoDB, its round trips and requests, its posts. */
    record PageCost(long nanos, long dynamoNanos, int roundTrips, int requests, int posts, String nextCursor) {
    }

    /**
     * Publishes a new post by {@code authorId} the way production does: the post is stored, its fan-out queued
     * as a task object, then each step run as the fan-out function runs it on its storage event (run, delete the
     * task, the step itself queueing the next).
     */
    private Publish publish(String label, String authorId) {
        return publish(label, authorId, "Generated post");
    }

    private Publish publish(String label, String authorId, String caption) {
        long followers = counters.read(authorId).followers();
        String postId = graph.createPublishedPost(authorId, caption);
        DynamoCalls.reset();
        long t = System.nanoTime();
        fanOut.postPublished(postId, authorId);
        return runSteps(label, followers, new FanOutTasks.Task(FanOutAction.ADD, authorId, postId, 0), t);
    }

    /**
     * Marks {@code authorId}, a celebrity already, once more as the fan-out function does when an account passes
     * the threshold: the notes are there, but each is written again, so it costs what the first marking did.
     */
    private Publish markFollowers(String label, String authorId) {
        long followers = counters.read(authorId).followers();
        DynamoCalls.reset();
        long t = System.nanoTime();
        return runSteps(label, followers, new FanOutTasks.Task(FanOutAction.MARK, authorId, ids.newId(), 0), t);
    }

    /** Runs every step of a fan-out job from {@code task}, as the fan-out function runs one per storage event. */
    private Publish runSteps(String label, long followers, FanOutTasks.Task task, long startedAt) {
        int steps = 0;
        FanOutService.Outcome outcome;
        do {
            outcome = fanOut.run(task).outcome();
            fanOut.finished(task);
            steps++;
            task = task.next();
        } while (outcome == FanOutService.Outcome.CONTINUED);
        long nanos = System.nanoTime() - startedAt;
        DynamoCalls.Tally tally = DynamoCalls.tally();
        boolean posted = task.action() == FanOutAction.ADD;
        return new Publish(label, followers, outcome, steps, tally.requests(), tally.itemsWritten() + (posted ? 1 : 0), nanos);
    }

    /**
     * One measured publish.
     *
     * @param itemsWritten every DynamoDB item written, the post itself included
     */
    record Publish(String label, long followers, FanOutService.Outcome outcome, int steps, int requests,
                   long itemsWritten, long nanos) {
    }

    /** Feed pages of one class of readers. */
    static final class FeedSamples {
        final List<Long> firstNanos = new ArrayList<>();
        final List<Long> firstDynamoNanos = new ArrayList<>();
        final List<Long> secondNanos = new ArrayList<>();
        final List<Long> firstRequests = new ArrayList<>();
        final List<Long> secondRequests = new ArrayList<>();
        final List<Long> firstRoundTrips = new ArrayList<>();
        final List<Long> secondRoundTrips = new ArrayList<>();
        final List<Long> posts = new ArrayList<>();

        void add(PageCost[] pages) {
            firstNanos.add(pages[0].nanos());
            firstDynamoNanos.add(pages[0].dynamoNanos());
            firstRequests.add((long) pages[0].requests());
            firstRoundTrips.add((long) pages[0].roundTrips());
            posts.add((long) pages[0].posts());
            if (pages[1] != null) {
                secondNanos.add(pages[1].nanos());
                secondRequests.add((long) pages[1].requests());
                secondRoundTrips.add((long) pages[1].roundTrips());
            }
        }

        static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }

        static long quantile(List<Long> values, double q) {
            return Percentiles.quantile(values, q);
        }
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
