package ru.rossgram.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * The lines every cold-start probe prints, whichever platform's runtime it plays, so the harness and the report read
 * them alike: {@code coldStartMillis=.. status=.. initMillis=.. invokeMillis=..}, then the warm call, then the CPU.
 */
final class ProbeLines {
    private ProbeLines() {
    }

    /**
     * @param mainEntered wall-clock millis when main() began
     * @param constructing nanos before the entry class was constructed (init starts)
     * @param eventRead nanos after init and after the event was read (invoke starts)
     * @param answered nanos after the first call returned
     * @param firstResponse wall-clock millis once the answer was serialised
     */
    static void firstCall(long mainEntered, long constructing, long constructed, long eventRead, long answered,
            long firstResponse, Object status, byte[] response) {
        int responseBytes = response.length;
        // Read only now: loading java.lang.management must not count towards the start it measures.
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.println("coldStartMillis=" + (firstResponse - jvmStart)
                + " status=" + status
                + " initMillis=" + millis(constructed - constructing)
                + " invokeMillis=" + millis(answered - eventRead)
                + " jvmMillis=" + (mainEntered - jvmStart)
                + " eventMillis=" + millis(eventRead - constructed)
                + " responseBytes=" + responseBytes
                + " classes=" + classes);
        refused(status, response);
    }

    static void warmCall(long startedNanos, long answeredNanos, Object status, byte[] response) {
        System.out.println("warmInvokeMillis=" + millis(answeredNanos - startedNanos) + " warmStatus=" + status);
        refused(status, response);
    }

    /** Shows an answer that is not 2xx on stderr, where the harness looks when it stops on it. */
    static void refused(Object status, byte[] response) {
        if (!String.valueOf(status).startsWith("2")) {
            System.err.println("answered " + status + ": " + new String(response, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * Prints the CPU this JVM used, after everything measured (it lets the harness tell this JVM's CPU from other
     * processes' on the machine), and exits: a container is frozen, not shut down, so the framework's threads are
     * not waited for.
     */
    static void finish() {
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        System.out.println("cpuMillis=" + cpu);
        System.out.flush();
        System.exit(0);
    }

    private static String millis(long nanos) {
        return Long.toString(Math.round(nanos / 1_000_000.0));
    }
}
