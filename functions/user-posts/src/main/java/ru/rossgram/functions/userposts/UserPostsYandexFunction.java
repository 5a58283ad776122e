package ru.rossgram.functions.userposts;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link UserPostsHandler}, through {@link YandexHttpAdapter}. */
public class UserPostsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public UserPostsYandexFunction() {
        http = new YandexHttpAdapter(new UserPostsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public UserPostsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new UserPostsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
