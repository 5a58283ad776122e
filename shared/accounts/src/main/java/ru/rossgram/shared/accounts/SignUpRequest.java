package ru.rossgram.shared.accounts;

/** Body of {@code POST /v1/accounts}. Referral and invite codes are optional. */
public record SignUpRequest(
        String username,
        String email,
        String password,
        String displayName,
        String referralCode,
        String inviteCode) {
}
