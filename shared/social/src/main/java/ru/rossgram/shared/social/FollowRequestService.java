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
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import ru.rossgram.shared.feeds.FeedBackfill;
import ru.rossgram.shared.search.SearchRanks;

/**
 * Requests to follow the caller's private account: list them, approve one (the request becomes an edge, with its
 * counts, in one transaction that deletes the request only if it is still there), decline one.
 */
@Singleton
public class FollowRequestService {
    private static final int ATTEMPTS = 10;

    private final UserLookup users;
    private final Relationships relationships;
    private final FollowRepository follows;
    private final ProfileCounters counters;
    private final TransactionWriter transactions;
    private final UserSummaries summaries;
    private final CursorCodec cursors;
    private final Clock clock;
    private final FeedBackfill backfill;
    private final SearchRanks searchRanks;

    public FollowRequestService(UserLookup users, Relationships relationships, FollowRepository follows,
                                ProfileCounters counters, TransactionWriter transactions, UserSummaries summaries,
                                CursorCodec cursors, Clock clock, FeedBackfill backfill,
                                SearchRanks searchRanks) {
        this.searchRanks = searchRanks;
        this.users = users;
        this.relationships = relationships;
        this.follows = follows;
        this.counters = counters;
        this.transactions = transactions;
        this.summaries = summaries;
        this.cursors = cursors;
        this.clock = clock;
        this.backfill = backfill;
    }

    /** The caller's pending requests, newest first. @throws ProblemException 400 {@code invalid-cursor} */
    public Page<FollowRequestView> pending(Caller caller, PageRequest request) {
        String purpose = "follow-requests:" + caller.userId();
        String after = request.cursor() == null ? null : Cursors.after(cursors, purpose, request.cursor());
        GraphPage page = follows.requests(caller.userId(), after, request.limit());
        String next = page.after() == null ? null : cursors.encode(purpose, Map.of(Cursors.AFTER, page.after()));
        return new Page<>(summaries.requests(page), next);
    }

    /**
     * Lets {@code username}, who asked, follow the caller.
     *
     * @throws ProblemException 404 {@code not-found} for an unknown account or when it has no pending request
     *         (never made, withdrawn, declined, or already approved)
     */
    public void approve(Caller caller, String username) {
        Account requester = users.byUsername(username);
        String me = caller.userId();
        String them = requester.userId();
        Contention.retryUntilDone(ATTEMPTS, UserLookup.CHANGING_TOO_FAST, () -> {
            Relationship now = relationships.between(me, them);
            if (!now.requestedBy()) {
                throw new ProblemException(ProblemType.NOT_FOUND, "'" + ProblemException.quote(username) + "' has no pending request to follow you.");
            }
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(follows.deleteRequestItem(me, them));
            if (!now.followedBy()) { // else they follow already (the account was public meanwhile): the request goes
                items.add(follows.putEdgeItem(them, me, clock.instant()));
                items.addAll(counters.changeItems(new CounterChanges()
                        .add(them, Counter.FOLLOWING, 1).add(me, Counter.FOLLOWERS, 1)));
            }
            if (!transactions.write(items).isEmpty()) {
                return false; // withdrawn or approved meanwhile, or they followed: read again
            }
            backfill.followed(them, me);
            searchRanks.followersChanged(me);
            return true;
        });
    }

    /**
     * Refuses {@code username}'s request; there being none is fine (a repeated decline).
     *
     * @throws ProblemException 404 {@code not-found} for an unknown account
     */
    public void decline(Caller caller, String username) {
        Account requester = users.byUsername(username);
        follows.deleteRequest(caller.userId(), requester.userId());
    }
}
