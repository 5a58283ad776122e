package ru.rossgram.shared.feeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostStatus;

/**
 * Which posts make a home feed page, and where the next page starts, from what the page's reads found; no I/O.
 *
 * <p>Candidates come from sources that are each newest first and each cut by the page's limit: the reader's feed
 * items (fan-out on write) and the recent posts of each celebrity she follows (fan-out on read). A source that
 * came back full may hold newer posts below its oldest one than another source's, so merging stops at the newest
 * such boundary; the next page starts there, and nothing is skipped across pages.
 */
final class FeedMerge {
    private FeedMerge() {
    }

    /** The recent posts of a celebrity the reader's context lists, newest first, as its Query returned them. */
    record CelebrityPosts(String celebrityId, List<Post> newest) {
    }

    /**
     * What the reads of a page found: the candidates and what decides whether each is shown.
     *
     * @param items     the reader's feed items, newest first, as her feed's Query returned them
     * @param itemPosts the posts of those items that were read (of authors she does not mute; deleted ones absent)
     * @param followed  the authors and celebrities she still follows, from her edges
     * @param muted     the authors she mutes
     */
    record Sources(List<FeedRepository.FeedItem> items, Map<String, Post> itemPosts, List<CelebrityPosts> celebrities,
                   Set<String> followed, Set<String> muted) {
    }

    /**
     * @param shown the posts to show, newest first
     * @param next  the post id the next page goes on below, or null when there is no next page
     */
    record Page(List<Post> shown, String next) {
    }

    /** The celebrities whose posts a page queries: those of the context, less the reader and whom she mutes. */
    static List<String> celebritiesToQuery(String me, FeedContext context) {
        Set<String> celebrities = new LinkedHashSet<>(context.celebrities());
        celebrities.remove(me);
        celebrities.removeAll(context.muted());
        return List.copyOf(celebrities);
    }

    /** The feed items worth reading the posts of: the reader's own and those of authors she does not mute. */
    static List<FeedRepository.FeedItem> unmuted(String me, List<FeedRepository.FeedItem> items, Set<String> muted) {
        return items.stream().filter(item -> item.authorId().equals(me) || !muted.contains(item.authorId())).toList();
    }

    static Page page(String me, int limit, Sources sources) {
        List<String> boundaries = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        Map<String, Post> posts = new HashMap<>(sources.itemPosts());
        sources.items().forEach(item -> candidates.add(item.postId()));
        if (sources.items().size() == limit) {
            boundaries.add(sources.items().get(limit - 1).postId());
        }
        for (CelebrityPosts celebrity : sources.celebrities()) {
            if (!sources.followed().contains(celebrity.celebrityId())) { // the context noted a follow that has since ended
                continue;
            }
            celebrity.newest().forEach(post -> {
                candidates.add(post.postId());
                posts.put(post.postId(), post);
            });
            if (celebrity.newest().size() == limit) {
                boundaries.add(celebrity.newest().get(limit - 1).postId());
            }
        }
        // Below the newest boundary, a full source may have newer posts not read yet: stop there.
        String boundary = boundaries.stream().max(Comparator.naturalOrder()).orElse(null);
        List<String> ordered = candidates.stream().distinct() // a post fanned out just before its author became a celebrity
                .filter(id -> boundary == null || id.compareTo(boundary) >= 0)
                .sorted(Comparator.reverseOrder()).toList();

        List<Post> shown = new ArrayList<>();
        String last = null;
        for (String id : ordered) {
            if (shown.size() == limit) {
                return new Page(shown, last); // cut short: go on after the last candidate looked at
            }
            last = id;
            Post post = posts.get(id);
            if (post != null && visible(post, me, sources.followed(), sources.muted())) {
                shown.add(post);
            }
        }
        // Every candidate was looked at: go on below the boundary if a source may hold more, or stop.
        return new Page(shown, boundary);
    }

    /** Published, and the reader's own or by an author she still follows and does not mute. */
    private static boolean visible(Post post, String me, Set<String> followed, Set<String> muted) {
        if (post.status() != PostStatus.PUBLISHED) {
            return false;
        }
        String author = post.authorId();
        return author.equals(me) || followed.contains(author) && !muted.contains(author);
    }
}
