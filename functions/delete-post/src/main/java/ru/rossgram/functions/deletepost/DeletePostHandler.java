package ru.rossgram.functions.deletepost;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.engagement.PostEngagementRemover;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.posts.PostDeleter;

/** {@code DELETE /v1/posts/{postId}}: the author removes a post, its photos and their files, its likes and comments. */
public class DeletePostHandler extends ApiFunction {
    @Inject
    PostDeleter posts;
    @Inject
    PostEngagementRemover engagement;
    @Inject
    Authenticator authenticator;

    public DeletePostHandler() {
    }

    public DeletePostHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String postId = request.pathParameters().get("postId");
        try {
            posts.delete(caller, postId);
        } finally {
            // Also after a 404: a delete repeated after one that stopped between the post and its likes and
            // comments finishes them. A post that still exists (someone else's, say) is left alone.
            engagement.removeIfPostGone(postId);
        }
        return ApiResponse.noContent();
    }
}
