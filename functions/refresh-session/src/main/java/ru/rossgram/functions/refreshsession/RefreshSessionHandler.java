package ru.rossgram.functions.refreshsession;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.accounts.RefreshRequest;
import ru.rossgram.shared.accounts.SessionService;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;

/** {@code POST /v1/sessions/refresh}: rotates the refresh token and returns fresh tokens. */
public class RefreshSessionHandler extends ApiFunction {
    @Inject
    SessionService sessions;
    @Inject
    JsonCodec json;

    public RefreshSessionHandler() {
    }

    public RefreshSessionHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, sessions.refresh(json.read(request, RefreshRequest.class)));
    }
}
