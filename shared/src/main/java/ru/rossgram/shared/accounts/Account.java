package ru.rossgram.shared.accounts;

import java.time.Instant;

/**
 * A Rossgram account as stored. {@code username} keeps the case the user chose; uniqueness is on its
 * lower-case form. Referral and invite codes are recorded at sign-up for the referral programme.
 */
public record Account(
        String userId,
        String username,
        String email,
        String displayName,
        String bio,
        Instant createdAt,
        String referralCode,
        String inviteCode,
        long version) {
}
