package ru.rossgram.functions.explore;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link ExploreHandler}, through {@link YandexHttpAdapter}. */
public class ExploreYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public ExploreYandexFunction() {
        http = new YandexHttpAdapter(new ExploreHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public ExploreYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new ExploreHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
