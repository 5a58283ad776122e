package ru.rossgram.functions.signup;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link SignUpHandler}, through {@link YandexHttpAdapter}. */
public class SignUpYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public SignUpYandexFunction() {
        http = new YandexHttpAdapter(new SignUpHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public SignUpYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new SignUpHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
