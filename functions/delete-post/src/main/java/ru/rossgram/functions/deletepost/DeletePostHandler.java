package ru.rossgram.functions.deletepost;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.posts.PostDeleter;

/** {@code DELETE /v1/posts/{postId}}: the author removes a post, its photos and their files. */
public class DeletePostHandler extends ApiFunction {
    @Inject
    PostDeleter posts;
    @Inject
    Authenticator authenticator;

    public DeletePostHandler() {
    }

    public DeletePostHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        posts.delete(authenticator.authenticate(request), request.pathParameters().get("postId"));
        return ApiResponse.noContent();
    }
}
