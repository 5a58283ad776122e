package ru.rossgram.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import ru.rossgram.shared.events.yandex.YandexTimerEvent;

/** {@link ClockReadingHandler}'s Yandex class: records each timer message with the time its clock bean reads. */
public class ClockReadingYandexFunction implements Function<YandexTimerEvent, String>, AutoCloseable {
    record Reading(YandexTimerEvent event, Instant clock) {
    }

    static final Queue<Reading> READINGS = new ConcurrentLinkedQueue<>();

    private final ApplicationContext context;
    private final Clock clock;

    public ClockReadingYandexFunction() {
        this(ApplicationContext.builder());
    }

    public ClockReadingYandexFunction(ApplicationContextBuilder builder) {
        this.context = builder.start();
        this.clock = context.getBean(Clock.class);
    }

    @Override
    public String apply(YandexTimerEvent event) {
        Instant now = clock.instant();
        READINGS.add(new Reading(event, now));
        return "read " + now;
    }

    @Override
    public void close() {
        context.close();
    }
}
