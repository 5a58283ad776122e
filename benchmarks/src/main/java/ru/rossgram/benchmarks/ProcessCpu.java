package ru.rossgram.benchmarks;

import java.lang.management.ManagementFactory;

/** The CPU this JVM has used, which lets the harness tell a probe's CPU from other processes' on the machine. */
final class ProcessCpu {
    private ProcessCpu() {
    }

    static long millis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }
}
