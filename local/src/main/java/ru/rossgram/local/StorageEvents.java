package ru.rossgram.local;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.ObjectCreated;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * S3 event notifications for the template's functions: each stored object is matched against every
 * function's S3 events (bucket, event type, key prefix and suffix), and each function that matches is
 * invoked with the notification S3 would send, asynchronously and with Lambda's retries for
 * asynchronous invocations: an attempt that throws is retried twice, after the delays of a
 * {@link RetryDelays}, then given up. Each attempt is reported as one line to an event log.
 *
 * <pre>{@code
 * StorageEvents events = new StorageEvents(cloud.template(), cloud::physicalName, host,
 *         RetryDelays.local(), cloud.region(), System.out::println);
 * cloud.onObjectCreated(events::deliver);
 * }</pre>
 */
public final class StorageEvents implements StorageNotifications {

    /** Attempts per event and function: the first and Lambda's default two retries. */
    public static final int MAX_ATTEMPTS = 3;
    /** How long {@link #close()} waits for deliveries under way. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final int THREADS = 4;

    private final List<S3EventRoute> routes;
    private final FunctionHost functions;
    private final Duration[] retryDelays;
    private final String region;
    private final Consumer<String> eventLog;
    private final ScheduledThreadPoolExecutor executor;
    private final SecureRandom random = new SecureRandom();
    // Seeded from the clock so that sequencers keep growing across restarts on a persistent bucket.
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() << 16);

    /** Deliveries (for triggers: messages) accepted and not yet handled or given up. */
    private final InFlight inFlight = new InFlight();

    /**
     * Reads the template's S3 events; nothing is delivered until {@link #deliver} is called.
     *
     * @param template the functions and their S3 events
     * @param bucketNames a bucket's logical id to the physical name stored objects carry, e.g.
     *     {@code LocalCloud::physicalName}
     * @param functions hosts and invokes the functions
     * @param retryDelays the waits before the second and third attempts
     * @param region the region events name in {@code awsRegion}
     * @param eventLog takes one line per delivery attempt; it should not block
     * @throws IllegalArgumentException when an S3 event names something that is not a bucket of the
     *     template, or {@code retryDelays} gives a null or negative delay
     */
    public StorageEvents(SamTemplate template, Function<String, String> bucketNames, FunctionHost functions,
            RetryDelays retryDelays, String region, Consumer<String> eventLog) {
        this.routes = S3EventRoute.of(Objects.requireNonNull(template, "template"),
                Objects.requireNonNull(bucketNames, "bucketNames"));
        this.functions = Objects.requireNonNull(functions, "functions");
        this.retryDelays = delays(Objects.requireNonNull(retryDelays, "retryDelays"));
        this.region = Objects.requireNonNull(region, "region");
        this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "storage-events-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static Duration[] delays(RetryDelays policy) {
        Duration[] delays = new Duration[MAX_ATTEMPTS - 1];
        for (int retry = 1; retry < MAX_ATTEMPTS; retry++) {
            Duration delay = policy.before(retry);
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("retry delay " + retry + " must be zero or positive, was " + delay);
            }
            delays[retry - 1] = delay;
        }
        return delays;
    }

    /**
     * Schedules an invocation of every function subscribed to this object's bucket, event type and
     * key, and returns at once. The deliveries count as under way (see {@link #awaitIdle}) before
     * this method returns. After {@link #close()}, the deliveries are dropped and logged instead.
     *
     * @param object an object that landed in a bucket
     */
    @Override
    public void deliver(ObjectCreated object) {
        List<S3EventRoute> matching = routes.stream().filter(route -> route.matches(object)).toList();
        if (matching.isEmpty()) {
            return;
        }
        // One request, one event: every function notified sees the same ids and sequencer, as from S3.
        S3EventJson.EventIds ids = new S3EventJson.EventIds(randomHex(8), randomBase64(56),
                String.format("%018X", sequencer.incrementAndGet()));
        for (S3EventRoute route : matching) {
            Delivery delivery = new Delivery(route.function(), object,
                    S3EventJson.of(object, region, route.configurationId(), ids));
            if (!inFlight.begin(1)) {
                log(delivery.describe() + " dropped: storage events are stopped");
                continue;
            }
            schedule(delivery, 1, Duration.ZERO);
        }
    }

    /**
     * Waits until no delivery is under way: every scheduled attempt has run and every retry is done or
     * given up.
     *
     * @param timeout the longest to wait
     * @return true when idle, false when the timeout passed first
     * @throws InterruptedException when interrupted while waiting
     */
    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return inFlight.awaitNone(timeout);
    }

    /** Stops accepting, then waits up to {@link #CLOSE_GRACE} for deliveries under way; see {@link #close(Duration)}. */
    @Override
    public void close() {
        close(CLOSE_GRACE);
    }

    /**
     * Stops accepting deliveries, waits up to {@code grace} for those under way (retries included),
     * then abandons the rest, logging how many. Calling it again only waits again.
     *
     * @param grace the longest to wait for deliveries under way
     */
    public void close(Duration grace) {
        inFlight.stop();
        int abandoned = inFlight.awaitSettled(grace);
        executor.shutdownNow();
        if (abandoned > 0) {
            log("S3 events: stopped with " + abandoned + " deliveries abandoned");
        }
    }

    private void schedule(Delivery delivery, int attempt, Duration delay) {
        try {
            executor.schedule(() -> attempt(delivery, attempt), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log(delivery.describe() + " attempt " + attempt + " dropped: storage events are stopped");
            inFlight.finish(1);
        }
    }

    private void attempt(Delivery delivery, int attempt) {
        long start = System.nanoTime();
        try {
            functions.invoke(delivery.function(), delivery.eventJson());
            log(delivery.describe() + " attempt " + attempt + " ok " + millisSince(start) + " ms");
            inFlight.finish(1);
        } catch (VirtualMachineError e) {
            inFlight.finish(1);
            throw e;
        } catch (Throwable e) {
            // Lambda retries whatever the function does wrong: an exception, an error, a failed init.
            String failure = delivery.describe() + " attempt " + attempt + " failed " + millisSince(start) + " ms ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            if (attempt < MAX_ATTEMPTS) {
                Duration delay = retryDelays[attempt - 1];
                log(failure + "; retrying in " + delay.toMillis() + " ms");
                schedule(delivery, attempt + 1, delay);
            } else {
                log(failure + "; giving up after " + MAX_ATTEMPTS + " attempts");
                inFlight.finish(1);
            }
        }
    }

    private void log(String line) {
        try {
            eventLog.accept(line);
        } catch (RuntimeException ignored) {
            // The log is a courtesy; a broken one must not stop deliveries.
        }
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().withUpperCase().formatHex(value);
    }

    private String randomBase64(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** One event on its way to one function. */
    private record Delivery(FunctionSpec function, ObjectCreated object, String eventJson) {
        String describe() {
            return "S3 " + object.eventName() + " " + object.bucket() + "/" + object.key() + " -> "
                    + function.logicalId();
        }
    }
}
