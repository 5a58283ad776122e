package ru.rossgram.functions.paymentwebhook;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import java.util.Map;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.payments.PaymentWebhooks;
import ru.rossgram.shared.payments.providers.WebhookDelivery;
import ru.rossgram.shared.payments.providers.WebhookReply;

/**
 * {@code POST /v1/webhooks/{provider}}: a payment provider's notification, passed on as the raw bytes received and
 * answered in the provider's own terms ({@code OK}, {@code {"code":0}}, {@code OK<InvId>}, ...). No bearer token:
 * the provider's signature, or YooKassa's API, is what authenticates it.
 */
public class PaymentWebhookHandler extends ApiFunction {
    @Inject
    PaymentWebhooks webhooks;

    public PaymentWebhookHandler() {
    }

    public PaymentWebhookHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        WebhookReply reply = webhooks.receive(request.pathParameters().get("provider"),
                new WebhookDelivery(request.body(), request.headers(), request.sourceIp()));
        return new ApiResponse(reply.status(), Map.of("content-type", reply.contentType()), reply.body());
    }
}
