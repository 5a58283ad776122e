package ru.rossgram.functions.saved;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.saved.SavedPostService;
import ru.rossgram.shared.saved.SavedPostsReader;

/**
 * {@code PUT /v1/posts/{postId}/save} saves a post, {@code DELETE} unsaves it (both idempotent);
 * {@code GET /v1/me/saved} lists the caller's saved posts, newest save first.
 */
public class SavedPostsHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String SAVE = "PUT /v1/posts/{postId}/save";
    public static final String UNSAVE = "DELETE /v1/posts/{postId}/save";
    public static final String LIST = "GET /v1/me/saved";

    @Inject
    SavedPostService saves;
    @Inject
    SavedPostsReader saved;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public SavedPostsHandler() {
    }

    public SavedPostsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        return switch (request.routeKey()) {
            case SAVE -> json.response(200, saves.save(caller, request.pathParameters().get("postId")));
            case UNSAVE -> json.response(200, saves.unsave(caller, request.pathParameters().get("postId")));
            case LIST -> json.response(200, saved.page(caller, PageRequest.of(request.queryParameters())));
            default -> throw request.routeNotFound();
        };
    }
}
