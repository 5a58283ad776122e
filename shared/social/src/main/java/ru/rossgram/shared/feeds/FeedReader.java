package ru.rossgram.shared.feeds;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.dynamo.ConcurrentReads;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.posts.PostViews;

/**
 * The home feed ({@code GET /v1/feed}): the posts of everyone the reader follows, and the reader's own, newest
 * first. Posts of ordinary authors are already in the reader's feed items (fan-out on write); posts of the
 * {@link Celebrities} the reader follows, which her {@link FeedContext} lists, are merged in here (fan-out on read).
 *
 * <p>A first page costs two requests when the reader follows no celebrity, one after the other. Round 1: the Query
 * of the feed, which also returns the reader's context (whom she mutes, which celebrities she follows). Round 2:
 * one round of BatchGets, sent together, of everything needed to show the items of authors she does not mute (the
 * posts, her edges to their authors, her likes, and what may open gated posts by others: her purchases, her subscriptions and the authors' tiers; the authors' profiles); a reader who
 * follows celebrities also has her edges to them read there, and one Query of each one's recent posts sent beside
 * it. Only when a celebrity's posts make the page does one more BatchGet (round 3) read what showing them needs.
 * Later pages read the context beside their Query. Items whose author the reader no longer follows (or mutes), and
 * posts since deleted, are left out, so unfollowing and deleting take effect at once whatever the fan-out has done.
 * This class only sequences the rounds: {@link FeedPageReads} makes the BatchGets, {@link FeedMerge} decides which
 * posts make the page and where the next one starts.
 */
@Singleton
public class FeedReader {
    private final FeedRepository feeds;
    private final PostRepository posts;
    private final FeedPageReads reads;
    private final PostViews views;
    private final CursorCodec cursors;
    private final ConcurrentReads concurrently;
    private final Clock clock;

    FeedReader(FeedRepository feeds, PostRepository posts, FeedPageReads reads, PostViews views, CursorCodec cursors,
               ConcurrentReads concurrently, Clock clock) {
        this.clock = clock;
        this.feeds = feeds;
        this.posts = posts;
        this.reads = reads;
        this.views = views;
        this.cursors = cursors;
        this.concurrently = concurrently;
    }

    /** @throws ru.rossgram.shared.problem.ProblemException 400 for a cursor this server did not issue to this reader */
    public Page<PostView> page(Caller caller, PageRequest request) {
        String me = caller.userId();
        String purpose = "feed:" + me;
        String before = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get("before");
        int limit = request.limit();

        // Round 1: the feed items and the reader's context (in the same Query on the first page, beside it after).
        FeedRepository.Slice slice;
        if (before == null) {
            slice = feeds.newest(me, null, limit);
        } else {
            var both = concurrently.both(() -> feeds.newest(me, before, limit).items(), () -> feeds.context(me));
            slice = new FeedRepository.Slice(both.second(), both.first());
        }
        Set<String> muted = slice.context().muted();
        List<String> celebrities = FeedMerge.celebritiesToQuery(me, slice.context());

        // Round 2: what the items of authors she does not mute need, with her edges to the celebrities she follows,
        // and beside it one Query of each such celebrity's posts.
        List<FeedRepository.FeedItem> unmuted = FeedMerge.unmuted(me, slice.items(), muted);
        Supplier<FeedPageReads.Found> itemReads = () -> reads.items(me, unmuted, celebrities);
        ConcurrentReads.Both<FeedPageReads.Found, List<List<Post>>> round2 = celebrities.isEmpty()
                ? new ConcurrentReads.Both<>(itemReads.get(), List.of())
                : concurrently.both(itemReads, () -> concurrently.map(celebrities, c -> posts.newestBy(c, before, limit)));
        FeedPageReads.Found found = round2.first();
        List<FeedMerge.CelebrityPosts> celebrityPosts = new ArrayList<>();
        for (int i = 0; i < celebrities.size(); i++) {
            celebrityPosts.add(new FeedMerge.CelebrityPosts(celebrities.get(i), round2.second().get(i)));
        }

        FeedMerge.Page merged = FeedMerge.page(me, limit,
                new FeedMerge.Sources(slice.items(), found.posts(), celebrityPosts, found.followed(), muted));

        // Round 3, only when a celebrity's posts made the page: what showing them needs.
        FeedPageReads.Found all = found.with(reads.showing(me, merged.shown(), found));
        Instant now = clock.instant();
        List<PostView> page = merged.shown().stream().map(post -> views.of(post, all.authors().get(post.authorId()),
                all.liked().contains(post.postId()), all.unlocks().opens(post, me, now), me)).toList();
        return new Page<>(page, merged.next() == null ? null : cursors.encode(purpose, Map.of("before", merged.next())));
    }
}
