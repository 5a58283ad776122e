package ru.rossgram.shared.search;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.accounts.ProfileSideEffects;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.social.ProfileCounters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps an account's search entries current: after sign-up and a change of username or display name (as a
 * {@link ProfileSideEffects}), and after a follow, unfollow, approval or block changed its followers, when the count
 * crossed an order of magnitude. Each check is one consistent BatchGet of the account's record and its 8 counter
 * shards; only a change of keys or rank writes.
 *
 * <p>Called after the action's own commit, it never fails the action: a write that throttling outlasts is logged
 * and left for the account's next change (a search keeps finding it by what was indexed before, checked against
 * the profile).
 */
@Singleton
public class SearchIndexer implements ProfileSideEffects {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

    private final SearchIndexRepository index;
    private final AccountRepository accounts;
    private final BatchReads batchReads;
    private final String table;

    public SearchIndexer(SearchIndexRepository index, AccountRepository accounts, BatchReads batchReads,
                         RossgramConfig config) {
        this.index = index;
        this.accounts = accounts;
        this.batchReads = batchReads;
        this.table = config.table();
    }

    @Override
    public void named(Account account) {
        bestEffort(account.userId(), () -> refresh(account.userId(), Optional.of(account)));
    }

    /**
     * {@code userId}'s follower count changed: rewrites its entries if the count's order of magnitude did. An
     * account from before the index (no record yet) is indexed now, from its profile.
     */
    public void followersChanged(String userId) {
        bestEffort(userId, () -> refresh(userId, Optional.empty()));
    }

    private void refresh(String userId, Optional<Account> named) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(ProfileCounters.shardKeys(userId));
        keys.add(SearchIndexRepository.recordKey(userId));
        List<Map<String, AttributeValue>> items = batchReads.consistent(table, keys);
        Optional<SearchIndexRepository.Indexed> before = SearchIndexRepository.recordAmong(userId, items);
        int rank = SearchEntries.rank(ProfileCounters.sum(items.stream().filter(ProfileCounters::isShard).toList())
                .followers());
        Optional<List<String>> keysNow = named.or(() -> before.isPresent() ? Optional.empty() : profile(userId))
                .map(account -> SearchEntries.keysOf(account.username(), account.displayName()))
                .or(() -> before.map(SearchIndexRepository.Indexed::keys));
        if (keysNow.isEmpty()) {
            return; // no profile (deleted meanwhile) and nothing indexed
        }
        SearchIndexRepository.Indexed after = new SearchIndexRepository.Indexed(keysNow.get(), rank);
        if (before.isEmpty() || !before.get().equals(after)) {
            index.rewrite(userId, before, after);
        }
    }

    private Optional<Account> profile(String userId) {
        return accounts.findById(userId).map(AccountRepository.StoredAccount::account);
    }

    private static void bestEffort(String userId, Runnable refresh) {
        try {
            refresh.run();
        } catch (ProblemException busy) {
            LOG.warn("search entries of {} left as they were: {}", userId, busy.getMessage());
        }
    }
}
