package ru.rossgram.functions.campaigns;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.payments.crowdfunding.CampaignEdit;
import ru.rossgram.shared.payments.crowdfunding.CampaignReader;
import ru.rossgram.shared.payments.crowdfunding.CampaignService;
import ru.rossgram.shared.payments.crowdfunding.NewCampaign;

/**
 * Crowdfunding campaigns: the creator's ({@code /v1/me/campaigns}: list, create a draft, change, delete a draft,
 * launch, cancel), one campaign with its progress ({@code GET /v1/campaigns/{campaignId}}) and an account's
 * launched ones ({@code GET /v1/users/{username}/campaigns}).
 */
public class CampaignsHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String MINE = "GET /v1/me/campaigns";
    public static final String CREATE = "POST /v1/me/campaigns";
    public static final String EDIT = "PATCH /v1/me/campaigns/{campaignId}";
    public static final String DELETE = "DELETE /v1/me/campaigns/{campaignId}";
    public static final String LAUNCH = "POST /v1/me/campaigns/{campaignId}/launch";
    public static final String CANCEL = "POST /v1/me/campaigns/{campaignId}/cancel";
    public static final String ONE = "GET /v1/campaigns/{campaignId}";
    public static final String OF_USER = "GET /v1/users/{username}/campaigns";

    @Inject
    CampaignService campaigns;
    @Inject
    CampaignReader reader;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public CampaignsHandler() {
    }

    public CampaignsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        String campaignId = request.pathParameters().get("campaignId");
        return switch (request.routeKey()) {
            case MINE -> json.response(200, reader.mine(caller, PageRequest.of(request.queryParameters())));
            case CREATE -> json.response(201, campaigns.create(caller, json.read(request, NewCampaign.class)));
            case EDIT -> json.response(200, campaigns.edit(caller, campaignId, json.read(request, CampaignEdit.class)));
            case DELETE -> {
                campaigns.delete(caller, campaignId);
                yield ApiResponse.noContent();
            }
            case LAUNCH -> json.response(200, campaigns.launch(caller, campaignId));
            case CANCEL -> json.response(200, campaigns.cancel(caller, campaignId));
            case ONE -> json.response(200, reader.get(caller, campaignId));
            case OF_USER -> json.response(200, reader.ofUser(caller, request.pathParameters().get("username"),
                    PageRequest.of(request.queryParameters())));
            default -> throw request.routeNotFound();
        };
    }
}
