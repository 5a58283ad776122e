package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.feeds.FeedRepository;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Block and mute. A block cuts every tie both ways in one transaction: the block is written, both follow edges
 * are deleted with their counts, both follow requests go. The transaction is built from what was read, each edge
 * and request either deleted ({@code attribute_exists}) or checked absent (a deleted edge takes the celebrity, if it
 * is one, out of the follower's feed context), so a follow landing meanwhile fails
 * it and the next round removes that too; and a follow or request checks that no block exists, so none can
 * slip in after. Blocking or muting someone who blocks you works and tells you nothing.
 */
@Singleton
public class BlockService {
    private static final int ATTEMPTS = 10;

    private final UserLookup users;
    private final Relationships relationships;
    private final FollowRepository follows;
    private final BlockRepository blocks;
    private final ProfileCounters counters;
    private final TransactionWriter transactions;
    private final Clock clock;
    private final FeedRepository feeds;
    private final FollowActivity activity;

    public BlockService(UserLookup users, Relationships relationships, FollowRepository follows, BlockRepository blocks,
                        ProfileCounters counters, TransactionWriter transactions, Clock clock, FeedRepository feeds,
                        FollowActivity activity) {
        this.users = users;
        this.relationships = relationships;
        this.follows = follows;
        this.blocks = blocks;
        this.counters = counters;
        this.transactions = transactions;
        this.clock = clock;
        this.feeds = feeds;
        this.activity = activity;
    }

    /** @throws ProblemException 404 {@code not-found} for an unknown account; 422 {@code cannot-block-yourself} */
    public void block(Caller caller, String username) {
        String me = caller.userId();
        String them = other(caller, username, ProblemType.CANNOT_BLOCK_YOURSELF, "You cannot block yourself.");
        Contention.retryUntilDone(ATTEMPTS, UserLookup.CHANGING_TOO_FAST, () -> {
            Relationship now = relationships.between(me, them);
            boolean ties = now.following() || now.followedBy() || now.requested() || now.requestedBy();
            if (now.blocking() && !ties) {
                return true;
            }
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(blocks.putBlockItem(me, them, clock.instant()));
            items.add(removeOrCheckAbsent(now.following(), FollowRepository.edgeKey(me, them)));
            items.add(removeOrCheckAbsent(now.followedBy(), FollowRepository.edgeKey(them, me)));
            items.add(removeOrCheckAbsent(now.requested(), FollowRepository.requestKey(them, me)));
            items.add(removeOrCheckAbsent(now.requestedBy(), FollowRepository.requestKey(me, them)));
            CounterChanges counts = new CounterChanges();
            if (now.following()) {
                counts.add(me, Counter.FOLLOWING, -1).add(them, Counter.FOLLOWERS, -1);
            }
            if (now.followedBy()) {
                counts.add(them, Counter.FOLLOWING, -1).add(me, Counter.FOLLOWERS, -1);
            }
            if (now.following() || now.followedBy()) {
                items.addAll(counters.changeItems(counts));
            }
            if (now.following()) {
                items.add(feeds.forgetCelebrityItem(me, them));
            }
            if (now.followedBy()) {
                items.add(feeds.forgetCelebrityItem(them, me));
            }
            items.addAll(activity.cutBetween(me, them));
            return transactions.write(items).isEmpty();
        });
    }

    /** Lifts the caller's block; follows it removed stay removed. @throws ProblemException 404 for an unknown account */
    public void unblock(Caller caller, String username) {
        blocks.deleteBlock(caller.userId(), other(caller, username, ProblemType.CANNOT_BLOCK_YOURSELF, "You cannot block yourself."));
    }

    /**
     * Hides {@code username}'s posts from the caller's feed; nothing else changes and they are not told.
     *
     * @throws ProblemException 422 when the caller already mutes {@link BlockRepository#MAX_MUTES} accounts
     */
    public void mute(Caller caller, String username) {
        if (!blocks.putMute(caller.userId(), other(caller, username, ProblemType.CANNOT_MUTE_YOURSELF,
                "You cannot mute yourself."), clock.instant())) {
            throw new ProblemException(ProblemType.TOO_MANY_MUTES, "You mute " + BlockRepository.MAX_MUTES
                    + " accounts already; unmute one to mute another.", java.util.Map.of("limit", BlockRepository.MAX_MUTES));
        }
    }

    public void unmute(Caller caller, String username) {
        blocks.deleteMute(caller.userId(), other(caller, username, ProblemType.CANNOT_MUTE_YOURSELF, "You cannot mute yourself."));
    }

    private String other(Caller caller, String username, ProblemType self, String detail) {
        Account account = users.byUsername(username);
        if (account.userId().equals(caller.userId())) {
            throw new ProblemException(self, detail);
        }
        return account.userId();
    }

    private TransactWriteItem removeOrCheckAbsent(boolean present, Map<String, AttributeValue> key) {
        return present ? follows.deleteIfPresent(key) : follows.absentItem(key);
    }
}
