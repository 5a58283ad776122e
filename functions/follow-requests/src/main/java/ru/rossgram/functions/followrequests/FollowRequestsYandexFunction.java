package ru.rossgram.functions.followrequests;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link FollowRequestsHandler}, through {@link YandexHttpAdapter}. */
public class FollowRequestsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public FollowRequestsYandexFunction() {
        http = new YandexHttpAdapter(new FollowRequestsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public FollowRequestsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new FollowRequestsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
