package ru.rossgram.functions.earnings;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link EarningsHandler}, through {@link YandexHttpAdapter}. */
public class EarningsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public EarningsYandexFunction() {
        http = new YandexHttpAdapter(new EarningsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public EarningsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new EarningsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
