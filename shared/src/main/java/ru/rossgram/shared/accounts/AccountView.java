package ru.rossgram.shared.accounts;

import java.time.Instant;

/** The account as its owner sees it in API responses. Never carries the password hash. */
public record AccountView(
        String id,
        String username,
        String email,
        String displayName,
        String bio,
        Instant createdAt) {

    public static AccountView of(Account account) {
        return new AccountView(account.userId(), account.username(), account.email(),
                account.displayName(), account.bio(), account.createdAt());
    }
}
