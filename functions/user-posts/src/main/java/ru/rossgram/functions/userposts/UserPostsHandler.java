package ru.rossgram.functions.userposts;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.feeds.ProfileGrid;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;

/** {@code GET /v1/users/{username}/posts}: a page of a profile's grid, newest first. */
public class UserPostsHandler extends ApiFunction {
    @Inject
    ProfileGrid grid;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public UserPostsHandler() {
    }

    public UserPostsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, grid.page(authenticator.authenticate(request), request.pathParameters().get("username"),
                PageRequest.of(request.queryParameters())));
    }
}
