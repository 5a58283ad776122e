package ru.rossgram.shared.feeds;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;

/**
 * Following someone brings their recent posts into the follower's feed: the fan-out only delivers posts
 * published after the follow. One Query of the followee's grid and one batch of puts; nothing for a
 * celebrity, whose posts every follower's feed merges in when read.
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

    /** Called once {@code followerId} follows {@code followeeId}; doing it twice writes the same items. */
    public void followed(String followerId, String followeeId) {
        if (celebrities.ids().contains(followeeId)) {
            return;
        }
        List<Post> recent = posts.newestBy(followeeId, null, RECENT_POSTS);
        Instant expiresAt = clock.instant().plus(config.itemRetention());
        feeds.addPosts(followerId, recent.stream().map(post -> new FeedRepository.FeedItem(post.postId(), followeeId, post.paid())).toList(),
                expiresAt);
    }
}
