package ru.rossgram.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import ru.rossgram.benchmarks.ColdStartBenchmark.FlagSet;
import ru.rossgram.benchmarks.ColdStartBenchmark.Measurement;
import ru.rossgram.benchmarks.ColdStartBenchmark.Subject;

/**
 * The Markdown that docs/performance.md quotes: machine, one cold-start table per flag set (each function's AWS
 * handler, Yandex entry point and variants beside its bare handler, with the ratio to it, the Argon2 hash in its own
 * column and the ratio without it), the requests each first call makes, jar sizes, and the sign-up breakdown.
 */
final class ColdStartReport {
    private final BenchmarkOptions options;
    private final List<Subject> subjects;
    private final List<FlagSet> flagSets;
    private final List<Measurement> measurements;
    private final List<FirstRequestCheck.Result> checks;
    private final Map<FlagSet, List<ChildJvm.Run>> breakdowns;
    private final String sampleCommand;
    private final int repeats;
    private final Duration waited;

    ColdStartReport(BenchmarkOptions options, List<Subject> subjects, List<FlagSet> flagSets, List<Measurement> measurements,
            List<FirstRequestCheck.Result> checks, Map<FlagSet, List<ChildJvm.Run>> breakdowns, String sampleCommand,
            int repeats, Duration waited) {
        this.options = options;
        this.subjects = subjects;
        this.flagSets = flagSets;
        this.measurements = measurements;
        this.checks = checks;
        this.breakdowns = breakdowns;
        this.sampleCommand = sampleCommand;
        this.repeats = repeats;
        this.waited = waited;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpuModel())
                .append("), ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(", ").append(System.getProperty("os.name"))
                .append(' ').append(System.getProperty("os.arch")).append(".\n\n");
        md.append("Each run is a fresh JVM, e.g. `").append(sampleCommand)
                .append("`, with the function's environment from the template (the bare handler gets its function's).\n\n");
        md.append("Cold start, ms, as median / p90 / min of ").append(options.runs())
                .append(" runs (one discarded warm-up run per subject and flag set before them; the order rotated between runs). ")
                .append(options.maxOtherCpuMillis() < 0 ? "Runs were never repeated."
                        : "Each run started in a second when other processes used under 10% of a core (" + waited.toSeconds()
                        + " s spent waiting for such seconds), and a run during which they used more than "
                        + options.maxOtherCpuMillis() + " ms of CPU was repeated (at most " + ColdStartBenchmark.MAX_REPEATS
                        + " times): " + repeats + " repeat(s) in all, " + disturbedKept()
                        + " run(s) kept although still disturbed; see raw.txt.")
                .append(" *x bare* is the median JVM start to first response over the bare handler's, in this run;"
                        + " *Argon2* is the bare handler's one hash (median), and *x bare without Argon2* is"
                        + " (ours - Argon2) / (bare - Argon2). The bare handler runs under the AWS probe, so its *event read* is"
                        + " the Lambda runtime's Jackson; the Yandex rows read their event with jsoniter, a few hundred ms less,"
                        + " which their ratio to the same bare handler does not correct.\n\n");
        for (FlagSet flags : flagSets) {
            md.append("#### JVM flags: ").append(flags.describe()).append("\n\n");
            md.append("| Function | Entry | JVM start to first response | init | first invoke | event read | second invoke"
                    + " | classes loaded | Argon2 | jar | x bare | x bare without Argon2 | other processes' CPU (median / max) |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Subject subject : subjects) {
                List<ChildJvm.Run> runs = runs(flags, subject);
                Subject bare = subjects.stream().filter(s -> s.bare() && s.function() == subject.function()).findFirst().orElseThrow();
                long ours = stat(runs, r -> r.number("coldStartMillis")).median();
                long bareMillis = stat(runs(flags, bare), r -> r.number("coldStartMillis")).median();
                long hash = subject.function().hashesPassword ? stat(runs(flags, bare), r -> r.number("argon2Millis")).median() : -1;
                md.append("| ").append(subject.function().name)
                        .append(" | ").append(subject.bare() ? "bare handler" : subject.kind() + (subject.variant() == null ? "" : " [" + subject.variant() + "]"))
                        .append(" | **").append(stat(runs, r -> r.number("coldStartMillis")).cell()).append("**")
                        .append(" | ").append(stat(runs, r -> r.number("initMillis")).cell())
                        .append(" | ").append(stat(runs, r -> r.number("invokeMillis")).cell())
                        .append(" | ").append(stat(runs, r -> r.number("eventMillis")).medianCell())
                        .append(" | ").append(stat(runs, r -> r.number("warmInvokeMillis")).medianCell())
                        .append(" | ").append(stat(runs, r -> r.number("classes")).medianCell())
                        .append(" | ").append(subject.bare() && hash >= 0 ? Long.toString(hash) : "-")
                        .append(" | ").append(jarSize(subject.jar()))
                        .append(" | ").append(subject.bare() ? "1.00x" : ColdStartRatios.cell(ColdStartRatios.ratio(ours, bareMillis)))
                        .append(" | ").append(subject.bare() || hash < 0 ? "-"
                                : ColdStartRatios.cell(ColdStartRatios.ratioWithoutHash(ours, bareMillis, hash)))
                        .append(" | ").append(otherCpu(runs)).append(" |\n");
            }
            md.append('\n');
        }

        md.append("The requests of each first call, counted in the harness's JVM (the real function in a fresh instance and"
                + " the bare handler, same engines, same kind of event; presigning sends nothing and is not counted):\n\n");
        md.append("| Function | real function | bare handler | same |\n|---|---|---|---|\n");
        for (FirstRequestCheck.Result check : checks) {
            md.append("| ").append(check.function().name).append(" | ").append(operations(check.real()))
                    .append(" | ").append(operations(check.bare())).append(" | ").append(check.same() ? "yes" : "**no**").append(" |\n");
        }

        md.append("\nJars: the bare handlers share one (`").append(options.bareJar().getFileName()).append("`, ")
                .append(jarSize(options.bareJar())).append(": the handlers, Lambda core and events, SDK DynamoDB and S3 with"
                        + " url-connection-client, password4j); probe ").append(jarSize(options.probeJar()))
                .append(", Yandex probe ").append(jarSize(options.yandexProbeJar())).append(".\n");
        if (options.appCds()) {
            try (var archives = Files.list(options.out().resolve("cds"))) {
                archives.sorted().forEach(a -> md.append(String.format(Locale.ROOT, "AppCDS archive `%s`: %.1f MB.%n",
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

    private List<ChildJvm.Run> runs(FlagSet flags, Subject subject) {
        return measurements.stream().filter(m -> m.flags().equals(flags) && m.subject().equals(subject))
                .map(Measurement::run).toList();
    }

    private static String operations(FirstRequestCheck.Sent sent) {
        return sent.operations().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", ")) + " (" + sent.status() + ")";
    }

    private static String jarSize(Path jar) {
        try {
            return String.format(Locale.ROOT, "%.1f MB", Files.size(jar) / 1_000_000.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
