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

/** {@code PUT /v1/posts/{postId}/like} likes a post, {@code DELETE} unlikes it; both idempotent. */
public class LikesHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String LIKE = "PUT /v1/posts/{postId}/like";
    public static final String UNLIKE = "DELETE /v1/posts/{postId}/like";

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
        return switch (request.routeKey()) {
            case LIKE -> json.response(200, likes.like(caller, postId));
            case UNLIKE -> json.response(200, likes.unlike(caller, postId));
            default -> throw request.routeNotFound();
        };
    }
}
