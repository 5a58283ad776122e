package ru.rossgram.functions.listfollows;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link ListFollowsHandler}, through {@link YandexHttpAdapter}. */
public class ListFollowsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public ListFollowsYandexFunction() {
        http = new YandexHttpAdapter(new ListFollowsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public ListFollowsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new ListFollowsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
