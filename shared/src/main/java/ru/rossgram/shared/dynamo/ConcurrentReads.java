package ru.rossgram.shared.dynamo;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Independent reads sent at once instead of one after another, so a request that needs several of them waits for
 * one round trip, not for their sum. The SDK's sync clients are thread-safe; the threads are made once per
 * container and only as they are needed.
 */
@Singleton
public class ConcurrentReads {
    /** More would only queue behind the HTTP client's connections on a one- or two-vCPU function. */
    private static final int THREADS = 8;

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, new DaemonThreads());

    /**
     * Applies {@code read} to every key, concurrently when there are several.
     *
     * @return each key's result, in the keys' order
     * @throws RuntimeException whatever a read threw (the first in key order), unwrapped
     */
    public <K, V> Map<K, V> each(Collection<K> keys, Function<K, V> read) {
        Map<K, V> results = new LinkedHashMap<>();
        if (keys.size() <= 1) {
            keys.forEach(key -> results.put(key, read.apply(key)));
            return results;
        }
        List<K> ordered = new ArrayList<>(keys);
        List<CompletableFuture<V>> futures = new ArrayList<>();
        ordered.forEach(key -> futures.add(CompletableFuture.supplyAsync(() -> read.apply(key), threads)));
        for (int i = 0; i < ordered.size(); i++) {
            try {
                results.put(ordered.get(i), futures.get(i).join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
        return results;
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
