package ru.rossgram.functions.followrequests;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.social.FollowRequestService;

/**
 * Requests to follow the caller's private account: {@code GET /v1/me/follow-requests} lists them, newest first;
 * {@code POST /v1/me/follow-requests/{username}} approves one, {@code DELETE} declines it.
 */
public class FollowRequestsHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String LIST = "GET /v1/me/follow-requests";
    public static final String APPROVE = "POST /v1/me/follow-requests/{username}";
    public static final String DECLINE = "DELETE /v1/me/follow-requests/{username}";

    @Inject
    FollowRequestService requests;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public FollowRequestsHandler() {
    }

    public FollowRequestsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String username = request.pathParameters().get("username");
        return switch (request.routeKey()) {
            case LIST -> json.response(200, requests.pending(caller, PageRequest.of(request.queryParameters())));
            case APPROVE -> {
                requests.approve(caller, username);
                yield ApiResponse.noContent();
            }
            case DECLINE -> {
                requests.decline(caller, username);
                yield ApiResponse.noContent();
            }
            default -> throw request.routeNotFound();
        };
    }
}
