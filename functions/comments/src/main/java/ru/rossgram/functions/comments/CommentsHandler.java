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
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * A post's comments: {@code POST /v1/posts/{postId}/comments} adds one, {@code GET} lists them oldest first, and
 * {@code DELETE /v1/posts/{postId}/comments/{commentId}} removes one.
 */
public class CommentsHandler extends ApiFunction {
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
        String commentId = request.pathParameters().get("commentId");
        if (commentId == null && request.method().equals("POST")) {
            return json.response(201, comments.create(caller, postId, json.read(request, NewComment.class)));
        }
        if (commentId == null && request.method().equals("GET")) {
            return json.response(200, comments.list(caller, postId, PageRequest.of(request.queryParameters())));
        }
        if (commentId != null && request.method().equals("DELETE")) {
            comments.delete(caller, postId, commentId);
            return ApiResponse.noContent();
        }
        throw new ProblemException(ProblemType.ROUTE_NOT_FOUND, request.method() + " " + request.path() + " is not a route.");
    }
}
