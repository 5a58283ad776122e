package ru.rossgram.functions.instagram;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link InstagramHandler}, through {@link YandexHttpAdapter}. */
public class InstagramYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public InstagramYandexFunction() {
        http = new YandexHttpAdapter(new InstagramHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public InstagramYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new InstagramHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
