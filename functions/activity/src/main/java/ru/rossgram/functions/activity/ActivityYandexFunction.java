package ru.rossgram.functions.activity;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link ActivityHandler}, through {@link YandexHttpAdapter}. */
public class ActivityYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public ActivityYandexFunction() {
        http = new YandexHttpAdapter(new ActivityHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public ActivityYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new ActivityHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
