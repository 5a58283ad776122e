package ru.rossgram.functions.feed;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link FeedHandler}, through {@link YandexHttpAdapter}. */
public class FeedYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public FeedYandexFunction() {
        http = new YandexHttpAdapter(new FeedHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public FeedYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new FeedHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
