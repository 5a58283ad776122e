package ru.rossgram.shared.auth;

/** Who is calling: the account and the session its access token belongs to. */
public record Caller(String userId, String sessionId) {
}
