package ru.rossgram.shared.hashtags;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.search.SearchText;

/**
 * Hashtags by prefix, across alphabets: {@code moskva}, {@code моск} and {@code МОСКВА} all find #москва (and
 * #moskva), as {@link SearchText#key} spells them alike. Two requests whatever the query: one Query of the prefix's
 * search items (most used first, by order of magnitude) and one BatchGet of the found tags' counts, which are read
 * rather than kept on the search items so that a post costs no search-item writes until its tag's count crosses a
 * power of ten.
 */
@Singleton
public class HashtagSearch {
    private final HashtagRepository hashtags;

    public HashtagSearch(HashtagRepository hashtags) {
        this.hashtags = hashtags;
    }

    /**
     * The tags whose search key starts with {@code query}'s, most used first, each with its post count; none for a
     * query with no letters or digits. Tags whose every post is gone are left out.
     */
    public List<TagMatch> find(String query, int limit) {
        String key = SearchText.key(query);
        if (key.isEmpty() || limit < 1) {
            return List.of();
        }
        List<String> tags = hashtags.tagsStartingWith(key, limit);
        if (tags.isEmpty()) {
            return List.of();
        }
        Map<String, Long> counts = hashtags.counts(tags);
        return tags.stream().map(tag -> new TagMatch(tag, counts.getOrDefault(tag, 0L)))
                .filter(match -> match.posts() > 0)
                .sorted(Comparator.comparingLong(TagMatch::posts).reversed().thenComparing(TagMatch::tag))
                .toList();
    }
}
