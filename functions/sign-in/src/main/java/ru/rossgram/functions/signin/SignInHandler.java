package ru.rossgram.functions.signin;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.accounts.SessionService;
import ru.rossgram.shared.accounts.SignInRequest;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;

/** {@code POST /v1/sessions}: signs in with a username or email and a password. */
public class SignInHandler extends ApiFunction {
    @Inject
    SessionService sessions;
    @Inject
    JsonCodec json;

    public SignInHandler() {
    }

    public SignInHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        SignInRequest body = json.read(request, SignInRequest.class);
        return json.response(201, sessions.signIn(body, request.sourceIp()));
    }
}
