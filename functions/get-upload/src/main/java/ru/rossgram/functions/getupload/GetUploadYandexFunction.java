package ru.rossgram.functions.getupload;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link GetUploadHandler}, through {@link YandexHttpAdapter}. */
public class GetUploadYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public GetUploadYandexFunction() {
        http = new YandexHttpAdapter(new GetUploadHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public GetUploadYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new GetUploadHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
