package ru.rossgram.functions.createpost;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.posts.NewPostRequest;
import ru.rossgram.shared.posts.PostCreator;

/** {@code POST /v1/posts}: a post from the caller's uploaded photos. */
public class CreatePostHandler extends ApiFunction {
    @Inject
    PostCreator posts;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public CreatePostHandler() {
    }

    public CreatePostHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        return json.response(201, posts.create(caller, json.read(request, NewPostRequest.class)));
    }
}
