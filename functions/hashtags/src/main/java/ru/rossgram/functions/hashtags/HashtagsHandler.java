package ru.rossgram.functions.hashtags;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.hashtags.HashtagPage;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;

/** {@code GET /v1/hashtags/{tag}/posts}: a page of a hashtag's public posts, newest first, with its post count. */
public class HashtagsHandler extends ApiFunction {
    @Inject
    HashtagPage hashtags;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public HashtagsHandler() {
    }

    public HashtagsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, hashtags.page(authenticator.authenticate(request), request.pathParameters().get("tag"),
                PageRequest.of(request.queryParameters())));
    }
}
