package ru.rossgram.functions.getuser;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.social.UserProfiles;

/** {@code GET /v1/users/{username}}: a profile with its counts and how the caller stands with it. */
public class GetUserHandler extends ApiFunction {
    @Inject
    UserProfiles profiles;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public GetUserHandler() {
    }

    public GetUserHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, profiles.get(authenticator.authenticate(request), request.pathParameters().get("username")));
    }
}
