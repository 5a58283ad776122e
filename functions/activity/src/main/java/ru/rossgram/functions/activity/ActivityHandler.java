package ru.rossgram.functions.activity;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.activity.ActivityReader;
import ru.rossgram.shared.activity.ReadMark;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;

/**
 * The caller's activity inbox: {@code GET /v1/me/activity} pages it newest first with the unread count,
 * {@code POST /v1/me/activity/read} marks everything up to an item read.
 */
public class ActivityHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String LIST = "GET /v1/me/activity";
    public static final String MARK_READ = "POST /v1/me/activity/read";

    @Inject
    ActivityReader activity;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public ActivityHandler() {
    }

    public ActivityHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        return switch (request.routeKey()) {
            case LIST -> json.response(200, activity.page(caller, PageRequest.of(request.queryParameters())));
            case MARK_READ -> {
                activity.markRead(caller, json.read(request, ReadMark.class).upTo());
                yield ApiResponse.noContent();
            }
            default -> throw request.routeNotFound();
        };
    }
}
