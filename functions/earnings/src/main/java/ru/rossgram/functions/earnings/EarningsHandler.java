package ru.rossgram.functions.earnings;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.payments.EarningsService;

/** {@code GET /v1/me/earnings}: the creator's balance and the sales and refunds behind it, newest first. */
public class EarningsHandler extends ApiFunction {
    @Inject
    EarningsService earnings;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public EarningsHandler() {
    }

    public EarningsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return json.response(200, earnings.of(authenticator.authenticate(request), PageRequest.of(request.queryParameters())));
    }
}
