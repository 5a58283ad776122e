package ru.rossgram.functions.tiers;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link TiersHandler}, through {@link YandexHttpAdapter}. */
public class TiersYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public TiersYandexFunction() {
        http = new YandexHttpAdapter(new TiersHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public TiersYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new TiersHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
