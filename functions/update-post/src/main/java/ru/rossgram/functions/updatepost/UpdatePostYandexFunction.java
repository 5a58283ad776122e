package ru.rossgram.functions.updatepost;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link UpdatePostHandler}, through {@link YandexHttpAdapter}. */
public class UpdatePostYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public UpdatePostYandexFunction() {
        http = new YandexHttpAdapter(new UpdatePostHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public UpdatePostYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new UpdatePostHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
