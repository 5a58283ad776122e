package ru.rossgram.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of {@link ColdStartBenchmark}; paths default to the usual places under the repository root
 * (the directory of template.yaml).
 *
 * @param runs          measured cold starts per subject and flag set
 * @param functions     the functions to measure (names of functions/ modules), in report order
 * @param variants      other builds of the function jars, label to a directory of {@code <fn>-lambda.jar} files,
 *                      measured as extra subjects beside the template's
 * @param jvmDefaults   also measure with the JVM's default flags (the template's flags always)
 * @param breakdownRuns runs of the step-by-step sign-up probe per flag set (0 skips it; only with sign-up measured)
 * @param maxOtherCpuMillis a run during which other processes used more CPU than this is repeated; -1 never
 * @param appCds        also measure the template's flags plus an AppCDS archive of each subject
 * @param out           where event copies, child logs and the report go
 * @param bareJar       the bare handlers' shaded jar
 * @param probeJar      the jar holding {@link ColdStartProbe}
 * @param yandexProbeJar the jar holding {@link YandexColdStartProbe}
 * @param initProbeJar  the jar holding {@link SignUpInitBreakdown}
 */
record BenchmarkOptions(int runs, List<String> functions, Map<String, Path> variants, boolean jvmDefaults, int breakdownRuns,
        long maxOtherCpuMillis, boolean appCds, Path out, Path bareJar, Path probeJar, Path yandexProbeJar, Path initProbeJar) {
    static final String USAGE = "usage: ColdStartBenchmark [--runs N (5)] [--functions sign-up,feed,... (all: "
            + String.join(",", FirstRequests.ALL) + ")] [--variant LABEL=DIR]... [--jvm-defaults] [--breakdown-runs N (3)]"
            + " [--max-other-cpu MS (300, -1: off)] [--app-cds] [--out DIR] [--bare-jar JAR] [--probe-jar JAR]"
            + " [--yandex-probe-jar JAR] [--init-probe-jar JAR]";

    static BenchmarkOptions parse(String[] args, Path root) {
        Path target = root.resolve("benchmarks/target");
        int runs = 5;
        List<String> functions = FirstRequests.ALL;
        Map<String, Path> variants = new LinkedHashMap<>();
        boolean jvmDefaults = false;
        int breakdownRuns = 3;
        long maxOtherCpuMillis = 300;
        boolean appCds = false;
        Path out = target.resolve("cold-start");
        Path bareJar = target.resolve("bare-handlers.jar");
        Path probeJar = target.resolve("cold-start-probe.jar");
        Path yandexProbeJar = target.resolve("yandex-cold-start-probe.jar");
        Path initProbeJar = target.resolve("sign-up-init-probe.jar");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--app-cds")) {
                appCds = true;
                continue;
            }
            if (name.equals("--jvm-defaults")) {
                jvmDefaults = true;
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(name + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--runs" -> runs = positive(name, value, 1);
                case "--functions" -> functions = functions(value);
                case "--variant" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0 || eq == value.length() - 1) {
                        throw new IllegalArgumentException("--variant wants LABEL=DIR; " + USAGE);
                    }
                    variants.put(value.substring(0, eq), Path.of(value.substring(eq + 1)).toAbsolutePath());
                }
                case "--breakdown-runs" -> breakdownRuns = positive(name, value, 0);
                case "--max-other-cpu" -> maxOtherCpuMillis = Math.max(-1, Long.parseLong(value));
                case "--out" -> out = Path.of(value);
                case "--bare-jar" -> bareJar = Path.of(value);
                case "--probe-jar" -> probeJar = Path.of(value);
                case "--yandex-probe-jar" -> yandexProbeJar = Path.of(value);
                case "--init-probe-jar" -> initProbeJar = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
            }
        }
        return new BenchmarkOptions(runs, functions, java.util.Collections.unmodifiableMap(variants), jvmDefaults, breakdownRuns, maxOtherCpuMillis,
                appCds, out.toAbsolutePath(), bareJar.toAbsolutePath(), probeJar.toAbsolutePath(),
                yandexProbeJar.toAbsolutePath(), initProbeJar.toAbsolutePath());
    }

    private static List<String> functions(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            String trimmed = name.trim();
            if (!FirstRequests.ALL.contains(trimmed)) {
                throw new IllegalArgumentException("--functions: no first request is known for '" + trimmed + "'; known: "
                        + String.join(",", FirstRequests.ALL));
            }
            names.add(trimmed);
        }
        return List.copyOf(names);
    }

    private static int positive(String name, String value, int min) {
        int n = Integer.parseInt(value);
        if (n < min) {
            throw new IllegalArgumentException(name + " must be at least " + min);
        }
        return n;
    }
}
