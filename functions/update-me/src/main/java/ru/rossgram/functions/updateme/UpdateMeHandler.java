package ru.rossgram.functions.updateme;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.accounts.ProfileService;
import ru.rossgram.shared.accounts.ProfileUpdate;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;

/** {@code PATCH /v1/me}: changes username, display name, bio or privacy; answers the updated account. */
public class UpdateMeHandler extends ApiFunction {
    @Inject
    ProfileService profiles;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public UpdateMeHandler() {
    }

    public UpdateMeHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        return json.response(200, profiles.update(caller, json.read(request, ProfileUpdate.class)));
    }
}
