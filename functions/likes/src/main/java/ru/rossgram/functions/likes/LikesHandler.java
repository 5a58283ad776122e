package ru.rossgram.functions.likes;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.engagement.LikeService;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** {@code PUT /v1/posts/{postId}/like} likes a post, {@code DELETE} unlikes it; both idempotent. */
public class LikesHandler extends ApiFunction {
    @Inject
    LikeService likes;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public LikesHandler() {
    }

    public LikesHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String postId = request.pathParameters().get("postId");
        return switch (request.method()) {
            case "PUT" -> json.response(200, likes.like(caller, postId));
            case "DELETE" -> json.response(200, likes.unlike(caller, postId));
            default -> throw new ProblemException(ProblemType.ROUTE_NOT_FOUND, request.method() + " " + request.path() + " is not a route.");
        };
    }
}
