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
import ru.rossgram.shared.social.FollowService;

/**
 * {@code PUT /v1/users/{username}/follow} follows (or asks to follow a private account), answering the state;
 * {@code DELETE} unfollows or withdraws the request. Both idempotent.
 */
public class FollowHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String FOLLOW = "PUT /v1/users/{username}/follow";
    public static final String UNFOLLOW = "DELETE /v1/users/{username}/follow";

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
        return switch (request.routeKey()) {
            case FOLLOW -> json.response(200, Map.of("state", follows.follow(caller, username)));
            case UNFOLLOW -> {
                follows.unfollow(caller, username);
                yield ApiResponse.noContent();
            }
            default -> throw request.routeNotFound();
        };
    }
}
