package ru.rossgram.functions.campaigns;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link CampaignsHandler}, through {@link YandexHttpAdapter}. */
public class CampaignsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public CampaignsYandexFunction() {
        http = new YandexHttpAdapter(new CampaignsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public CampaignsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new CampaignsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
