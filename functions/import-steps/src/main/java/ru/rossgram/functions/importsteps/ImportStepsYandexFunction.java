package ru.rossgram.functions.importsteps;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.events.yandex.YandexStorageEvent;
import ru.rossgram.shared.events.yandex.YandexStorageTrigger;

/** Yandex Cloud Functions' entry point (an Object Storage trigger's): {@link ImportStepsHandler}, through {@link YandexStorageTrigger}. */
public class ImportStepsYandexFunction implements Function<YandexStorageEvent, String> {
    private final YandexStorageTrigger trigger;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public ImportStepsYandexFunction() {
        trigger = new YandexStorageTrigger(new ImportStepsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public ImportStepsYandexFunction(ApplicationContextBuilder contextBuilder) {
        trigger = new YandexStorageTrigger(new ImportStepsHandler(contextBuilder));
    }

    @Override
    public String apply(YandexStorageEvent event) {
        return trigger.apply(event);
    }
}
