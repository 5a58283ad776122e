package ru.rossgram.functions.comments;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link CommentsHandler}, through {@link YandexHttpAdapter}. */
public class CommentsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public CommentsYandexFunction() {
        http = new YandexHttpAdapter(new CommentsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public CommentsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new CommentsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
