package ru.rossgram.functions.hashtags;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link HashtagsHandler}, through {@link YandexHttpAdapter}. */
public class HashtagsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public HashtagsYandexFunction() {
        http = new YandexHttpAdapter(new HashtagsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public HashtagsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new HashtagsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
