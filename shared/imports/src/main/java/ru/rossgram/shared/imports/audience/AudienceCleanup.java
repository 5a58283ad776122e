package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.dynamo.TransactionWriter;

/**
 * What an unlink leaves to do, in bounded steps: each of the account's matches removed both ways (taking the
 * account out of the other's count of Instagram followers here, if it was counted there), then its lists, a chunk
 * at a time (the chunk's index items, then the chunk), then its own counter and the mark that lets it link again.
 * Every deletion is idempotent, so a step killed halfway and run again finishes the work.
 */
@Singleton
public class AudienceCleanup {
    static final int MATCHES_PER_READ = 100;

    private final InstagramLinkRepository links;
    private final HandleListRepository lists;
    private final MatchRepository matches;
    private final TransactionWriter transactions;
    private final Clock clock;

    public AudienceCleanup(InstagramLinkRepository links, HandleListRepository lists, MatchRepository matches,
                           TransactionWriter transactions, Clock clock) {
        this.links = links;
        this.lists = lists;
        this.matches = matches;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Cleans up after {@code userId}'s unlink for about {@code budget} (a page of matches or a chunk of a list at
     * least). Does nothing for an account that is linked (unlinking and linking again cannot overlap: a link waits
     * for the cleanup to finish).
     *
     * @return whether more remains (run another step)
     * @throws ru.rossgram.shared.problem.ProblemException 503 {@code busy} when the table keeps throttling
     */
    public boolean step(String userId, Duration budget) {
        if (!links.unlinking(userId)) {
            return false;
        }
        Instant deadline = clock.instant().plus(budget);
        do {
            if (!removeSomeMatches(userId) && !removeSomeOfLists(userId)) {
                links.finishUnlinking(userId);
                return false;
            }
        } while (clock.instant().isBefore(deadline));
        return true;
    }

    /** @return false when no match was left */
    private boolean removeSomeMatches(String userId) {
        List<MatchRepository.Match> page = matches.page(userId, null, MATCHES_PER_READ).matches();
        for (MatchRepository.Match match : page) {
            String other = match.otherId();
            // This account was counted among the other's Instagram followers here if the other's item says so.
            Optional<?> refused = transactions.write(List.of(matches.deleteCountedItem(other, userId),
                    matches.deleteItem(userId, other), links.followersHereItem(other, -1)));
            if (refused.isPresent()) {
                transactions.write(List.of(matches.deleteItem(other, userId), matches.deleteItem(userId, other)));
            }
        }
        return !page.isEmpty();
    }

    /** @return false when no chunk of either list was left */
    private boolean removeSomeOfLists(String userId) {
        for (HandleList list : HandleList.values()) {
            Optional<HandleListRepository.Chunk> chunk = lists.firstChunk(userId, list);
            if (chunk.isPresent()) {
                lists.deleteChunk(userId, list, chunk.get());
                return true;
            }
        }
        return false;
    }
}
