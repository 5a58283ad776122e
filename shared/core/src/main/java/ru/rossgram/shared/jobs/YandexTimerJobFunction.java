package ru.rossgram.shared.jobs;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.events.yandex.YandexTimerEvent;

/**
 * Yandex Cloud Functions' entry point of a scheduled job (a timer trigger's, like the EventBridge schedule):
 * {@link ScheduledJobFunction#runOnce()}. A trigger message is only a firing: whatever it carries, one run does what
 * the clock finds due.
 */
public abstract class YandexTimerJobFunction implements Function<YandexTimerEvent, String>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(YandexTimerJobFunction.class);

    private final ScheduledJobFunction handler;

    protected YandexTimerJobFunction(ScheduledJobFunction handler) {
        this.handler = handler;
    }

    @Override
    public String apply(YandexTimerEvent event) {
        if (event == null || event.messages == null || event.messages.isEmpty()) {
            LOG.warn("a call without timer messages: running anyway, as a firing would");
        }
        return handler.runOnce();
    }

    /** Closes the handler's application context (a host that outlives the function; Yandex simply ends the process). */
    @Override
    public void close() {
        handler.close();
    }
}
