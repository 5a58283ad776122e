package ru.rossgram.benchmarks.feeds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import ru.rossgram.benchmarks.Percentiles;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.engagement.CommentService;
import ru.rossgram.shared.engagement.LikeService;
import ru.rossgram.shared.engagement.NewComment;
import ru.rossgram.shared.social.FollowService;

/**
 * What one like, unlike, comment, comment with a mention, reply with a mention and follow cost, each through the service its function
 * calls, on the generated graph: DynamoDB requests, transactions and their actions, and the items written, by key
 * shape (so the activity and trending items each action adds are visible), with latency over many repetitions.
 */
final class ActionCosts {
    /** One action's repetitions. */
    record Measured(String action, List<Long> nanos, List<DynamoCalls.Tally> tallies) {
        long requestsAt(double q) {
            return Percentiles.quantile(tallies.stream().map(t -> (long) t.requests()).toList(), q);
        }

        long transactionsAt(double q) {
            return Percentiles.quantile(tallies.stream().map(t -> (long) t.transactions()).toList(), q);
        }

        long actionsAt(double q) {
            return Percentiles.quantile(tallies.stream().map(t -> (long) t.transactionActions()).toList(), q);
        }

        long itemsAt(double q) {
            return Percentiles.quantile(tallies.stream().map(DynamoCalls.Tally::itemsWritten).toList(), q);
        }

        /** Requests per operation and items per key shape of a repetition that wrote the median count of items. */
        DynamoCalls.Tally typical() {
            long median = itemsAt(0.5);
            return tallies.stream().filter(t -> t.itemsWritten() == median).findFirst().orElse(tallies.get(0));
        }
    }

    private final LikeService likes;
    private final CommentService comments;
    private final FollowService follows;
    private final SocialGraph.Built graph;
    private final Random random;

    ActionCosts(LikeService likes, CommentService comments, FollowService follows, SocialGraph.Built graph, long seed) {
        this.likes = likes;
        this.comments = comments;
        this.follows = follows;
        this.graph = graph;
        this.random = new Random(seed);
    }

    /** Each action {@code times} times, on posts and accounts drawn at random from the graph. */
    List<Measured> measure(int times) {
        List<Measured> measured = new ArrayList<>();
        measured.add(repeat("like of a post by another account", times, i -> {
            Pair pair = engagement();
            likes.unlike(pair.actor(), pair.postId()); // not measured: the like below is then a new one
            return () -> likes.like(pair.actor(), pair.postId());
        }));
        measured.add(repeat("unlike", times, i -> {
            Pair pair = engagement();
            likes.like(pair.actor(), pair.postId());
            return () -> likes.unlike(pair.actor(), pair.postId());
        }));
        measured.add(repeat("comment on a post by another account", times, i -> {
            Pair pair = engagement();
            return () -> comments.create(pair.actor(), pair.postId(), new NewComment("Nice one", null));
        }));
        measured.add(repeat("comment mentioning a third account", times, i -> {
            Pair pair = engagement();
            String mentioned = someoneElse();
            return () -> comments.create(pair.actor(), pair.postId(), new NewComment("Look, @" + mentioned + "!", null));
        }));
        measured.add(repeat("reply to a third account's comment, mentioning a fourth", times, i -> {
            Pair pair = engagement();
            String repliedTo = comments.create(engagement().actor(), pair.postId(), new NewComment("First!", null)).id();
            String mentioned = someoneElse();
            return () -> comments.create(pair.actor(), pair.postId(), new NewComment("Agreed, @" + mentioned, repliedTo));
        }));
        Set<String> followedNow = new HashSet<>();
        measured.add(repeat("follow of a public account", times, i -> {
            int actor;
            int target;
            do {
                actor = random.nextInt(graph.userIds().size());
                target = random.nextInt(graph.userIds().size());
            } while (actor == target || graph.following().get(actor).contains(graph.userIds().get(target))
                    || !followedNow.add(actor + ">" + target));
            Caller caller = new Caller(graph.userIds().get(actor), "benchmark");
            String username = graph.people().get(target).username();
            return () -> follows.follow(caller, username);
        }));
        return measured;
    }

    /** A post of the graph and an account other than its author (every account is public, so it may engage). */
    private Pair engagement() {
        SocialGraph.GraphPost post = graph.posts().get(random.nextInt(graph.posts().size()));
        int actor;
        do {
            actor = random.nextInt(graph.userIds().size());
        } while (actor == post.author());
        return new Pair(new Caller(graph.userIds().get(actor), "benchmark"), post.postId());
    }

    private String someoneElse() {
        return graph.people().get(random.nextInt(graph.people().size())).username();
    }

    private record Pair(Caller actor, String postId) {
    }

    /** Runs {@code prepare(i)} unmeasured, then the action it answers measured, {@code times} times. */
    private static Measured repeat(String action, int times, IntFunction<Runnable> prepare) {
        List<Long> nanos = new ArrayList<>();
        List<DynamoCalls.Tally> tallies = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Runnable measured = prepare.apply(i);
            DynamoCalls.reset();
            long t = System.nanoTime();
            measured.run();
            nanos.add(System.nanoTime() - t);
            tallies.add(DynamoCalls.tally());
        }
        return new Measured(action, nanos, tallies);
    }

    /** The table of {@code measured}, for docs/performance.md. */
    static String markdown(List<Measured> measured) {
        StringBuilder md = new StringBuilder();
        md.append("| action | p50 ms | p99 ms | requests p50 / max (by operation) | transactions | actions in them |"
                + " items written p50 / max | items written, by key |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Measured m : measured) {
            DynamoCalls.Tally typical = m.typical();
            md.append(String.format("| %s | %.2f | %.2f | %d / %d (%s) | %d | %d | %d / %d | %s |%n", m.action(),
                    Percentiles.quantile(m.nanos(), 0.5) / 1e6, Percentiles.quantile(m.nanos(), 0.99) / 1e6,
                    m.requestsAt(0.5), m.requestsAt(1.0), counts(typical.byOperation()), m.transactionsAt(0.5),
                    m.actionsAt(0.5), m.itemsAt(0.5), m.itemsAt(1.0), counts(typical.writtenByKey())));
        }
        return md.toString();
    }

    private static String counts(Map<String, Integer> counts) {
        StringBuilder cell = new StringBuilder();
        new TreeMap<>(counts).forEach((name, count) -> cell.append(cell.isEmpty() ? "" : ", ")
                .append('`').append(name).append("` ").append(count));
        return cell.toString();
    }
}
