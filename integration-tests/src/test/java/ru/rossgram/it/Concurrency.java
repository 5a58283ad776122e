package ru.rossgram.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls released together from many threads, as many phones (or Lambda instances) make them at once. */
final class Concurrency {
    private static final long PATIENCE_SECONDS = 120;

    /** One of the calls; {@code index} says which. */
    @FunctionalInterface
    interface Call<T> {
        T call(int index) throws Exception;
    }

    private Concurrency() {
    }

    /** Runs {@code calls} calls, each on its own thread, and answers their results in order. */
    static <T> List<T> concurrently(int calls, Call<T> call) throws Exception {
        return concurrently(calls, calls, call);
    }

    /**
     * Runs {@code calls} calls on {@code threads} threads, released together, and answers their results in order;
     * throws (as an {@link java.util.concurrent.ExecutionException}) what a call threw.
     */
    static <T> List<T> concurrently(int threads, int calls, Call<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs every task at once, each on its own thread; throws what a task threw. */
    static void concurrently(List<Runnable> tasks) throws Exception {
        concurrently(tasks.size(), index -> {
            tasks.get(index).run();
            return null;
        });
    }
}
