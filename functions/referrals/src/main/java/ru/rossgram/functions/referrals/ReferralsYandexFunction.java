package ru.rossgram.functions.referrals;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link ReferralsHandler}, through {@link YandexHttpAdapter}. */
public class ReferralsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public ReferralsYandexFunction() {
        http = new YandexHttpAdapter(new ReferralsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public ReferralsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new ReferralsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
