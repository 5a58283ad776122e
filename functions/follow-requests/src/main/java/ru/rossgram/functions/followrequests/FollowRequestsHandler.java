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
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.FollowRequestService;

/**
 * Requests to follow the caller's private account: {@code GET /v1/me/follow-requests} lists them, newest first;
 * {@code POST /v1/me/follow-requests/{username}} approves one, {@code DELETE} declines it.
 */
public class FollowRequestsHandler extends ApiFunction {
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
        if (username == null && request.method().equals("GET")) {
            return json.response(200, requests.pending(caller, PageRequest.of(request.queryParameters())));
        }
        if (username != null && request.method().equals("POST")) {
            requests.approve(caller, username);
            return ApiResponse.noContent();
        }
        if (username != null && request.method().equals("DELETE")) {
            requests.decline(caller, username);
            return ApiResponse.noContent();
        }
        throw new ProblemException(ProblemType.ROUTE_NOT_FOUND, request.method() + " " + request.path() + " is not a route.");
    }
}
