package ru.rossgram.functions.getme;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.accounts.ProfileService;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;

/** {@code GET /v1/me}: the signed-in account. */
public class GetMeHandler extends ApiFunction {
    @Inject
    ProfileService profiles;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public GetMeHandler() {
    }

    public GetMeHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, profiles.me(authenticator.authenticate(request)));
    }
}
