package ru.rossgram.functions.invitations;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link InvitationsHandler}, through {@link YandexHttpAdapter}. */
public class InvitationsYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public InvitationsYandexFunction() {
        http = new YandexHttpAdapter(new InvitationsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public InvitationsYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new InvitationsHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
