package ru.rossgram.shared.hashtags;

import java.util.List;
import ru.rossgram.shared.posts.PostView;

/**
 * A page of a hashtag's posts ({@code GET /v1/hashtags/{tag}/posts}).
 *
 * @param tag        the tag as normalised ({@code SearchText.tag}): the page's name whatever spelling was asked
 * @param postCount  how many posts carry it (those the reader may not see included)
 * @param items      this page, newest first
 * @param nextCursor hand it back as {@code cursor} for the next page; null when there is none
 */
public record HashtagPosts(String tag, long postCount, List<PostView> items, String nextCursor) {
    public HashtagPosts {
        items = List.copyOf(items);
    }
}
