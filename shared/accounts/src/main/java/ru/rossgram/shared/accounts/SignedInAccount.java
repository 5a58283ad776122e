package ru.rossgram.shared.accounts;

/** Response of sign-up and sign-in: the account and the tokens of its new session. */
public record SignedInAccount(AccountView account, SessionTokens tokens) {
}
