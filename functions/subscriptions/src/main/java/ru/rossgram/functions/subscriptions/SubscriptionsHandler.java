package ru.rossgram.functions.subscriptions;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import java.util.Map;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.payments.subscriptions.SubscriptionChanges;
import ru.rossgram.shared.payments.subscriptions.SubscriptionLists;

/**
 * {@code GET /v1/me/subscriptions} (what the caller pays for), {@code DELETE /v1/me/subscriptions/{username}}
 * (cancel), {@code PATCH /v1/me/subscriptions/{username}} (change tier: 202 with the upgrade's payment while it is
 * charged, else 200) and {@code GET /v1/me/subscribers} (the creator's subscribers and counts).
 */
public class SubscriptionsHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String MINE = "GET /v1/me/subscriptions";
    public static final String CANCEL = "DELETE /v1/me/subscriptions/{username}";
    public static final String CHANGE_TIER = "PATCH /v1/me/subscriptions/{username}";
    public static final String SUBSCRIBERS = "GET /v1/me/subscribers";

    /** Body of the PATCH. */
    public record TierChangeRequest(String tierId) {
    }

    @Inject
    SubscriptionChanges changes;
    @Inject
    SubscriptionLists lists;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public SubscriptionsHandler() {
    }

    public SubscriptionsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String username = request.pathParameters().get("username");
        return switch (request.routeKey()) {
            case MINE -> json.response(200, Map.of("subscriptions", lists.mine(caller)));
            case CANCEL -> json.response(200, changes.cancel(caller, username));
            case CHANGE_TIER -> {
                SubscriptionChanges.TierChange change = changes.changeTier(caller, username,
                        json.read(request, TierChangeRequest.class).tierId());
                yield change.payment() != null ? json.response(202, change.payment()) : json.response(200, change.subscription());
            }
            case SUBSCRIBERS -> json.response(200, lists.subscribers(caller, PageRequest.of(request.queryParameters())));
            default -> throw request.routeNotFound();
        };
    }
}
