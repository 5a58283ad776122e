package ru.rossgram.functions.instagram;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.imports.audience.AudienceCounts;
import ru.rossgram.shared.imports.audience.FollowAllMatches;
import ru.rossgram.shared.imports.audience.InstagramAccounts;
import ru.rossgram.shared.imports.audience.InstagramMatches;
import ru.rossgram.shared.paging.PageRequest;

/**
 * The caller's Instagram audience: {@code GET|DELETE /v1/me/instagram} (the linked name; unlink),
 * {@code GET /v1/me/instagram/matches}, {@code POST /v1/me/instagram/matches/follow} (follow them all, a bounded
 * number per call) and {@code GET /v1/me/instagram/audience} (of N Instagram followers, M here, K follow you here).
 */
public class InstagramHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String LINK = "GET /v1/me/instagram";
    public static final String UNLINK = "DELETE /v1/me/instagram";
    public static final String MATCHES = "GET /v1/me/instagram/matches";
    public static final String FOLLOW_ALL = "POST /v1/me/instagram/matches/follow";
    public static final String AUDIENCE = "GET /v1/me/instagram/audience";

    @Inject
    InstagramAccounts accounts;
    @Inject
    InstagramMatches matches;
    @Inject
    FollowAllMatches followAll;
    @Inject
    AudienceCounts audience;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public InstagramHandler() {
    }

    public InstagramHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        return switch (request.routeKey()) {
            case LINK -> json.response(200, accounts.link(caller));
            case UNLINK -> {
                accounts.unlink(caller);
                yield ApiResponse.noContent();
            }
            case MATCHES -> json.response(200, matches.page(caller, PageRequest.of(request.queryParameters())));
            case FOLLOW_ALL -> json.response(200, followAll.followAll(caller, request.queryParameters().get("cursor")));
            case AUDIENCE -> json.response(200, audience.of(caller));
            default -> throw request.routeNotFound();
        };
    }
}
