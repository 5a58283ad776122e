package ru.rossgram.imaging;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one decode on a worker thread with a time limit, and measures what it allocated on that thread. A hung
 * worker is abandoned (interrupted, daemon) and a fresh one takes over, so one hang cannot stall the fuzzer.
 */
final class DecodeGuard implements AutoCloseable {
    /** What a decode did: its outcome, the bytes its thread allocated, and the error if it was not allowed. */
    record Outcome(Kind kind, long allocatedBytes, Throwable error) {
        boolean allowed() {
            return kind == Kind.IMAGE || kind == Kind.DECLINED || kind == Kind.REJECTED;
        }
    }

    enum Kind { IMAGE, DECLINED, REJECTED, FAILED, TIMED_OUT }

    /** A decode that either gives an image (present), declines (empty), or refuses with our exception. */
    interface Decode {
        Optional<?> run() throws ImageRejectedException;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Duration limit;
    private ExecutorService worker = newWorker();

    DecodeGuard(Duration limit) {
        this.limit = limit;
    }

    Outcome run(Decode decode) {
        Future<Outcome> future = worker.submit(() -> measured(decode));
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return new Outcome(Kind.TIMED_OUT, -1, new AssertionError("no answer within " + limit.toMillis() + " ms"));
        } catch (ExecutionException e) {
            return new Outcome(Kind.FAILED, -1, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Outcome measured(Decode decode) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Kind kind;
        Throwable error = null;
        try {
            kind = decode.run().isPresent() ? Kind.IMAGE : Kind.DECLINED;
        } catch (ImageRejectedException expected) {
            kind = Kind.REJECTED;
        } catch (Throwable unexpected) { // OutOfMemoryError and StackOverflowError included: that is the finding
            kind = Kind.FAILED;
            error = unexpected;
        }
        return new Outcome(kind, THREADS.getCurrentThreadAllocatedBytes() - before, error);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fuzz-decode");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
