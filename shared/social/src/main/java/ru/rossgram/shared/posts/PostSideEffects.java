package ru.rossgram.shared.posts;

/**
 * What follows a post's publication, caption edit or deletion beyond the post itself: notices to the accounts its
 * caption mentions, the hashtag index. Implementations are beans; every one that exists is called.
 *
 * <p>Each call happens after the post's own write committed, and may happen again (a retried fan-out step, a
 * repeated delete), so each is idempotent: fixed keys, conditional puts. {@link #published} runs in the fan-out's
 * first step, which the platform retries until it succeeds, so every publishing path (photos processed later,
 * published at once) reaches it once the post is published; imported posts never do.
 */
public interface PostSideEffects {
    /** {@code post} is published (status {@code published}, not imported). */
    void published(Post post);

    /** The author changed a published post's caption: {@code before} is as read, {@code after} as written. */
    void edited(Post before, Post after);

    /** {@code post} (as read before its delete committed) is gone. */
    void deleted(Post post);
}
