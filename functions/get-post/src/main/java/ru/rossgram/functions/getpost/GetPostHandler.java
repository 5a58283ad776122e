package ru.rossgram.functions.getpost;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.posts.PostReader;

/** {@code GET /v1/posts/{postId}}: one post with download URLs for its photos. */
public class GetPostHandler extends ApiFunction {
    @Inject
    PostReader posts;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public GetPostHandler() {
    }

    public GetPostHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, posts.get(authenticator.authenticate(request), request.pathParameters().get("postId")));
    }
}
