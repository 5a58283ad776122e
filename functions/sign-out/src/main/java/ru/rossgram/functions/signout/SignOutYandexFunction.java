package ru.rossgram.functions.signout;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link SignOutHandler}, through {@link YandexHttpAdapter}. */
public class SignOutYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public SignOutYandexFunction() {
        http = new YandexHttpAdapter(new SignOutHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public SignOutYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new SignOutHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
