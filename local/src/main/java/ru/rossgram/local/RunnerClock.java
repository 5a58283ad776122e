package ru.rossgram.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import ru.rossgram.shared.config.AdjustableClock;

/**
 * The runner's movable time: one {@link AdjustableClock}, named for this runner, that every function it hosts reads
 * (their environment gets {@code ROSSGRAM_CLOCK_ADJUSTABLE=<name>}), moved forward only. With a data directory the
 * offset is kept there ({@value #FILE_NAME}), so a restarted runner goes on from the time its data has seen rather
 * than finding its renewals in the future.
 */
public final class RunnerClock implements AutoCloseable {
    static final String ENVIRONMENT_VARIABLE = "ROSSGRAM_CLOCK_ADJUSTABLE";
    static final String FILE_NAME = "clock-offset";
    private static final AtomicInteger RUNNERS = new AtomicInteger();

    private final AdjustableClock clock;
    private final Path kept;
    private final List<Runnable> onAdvance = new CopyOnWriteArrayList<>();

    private RunnerClock(AdjustableClock clock, Path kept) {
        this.clock = clock;
        this.kept = kept;
    }

    /**
     * A clock of its own for a runner in this JVM, at the offset kept in {@code dataDirectory} (null: in memory, at
     * the system time).
     *
     * @throws UncheckedIOException when the kept offset cannot be read
     */
    static RunnerClock start(Path dataDirectory) {
        RunnerClock runner = new RunnerClock(AdjustableClock.named("runner-" + ProcessHandle.current().pid() + "-"
                + RUNNERS.incrementAndGet()), dataDirectory == null ? null : dataDirectory.resolve(FILE_NAME));
        runner.clock.reset();
        if (runner.kept != null && Files.isRegularFile(runner.kept)) {
            try {
                runner.clock.catchUp(Duration.parse(Files.readString(runner.kept).strip()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the clock's offset in " + runner.kept, e);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(runner.kept + " holds no ISO-8601 duration; delete it to start at the"
                        + " system time", e);
            }
        }
        return runner;
    }

    /** What each hosted function's environment gets, so its {@code Clock} bean is this clock. */
    Map<String, String> environment() {
        return Map.of(ENVIRONMENT_VARIABLE, clock.name());
    }

    /** The time the functions see. */
    public Instant now() {
        return clock.instant();
    }

    /** How far ahead of the system clock the functions' time is. */
    public Duration offset() {
        return clock.offset();
    }

    /**
     * Moves the functions' time forward by {@code by}, keeps the offset with the data, and lets the schedules see it.
     *
     * @return the time the functions see now
     * @throws IllegalArgumentException when {@code by} is negative: time is never moved back
     */
    public synchronized Instant advance(Duration by) {
        Instant now = clock.advance(by);
        if (kept != null) {
            try {
                Files.createDirectories(kept.getParent());
                Files.writeString(kept, clock.offset().toString() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the clock's offset in " + kept, e);
            }
        }
        onAdvance.forEach(Runnable::run);
        return now;
    }

    /** {@code listener} runs after each {@link #advance}, on its caller's thread. */
    void onAdvance(Runnable listener) {
        onAdvance.add(listener);
    }

    /** The clock the runner itself reads (the schedules' firing times). */
    java.time.Clock clock() {
        return clock;
    }

    /** Forgets this runner's offset in the JVM (the data directory keeps it). */
    @Override
    public void close() {
        clock.reset();
    }
}
