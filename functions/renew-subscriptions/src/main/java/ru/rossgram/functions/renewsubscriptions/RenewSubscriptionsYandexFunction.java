package ru.rossgram.functions.renewsubscriptions;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.events.yandex.YandexTimerEvent;
import ru.rossgram.shared.jobs.YandexTimerJobFunction;

/**
 * Yandex Cloud Functions' entry point (a timer trigger's, every 15 minutes): {@link RenewSubscriptionsHandler}. It
 * declares {@code Function<I, O>} itself: the Yandex runtime reads the event type from the entry class, not its
 * superclasses.
 */
public class RenewSubscriptionsYandexFunction extends YandexTimerJobFunction implements Function<YandexTimerEvent, String> {
    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public RenewSubscriptionsYandexFunction() {
        super(new RenewSubscriptionsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public RenewSubscriptionsYandexFunction(ApplicationContextBuilder contextBuilder) {
        super(new RenewSubscriptionsHandler(contextBuilder));
    }
}
