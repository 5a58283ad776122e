package ru.rossgram.functions.getme;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link GetMeHandler}, through {@link YandexHttpAdapter}. */
public class GetMeYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public GetMeYandexFunction() {
        http = new YandexHttpAdapter(new GetMeHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public GetMeYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new GetMeHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
