package ru.rossgram.functions.operator;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link OperatorHandler}, through {@link YandexHttpAdapter}. */
public class OperatorYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public OperatorYandexFunction() {
        http = new YandexHttpAdapter(new OperatorHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public OperatorYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new OperatorHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
