package ru.rossgram.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@link ColdStartBenchmark}; paths default to the usual places under the
 * repository root (the directory of template.yaml).
 *
 * @param runs          measured cold starts per function and flag set
 * @param signUpJar     the sign-up jar to measure; null means the template's CodeUri (the deployable jar)
 * @param otherSignUpJars other builds of the sign-up jar, each measured through its AWS handler in the same run
 *                      (a before and after of a build change, alternated with the rest); may be empty
 * @param breakdownRuns runs of the step-by-step sign-up probe per flag set (0 skips it)
 * @param maxOtherCpuMillis a run during which other processes used more CPU than this is repeated; -1 never
 * @param appCds        also measure the template's flags plus an AppCDS archive of each function
 * @param out           where event copies, child logs and the report go
 * @param bareJar       the baseline's shaded jar
 * @param probeJar      the jar holding {@link ColdStartProbe}
 * @param yandexProbeJar the jar holding {@link YandexColdStartProbe}
 * @param initProbeJar  the jar holding {@link SignUpInitBreakdown}
 * @param event         the sample sign-up event that each run's copy starts from
 * @param yandexEvent   the same sign-up as Yandex API Gateway's payload 1.0 event, for the Yandex entry point
 */
record BenchmarkOptions(int runs, Path signUpJar, List<Path> otherSignUpJars, int breakdownRuns, long maxOtherCpuMillis, boolean appCds, Path out, Path bareJar, Path probeJar, Path yandexProbeJar, Path initProbeJar, Path event, Path yandexEvent) {
    static final String USAGE = "usage: ColdStartBenchmark [--runs N (10)] [--breakdown-runs N (5)] [--max-other-cpu MS (300, -1: off)] [--app-cds] [--out DIR]"
            + " [--sign-up-jar JAR] [--other-sign-up-jar JAR]... [--bare-jar JAR] [--probe-jar JAR] [--yandex-probe-jar JAR] [--init-probe-jar JAR] [--event FILE] [--yandex-event FILE]";

    static BenchmarkOptions parse(String[] args, Path root) {
        Path target = root.resolve("benchmarks/target");
        int runs = 10;
        int breakdownRuns = 5;
        Path signUpJar = null;
        List<Path> otherSignUpJars = new ArrayList<>();
        long maxOtherCpuMillis = 300;
        boolean appCds = false;
        Path out = target.resolve("cold-start");
        Path bareJar = target.resolve("bare-sign-up-lambda.jar");
        Path probeJar = target.resolve("cold-start-probe.jar");
        Path yandexProbeJar = target.resolve("yandex-cold-start-probe.jar");
        Path initProbeJar = target.resolve("sign-up-init-probe.jar");
        Path event = root.resolve("events/sign-up/new-account.json");
        Path yandexEvent = root.resolve("events/sign-up/yandex-new-account.json");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--app-cds")) {
                appCds = true;
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(name + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--runs" -> runs = positive(name, value, 1);
                case "--breakdown-runs" -> breakdownRuns = positive(name, value, 0);
                case "--max-other-cpu" -> maxOtherCpuMillis = Math.max(-1, Long.parseLong(value));
                case "--out" -> out = Path.of(value);
                case "--sign-up-jar" -> signUpJar = Path.of(value).toAbsolutePath();
                case "--other-sign-up-jar" -> otherSignUpJars.add(Path.of(value).toAbsolutePath());
                case "--bare-jar" -> bareJar = Path.of(value);
                case "--probe-jar" -> probeJar = Path.of(value);
                case "--yandex-probe-jar" -> yandexProbeJar = Path.of(value);
                case "--init-probe-jar" -> initProbeJar = Path.of(value);
                case "--event" -> event = Path.of(value);
                case "--yandex-event" -> yandexEvent = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
            }
        }
        return new BenchmarkOptions(runs, signUpJar, List.copyOf(otherSignUpJars), breakdownRuns, maxOtherCpuMillis, appCds, out.toAbsolutePath(), bareJar.toAbsolutePath(),
                probeJar.toAbsolutePath(), yandexProbeJar.toAbsolutePath(), initProbeJar.toAbsolutePath(),
                event.toAbsolutePath(), yandexEvent.toAbsolutePath());
    }

    private static int positive(String name, String value, int min) {
        int n = Integer.parseInt(value);
        if (n < min) {
            throw new IllegalArgumentException(name + " must be at least " + min);
        }
        return n;
    }
}
