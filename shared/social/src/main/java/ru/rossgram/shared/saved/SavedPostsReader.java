package ru.rossgram.shared.saved;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.engagement.LikeRepository;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.posts.PostViews;
import ru.rossgram.shared.posts.Unlocks;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.saved.SavedPostRepository.SavedItem;
import ru.rossgram.shared.social.AuthorVisibility;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The caller's saved posts ({@code GET /v1/me/saved}), newest save first, in two rounds: one consistent Query of
 * her saves, then one round of BatchGets, sent together, of the posts, her likes of them, what may open the gated
 * ones, and whether she may still see each author (profiles, blocks both ways, her edges). A saved post she can no
 * longer see (blocked either way, a private account she no longer follows) is left out of the page but kept, so it
 * comes back if the block is lifted or she follows again; one since deleted is left out and its save deleted. A page
 * may so hold fewer posts than asked and still have a next one. Gated posts show locked, as in the feed.
 */
@Singleton
public class SavedPostsReader {
    private final SavedPostRepository saved;
    private final BatchReads batchReads;
    private final PostViews views;
    private final CursorCodec cursors;
    private final Clock clock;
    private final String table;

    public SavedPostsReader(SavedPostRepository saved, BatchReads batchReads, PostViews views, CursorCodec cursors,
                            Clock clock, RossgramConfig config) {
        this.saved = saved;
        this.batchReads = batchReads;
        this.views = views;
        this.cursors = cursors;
        this.clock = clock;
        this.table = config.table();
    }

    /** @throws ProblemException 400 {@code invalid-cursor} for a cursor this server did not issue to this caller */
    public Page<PostView> page(Caller caller, PageRequest request) {
        String me = caller.userId();
        String purpose = "saved:" + me;
        String before = request.cursor() == null ? null : before(purpose, request.cursor());
        List<SavedItem> slice = saved.newest(me, before, request.limit());
        List<SavedItem> items = slice.subList(0, Math.min(request.limit(), slice.size()));

        Found found = read(me, items);
        Instant now = clock.instant();
        List<PostView> page = new ArrayList<>();
        List<SavedItem> gone = new ArrayList<>();
        for (SavedItem item : items) {
            Post post = found.posts.get(item.postId());
            if (post == null || post.status() != PostStatus.PUBLISHED) {
                gone.add(item);
            } else if (found.visibility.canSee(post.authorId())) {
                page.add(views.of(post, found.visibility.profiles().get(post.authorId()),
                        found.liked.contains(post.postId()), found.unlocks.opens(post, me, now), me));
            }
        }
        if (!gone.isEmpty()) {
            saved.forgetDeleted(me, gone);
        }
        String next = slice.size() > items.size() ? cursors.encode(purpose, Map.of("before", items.get(items.size() - 1).saveId())) : null;
        return new Page<>(page, next);
    }

    private String before(String purpose, String cursor) {
        String before = cursors.decode(purpose, cursor).get("before");
        if (before == null || before.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_CURSOR, "The cursor is not one this server issued; start from the first page.");
        }
        return before;
    }

    /** What the page's one round of BatchGets found. */
    private record Found(Map<String, Post> posts, Set<String> liked, Unlocks unlocks, AuthorVisibility.Collector visibility) {
    }

    private Found read(String me, List<SavedItem> items) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (SavedItem item : items) {
            keys.add(PostRepository.key(item.postId()));
            keys.add(LikeRepository.key(item.postId(), me));
            if (item.gated() && !item.authorId().equals(me)) {
                // The item knows only that its post is gated (on sale, for subscribers or both): both kinds are asked.
                keys.addAll(Unlocks.keys(me, item.postId(), item.authorId(), true, true));
            }
        }
        keys.addAll(AuthorVisibility.keys(me, items.stream().map(SavedItem::authorId).toList()));

        Map<String, Post> posts = new HashMap<>();
        Set<String> liked = new HashSet<>();
        Unlocks.Collector unlocks = new Unlocks.Collector();
        AuthorVisibility.Collector visibility = new AuthorVisibility.Collector(me);
        if (keys.isEmpty()) {
            return new Found(posts, liked, Unlocks.NONE, visibility);
        }
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            if (PostRepository.isPost(item)) {
                Post post = PostRepository.postFrom(item);
                posts.put(post.postId(), post);
            } else if (LikeRepository.isLike(item)) {
                liked.add(LikeRepository.likedPostOf(item));
            } else if (!unlocks.accept(item)) {
                visibility.accept(item);
            }
        }
        return new Found(posts, liked, unlocks.unlocks(), visibility);
    }
}
