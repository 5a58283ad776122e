package ru.rossgram.functions.deletepost;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link DeletePostHandler}, through {@link YandexHttpAdapter}. */
public class DeletePostYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public DeletePostYandexFunction() {
        http = new YandexHttpAdapter(new DeletePostHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public DeletePostYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new DeletePostHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
