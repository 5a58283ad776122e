package ru.rossgram.functions.feed;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.feeds.FeedReader;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;

/** {@code GET /v1/feed}: a page of the caller's home feed, newest first. */
public class FeedHandler extends ApiFunction {
    @Inject
    FeedReader feed;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public FeedHandler() {
    }

    public FeedHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, feed.page(authenticator.authenticate(request), PageRequest.of(request.queryParameters())));
    }
}
