package ru.rossgram.functions.renewsubscriptions;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.events.yandex.YandexTimerEvent;

/**
 * Yandex Cloud Functions' entry point (a timer trigger's, every 15 minutes like the EventBridge schedule):
 * {@link RenewSubscriptionsHandler#renew()}. A trigger message is only a firing: whatever it carries, one run renews
 * what the clock finds due.
 */
public class RenewSubscriptionsYandexFunction implements Function<YandexTimerEvent, String>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RenewSubscriptionsYandexFunction.class);

    private final RenewSubscriptionsHandler handler;

    /** The constructor Yandex calls, once per instance: configuration from the environment. */
    public RenewSubscriptionsYandexFunction() {
        handler = new RenewSubscriptionsHandler();
    }

    /** Configuration handed in, for tests and the local runner. */
    public RenewSubscriptionsYandexFunction(ApplicationContextBuilder contextBuilder) {
        handler = new RenewSubscriptionsHandler(contextBuilder);
    }

    @Override
    public String apply(YandexTimerEvent event) {
        if (event == null || event.messages == null || event.messages.isEmpty()) {
            LOG.warn("a call without timer messages: renewing anyway, as a firing would");
        }
        return handler.renew();
    }

    /** Closes the handler's application context (a host that outlives the function; Yandex simply ends the process). */
    @Override
    public void close() {
        handler.close();
    }
}
