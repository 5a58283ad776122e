package ru.rossgram.functions.updatepost;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.posts.PostEdit;
import ru.rossgram.shared.posts.PostEditor;

/** {@code PATCH /v1/posts/{postId}}: the author changes caption and alt texts; answers the updated post. */
public class UpdatePostHandler extends ApiFunction {
    @Inject
    PostEditor posts;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public UpdatePostHandler() {
    }

    public UpdatePostHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String postId = request.pathParameters().get("postId");
        return json.response(200, posts.edit(caller, postId, json.read(request, PostEdit.class)));
    }
}
