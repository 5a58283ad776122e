package ru.rossgram.shared.accounts;

/** Body of {@code POST /v1/sessions}: {@code login} is a username or an email. */
public record SignInRequest(String login, String password) {
}
