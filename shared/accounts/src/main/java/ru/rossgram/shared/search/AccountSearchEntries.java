package ru.rossgram.shared.search;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.ProfileSideEffects;
import ru.rossgram.shared.problem.ProblemException;

/**
 * Writes an account's search entries after sign-up and after a change of its username or display name: one
 * consistent GetItem of its record, then only the entries that changed. The rank is kept as recorded (follows move
 * it, {@code SearchRanks} in the social module); an account indexed for the first time by a rename (one from before
 * the index) ranks lowest until its next follower.
 *
 * <p>It runs after the profile's commit and never fails it: a write that throttling outlasts is logged and left
 * for the account's next change (searches check every candidate against the profile meanwhile).
 */
@Singleton
public class AccountSearchEntries implements ProfileSideEffects {
    private static final Logger LOG = LoggerFactory.getLogger(AccountSearchEntries.class);

    private final SearchIndexRepository index;

    public AccountSearchEntries(SearchIndexRepository index) {
        this.index = index;
    }

    @Override
    public void named(Account account) {
        try {
            Optional<SearchIndexRepository.Indexed> before = index.record(account.userId());
            int rank = before.map(SearchIndexRepository.Indexed::rank).orElse(SearchEntries.LOWEST_RANK);
            index.rewrite(account.userId(), before, new SearchIndexRepository.Indexed(
                    SearchEntries.keysOf(account.username(), account.displayName()), rank));
        } catch (ProblemException busy) {
            LOG.warn("search entries of {} left as they were: {}", account.userId(), busy.getMessage());
        }
    }
}
