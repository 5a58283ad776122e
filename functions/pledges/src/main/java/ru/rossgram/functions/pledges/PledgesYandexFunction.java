package ru.rossgram.functions.pledges;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link PledgesHandler}, through {@link YandexHttpAdapter}. */
public class PledgesYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public PledgesYandexFunction() {
        http = new YandexHttpAdapter(new PledgesHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public PledgesYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new PledgesHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
