package ru.rossgram.functions.referrals;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.payments.referrals.ReferralStatements;

/**
 * {@code GET /v1/me/referrals}: the caller's referral code and link, the accounts it referred, and its rewards:
 * totals pending, available and reversed, and their history, newest first.
 */
public class ReferralsHandler extends ApiFunction {
    @Inject
    ReferralStatements referrals;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public ReferralsHandler() {
    }

    public ReferralsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, referrals.of(authenticator.authenticate(request), PageRequest.of(request.queryParameters())));
    }
}
