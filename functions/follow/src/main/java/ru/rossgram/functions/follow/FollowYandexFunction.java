package ru.rossgram.functions.follow;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link FollowHandler}, through {@link YandexHttpAdapter}. */
public class FollowYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public FollowYandexFunction() {
        http = new YandexHttpAdapter(new FollowHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public FollowYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new FollowHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
