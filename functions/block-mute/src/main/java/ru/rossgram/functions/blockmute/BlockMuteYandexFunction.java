package ru.rossgram.functions.blockmute;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.http.yandex.YandexHttpAdapter;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/** Yandex Cloud Functions' entry point (behind API Gateway): {@link BlockMuteHandler}, through {@link YandexHttpAdapter}. */
public class BlockMuteYandexFunction implements Function<YandexHttpRequest, YandexHttpResponse> {
    private final YandexHttpAdapter http;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public BlockMuteYandexFunction() {
        http = new YandexHttpAdapter(new BlockMuteHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public BlockMuteYandexFunction(ApplicationContextBuilder contextBuilder) {
        http = new YandexHttpAdapter(new BlockMuteHandler(contextBuilder));
    }

    @Override
    public YandexHttpResponse apply(YandexHttpRequest event) {
        return http.apply(event);
    }
}
