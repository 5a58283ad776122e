package ru.rossgram.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.ScheduleEvent;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * The template's {@code Schedule} events played by the runner: each enabled one fires its function when the runner's
 * clock (moved time included) reaches its next {@code rate(...)} or {@code cron(...)} time, and any one fires on demand
 * ({@link #fire}). Firings are checked {@link #TICK} apart and at once after the clock moves; a schedule whose firing
 * is still running is not fired again until it ends, and firings skipped by moved time are not made up (one firing,
 * then the next after the new time). A firing that fails is logged, not retried.
 */
public final class Schedules implements AutoCloseable {
    static final Duration TICK = Duration.ofMillis(500);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final List<Entry> entries;
    private final ScheduleTarget target;
    private final Clock clock;
    private final Consumer<String> log;
    private final boolean automatic;
    private final ScheduledExecutorService ticker;
    private final ExecutorService firings;

    /**
     * @param automatic false to fire only on demand (the runner's {@code --schedules off}, for tests)
     * @param clock     the time schedules are due by and their events carry: the functions' clock
     */
    Schedules(SamTemplate template, ScheduleTarget target, Clock clock, boolean automatic, Consumer<String> log) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.automatic = automatic;
        Instant start = clock.instant();
        List<Entry> found = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            for (ScheduleEvent schedule : function.schedules()) {
                found.add(new Entry(function, schedule, schedule.schedule().nextAfter(start, start)));
            }
        }
        this.entries = List.copyOf(found);
        AtomicInteger threads = new AtomicInteger();
        this.firings = Executors.newCachedThreadPool(runnable -> daemon(runnable, "schedule-" + threads.incrementAndGet()));
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "schedule-ticker"));
        if (automatic && entries.stream().anyMatch(entry -> entry.schedule.enabled())) {
            ticker.scheduleWithFixedDelay(this::fireDue, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One firing's outcome: the function's result as JSON. */
    public record Fired(String function, String event, Instant time, String result) {
    }

    /** Every schedule with its next automatic firing (null when it is disabled or never fires again). */
    public record Planned(String function, String event, String schedule, boolean enabled, Instant next) {
    }

    List<Planned> planned() {
        return entries.stream().map(entry -> new Planned(entry.function.logicalId(), entry.schedule.name(),
                entry.schedule.schedule().text(), entry.schedule.enabled(), entry.schedule.enabled() ? entry.next : null))
                .toList();
    }

    /**
     * Fires {@code functionLogicalId}'s schedule named {@code eventName} (null: its first) now, on this thread, whether
     * the schedule is enabled or not, and waits for the function.
     *
     * @throws NoSuchElementException when the template has no such function, or it no such schedule
     * @throws RuntimeException       whatever the function throws
     */
    public Fired fire(String functionLogicalId, String eventName) {
        Entry entry = entries.stream()
                .filter(e -> e.function.logicalId().equals(functionLogicalId))
                .filter(e -> eventName == null || e.schedule.name().equals(eventName))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(functionLogicalId + " has no Schedule event"
                        + (eventName == null ? "" : " named " + eventName) + " in the template"));
        return fire(entry, clock.instant(), "on demand");
    }

    /** Checks at once for schedules the clock has reached (after it was moved), when they fire on their own. */
    void wake() {
        if (!automatic) {
            return;
        }
        try {
            ticker.execute(this::fireDue);
        } catch (RejectedExecutionException stopped) {
            // closing: nothing fires any more
        }
    }

    private void fireDue() {
        Instant now = clock.instant();
        for (Entry entry : entries) {
            if (!entry.schedule.enabled() || entry.next == null || entry.next.isAfter(now)
                    || !entry.running.compareAndSet(false, true)) {
                continue;
            }
            entry.next = entry.schedule.schedule().nextAfter(now, now);
            try {
                firings.execute(() -> {
                    try {
                        fire(entry, now, entry.schedule.schedule().text());
                    } catch (RuntimeException | LinkageError failed) {
                        // logged by fire; the next firing comes on schedule
                    } finally {
                        entry.running.set(false);
                    }
                });
            } catch (RejectedExecutionException stopped) {
                entry.running.set(false);
            }
        }
    }

    private Fired fire(Entry entry, Instant time, String why) {
        long start = System.nanoTime();
        String name = "SCHEDULE " + entry.function.logicalId() + " " + entry.schedule.name() + " (" + why + ", " + time + ")";
        try {
            String result = target.fire(entry.function, entry.schedule, time);
            log(name + " ok " + millisSince(start) + " ms");
            return new Fired(entry.function.logicalId(), entry.schedule.name(), time, result);
        } catch (RuntimeException | LinkageError e) {
            log(name + " failed " + millisSince(start) + " ms (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            throw e;
        }
    }

    private void log(String line) {
        try {
            log.accept(line);
        } catch (RuntimeException ignored) {
            // The log is a courtesy; a broken one must not stop the schedules.
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Stops firing; waits a little for the firings under way. */
    @Override
    public void close() {
        ticker.shutdownNow();
        firings.shutdown();
        try {
            firings.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        firings.shutdownNow();
    }

    private static final class Entry {
        final FunctionSpec function;
        final ScheduleEvent schedule;
        final AtomicBoolean running = new AtomicBoolean();
        /** Written by the ticker thread only. */
        volatile Instant next;

        Entry(FunctionSpec function, ScheduleEvent schedule, Instant next) {
            this.function = function;
            this.schedule = schedule;
            this.next = next;
        }
    }
}
