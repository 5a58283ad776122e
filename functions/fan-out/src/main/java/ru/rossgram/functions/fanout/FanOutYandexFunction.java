package ru.rossgram.functions.fanout;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.events.yandex.YandexStorageEvent;
import ru.rossgram.shared.events.yandex.YandexStorageTrigger;

/** Yandex Cloud Functions' entry point (an Object Storage trigger's): {@link FanOutHandler}, through {@link YandexStorageTrigger}. */
public class FanOutYandexFunction implements Function<YandexStorageEvent, String> {
    private final YandexStorageTrigger trigger;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public FanOutYandexFunction() {
        trigger = new YandexStorageTrigger(new FanOutHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public FanOutYandexFunction(ApplicationContextBuilder contextBuilder) {
        trigger = new YandexStorageTrigger(new FanOutHandler(contextBuilder));
    }

    @Override
    public String apply(YandexStorageEvent event) {
        return trigger.apply(event);
    }
}
