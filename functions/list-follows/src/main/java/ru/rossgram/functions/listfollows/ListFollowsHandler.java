package ru.rossgram.functions.listfollows;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.social.FollowLists;

/** {@code GET /v1/users/{username}/followers} (newest first) and {@code GET /v1/users/{username}/following}. */
public class ListFollowsHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String FOLLOWERS = "GET /v1/users/{username}/followers";
    public static final String FOLLOWING = "GET /v1/users/{username}/following";

    @Inject
    FollowLists lists;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public ListFollowsHandler() {
    }

    public ListFollowsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String username = request.pathParameters().get("username");
        PageRequest page = PageRequest.of(request.queryParameters());
        return switch (request.routeKey()) {
            case FOLLOWERS -> json.response(200, lists.followers(caller, username, page));
            case FOLLOWING -> json.response(200, lists.following(caller, username, page));
            default -> throw request.routeNotFound();
        };
    }
}
