package ru.rossgram.functions.search;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.search.SearchService;

/** {@code GET /v1/search?q=}: accounts and hashtags matching what the caller typed, in either alphabet. */
public class SearchHandler extends ApiFunction {
    @Inject
    SearchService search;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public SearchHandler() {
    }

    public SearchHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, search.search(authenticator.authenticate(request), request.queryParameters()));
    }
}
