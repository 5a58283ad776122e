package ru.rossgram.functions.follow;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import java.util.Map;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.FollowService;

/**
 * {@code PUT /v1/users/{username}/follow} follows (or asks to follow a private account), answering the state;
 * {@code DELETE} unfollows or withdraws the request. Both idempotent.
 */
public class FollowHandler extends ApiFunction {
    @Inject
    FollowService follows;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public FollowHandler() {
    }

    public FollowHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String username = request.pathParameters().get("username");
        switch (request.method()) {
            case "PUT":
                return json.response(200, Map.of("state", follows.follow(caller, username)));
            case "DELETE":
                follows.unfollow(caller, username);
                return ApiResponse.noContent();
            default:
                throw new ProblemException(ProblemType.ROUTE_NOT_FOUND, request.method() + " " + request.path() + " is not a route.");
        }
    }
}
