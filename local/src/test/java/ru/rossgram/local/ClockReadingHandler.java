package ru.rossgram.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The schedules test template's functions (TickFunction, NightlyFunction): each reads the {@link Clock} bean of its own
 * Micronaut context, built from the environment the runner gives it, and records it with the event it got.
 */
public class ClockReadingHandler implements RequestHandler<ScheduledEvent, String>, AutoCloseable {
    record Reading(String function, ScheduledEvent event, Instant clock) {
    }

    static final Queue<Reading> READINGS = new ConcurrentLinkedQueue<>();

    private final ApplicationContext context;
    private final Clock clock;

    public ClockReadingHandler() {
        this(ApplicationContext.builder());
    }

    public ClockReadingHandler(ApplicationContextBuilder builder) {
        this.context = builder.start();
        this.clock = context.getBean(Clock.class);
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context lambda) {
        Instant now = clock.instant();
        READINGS.add(new Reading(lambda.getFunctionName(), event, now));
        return "read " + now;
    }

    static List<Reading> of(String function) {
        return READINGS.stream().filter(reading -> reading.function().equals(function)).toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
