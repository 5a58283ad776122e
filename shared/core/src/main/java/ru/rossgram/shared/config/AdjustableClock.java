package ru.rossgram.shared.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The system clock moved ahead by an offset that only ever grows: what the local runner gives its functions so that a
 * test or a demo lives through a month (a renewal, a grace period, an expiry) in seconds.
 *
 * <p>The offset is a system property named for the clock ({@code ru.rossgram.clock.<name>.offset}, in nanoseconds), read
 * on every {@link #instant()}: each function the runner hosts builds its own clock bean in its own application
 * context, and a JVM-wide property moves them all at once, whichever class loader or context holds them. Runners
 * sharing a JVM (tests) give their clocks different names. Nothing deployed sets
 * {@code ROSSGRAM_CLOCK_ADJUSTABLE} (see {@link CoreBeans}), so deployed functions read the system clock.
 *
 * <p>Time is never moved back: what a function stored at a later time (a renewal's period, its idempotency key) would
 * then lie in the future, a state the cloud never reaches.
 */
public final class AdjustableClock extends Clock {
    private static final String PREFIX = "ru.rossgram.clock.";
    private static final String SUFFIX = ".offset";

    private final String name;
    private final ZoneId zone;

    private AdjustableClock(String name, ZoneId zone) {
        this.name = name;
        this.zone = zone;
    }

    /**
     * The clock named {@code name} in UTC: every instance of one name, in this JVM, shows the same time.
     *
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public static AdjustableClock named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an adjustable clock needs a name");
        }
        return new AdjustableClock(name.strip(), ZoneOffset.UTC);
    }

    /**
     * Moves every clock of this name ahead by {@code by} (zero is allowed and moves nothing).
     *
     * @return the time those clocks show now
     * @throws IllegalArgumentException when {@code by} is negative: time is never moved back
     */
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("time is only moved forward, not by " + by);
        }
        synchronized (AdjustableClock.class) {
            System.setProperty(property(), Long.toString(Math.addExact(offsetNanos(), by.toNanos())));
        }
        return instant();
    }

    /** How far ahead of the system clock this clock is. */
    public Duration offset() {
        return Duration.ofNanos(offsetNanos());
    }

    /**
     * Moves this clock to {@code offset} ahead of the system clock, when that is further than it is: a runner
     * restarted on kept data goes on from the time it had reached.
     *
     * @throws IllegalArgumentException when {@code offset} is negative
     */
    public void catchUp(Duration offset) {
        synchronized (AdjustableClock.class) {
            Duration current = offset();
            if (offset.compareTo(current) > 0) {
                advance(offset.minus(current));
            }
        }
    }

    /** Forgets the offset of this name, for a runner that stops (the next one of the name starts at the system time). */
    public void reset() {
        synchronized (AdjustableClock.class) {
            System.clearProperty(property());
        }
    }

    public String name() {
        return name;
    }

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(offsetNanos());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(name, zone);
    }

    private long offsetNanos() {
        String value = System.getProperty(property());
        return value == null ? 0 : Long.parseLong(value);
    }

    private String property() {
        return PREFIX + name + SUFFIX;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdjustableClock clock && clock.name.equals(name) && clock.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, zone);
    }

    @Override
    public String toString() {
        return "AdjustableClock[" + name + ", " + offset() + " ahead, " + zone + "]";
    }
}
