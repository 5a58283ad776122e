package ru.rossgram.shared.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The index entries of one account (docs/data-model.md, row 38), computed from the keys it is found by and its
 * rank; pure, so a re-index can compare what was written with what should be and write only the difference.
 *
 * <p>One entry per distinct prefix (1 to {@link SearchText#MAX_PREFIX} letters) of any of the account's keys: an
 * account whose username and display name share a beginning ({@code anna_k}, "Анна") is one result for "an", not
 * two. The entry sorts by rank, then by the shortest key with that prefix (the closest match first), and carries
 * every key with that prefix, so a query longer than a prefix can check the whole key.
 */
public final class SearchEntries {
    /** One index item: the prefix it is found by, its sort key, and the account's keys that begin with the prefix. */
    public record Entry(String prefix, String sortKey, Set<String> keys) {
    }

    /** Followers' orders of magnitude told apart: 1 to 9 followers rank with none, 10^9 and more together. */
    public static final int LOWEST_RANK = 9;

    private SearchEntries() {
    }

    /** The rank of an account with {@code followers}: 9 minus the count's decimal order of magnitude, at least 0. */
    public static int rank(long followers) {
        int magnitude = followers < 10 ? 0 : (int) Math.floor(Math.log10(followers));
        return Math.max(0, LOWEST_RANK - magnitude);
    }

    /** The account's entries, one per distinct prefix, in no particular order. */
    public static List<Entry> of(String userId, Collection<String> keys, int rank) {
        Map<String, TreeSet<String>> byPrefix = new LinkedHashMap<>();
        for (String key : keys) {
            for (String prefix : SearchText.prefixes(key)) {
                byPrefix.computeIfAbsent(prefix, p -> new TreeSet<>(SHORTEST_FIRST)).add(key);
            }
        }
        List<Entry> entries = new ArrayList<>(byPrefix.size());
        byPrefix.forEach((prefix, matching) -> entries.add(
                new Entry(prefix, sortKey(rank, matching.first(), userId), Set.copyOf(matching))));
        return entries;
    }

    /** The keys an account is found by: its username's and its display name's ({@link SearchText#displayNameKeys}). */
    public static List<String> keysOf(String username, String displayName) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        String usernameKey = SearchText.key(username);
        if (!usernameKey.isEmpty()) {
            keys.add(usernameKey);
        }
        keys.addAll(SearchText.displayNameKeys(displayName));
        return List.copyOf(keys);
    }

    /** Whether any of {@code keys} begins with the whole {@code queryKey} (a query longer than a prefix). */
    public static boolean matches(Collection<String> keys, String queryKey) {
        return keys.stream().anyMatch(key -> key.startsWith(queryKey));
    }

    private static final Comparator<String> SHORTEST_FIRST =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private static String sortKey(int rank, String key, String userId) {
        return rank + "#" + key + "#" + userId;
    }
}
