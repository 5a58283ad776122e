package ru.rossgram.functions.createupload;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link CreateUploadHandler}, through {@link YandexHttpAdapter}. */
public class CreateUploadYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public CreateUploadYandexFunction() {
        http = new YandexHttpAdapter(new CreateUploadHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public CreateUploadYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new CreateUploadHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
