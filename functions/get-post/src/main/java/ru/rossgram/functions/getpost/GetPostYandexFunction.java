package ru.rossgram.functions.getpost;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link GetPostHandler}, through {@link YandexHttpAdapter}. */
public class GetPostYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public GetPostYandexFunction() {
        http = new YandexHttpAdapter(new GetPostHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public GetPostYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new GetPostHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
