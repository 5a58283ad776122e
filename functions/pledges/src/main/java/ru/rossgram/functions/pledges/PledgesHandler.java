package ru.rossgram.functions.pledges;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.payments.crowdfunding.PledgeCancels;
import ru.rossgram.shared.payments.crowdfunding.PledgeLists;

/**
 * {@code DELETE /v1/campaigns/{campaignId}/pledge} (the backer cancels: 202 with the pledge, refunded later when it
 * was paid), {@code GET /v1/me/pledges} (what the caller pledged) and {@code GET /v1/campaigns/{campaignId}/pledges}
 * (the creator's backers). Pledging itself is a checkout ({@code POST /v1/checkouts}).
 */
public class PledgesHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String CANCEL = "DELETE /v1/campaigns/{campaignId}/pledge";
    public static final String MINE = "GET /v1/me/pledges";
    public static final String BACKERS = "GET /v1/campaigns/{campaignId}/pledges";

    @Inject
    PledgeCancels cancels;
    @Inject
    PledgeLists lists;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public PledgesHandler() {
    }

    public PledgesHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String campaignId = request.pathParameters().get("campaignId");
        return switch (request.routeKey()) {
            case CANCEL -> json.response(202, cancels.cancel(caller, campaignId));
            case MINE -> json.response(200, lists.mine(caller, PageRequest.of(request.queryParameters())));
            case BACKERS -> json.response(200, lists.backers(caller, campaignId, PageRequest.of(request.queryParameters())));
            default -> throw request.routeNotFound();
        };
    }
}
