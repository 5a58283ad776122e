package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.problem.ProblemException;

/** Shows one post: a published one to anyone signed in; one still processing, or failed, only to its author. */
@Singleton
public class PostReader {
    private final PostRepository posts;
    private final PostViews views;

    public PostReader(PostRepository posts, PostViews views) {
        this.posts = posts;
        this.views = views;
    }

    /** @throws ProblemException 404 when there is no such post, or the caller may not see it yet */
    public PostView get(Caller caller, String postId) {
        Post post = posts.find(PostRules.postId(postId)).orElseThrow(PostRules::notFound);
        boolean author = post.isAuthor(caller.userId());
        if (!author && post.status() != PostStatus.PUBLISHED) {
            throw PostRules.notFound();
        }
        return views.of(post, author);
    }
}
