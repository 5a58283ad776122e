package ru.rossgram.functions.tiers;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.subscriptions.NewTier;
import ru.rossgram.shared.subscriptions.TierEdit;
import ru.rossgram.shared.subscriptions.TierService;

/**
 * Subscription tiers: {@code GET /v1/me/tiers} lists the caller's (hidden and archived ones too), {@code POST} adds
 * one, {@code PATCH /v1/me/tiers/{tierId}} changes one; {@code GET /v1/users/{username}/tiers} lists what an account
 * offers new subscribers.
 */
public class TiersHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String MINE = "GET /v1/me/tiers";
    public static final String CREATE = "POST /v1/me/tiers";
    public static final String EDIT = "PATCH /v1/me/tiers/{tierId}";
    public static final String OFFERED = "GET /v1/users/{username}/tiers";

    @Inject
    TierService tiers;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public TiersHandler() {
    }

    public TiersHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        return switch (request.routeKey()) {
            case MINE -> json.response(200, tiers.mine(caller));
            case CREATE -> json.response(201, tiers.create(caller, json.read(request, NewTier.class)));
            case EDIT -> json.response(200, tiers.edit(caller, request.pathParameters().get("tierId"),
                    json.read(request, TierEdit.class)));
            case OFFERED -> json.response(200, tiers.offeredBy(caller, request.pathParameters().get("username")));
            default -> throw request.routeNotFound();
        };
    }
}
