package ru.rossgram.shared.search;

import java.util.List;
import ru.rossgram.shared.hashtags.TagMatch;
import ru.rossgram.shared.social.UserSummary;

/** What {@code GET /v1/search} answers: accounts, best match first, and hashtags, most used first. */
public record SearchResults(List<UserSummary> accounts, List<TagMatch> hashtags) {
}
