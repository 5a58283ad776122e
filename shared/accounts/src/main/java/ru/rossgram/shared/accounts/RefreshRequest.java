package ru.rossgram.shared.accounts;

/** Body of {@code POST /v1/sessions/refresh}. */
public record RefreshRequest(String refreshToken) {
}
