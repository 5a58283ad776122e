package ru.rossgram.functions.signout;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.accounts.SessionService;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;

/** {@code DELETE /v1/sessions/current}: ends the session the access token belongs to; 204. */
public class SignOutHandler extends ApiFunction {
    @Inject
    SessionService sessions;
    @Inject
    Authenticator authenticator;

    public SignOutHandler() {
    }

    public SignOutHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        sessions.signOut(authenticator.authenticate(request));
        return ApiResponse.noContent();
    }
}
