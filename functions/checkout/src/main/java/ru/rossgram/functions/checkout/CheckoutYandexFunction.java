package ru.rossgram.functions.checkout;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link CheckoutHandler}, through {@link YandexHttpAdapter}. */
public class CheckoutYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public CheckoutYandexFunction() {
        http = new YandexHttpAdapter(new CheckoutHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public CheckoutYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new CheckoutHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
