package ru.rossgram.shared.search;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.social.ProfileCounters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Moves an account's search entries when its follower count crosses an order of magnitude, after a follow, unfollow
 * or approval committed: one consistent BatchGet of its search record and its 8 counter shards, and a rewrite only
 * when the rank changed. An account from before the index (no record) is indexed now, from its profile.
 *
 * <p>Concurrent follows may read counts in one order and write in another; the entries then carry a rank one order
 * off until the next follow or unfollow of the account reads the counts again.
 */
@Singleton
public class SearchRanks {
    private static final Logger LOG = LoggerFactory.getLogger(SearchRanks.class);

    private final SearchIndexRepository index;
    private final AccountRepository accounts;
    private final BatchReads batchReads;
    private final String table;

    public SearchRanks(SearchIndexRepository index, AccountRepository accounts, BatchReads batchReads,
                       RossgramConfig config) {
        this.index = index;
        this.accounts = accounts;
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /** {@code userId}'s followers changed (committed); never fails the follow (a busy write is logged). */
    public void followersChanged(String userId) {
        try {
            List<Map<String, AttributeValue>> keys = new ArrayList<>(ProfileCounters.shardKeys(userId));
            keys.add(SearchIndexRepository.recordKey(userId));
            List<Map<String, AttributeValue>> items = batchReads.consistent(table, keys);
            Optional<SearchIndexRepository.Indexed> before = SearchIndexRepository.recordAmong(userId, items);
            int rank = SearchEntries.rank(ProfileCounters.sum(items.stream().filter(ProfileCounters::isShard).toList())
                    .followers());
            Optional<List<String>> names = before.map(SearchIndexRepository.Indexed::keys).or(() -> accounts
                    .findById(userId).map(stored -> SearchEntries.keysOf(stored.account().username(),
                            stored.account().displayName())));
            names.ifPresent(current -> index.rewrite(userId, before, new SearchIndexRepository.Indexed(current, rank)));
        } catch (ProblemException busy) {
            LOG.warn("search rank of {} left as it was: {}", userId, busy.getMessage());
        }
    }
}
