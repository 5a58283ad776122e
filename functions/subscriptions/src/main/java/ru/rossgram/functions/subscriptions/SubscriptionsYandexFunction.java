package ru.rossgram.functions.subscriptions;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link SubscriptionsHandler}, through {@link YandexHttpAdapter}. */
public class SubscriptionsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public SubscriptionsYandexFunction() {
        http = new YandexHttpAdapter(new SubscriptionsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public SubscriptionsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new SubscriptionsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
