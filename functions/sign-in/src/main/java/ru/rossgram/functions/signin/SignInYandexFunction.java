package ru.rossgram.functions.signin;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link SignInHandler}, through {@link YandexHttpAdapter}. */
public class SignInYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public SignInYandexFunction() {
        http = new YandexHttpAdapter(new SignInHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public SignInYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new SignInHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
