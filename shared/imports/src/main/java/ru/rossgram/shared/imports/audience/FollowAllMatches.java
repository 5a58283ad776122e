package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.FollowService;
import ru.rossgram.shared.social.FollowState;

/**
 * Follows the caller's matches, up to {@value #PER_CALL} a call, each through {@link FollowService} as if the
 * caller had tapped "follow" on each: a private account gets a request, a block (either way, even one made a moment
 * ago) holds, and the follow limit applies. A match that cannot be followed any more (blocked, gone) is passed over.
 */
@Singleton
public class FollowAllMatches {
    /** Follows per call: each is a few reads and a transaction, so a call stays within a request's time. */
    public static final int PER_CALL = 50;

    private final InstagramMatches matches;
    private final FollowService follows;

    public FollowAllMatches(InstagramMatches matches, FollowService follows) {
        this.matches = matches;
        this.follows = follows;
    }

    /**
     * @param cursor the previous call's {@code nextCursor}, or null to start with the first match
     * @throws ProblemException 404 {@code not-found} when the caller has no Instagram name linked; 422
     *         {@code too-many-follows} when the caller follows the most accounts allowed before any follow of this
     *         call; 400 {@code invalid-cursor}
     */
    public FollowAllResult followAll(Caller caller, String cursor) {
        Page<InstagramMatch> page = matches.page(caller, new PageRequest(PER_CALL, cursor));
        int followed = 0;
        int requested = 0;
        for (InstagramMatch match : page.items()) {
            try {
                if (follows.follow(caller, match.username()) == FollowState.REQUESTED) {
                    requested++;
                } else {
                    followed++;
                }
            } catch (ProblemException e) {
                if (e.type() == ProblemType.TOO_MANY_FOLLOWS && followed + requested > 0) {
                    return new FollowAllResult(followed, requested, null);
                }
                if (e.type() != ProblemType.NOT_FOUND) { // blocked or gone since the page was read: pass over
                    throw e;
                }
            }
        }
        return new FollowAllResult(followed, requested, page.nextCursor());
    }
}
