package ru.rossgram.shared.accounts;

import java.time.Instant;

/**
 * A Rossgram account as stored. {@code username} keeps the case the user chose; uniqueness is on its
 * case-folded form, and on its look-alike skeleton ({@link UsernameSkeleton}). {@code membership} is how it joined (invitation, founding number, badges, referrer).
 * {@code avatar} is null until the owner's first avatar upload is processed. A {@code privateAccount} shows its
 * posts and follower lists only to its followers, and is followed by request. {@code instagramUsername} is the
 * Instagram name the account linked by importing its export ("was @name on Instagram"), or null.
 */
public record Account(
        String userId,
        String username,
        String email,
        String displayName,
        String bio,
        Instant createdAt,
        long version,
        Avatar avatar,
        boolean privateAccount,
        Membership membership,
        String instagramUsername) {

    /** An account with no Instagram name linked. */
    public Account(String userId, String username, String email, String displayName, String bio, Instant createdAt,
                   long version, Avatar avatar, boolean privateAccount, Membership membership) {
        this(userId, username, email, displayName, bio, createdAt, version, avatar, privateAccount, membership, null);
    }

    /** The same account at {@code version}. */
    public Account withVersion(long version) {
        return new Account(userId, username, email, displayName, bio, createdAt, version, avatar, privateAccount, membership,
                instagramUsername);
    }

    /** The same account with {@code avatar} (null for none). */
    public Account withAvatar(Avatar avatar) {
        return new Account(userId, username, email, displayName, bio, createdAt, version, avatar, privateAccount, membership,
                instagramUsername);
    }
}
