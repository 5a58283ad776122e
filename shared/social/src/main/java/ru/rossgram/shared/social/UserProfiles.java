package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountViews;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.problem.ProblemException;

/**
 * Profiles as other accounts see them: name, bio, avatar, counts and the relationship, in three reads (the
 * username's claim, the profile, then one BatchGet of the counter shards and every relationship item).
 */
@Singleton
public class UserProfiles {
    private final UserLookup users;
    private final Relationships relationships;
    private final ProfileCounters counters;
    private final AccountViews views;

    public UserProfiles(UserLookup users, Relationships relationships, ProfileCounters counters, AccountViews views) {
        this.users = users;
        this.relationships = relationships;
        this.counters = counters;
        this.views = views;
    }

    /**
     * The profile of {@code username}. An account that blocks the caller is not found, exactly like an unknown one;
     * an account the caller blocks is shown (with {@code blocking: true}), so the caller can find it and unblock.
     *
     * @throws ProblemException 404 {@code not-found}
     */
    public UserProfile get(Caller caller, String username) {
        Account account = users.byUsername(username);
        if (account.userId().equals(caller.userId())) {
            return profile(account, counters.read(account.userId()), null);
        }
        Relationships.WithCounts graph = relationships.withCounts(caller.userId(), account.userId());
        if (graph.relationship().blockedBy()) {
            throw UserLookup.notFound(username);
        }
        return profile(account, graph.counts(), UserProfile.View.of(graph.relationship()));
    }

    private UserProfile profile(Account account, Counts counts, UserProfile.View relationship) {
        return new UserProfile(account.userId(), account.username(), account.displayName(), account.bio(),
                views.avatar(account.avatar()), account.privateAccount(), counts, relationship,
                account.membership().badgeNames(), account.membership().foundingNumber(),
                account.membership().verifiedCreator(), account.instagramUsername());
    }
}
