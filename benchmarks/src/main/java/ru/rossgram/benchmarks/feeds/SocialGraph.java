package ru.rossgram.benchmarks.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import ru.rossgram.shared.accounts.AccountRegistrar;
import ru.rossgram.shared.accounts.SignUpRequest;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.engagement.CommentService;
import ru.rossgram.shared.engagement.LikeService;
import ru.rossgram.shared.engagement.NewComment;
import ru.rossgram.shared.feeds.FanOutAction;
import ru.rossgram.shared.feeds.FanOutService;
import ru.rossgram.shared.feeds.FanOutTasks;
import ru.rossgram.shared.feeds.FanOutTasks.Task;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.posts.CaptionTags;
import ru.rossgram.shared.posts.Photo;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.social.FollowService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A generated social graph, built through the real services: accounts signed up with Russian display names, a
 * share in Cyrillic ({@link GraphPeople}), follows made one by one (each its transaction with the counters), posts
 * with hashtags ({@link GraphCaptions}) stored published and fanned out by {@link FanOutService} (whose first step
 * runs the posts' side effects, such as the hashtag index), then liked and commented on by their authors'
 * followers through {@link LikeService} and {@link CommentService}, so activity and trending items are written as
 * in production. Follower counts follow a power law: the account of rank {@code r} has
 * {@code topFollowers / r^exponent} followers, chosen at random, so a handful of accounts pass the fan-out
 * threshold and most have a few followers or none.
 */
final class SocialGraph {
    static final String PASSWORD = "Generated graph password 7";

    /** What the benchmark needs to know of the graph it built. */
    record Built(List<String> userIds, List<GraphPeople.Person> people, List<Set<String>> following,
                 List<GraphPost> posts, long follows, long likes, long comments) {
    }

    /** A generated post: its id, its author's index and its hashtags. */
    record GraphPost(String postId, int author, List<String> hashtags) {
    }

    /**
     * How big a graph to build.
     *
     * @param cyrillicShare the share of accounts whose display name is in Cyrillic (the rest: Latin spellings)
     * @param likeShare     the chance that a follower likes a given post of the author's
     * @param commentShare  the chance that a follower comments on a given post of the author's
     */
    record Shape(int users, int topFollowers, double exponent, int postsPerAuthor, double cyrillicShare,
                 double likeShare, double commentShare, long seed) {
        int followersOfRank(int rank) {
            return (int) Math.min(users - 1, Math.floor(topFollowers / Math.pow(rank, exponent)));
        }
    }

    private final Services services;
    private final ExecutorService threads;

    SocialGraph(Services services, int threadCount) {
        this.services = services;
        this.threads = Executors.newFixedThreadPool(threadCount);
    }

    /** The beans the graph is built with, from the benchmark's application context. */
    record Services(AccountRegistrar registrar, FollowService follows, PostRepository posts, FanOutService fanOut,
                    LikeService likes, CommentService comments, DynamoDbClient dynamo, IdGenerator ids, S3Client s3,
                    String bucket) {
    }

    Built build(Shape shape) throws Exception {
        Random random = new Random(shape.seed());
        List<GraphPeople.Person> people = GraphPeople.generate(shape.users(), shape.cyrillicShare(), shape.seed());
        List<String> usernames = people.stream().map(GraphPeople.Person::username).toList();
        List<String> userIds = parallel("accounts", people, person -> services.registrar().signUp(
                new SignUpRequest(person.username(), person.username() + "@graph.example", PASSWORD, person.displayName(),
                        null, null), "127.0.0.1").account().id());

        // Rank r (1-based) is user r - 1. Edges as (follower, followed) index pairs, in a random order so that
        // no account's followers all arrive together.
        List<int[]> edges = new ArrayList<>();
        List<Set<String>> following = new ArrayList<>();
        for (int i = 0; i < shape.users(); i++) {
            following.add(new HashSet<>());
        }
        for (int rank = 1; rank <= shape.users(); rank++) {
            int followed = rank - 1;
            Set<Integer> chosen = new HashSet<>();
            int wanted = shape.followersOfRank(rank);
            while (chosen.size() < wanted) {
                int follower = random.nextInt(shape.users());
                if (follower != followed && chosen.add(follower)) {
                    edges.add(new int[] {follower, followed});
                    following.get(follower).add(userIds.get(followed));
                }
            }
        }
        Collections.shuffle(edges, random);
        parallel("follows", edges, edge -> services.follows().follow(new Caller(userIds.get(edge[0]), "graph"),
                usernames.get(edge[1])));

        // Posts by every account with a follower, interleaved across authors (ids are time-ordered, so the
        // order they are made in is about the order feeds show them), each fanned out as the fan-out function would.
        List<Integer> authorships = new ArrayList<>();
        for (int rank = 1; rank <= shape.users(); rank++) {
            if (shape.followersOfRank(rank) > 0) {
                for (int p = 0; p < shape.postsPerAuthor(); p++) {
                    authorships.add(rank - 1);
                }
            }
        }
        Collections.shuffle(authorships, random);
        GraphCaptions captions = new GraphCaptions(shape.seed(), 3);
        List<String> planned = authorships.stream().map(author -> captions.next()).toList();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < authorships.size(); i++) {
            order.add(i);
        }
        List<String> postIds = parallel("posts", order, i -> createPublishedPost(userIds.get(authorships.get(i)), planned.get(i)));
        // Every author's first post first: one by an author past the threshold queues the author's marking, which
        // runs before the other posts are fanned out, as it would between an author's posts in production.
        List<Integer> firsts = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < postIds.size(); i++) {
            (seen.add(authorships.get(i)) ? firsts : rest).add(i);
        }
        parallel("fan-outs of first posts", firsts, i -> fanOutCompletely(FanOutAction.ADD, userIds.get(authorships.get(i)), postIds.get(i)));
        runQueuedMarks();
        parallel("fan-outs", rest, i -> fanOutCompletely(FanOutAction.ADD, userIds.get(authorships.get(i)), postIds.get(i)));

        List<GraphPost> posts = new ArrayList<>();
        for (int i = 0; i < postIds.size(); i++) {
            posts.add(new GraphPost(postIds.get(i), authorships.get(i), CaptionTags.in(planned.get(i)).hashtags()));
        }
        List<Engagement> engagements = engagements(shape, posts, edges, usernames, random);
        parallel("likes and comments", engagements, e -> engage(e, userIds));
        long likes = engagements.stream().filter(e -> e.comment() == null).count();
        return new Built(userIds, people, following, posts, edges.size(), likes, engagements.size() - likes);
    }

    /** A follower's like (no comment) or comment on a post of the author's. */
    private record Engagement(int follower, String postId, String comment) {
    }

    /**
     * Every follower of each post's author likes it with {@code likeShare} chance and comments with
     * {@code commentShare}, a quarter of the comments mentioning another follower of the author; in a random
     * order, so no post's engagement arrives together.
     */
    private static List<Engagement> engagements(Shape shape, List<GraphPost> posts, List<int[]> edges,
                                                List<String> usernames, Random random) {
        List<List<Integer>> followers = new ArrayList<>();
        for (int i = 0; i < shape.users(); i++) {
            followers.add(new ArrayList<>());
        }
        edges.forEach(edge -> followers.get(edge[1]).add(edge[0]));
        List<Engagement> engagements = new ArrayList<>();
        for (GraphPost post : posts) {
            List<Integer> audience = followers.get(post.author());
            for (int follower : audience) {
                if (random.nextDouble() < shape.likeShare()) {
                    engagements.add(new Engagement(follower, post.postId(), null));
                }
                if (random.nextDouble() < shape.commentShare()) {
                    int other = audience.get(random.nextInt(audience.size()));
                    boolean mention = other != follower && random.nextInt(4) == 0;
                    engagements.add(new Engagement(follower, post.postId(),
                            mention ? "Look, @" + usernames.get(other) + "!" : "Nice one"));
                }
            }
        }
        Collections.shuffle(engagements, random);
        return engagements;
    }

    private Void engage(Engagement engagement, List<String> userIds) {
        Caller caller = new Caller(userIds.get(engagement.follower()), "graph");
        if (engagement.comment() == null) {
            services.likes().like(caller, engagement.postId());
        } else {
            services.comments().create(caller, engagement.postId(), new NewComment(engagement.comment(), null));
        }
        return null;
    }

    /** Stores a published one-photo post with {@code caption}, as the thumbnail function leaves it; answers its id. */
    String createPublishedPost(String authorId, String caption) {
        String postId = services.ids().newId();
        String uploadId = services.ids().newId();
        List<PhotoRecord.Rendition> renditions = new ArrayList<>();
        for (String[] rendition : new String[][] {{"w1080", "1080", "1350"}, {"w640", "640", "800"},
                {"w320", "320", "400"}, {"square150", "150", "150"}}) {
            renditions.add(new PhotoRecord.Rendition(rendition[0], MediaKeys.thumbnailKey(authorId, uploadId, rendition[0]),
                    Integer.parseInt(rendition[1]), Integer.parseInt(rendition[2])));
        }
        PhotoRecord photo = new PhotoRecord(1080, 1350, "#3a6ea5", "LEHV6nWB2yk8pyo0adR*.7kCMdnj", renditions);
        Instant now = Instant.now();
        CaptionTags tags = CaptionTags.in(caption);
        Post post = new Post(postId, authorId, caption, tags.hashtags(), tags.mentions(), null, PostStatus.PUBLISHED, null,
                now, now, List.of(new Photo(uploadId, "", photo)), 1, 1);
        services.dynamo().transactWriteItems(r -> r.transactItems(services.posts().createItem(post)));
        return postId;
    }

    /**
     * Runs every step of the post's fan-out on this thread, as the fan-out function runs each step on its
     * storage event, and answers how many steps it took.
     */
    int fanOutCompletely(FanOutAction action, String authorId, String postId) {
        Task task = new Task(action, authorId, postId, 0);
        int steps = 1;
        while (services.fanOut().run(task).outcome() == FanOutService.Outcome.CONTINUED) {
            task = task.next();
            steps++;
        }
        return steps;
    }

    /** Runs the celebrity markings the fan-outs queued (as task objects), as the fan-out function would. */
    private void runQueuedMarks() {
        List<String> keys = services.s3().listObjectsV2Paginator(r -> r.bucket(services.bucket())
                        .prefix(FanOutTasks.prefix(FanOutAction.MARK)))
                .contents().stream().map(S3Object::key).toList();
        for (String key : keys) {
            Task task = FanOutTasks.parse(key).orElseThrow();
            if (task.step() == 0) { // the later steps are queued again as the loop runs them
                fanOutCompletely(task.action(), task.authorId(), task.postId());
            }
            services.s3().deleteObject(r -> r.bucket(services.bucket()).key(key));
        }
    }

    private interface Work<T, R> {
        R apply(T input) throws Exception;
    }

    /** Applies {@code work} to every input on the pool, printing progress; answers the results in input order. */
    private <T, R> List<R> parallel(String what, List<T> inputs, Work<T, R> work) throws Exception {
        long started = System.nanoTime();
        AtomicLong done = new AtomicLong();
        long every = Math.max(1, inputs.size() / 10);
        List<Future<R>> futures = new ArrayList<>();
        for (T input : inputs) {
            futures.add(threads.submit(() -> {
                R result = work.apply(input);
                long count = done.incrementAndGet();
                if (count % every == 0) {
                    System.out.printf("  %s: %,d of %,d (%d s)%n", what, count, inputs.size(),
                            (System.nanoTime() - started) / 1_000_000_000L);
                }
                return result;
            }));
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    void close() {
        threads.shutdownNow();
    }
}
