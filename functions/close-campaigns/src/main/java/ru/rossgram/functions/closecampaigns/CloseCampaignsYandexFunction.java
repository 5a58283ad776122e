package ru.rossgram.functions.closecampaigns;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import ru.rossgram.shared.events.yandex.YandexTimerEvent;
import ru.rossgram.shared.jobs.YandexTimerJobFunction;

/**
 * Yandex Cloud Functions' entry point (a timer trigger's, every 15 minutes): {@link CloseCampaignsHandler}. It declares
 * {@code Function<I, O>} itself: the Yandex runtime reads the event type from the entry class, not its superclasses.
 */
public class CloseCampaignsYandexFunction extends YandexTimerJobFunction implements Function<YandexTimerEvent, String> {
    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public CloseCampaignsYandexFunction() {
        super(new CloseCampaignsHandler());
    }

    /** Configuration handed in, for tests and the local runner. */
    public CloseCampaignsYandexFunction(ApplicationContextBuilder contextBuilder) {
        super(new CloseCampaignsHandler(contextBuilder));
    }
}
