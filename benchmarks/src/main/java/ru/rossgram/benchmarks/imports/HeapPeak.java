package ru.rossgram.benchmarks.imports;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This JVM's peak heap since {@link #start()}, two ways: the JVM's own peak of each heap pool, summed (an upper
 * bound: the pools peak at different moments, and a young pool's peak is garbage about to be collected), and the
 * largest heap in use seen by sampling every 100 ms; and the most left after collections. A collector that grows the
 * heap lazily fills whatever limit it is given, so the first two say more about the limit than the need: the third,
 * and whether a smaller limit still works, say what the import needs.
 */
final class HeapPeak implements AutoCloseable {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final AtomicLong sampledPeak = new AtomicLong();
    private final AtomicLong afterCollectionPeak = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    static HeapPeak start() {
        System.gc();
        HeapPeak peak = new HeapPeak();
        peak.pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        peak.sampler.scheduleAtFixedRate(peak::sample, 0, 100, TimeUnit.MILLISECONDS);
        return peak;
    }

    private void sample() {
        sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        afterCollectionPeak.accumulateAndGet(pools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                .filter(java.util.Objects::nonNull).mapToLong(java.lang.management.MemoryUsage::getUsed).sum(), Math::max);
    }

    /**
     * The most heap left in use just after a collection, each pool's last collection summed, as sampled: the
     * closest to the live set's high-water mark the JVM tells.
     */
    long afterCollection() {
        return afterCollectionPeak.get();
    }

    /** The heap pools' peaks since {@link #start()}, summed. */
    long poolPeaksSummed() {
        return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The old generation's peak (what survived collections: the live set's high-water mark, plus garbage not yet collected there). */
    long oldGenerationPeak() {
        return pools.stream().filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The most heap in use seen by sampling. */
    long sampled() {
        return sampledPeak.get();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
