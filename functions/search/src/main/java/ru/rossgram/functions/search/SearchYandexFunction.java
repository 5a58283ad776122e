package ru.rossgram.functions.search;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link SearchHandler}, through {@link YandexHttpAdapter}. */
public class SearchYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public SearchYandexFunction() {
        http = new YandexHttpAdapter(new SearchHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public SearchYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new SearchHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
