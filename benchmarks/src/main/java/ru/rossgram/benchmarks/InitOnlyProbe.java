package ru.rossgram.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Lambda's init phase alone: loads a handler class and calls its no-argument constructor, then prints
 * {@code initMillis=.. sinceJvmStartMillis=..}. No event, no engines needed (the SDK clients are built, not called),
 * so A/B runs of a lever that acts on init are quick: {@code java [flags] -cp <function jar>:<benchmarks jar>
 * ru.rossgram.benchmarks.InitOnlyProbe <handler class>} with the function's environment variables, in fresh JVMs,
 * variants alternated (docs/performance.md, "Each lever on its own").
 */
public final class InitOnlyProbe {
    private InitOnlyProbe() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length != 1) {
            System.err.println("usage: InitOnlyProbe <handler class>");
            System.exit(2);
        }
        long started = System.nanoTime();
        Class.forName(args[0]).getConstructor().newInstance();
        long initMillis = (System.nanoTime() - started) / 1_000_000;
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("initMillis=" + initMillis + " sinceJvmStartMillis=" + sinceJvmStart);
    }
}
