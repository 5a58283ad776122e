package ru.rossgram.functions.saved;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link SavedPostsHandler}, through {@link YandexHttpAdapter}. */
public class SavedPostsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public SavedPostsYandexFunction() {
        http = new YandexHttpAdapter(new SavedPostsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public SavedPostsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new SavedPostsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
