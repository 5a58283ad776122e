package ru.rossgram.shared.engagement;

import jakarta.inject.Singleton;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostRules;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.social.PostVisibility;

/**
 * The posts a caller may like, unlike, comment on and read the comments of: published ones whose author's posts
 * the caller may see (no block either way; for a private account, its followers; always the author).
 */
@Singleton
public class EngageablePosts {
    private final PostRepository posts;
    private final PostVisibility visibility;

    public EngageablePosts(PostRepository posts, PostVisibility visibility) {
        this.posts = posts;
        this.visibility = visibility;
    }

    /**
     * @throws ProblemException 404 {@code not-found} for a malformed id, no such post, one not published, or one the
     *         caller may not see: the same answer for each, so it reveals nothing
     */
    public Post get(Caller caller, String postId) {
        Post post = posts.find(PostRules.postId(postId)).orElseThrow(PostRules::notFound);
        if (post.status() != PostStatus.PUBLISHED || !visibility.canSee(caller.userId(), post.authorId())) {
            throw PostRules.notFound();
        }
        return post;
    }
}
