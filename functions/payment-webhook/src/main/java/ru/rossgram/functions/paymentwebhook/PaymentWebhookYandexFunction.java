package ru.rossgram.functions.paymentwebhook;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link PaymentWebhookHandler}, through {@link YandexHttpAdapter}. */
public class PaymentWebhookYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public PaymentWebhookYandexFunction() {
        http = new YandexHttpAdapter(new PaymentWebhookHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public PaymentWebhookYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new PaymentWebhookHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
