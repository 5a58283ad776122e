package ru.rossgram.shared.feeds;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;

/**
 * What a new follow means for the follower's feed. An ordinary account's recent posts are copied in (the fan-out
 * only delivers posts published after the follow): one Query of the followee's grid and one batch of puts. A
 * celebrity is noted in the follower's {@link FeedContext} instead, so a page merges its posts in when read.
 * Called once the edge is written, so the consistent read of the celebrity mark comes after it (see
 * {@link Celebrities} for why that order matters).
 */
@Singleton
public class FeedBackfill {
    /** Recent posts copied on a follow: about a screenful and a half. */
    static final int RECENT_POSTS = 20;

    private final PostRepository posts;
    private final FeedRepository feeds;
    private final Celebrities celebrities;
    private final FeedConfig config;
    private final Clock clock;

    public FeedBackfill(PostRepository posts, FeedRepository feeds, Celebrities celebrities, FeedConfig config,
                        Clock clock) {
        this.posts = posts;
        this.feeds = feeds;
        this.celebrities = celebrities;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Called once {@code followerId} follows {@code followeeId}, and again on a repeated follow: doing it twice
     * writes the same items, and repairs a follow whose invocation ended before this ran.
     */
    public void followed(String followerId, String followeeId) {
        if (celebrities.isCelebrity(followeeId)) {
            feeds.noteCelebrity(followerId, followeeId);
            return;
        }
        List<Post> recent = posts.newestBy(followeeId, null, RECENT_POSTS);
        Instant expiresAt = clock.instant().plus(config.itemRetention());
        feeds.addPosts(followerId, recent.stream().map(FeedRepository.FeedItem::of).toList(),
                expiresAt);
    }
}
