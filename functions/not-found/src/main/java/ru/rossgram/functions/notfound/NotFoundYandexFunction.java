package ru.rossgram.functions.notfound;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link NotFoundHandler}, through {@link YandexHttpAdapter}. */
public class NotFoundYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public NotFoundYandexFunction() {
        http = new YandexHttpAdapter(new NotFoundHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public NotFoundYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new NotFoundHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
