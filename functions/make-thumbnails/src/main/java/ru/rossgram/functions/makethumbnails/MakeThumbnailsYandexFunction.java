package ru.rossgram.functions.makethumbnails;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.events.yandex.YandexStorageEvent;
import ru.rossgram.shared.events.yandex.YandexStorageTrigger;

/** Yandex Cloud Functions' entry point (an Object Storage trigger's): {@link MakeThumbnailsHandler}, through {@link YandexStorageTrigger}. */
public class MakeThumbnailsYandexFunction implements Function<YandexStorageEvent, String> {
    private final YandexStorageTrigger trigger;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public MakeThumbnailsYandexFunction() {
        trigger = new YandexStorageTrigger(new MakeThumbnailsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public MakeThumbnailsYandexFunction(ApplicationContextBuilder contextBuilder) {
        trigger = new YandexStorageTrigger(new MakeThumbnailsHandler(contextBuilder));
    }

    @Override
    public String apply(YandexStorageEvent event) {
        return trigger.apply(event);
    }
}
