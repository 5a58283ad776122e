package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.social.PostVisibility;

/**
 * Shows one post: a published one to anyone signed in who may see its author's posts (no block either way;
 * for a private account, its followers); one still processing, or failed, only to its author.
 */
@Singleton
public class PostReader {
    private final PostRepository posts;
    private final PostViews views;
    private final PostVisibility visibility;

    public PostReader(PostRepository posts, PostViews views, PostVisibility visibility) {
        this.posts = posts;
        this.views = views;
        this.visibility = visibility;
    }

    /** @throws ProblemException 404 when there is no such post, or the caller may not see it (yet) */
    public PostView get(Caller caller, String postId) {
        return views.of(visible(caller, postId), caller.userId());
    }

    /**
     * The post, if the caller may see it: its author always; anyone else once it is published and its author's
     * posts are visible to them.
     *
     * @throws ProblemException 404 otherwise, the same answer as for a post that does not exist
     */
    public Post visible(Caller caller, String postId) {
        Post post = posts.find(PostRules.postId(postId)).orElseThrow(PostRules::notFound);
        if (!post.isAuthor(caller.userId())
                && (post.status() != PostStatus.PUBLISHED || !visibility.canSee(caller.userId(), post.authorId()))) {
            throw PostRules.notFound();
        }
        return post;
    }
}
