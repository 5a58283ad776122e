package ru.rossgram.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time the whole machine spent busy, from /proc/stat. Around a child run, busy time minus the
 * child's own CPU and this harness's (DynamoDB Local serving it) is what other processes took: on a
 * small shared machine that is the noise in a cold-start number, so each run reports it.
 */
final class MachineCpu {
    /** USER_HZ, which procfs counts in; 100 on every mainstream Linux. */
    private static final long MILLIS_PER_TICK = 10;

    private MachineCpu() {
    }

    /** Busy milliseconds since boot, all cores together; -1 where there is no /proc/stat. */
    static long busyMillis() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...: everything but idle and iowait.
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Waits until other processes have been using less than {@code maxOtherMillisPerSecond} of CPU for a
     * whole second, or until {@code maxWait} has passed.
     *
     * @return how long it waited
     */
    static Duration awaitQuiet(long maxOtherMillisPerSecond, Duration maxWait) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < maxWait.toNanos()) {
            long busy = busyMillis();
            long self = selfMillis();
            Thread.sleep(1_000);
            if (busy < 0 || busyMillis() - busy - (selfMillis() - self) < maxOtherMillisPerSecond) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** This process's CPU so far, all threads. */
    static long selfMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }
}
