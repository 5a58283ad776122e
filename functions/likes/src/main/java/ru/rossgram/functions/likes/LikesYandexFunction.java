package ru.rossgram.functions.likes;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link LikesHandler}, through {@link YandexHttpAdapter}. */
public class LikesYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public LikesYandexFunction() {
        http = new YandexHttpAdapter(new LikesHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public LikesYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new LikesHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
