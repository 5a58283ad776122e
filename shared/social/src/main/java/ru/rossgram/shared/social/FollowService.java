package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import ru.rossgram.shared.feeds.FeedBackfill;
import ru.rossgram.shared.feeds.FeedRepository;
import ru.rossgram.shared.search.SearchRanks;

/**
 * Follow and unfollow. Each is read, decide, then one transaction conditioned on what was read (the edge or request
 * absent or present, no block either way), so concurrent calls serialise: a condition that fails means the graph
 * changed, and the next round reads it again and decides again. The edge and both counters commit together, so
 * counts move exactly once per change however many calls race.
 */
@Singleton
public class FollowService {
    /**
     * Accounts one may follow (or ask to), as on the photo apps people know; it also bounds the list of followed
     * celebrities a reader's feed context holds. Checked against the summed counter shards when following or
     * asking, so follows sent at the same moment, or requests approved later, may pass it by a few.
     */
    public static final int MAX_FOLLOWING = 7500;
    private static final int ATTEMPTS = 10;

    private final UserLookup users;
    private final Relationships relationships;
    private final FollowRepository follows;
    private final ProfileCounters counters;
    private final TransactionWriter transactions;
    private final Clock clock;
    private final FeedBackfill backfill;
    private final FeedRepository feeds;
    private final SearchRanks searchRanks;

    public FollowService(UserLookup users, Relationships relationships, FollowRepository follows,
                         ProfileCounters counters, TransactionWriter transactions, Clock clock, FeedBackfill backfill,
                         FeedRepository feeds, SearchRanks searchRanks) {
        this.searchRanks = searchRanks;
        this.users = users;
        this.relationships = relationships;
        this.follows = follows;
        this.counters = counters;
        this.transactions = transactions;
        this.clock = clock;
        this.backfill = backfill;
        this.feeds = feeds;
    }

    /**
     * Follows {@code username}, or, if the account is private, asks to. Repeating it changes nothing.
     *
     * @throws ProblemException 404 {@code not-found} for an unknown account or one blocked either way (the two
     *         answers are the same, so a block is not revealed); 422 {@code cannot-follow-yourself}, and
     *         {@code too-many-follows} for a caller who follows {@link #MAX_FOLLOWING} accounts already
     */
    public FollowState follow(Caller caller, String username) {
        Account target = users.byUsername(username);
        String me = caller.userId();
        String them = target.userId();
        if (me.equals(them)) {
            throw new ProblemException(ProblemType.CANNOT_FOLLOW_YOURSELF, "You cannot follow yourself.");
        }
        return Contention.retry(ATTEMPTS, UserLookup.CHANGING_TOO_FAST, () -> {
            Relationships.WithCounts read = relationships.withCountsOf(me, them, me);
            Relationship now = read.relationship();
            if (now.blockedEitherWay()) {
                throw UserLookup.notFound(username);
            }
            if (now.following()) {
                backfill.followed(me, them); // repeated: finishes a follow whose invocation ended after its commit
                searchRanks.followersChanged(them);
                return Optional.of(FollowState.FOLLOWING);
            }
            if (target.privateAccount() && now.requested()) {
                return Optional.of(FollowState.REQUESTED);
            }
            if (read.counts().following() >= MAX_FOLLOWING) {
                throw new ProblemException(ProblemType.TOO_MANY_FOLLOWS, "You follow " + MAX_FOLLOWING
                        + " accounts already; unfollow one to follow another.", Map.of("limit", MAX_FOLLOWING));
            }
            List<TransactWriteItem> items = new ArrayList<>();
            Instant at = clock.instant();
            if (target.privateAccount()) {
                items.add(follows.putRequestItem(them, me, at));
                items.add(follows.absentItem(FollowRepository.edgeKey(me, them)));
            } else {
                items.add(follows.putEdgeItem(me, them, at));
                items.addAll(counters.changeItems(new CounterChanges()
                        .add(me, Counter.FOLLOWING, 1).add(them, Counter.FOLLOWERS, 1)));
                if (now.requested()) { // asked while the account was private; following makes the request moot
                    items.add(follows.deleteRequestItem(them, me));
                }
            }
            items.add(follows.absentItem(BlockRepository.blockKey(them, me)));
            items.add(follows.absentItem(BlockRepository.blockKey(me, them)));
            if (!transactions.write(items).isEmpty()) {
                return Optional.empty(); // the graph changed since it was read
            }
            if (target.privateAccount()) {
                return Optional.of(FollowState.REQUESTED);
            }
            backfill.followed(me, them);
            searchRanks.followersChanged(them);
            return Optional.of(FollowState.FOLLOWING);
        });
    }

    /**
     * Stops following {@code username}, and withdraws a pending request to follow it. Repeating it changes nothing.
     *
     * @throws ProblemException 404 {@code not-found} for an unknown account; 422 {@code cannot-follow-yourself}
     */
    public void unfollow(Caller caller, String username) {
        Account target = users.byUsername(username);
        String me = caller.userId();
        String them = target.userId();
        if (me.equals(them)) {
            throw new ProblemException(ProblemType.CANNOT_FOLLOW_YOURSELF, "You cannot follow, or unfollow, yourself.");
        }
        Contention.retryUntilDone(ATTEMPTS, UserLookup.CHANGING_TOO_FAST, () -> {
            Relationship now = relationships.between(me, them);
            if (!now.following() && !now.requested()) {
                return true;
            }
            List<TransactWriteItem> items = new ArrayList<>();
            if (now.following()) {
                items.add(follows.deleteEdgeItem(me, them));
                items.add(feeds.forgetCelebrityItem(me, them)); // whether or not they are one: absent is fine
                items.addAll(counters.changeItems(new CounterChanges()
                        .add(me, Counter.FOLLOWING, -1).add(them, Counter.FOLLOWERS, -1)));
            }
            if (now.requested()) {
                items.add(follows.deleteRequestItem(them, me));
            }
            boolean committed = transactions.write(items).isEmpty();
            if (committed && now.following()) {
                searchRanks.followersChanged(them);
            }
            return committed;
        });
    }
}
