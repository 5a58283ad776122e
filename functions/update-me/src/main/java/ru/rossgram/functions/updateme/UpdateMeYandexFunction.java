package ru.rossgram.functions.updateme;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link UpdateMeHandler}, through {@link YandexHttpAdapter}. */
public class UpdateMeYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public UpdateMeYandexFunction() {
        http = new YandexHttpAdapter(new UpdateMeHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public UpdateMeYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new UpdateMeHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
