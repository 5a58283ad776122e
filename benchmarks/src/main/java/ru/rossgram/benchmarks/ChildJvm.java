package ru.rossgram.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one fresh JVM with exactly the given environment (nothing inherited, as in a Lambda sandbox)
 * and collects its {@code key=value} output lines. Also notes, from the outside, when the first line
 * that starts with {@code marker} arrived (a cross-check of the probe's own clock), and how much CPU
 * other processes on the machine took meanwhile (needs the child to print its own {@code cpuMillis}).
 */
final class ChildJvm {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private ChildJvm() {
    }

    /** What one child printed; {@code values} merges every {@code key=value} pair of every line. */
    record Run(int exitCode, List<String> lines, Map<String, String> values, long wallMillis, long otherCpuMillis,
            Path stderr) {
        boolean ok() {
            return exitCode == 0 && !values.isEmpty();
        }

        long number(String key) {
            String value = values.get(key);
            return value == null ? -1 : Long.parseLong(value);
        }
    }

    static Run run(List<String> command, Map<String, String> environment, String marker, Path stderr)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);

        long busyBefore = MachineCpu.busyMillis();
        long selfBefore = MachineCpu.selfMillis();
        long started = System.nanoTime();
        Process process = builder.start();
        // A hung child must not hang the benchmark: its stdout closes once it is killed.
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }, "child-jvm-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        List<String> lines = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        long wallMillis = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("[")) {
                    continue; // the JVM's own logging (e.g. AppCDS warnings), which goes to stdout too
                }
                if (line.startsWith("{")) {
                    continue; // the function's own log lines (JSON), whose values may hold '='
                }
                if (wallMillis < 0 && line.startsWith(marker)) {
                    wallMillis = Math.round((System.nanoTime() - started) / 1_000_000.0);
                }
                lines.add(line);
                for (String pair : line.trim().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        values.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
        }
        int exit = process.waitFor();
        watchdog.join();
        long childCpu = values.containsKey("cpuMillis") ? Long.parseLong(values.get("cpuMillis")) : -1;
        long others = busyBefore < 0 || childCpu < 0 ? -1
                : Math.max(0, MachineCpu.busyMillis() - busyBefore - childCpu - (MachineCpu.selfMillis() - selfBefore));
        return new Run(exit, lines, values, wallMillis, others, stderr);
    }
}
