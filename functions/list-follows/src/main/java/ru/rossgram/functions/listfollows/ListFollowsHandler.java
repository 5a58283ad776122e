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
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.FollowLists;

/** {@code GET /v1/users/{username}/followers} (newest first) and {@code GET /v1/users/{username}/following}. */
public class ListFollowsHandler extends ApiFunction {
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
        if (request.path().endsWith("/followers")) {
            return json.response(200, lists.followers(caller, username, page));
        }
        if (request.path().endsWith("/following")) {
            return json.response(200, lists.following(caller, username, page));
        }
        throw new ProblemException(ProblemType.ROUTE_NOT_FOUND, request.method() + " " + request.path() + " is not a route.");
    }
}
