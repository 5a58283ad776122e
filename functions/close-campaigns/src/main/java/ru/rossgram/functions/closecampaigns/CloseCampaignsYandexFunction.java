package ru.rossgram.functions.closecampaigns;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.events.yandex.YandexTimerEvent;

/**
 * Yandex Cloud Functions' entry point (a timer trigger's, every 15 minutes like the EventBridge schedule):
 * {@link CloseCampaignsHandler#closeDue()}. A trigger message is only a firing: whatever it carries, one run closes,
 * charges, releases and refunds what the clock finds due.
 */
public class CloseCampaignsYandexFunction implements Function<YandexTimerEvent, String>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloseCampaignsYandexFunction.class);

    private final CloseCampaignsHandler handler;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public CloseCampaignsYandexFunction() {
        handler = new CloseCampaignsHandler();
    }

    /** Configuration handed in, for tests and the local runner. */
    public CloseCampaignsYandexFunction(ApplicationContextBuilder contextBuilder) {
        handler = new CloseCampaignsHandler(contextBuilder);
    }

    @Override
    public String apply(YandexTimerEvent event) {
        if (event == null || event.messages == null || event.messages.isEmpty()) {
            LOG.warn("a call without timer messages: closing anyway, as a firing would");
        }
        return handler.closeDue();
    }

    /** Closes the handler's application context (a host that outlives the function; Yandex simply ends the process). */
    @Override
    public void close() {
        handler.close();
    }
}
