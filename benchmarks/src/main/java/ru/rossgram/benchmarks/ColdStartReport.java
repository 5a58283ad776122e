package ru.rossgram.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.zip.ZipFile;
import ru.rossgram.benchmarks.ColdStartBenchmark.FlagSet;
import ru.rossgram.benchmarks.ColdStartBenchmark.Measurement;
import ru.rossgram.benchmarks.ColdStartBenchmark.Subject;

/** The Markdown that docs/performance.md quotes: machine, cold-start table, jar sizes, sign-up breakdown, Argon2. */
final class ColdStartReport {
    private final BenchmarkOptions options;
    private final List<Subject> subjects;
    private final List<FlagSet> flagSets;
    private final List<Measurement> measurements;
    private final Map<FlagSet, List<ChildJvm.Run>> breakdowns;
    private final String sampleCommand;
    private final Collection<String> environmentNames;
    private final int repeats;
    private final Duration waited;

    ColdStartReport(BenchmarkOptions options, List<Subject> subjects, List<FlagSet> flagSets, List<Measurement> measurements,
            Map<FlagSet, List<ChildJvm.Run>> breakdowns, String sampleCommand, Collection<String> environmentNames,
            int repeats, Duration waited) {
        this.options = options;
        this.subjects = subjects;
        this.flagSets = flagSets;
        this.measurements = measurements;
        this.breakdowns = breakdowns;
        this.sampleCommand = sampleCommand;
        this.environmentNames = environmentNames;
        this.repeats = repeats;
        this.waited = waited;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpuModel())
                .append("), ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(", ").append(System.getProperty("os.name"))
                .append(' ').append(System.getProperty("os.arch")).append(".\n\n");
        md.append("Each run is a fresh JVM: `").append(sampleCommand).append("`, environment: ")
                .append(String.join(", ", environmentNames)).append(".\n\n");

        md.append("Cold start, ms, as median / p90 / min of ").append(options.runs())
                .append(" runs (one discarded warm-up run per function and flag set before them). ")
                .append(options.maxOtherCpuMillis() < 0 ? "Runs were never repeated."
                        : "Each run started in a second when other processes used under 10% of a core (" + waited.toSeconds()
                        + " s spent waiting for such seconds), and a run during which they used more than "
                        + options.maxOtherCpuMillis() + " ms of CPU was repeated (at most " + ColdStartBenchmark.MAX_REPEATS
                        + " times): " + repeats + " repeat(s) in all, " + disturbedKept()
                        + " run(s) kept although still disturbed; see raw.txt.")
                .append("\n\n");
        md.append("| Function | JVM flags | JVM start to first response | init (constructor) | first invoke"
                + " | event read | JVM boot to main | second invoke (median) | classes loaded (median) | seen from outside (median)"
                + " | other processes' CPU per run (median / max) | 201s |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (FlagSet flags : flagSets) {
            for (Subject subject : subjects) {
                List<ChildJvm.Run> runs = measurements.stream()
                        .filter(m -> m.flags().equals(flags) && m.subject().equals(subject)).map(Measurement::run).toList();
                long created = runs.stream().filter(r -> "201".equals(r.values().get("status"))).count();
                long warmCreated = runs.stream().filter(r -> "201".equals(r.values().get("warmStatus"))).count();
                md.append("| ").append(subject.label()).append(" | ").append(flags.describe())
                        .append(" | **").append(stat(runs, r -> r.number("coldStartMillis")).cell()).append("**")
                        .append(" | ").append(stat(runs, r -> r.number("initMillis")).cell())
                        .append(" | ").append(stat(runs, r -> r.number("invokeMillis")).cell())
                        .append(" | ").append(stat(runs, r -> r.number("eventMillis")).medianCell())
                        .append(" | ").append(stat(runs, r -> r.number("jvmMillis")).medianCell())
                        .append(" | ").append(stat(runs, r -> r.number("warmInvokeMillis")).medianCell())
                        .append(" | ").append(stat(runs, r -> r.number("classes")).medianCell())
                        .append(" | ").append(stat(runs, ChildJvm.Run::wallMillis).medianCell())
                        .append(" | ").append(otherCpu(runs))
                        .append(" | ").append(created).append('/').append(runs.size())
                        .append(warmCreated == runs.size() ? "" : " (warm: " + warmCreated + ")").append(" |\n");
            }
        }

        md.append(failures());

        md.append("\nJars (what each measured classpath holds besides the probe):\n\n");
        md.append("| Jar | Size | Classes |\n|---|---|---|\n");
        for (Subject subject : subjects) {
            md.append(jarRow(subject.label(), subject.jar()));
        }
        md.append(jarRow("probe (ColdStartProbe + aws-lambda-java-serialization)", options.probeJar()));
        md.append(jarRow("Yandex probe (YandexColdStartProbe + jsoniter)", options.yandexProbeJar()));
        if (options.appCds()) {
            try (var archives = Files.list(options.out().resolve("cds"))) {
                archives.sorted().forEach(a -> md.append(String.format(Locale.ROOT, "| AppCDS archive (`%s`) | %.1f MB | - |%n",
                        a.getFileName(), a.toFile().length() / 1_000_000.0)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        if (breakdowns.values().stream().anyMatch(runs -> !runs.isEmpty())) {
            md.append(breakdownTable());
        }
        return md.toString();
    }

    private String breakdownTable() {
        StringBuilder md = new StringBuilder();
        Set<String> steps = new LinkedHashSet<>();
        breakdowns.values().stream().flatMap(List::stream).filter(ChildJvm.Run::ok).findFirst().ifPresent(
                run -> run.values().keySet().stream().filter(k -> k.endsWith("Millis") && !k.equals("cpuMillis")).forEach(steps::add));
        md.append("\nSign-up, step by step (`SignUpInitBreakdown`, same jar and environment; ms, median of ")
                .append(options.breakdownRuns()).append(" fresh JVMs; each step pays for the class loading the steps before it did not;"
                        + " other processes' CPU per run, median / max: ")
                .append(otherCpu(breakdowns.values().stream().flatMap(List::stream).toList())).append("):\n\n");
        md.append("| Step |");
        List<FlagSet> measured = new ArrayList<>(breakdowns.keySet());
        measured.forEach(f -> md.append(' ').append(f.describe()).append(" |"));
        md.append("\n|---|");
        measured.forEach(f -> md.append("---|"));
        md.append('\n');
        for (String step : steps) {
            md.append("| ").append(step.substring(0, step.length() - "Millis".length())).append(" |");
            for (FlagSet flags : measured) {
                md.append(' ').append(stat(breakdowns.getOrDefault(flags, List.of()), r -> r.number(step)).medianCell()).append(" |");
            }
            md.append('\n');
        }
        breakdowns.values().stream().flatMap(List::stream).filter(ChildJvm.Run::ok).findFirst().ifPresent(run -> md
                .append("\nArgon2id settings the function ran with: m=").append(run.values().get("argon2MemoryKib"))
                .append(" KiB, t=").append(run.values().get("argon2Iterations")).append(", p=")
                .append(run.values().get("argon2Parallelism"))
                .append(". `contextStart` is the Micronaut context with the handler's settings but no eager singletons;"
                        + " `passwordHasher` is PasswordHasher's constructor, whose decoy hash is the first Argon2 hash in the JVM;"
                        + " `initTotal` runs from main() to the last bean; `signUp` is AccountRegistrar.signUp (validation,"
                        + " one Argon2 hash, ids, JWT, the first DynamoDB transaction); `argon2Second` is the next hash after"
                        + " the constructor's, `argon2Warm` the median of 5 more after the sign-up.\n"));
        return md.toString();
    }

    /** For each function that failed in some run, the first failure's cause, so a broken jar is not just a dash. */
    private String failures() {
        StringBuilder md = new StringBuilder();
        for (Subject subject : subjects) {
            measurements.stream().filter(m -> m.subject().equals(subject) && !m.run().ok()).findFirst().ifPresent(m -> {
                long failed = measurements.stream().filter(x -> x.subject().equals(subject) && !x.run().ok()).count();
                md.append("\n**").append(subject.label()).append(" failed in ").append(failed).append(" run(s)**; first cause (")
                        .append(m.run().stderr().getFileName()).append("): `").append(firstError(m.run().stderr())).append("`\n");
            });
        }
        return md.toString();
    }

    private static String firstError(Path stderr) {
        try {
            List<String> lines = Files.readAllLines(stderr);
            return lines.stream().filter(l -> l.startsWith("Message:")).findFirst()
                    .or(() -> lines.stream().filter(l -> l.contains("Exception")).findFirst())
                    .orElse("exit code only, no stderr").trim();
        } catch (IOException e) {
            return "stderr unreadable: " + e.getMessage();
        }
    }

    private long disturbedKept() {
        return measurements.stream().filter(m -> m.run().otherCpuMillis() > options.maxOtherCpuMillis()).count()
                + breakdowns.values().stream().flatMap(List::stream)
                        .filter(r -> r.otherCpuMillis() > options.maxOtherCpuMillis()).count();
    }

    /** "median / max" of the CPU other processes took during each run. */
    private static String otherCpu(List<ChildJvm.Run> runs) {
        List<Long> all = runs.stream().map(ChildJvm.Run::otherCpuMillis).filter(v -> v >= 0).sorted().toList();
        return all.isEmpty() ? "-" : all.get((all.size() - 1) / 2) + " / " + all.get(all.size() - 1);
    }

    private static Percentiles stat(List<ChildJvm.Run> runs, ToLongFunction<ChildJvm.Run> metric) {
        List<Long> values = new ArrayList<>();
        for (ChildJvm.Run run : runs) {
            long value = run.ok() ? metric.applyAsLong(run) : -1;
            if (value >= 0) {
                values.add(value);
            }
        }
        return Percentiles.of(values);
    }

    private static String jarRow(String label, Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            long classes = zip.stream().filter(e -> e.getName().endsWith(".class")).count();
            return String.format(Locale.ROOT, "| %s (`%s`) | %.1f MB | %d |%n", label, jar.getFileName(),
                    Files.size(jar) / 1_000_000.0, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
