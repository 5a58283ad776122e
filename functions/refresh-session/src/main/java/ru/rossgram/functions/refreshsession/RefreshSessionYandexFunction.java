package ru.rossgram.functions.refreshsession;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link RefreshSessionHandler}, through {@link YandexHttpAdapter}. */
public class RefreshSessionYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public RefreshSessionYandexFunction() {
        http = new YandexHttpAdapter(new RefreshSessionHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public RefreshSessionYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new RefreshSessionHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
