package ru.rossgram.functions.getuser;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link GetUserHandler}, through {@link YandexHttpAdapter}. */
public class GetUserYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public GetUserYandexFunction() {
        http = new YandexHttpAdapter(new GetUserHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public GetUserYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new GetUserHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
