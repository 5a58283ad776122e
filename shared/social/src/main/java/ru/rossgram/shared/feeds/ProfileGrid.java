package ru.rossgram.shared.feeds;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.posts.PostViews;
import ru.rossgram.shared.social.PostVisibility;
import ru.rossgram.shared.social.UserLookup;

/**
 * A profile's grid ({@code GET /v1/users/{username}/posts}): the account's published posts, newest first, for
 * whoever may see them (not across a block; a private account's only for its followers). One Query of the
 * author's posts on gsi1 (whole items: the index projects everything), then the views' own reads.
 */
@Singleton
public class ProfileGrid {
    private final UserLookup users;
    private final PostVisibility visibility;
    private final PostRepository posts;
    private final PostViews views;
    private final CursorCodec cursors;

    public ProfileGrid(UserLookup users, PostVisibility visibility, PostRepository posts, PostViews views,
                       CursorCodec cursors) {
        this.users = users;
        this.visibility = visibility;
        this.posts = posts;
        this.views = views;
        this.cursors = cursors;
    }

    /**
     * @throws ru.rossgram.shared.problem.ProblemException 404 for an unknown account or one the caller may not
     *         see; 400 for a cursor this server did not issue for this grid
     */
    public Page<PostView> page(Caller caller, String username, PageRequest request) {
        Account author = users.byUsername(username);
        if (!visibility.canSee(caller.userId(), author.userId())) {
            throw UserLookup.notFound(username); // the same answer as for no such account: nothing revealed
        }
        String purpose = "grid:" + author.userId();
        String before = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get("before");
        List<Post> found = posts.newestBy(author.userId(), before, request.limit() + 1);
        boolean more = found.size() > request.limit();
        List<Post> page = more ? found.subList(0, request.limit()) : found;
        String next = more ? cursors.encode(purpose, Map.of("before", page.get(page.size() - 1).postId())) : null;
        return new Page<>(views.of(page, caller.userId()), next);
    }
}
