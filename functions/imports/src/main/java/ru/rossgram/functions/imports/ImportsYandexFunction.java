package ru.rossgram.functions.imports;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link ImportsHandler}, through {@link YandexHttpAdapter}. */
public class ImportsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public ImportsYandexFunction() {
        http = new YandexHttpAdapter(new ImportsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public ImportsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new ImportsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
