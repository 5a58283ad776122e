package ru.rossgram.functions.createpost;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link CreatePostHandler}, through {@link YandexHttpAdapter}. */
public class CreatePostYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public CreatePostYandexFunction() {
        http = new YandexHttpAdapter(new CreatePostHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public CreatePostYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new CreatePostHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
