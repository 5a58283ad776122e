package ru.rossgram.shared.dynamo;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Independent reads sent at once instead of one after another, so a request that needs several of them waits for
 * one round trip, not for their sum. The SDK's sync clients are thread-safe; the threads are made once per
 * container and only as they are needed.
 */
@Singleton
public class ConcurrentReads {
    /** More would only queue behind the HTTP client's connections on a one- or two-vCPU function. */
    private static final int THREADS = 16;

    /**
     * Threads made as reads need them, kept a minute once idle. When all are busy the caller runs the read itself
     * instead of queueing it: a read may itself read concurrently (a feed page's batch read, on a pool thread, sends
     * its 100-key calls at once), and with a queue, enough such reads at once (the local runner serving many
     * requests) could each hold a thread while waiting for queued work no thread is left to run.
     */
    private final ExecutorService threads = new ThreadPoolExecutor(0, THREADS, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new DaemonThreads(), new ThreadPoolExecutor.CallerRunsPolicy());

    /**
     * Applies {@code read} to every input, concurrently when there are several.
     *
     * @return the results, in the inputs' order
     * @throws RuntimeException whatever a read threw (the first in input order), unwrapped
     */
    public <T, R> List<R> map(List<T> inputs, Function<T, R> read) {
        if (inputs.size() <= 1) {
            return inputs.stream().map(read).toList();
        }
        List<CompletableFuture<R>> futures = new ArrayList<>();
        inputs.forEach(input -> futures.add(CompletableFuture.supplyAsync(() -> read.apply(input), threads)));
        List<R> results = new ArrayList<>();
        futures.forEach(future -> results.add(join(future)));
        return results;
    }

    /** Two different reads at once: {@code first} on a pool thread, {@code second} on the caller's. */
    public <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
        CompletableFuture<A> firstResult = CompletableFuture.supplyAsync(first, threads);
        B secondResult = second.get();
        return new Both<>(join(firstResult), secondResult);
    }

    /** What {@link #both} read. */
    public record Both<A, B>(A first, B second) {
    }

    private static <R> R join(CompletableFuture<R> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "concurrent-reads-" + count.incrementAndGet());
            thread.setDaemon(true); // a frozen or ending container must not wait for idle readers
            return thread;
        }
    }
}
