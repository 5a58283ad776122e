package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.util.Map;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.problem.ProblemException;

/**
 * An account's followers (newest first) and the accounts it follows, a page at a time. A private account's lists
 * are its followers' and its own business; anyone else, and anyone blocked either way, gets 404 as for an unknown
 * account. Cursors are signed for one list of one account.
 */
@Singleton
public class FollowLists {
    private final UserLookup users;
    private final Relationships relationships;
    private final FollowRepository follows;
    private final UserSummaries summaries;
    private final CursorCodec cursors;

    public FollowLists(UserLookup users, Relationships relationships, FollowRepository follows,
                       UserSummaries summaries, CursorCodec cursors) {
        this.users = users;
        this.relationships = relationships;
        this.follows = follows;
        this.summaries = summaries;
        this.cursors = cursors;
    }

    /** @throws ProblemException 404 {@code not-found} when the caller may not see the list; 400 {@code invalid-cursor} */
    public Page<UserSummary> followers(Caller caller, String username, PageRequest request) {
        Account owner = visibleOwner(caller, username);
        String purpose = "followers:" + owner.userId();
        GraphPage page = follows.followers(owner.userId(), after(purpose, request), request.limit());
        return new Page<>(summaries.of(page), cursor(purpose, page));
    }

    /** @throws ProblemException 404 {@code not-found} when the caller may not see the list; 400 {@code invalid-cursor} */
    public Page<UserSummary> following(Caller caller, String username, PageRequest request) {
        Account owner = visibleOwner(caller, username);
        String purpose = "following:" + owner.userId();
        GraphPage page = follows.following(owner.userId(), after(purpose, request), request.limit());
        return new Page<>(summaries.of(page), cursor(purpose, page));
    }

    private Account visibleOwner(Caller caller, String username) {
        Account owner = users.byUsername(username);
        if (owner.userId().equals(caller.userId())) {
            return owner;
        }
        Relationship relationship = relationships.between(caller.userId(), owner.userId());
        if (relationship.blockedEitherWay() || owner.privateAccount() && !relationship.following()) {
            throw UserLookup.notFound(username);
        }
        return owner;
    }

    private String after(String purpose, PageRequest request) {
        return request.cursor() == null ? null : Cursors.after(cursors, purpose, request.cursor());
    }

    private String cursor(String purpose, GraphPage page) {
        return page.after() == null ? null : cursors.encode(purpose, Map.of(Cursors.AFTER, page.after()));
    }
}
