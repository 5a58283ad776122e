package ru.rossgram.functions.comments;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.engagement.CommentService;
import ru.rossgram.shared.engagement.NewComment;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;

/**
 * A post's comments: {@code POST /v1/posts/{postId}/comments} adds one, {@code GET} lists them oldest first, and
 * {@code DELETE /v1/posts/{postId}/comments/{commentId}} removes one.
 */
public class CommentsHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String ADD = "POST /v1/posts/{postId}/comments";
    public static final String LIST = "GET /v1/posts/{postId}/comments";
    public static final String DELETE = "DELETE /v1/posts/{postId}/comments/{commentId}";

    @Inject
    CommentService comments;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public CommentsHandler() {
    }

    public CommentsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String postId = request.pathParameters().get("postId");
        return switch (request.routeKey()) {
            case ADD -> json.response(201, comments.create(caller, postId, json.read(request, NewComment.class)));
            case LIST -> json.response(200, comments.list(caller, postId, PageRequest.of(request.queryParameters())));
            case DELETE -> {
                comments.delete(caller, postId, request.pathParameters().get("commentId"));
                yield ApiResponse.noContent();
            }
            default -> throw request.routeNotFound();
        };
    }
}
