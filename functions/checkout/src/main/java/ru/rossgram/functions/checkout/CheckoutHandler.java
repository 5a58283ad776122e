package ru.rossgram.functions.checkout;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.auth.Authenticator;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.JsonCodec;
import ru.rossgram.shared.payments.CheckoutRequest;
import ru.rossgram.shared.payments.CheckoutService;

/**
 * {@code POST /v1/checkouts} starts paying for a paid post (with an optional {@code Idempotency-Key});
 * {@code GET /v1/checkouts/{paymentId}} shows how that payment stands.
 */
public class CheckoutHandler extends ApiFunction {
    // The template's route keys for this function, as the gateway sends them in routeKey.
    public static final String CHECKOUT = "POST /v1/checkouts";
    public static final String STATUS = "GET /v1/checkouts/{paymentId}";

    @Inject
    CheckoutService checkouts;
    @Inject
    Authenticator authenticator;
    @Inject
    JsonCodec json;

    public CheckoutHandler() {
    }

    public CheckoutHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Caller caller = authenticator.authenticate(request);
        return switch (request.routeKey()) {
            case CHECKOUT -> json.response(201, checkouts.checkout(caller, json.read(request, CheckoutRequest.class),
                    request.header("idempotency-key").orElse(null)));
            case STATUS -> json.response(200, checkouts.find(caller, request.pathParameters().get("paymentId")));
            default -> throw request.routeNotFound();
        };
    }
}
