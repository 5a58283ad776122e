package ru.rossgram.shared.search;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.accounts.AccountViews;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.ConcurrentReads;
import ru.rossgram.shared.hashtags.HashtagSearch;
import ru.rossgram.shared.hashtags.TagMatch;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.social.BlockRepository;
import ru.rossgram.shared.social.UserSummary;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /v1/search?q=}: accounts by username and display-name prefix, and hashtags by prefix, whichever
 * alphabet either was written in ({@link SearchText#key}). A query beginning with {@code @} looks for accounts
 * only, one beginning with {@code #} for hashtags only.
 *
 * <p>Accounts: the one whose username is exactly the query first (its {@code HANDLE} claim, so an account the index
 * has not reached yet is still found by its name), then the index's order, most followed first. Every candidate is
 * checked in one consistent BatchGet of its profile and the block edges both ways: an account blocked either way
 * never appears, and one whose current names no longer match (renamed since its entries were written) is left out.
 * Requests, whatever the query, in two rounds: the exact name's claim, one Query of the index and the hashtag
 * search's Query at once; then one BatchGet of the candidates (the exact one's profile among them) beside the
 * hashtag search's BatchGet of counts.
 */
@Singleton
public class SearchService {
    /** Longer than any name a person types into a search box; a longer one is not a query. */
    static final int MAX_QUERY_LENGTH = 100;
    /** Index items read for a query that needs checking past {@link SearchText#MAX_PREFIX} letters. */
    private static final int LONG_QUERY_CANDIDATES = 100;

    private final SearchIndexRepository index;
    private final HashtagSearch hashtags;
    private final AccountRepository accounts;
    private final AccountViews views;
    private final BatchReads batchReads;
    private final ConcurrentReads reads;
    private final String table;

    public SearchService(SearchIndexRepository index, HashtagSearch hashtags, AccountRepository accounts,
                         AccountViews views, BatchReads batchReads, ConcurrentReads reads, RossgramConfig config) {
        this.index = index;
        this.hashtags = hashtags;
        this.accounts = accounts;
        this.views = views;
        this.batchReads = batchReads;
        this.reads = reads;
        this.table = config.table();
    }

    /**
     * @param queryParameters {@code q} (required) and {@code limit} (1 to 50, default 20, for each kind of result)
     * @throws ProblemException 400 {@code invalid-request} naming {@code q} when it is missing, longer than
     *         {@value #MAX_QUERY_LENGTH} characters, or has no letter or digit; naming {@code limit} when it is not
     *         a number from 1 to 50
     */
    public SearchResults search(Caller caller, Map<String, String> queryParameters) {
        int limit = PageRequest.of(queryParameters).limit();
        String q = query(queryParameters.get("q"));
        String key = SearchText.key(q);
        boolean tagsOnly = q.startsWith("#");
        boolean accountsOnly = q.startsWith("@");
        // Accounts and hashtags are independent: each kind's reads go beside the other's.
        ConcurrentReads.Both<List<UserSummary>, List<TagMatch>> found = reads.both(
                () -> tagsOnly ? List.<UserSummary>of() : accounts(caller.userId(), q, key, limit),
                () -> accountsOnly ? List.<TagMatch>of() : hashtags.find(q, limit));
        return new SearchResults(found.first(), found.second());
    }

    private static String query(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.invalid("q", "required: the text to search for");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.invalid("q", "at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (SearchText.key(q).isEmpty()) {
            throw ProblemException.invalid("q", "needs a letter or a digit");
        }
        return q.strip();
    }

    private List<UserSummary> accounts(String viewerId, String q, String key, int limit) {
        int candidates = key.length() > SearchText.MAX_PREFIX ? LONG_QUERY_CANDIDATES : limit + 1;
        String name = q.startsWith("@") ? q.substring(1) : q;
        // The exact name's claim beside the index; its profile comes with the candidates' in one BatchGet.
        ConcurrentReads.Both<Optional<String>, List<SearchIndexRepository.Hit>> found = reads.both(
                () -> accounts.idsByUsername(List.of(name)).stream().findFirst(), () -> index.find(key, candidates));
        Optional<String> exact = found.first();
        Set<String> ids = new LinkedHashSet<>();
        exact.ifPresent(ids::add);
        found.second().forEach(hit -> ids.add(hit.userId()));
        Checked checked = check(viewerId, ids);
        List<UserSummary> rows = new ArrayList<>();
        for (String id : ids) {
            Account account = checked.profiles().get(id);
            boolean shown = account != null && !checked.blocked().contains(id)
                    && (exact.filter(id::equals).isPresent()
                        || SearchEntries.matches(SearchEntries.keysOf(account.username(), account.displayName()), key));
            if (shown && rows.size() < limit) {
                rows.add(new UserSummary(account.userId(), account.username(), account.displayName(),
                        views.avatar(account.avatar())));
            }
        }
        return rows;
    }

    /** The candidates' current profiles, and which of them block the viewer or are blocked by them. */
    private record Checked(Map<String, Account> profiles, Set<String> blocked) {
    }

    private Checked check(String viewerId, Set<String> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(AccountRepository.profileKey(id));
            keys.add(BlockRepository.blockKey(viewerId, id));
            keys.add(BlockRepository.blockKey(id, viewerId));
        }
        List<Map<String, AttributeValue>> items = ids.isEmpty() ? List.of() : batchReads.consistent(table, keys);
        Set<Map<String, AttributeValue>> present = new HashSet<>();
        Map<String, Account> profiles = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            if (AccountRepository.isProfile(item)) {
                Account account = AccountRepository.accountFrom(item);
                profiles.put(account.userId(), account);
            } else if (BlockRepository.isBlock(item)) {
                present.add(Map.of("pk", item.get("pk"), "sk", item.get("sk")));
            }
        }
        Set<String> blocked = new HashSet<>();
        for (String id : ids) {
            if (present.contains(BlockRepository.blockKey(viewerId, id)) || present.contains(BlockRepository.blockKey(id, viewerId))) {
                blocked.add(id);
            }
        }
        return new Checked(profiles, blocked);
    }
}
