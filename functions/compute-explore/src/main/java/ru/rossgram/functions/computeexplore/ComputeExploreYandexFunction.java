package ru.rossgram.functions.computeexplore;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.events.yandex.YandexTimerEvent;
import ru.rossgram.shared.jobs.YandexTimerJobFunction;

/**
 * Yandex Cloud Functions' entry point (a timer trigger's, every 30 minutes): {@link ComputeExploreHandler}. It declares
 * {@code Function<I, O>} itself: the Yandex runtime reads the event type from the entry class, not its superclasses.
 */
public class ComputeExploreYandexFunction extends YandexTimerJobFunction implements Function<YandexTimerEvent, String> {
    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public ComputeExploreYandexFunction() {
        super(new ComputeExploreHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public ComputeExploreYandexFunction(ApplicationContextBuilder contextBuilder) {
        super(new ComputeExploreHandler(contextBuilder));
    }
}
