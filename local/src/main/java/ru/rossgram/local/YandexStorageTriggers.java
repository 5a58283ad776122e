package ru.rossgram.local;

import ru.rossgram.localcloud.YandexTriggerSettings;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.rossgram.localcloud.ObjectCreated;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * Object Storage triggers of Yandex Cloud Functions for the template's functions: each S3 event of a function is one
 * trigger (its bucket, key prefix and suffix), and each object created that a trigger matches becomes a message of
 * that trigger's current batch. A batch goes to the function's Yandex class when it holds
 * {@link YandexTriggerSettings#batchSize()} messages or {@link YandexTriggerSettings#batchCutoff()} after its first
 * one; a call that fails is made again with the whole batch, up to {@link YandexTriggerSettings#retryAttempts()}
 * times, then the batch is dropped (no dead-letter queue here) and logged. Each call is one line of the event log.
 */
public final class YandexStorageTriggers implements StorageNotifications {
    /** How long {@link #close()} waits for calls under way. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final int THREADS = 4;

    private final List<Trigger> triggers;
    private final YandexFunctionRuntime functions;
    private final YandexTriggerSettings settings;
    private final Duration retryWait;
    private final Consumer<String> eventLog;
    private final ScheduledThreadPoolExecutor executor;

    /** Deliveries (for triggers: messages) accepted and not yet handled or given up. */
    private final InFlight inFlight = new InFlight();

    /**
     * Reads the template's S3 events as triggers; nothing is called until {@link #deliver} is.
     *
     * @param bucketNames a bucket's logical id to the physical name stored objects carry
     * @param retryWait   the wait before each repeated call here, e.g. {@link YandexTriggerSettings#localRetryInterval()}
     * @param eventLog    takes one line per call; it should not block
     * @throws IllegalArgumentException when an S3 event names something that is not a bucket of the template
     */
    public YandexStorageTriggers(SamTemplate template, Function<String, String> bucketNames, YandexFunctionRuntime functions,
                                 YandexTriggerSettings settings, Duration retryWait, Consumer<String> eventLog) {
        this.triggers = S3EventRoute.of(Objects.requireNonNull(template, "template"), bucketNames).stream()
                .map(Trigger::new).toList();
        this.functions = Objects.requireNonNull(functions, "functions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.retryWait = Objects.requireNonNull(retryWait, "retryWait");
        this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "storage-triggers-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Adds {@code object}'s message to the batch of every trigger it matches. After {@link #close()}, drops it. */
    @Override
    public void deliver(ObjectCreated object) {
        for (Trigger trigger : triggers) {
            if (!trigger.route.matches(object)) {
                continue;
            }
            if (!inFlight.begin(1)) {
                log("trigger " + trigger.name() + ": " + object.bucket() + "/" + object.key() + " dropped: triggers are stopped");
                continue;
            }
            trigger.add(object);
        }
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return inFlight.awaitNone(timeout);
    }

    /** Stops accepting, sends the batches still filling, waits up to {@link #CLOSE_GRACE}; see {@link #close(Duration)}. */
    @Override
    public void close() {
        close(CLOSE_GRACE);
    }

    /** Stops accepting, sends the batches still filling, waits up to {@code grace}, then abandons the rest, logging how many. */
    public void close(Duration grace) {
        inFlight.stop();
        triggers.forEach(Trigger::sendNow);
        int abandoned = inFlight.awaitSettled(grace);
        executor.shutdownNow();
        if (abandoned > 0) {
            log("Object Storage triggers: stopped with " + abandoned + " messages abandoned");
        }
    }

    private void schedule(Batch batch, int call, Duration delay) {
        try {
            executor.schedule(() -> call(batch, call), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log(batch.describe() + " call " + call + " dropped: triggers are stopped");
            inFlight.finish(batch.size());
        }
    }

    private void call(Batch batch, int call) {
        long start = System.nanoTime();
        try {
            functions.invoke(batch.trigger.route.function(), batch.eventJson);
            log(batch.describe() + " call " + call + " ok " + millisSince(start) + " ms");
            inFlight.finish(batch.size());
        } catch (VirtualMachineError e) {
            inFlight.finish(batch.size());
            throw e;
        } catch (Throwable e) {
            // Whatever the function does wrong fails the whole batch: an exception, an error, a failed init.
            String failure = batch.describe() + " call " + call + " failed " + millisSince(start) + " ms ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            if (call <= settings.retryAttempts()) {
                log(failure + "; the whole batch again in " + retryWait.toMillis() + " ms");
                schedule(batch, call + 1, retryWait);
            } else {
                log(failure + "; dropped after " + call + " calls (no dead-letter queue)");
                inFlight.finish(batch.size());
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

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** One trigger and the batch it is filling. */
    private final class Trigger {
        final S3EventRoute route;
        private final List<ObjectCreated> objects = new ArrayList<>();
        private final List<ObjectNode> messages = new ArrayList<>();
        private ScheduledFuture<?> cutoff;
        /** Counts the batches sent, so that a late cutoff of one batch never sends the next one early. */
        private long sent;

        Trigger(S3EventRoute route) {
            this.route = route;
        }

        String name() {
            return route.configurationId();
        }

        synchronized void add(ObjectCreated object) {
            objects.add(object);
            messages.add(YandexTriggerMessages.message(object));
            if (messages.size() >= settings.batchSize()) {
                sendNow();
            } else if (messages.size() == 1) {
                long batch = sent;
                try {
                    cutoff = executor.schedule(() -> cutOff(batch), settings.batchCutoff().toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException stopped) {
                    sendNow();
                }
            }
        }

        synchronized void cutOff(long batch) {
            if (batch == sent) {
                sendNow();
            }
        }

        /** Sends the batch being filled, if any: it is full, its cutoff came, or the triggers are closing. */
        synchronized void sendNow() {
            if (cutoff != null) {
                cutoff.cancel(false);
                cutoff = null;
            }
            if (messages.isEmpty()) {
                return;
            }
            Batch batch = new Batch(this, List.copyOf(objects), YandexTriggerMessages.batch(messages));
            objects.clear();
            messages.clear();
            sent++;
            schedule(batch, 1, Duration.ZERO);
        }
    }

    /** One call's messages, sent again as they are when a call fails. */
    private record Batch(Trigger trigger, List<ObjectCreated> objects, String eventJson) {
        int size() {
            return objects.size();
        }

        String describe() {
            return "trigger " + trigger.name() + " batch of " + size() + " ["
                    + objects.stream().map(o -> o.bucket() + "/" + o.key()).collect(Collectors.joining(", ")) + "] -> "
                    + trigger.route.function().logicalId();
        }
    }
}
