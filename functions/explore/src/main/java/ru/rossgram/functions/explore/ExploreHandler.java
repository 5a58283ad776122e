package ru.rossgram.functions.explore;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.explore.ExploreReader;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;

/**
 * {@code GET /v1/explore}: a page of popular recent posts by public accounts the caller does not follow, from the
 * snapshot {@code compute-explore} computes ahead.
 */
public class ExploreHandler extends ApiFunction {
    @Inject
    ExploreReader explore;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public ExploreHandler() {
    }

    public ExploreHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, explore.page(authenticator.authenticate(request), PageRequest.of(request.queryParameters())));
    }
}
