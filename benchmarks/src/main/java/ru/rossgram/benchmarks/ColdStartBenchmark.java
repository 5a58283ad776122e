package ru.rossgram.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.LocalCloudOptions;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * Measures the cold start of the HTTP functions ({@link FirstRequests}: sign-up, sign-in, get-me, feed, get-post,
 * create-upload, create-post by default), each through its AWS handler and its Yandex entry point, beside a bare
 * handler of its own that makes the same DynamoDB and S3 requests (package {@code bare}), and beside the same jars of
 * any {@code --variant}. One DynamoDB Local and S3Proxy for all runs (in this JVM); the state each first request
 * needs is made beforehand by the real functions in this JVM ({@link FirstRequestState}), and
 * {@link FirstRequestCheck} confirms that each bare handler sends what its function sends. Then N fresh child JVMs
 * per subject running {@link ColdStartProbe} (or {@link YandexColdStartProbe}) on {@code <jar>:<probe jar>}, with the
 * template's JAVA_TOOL_OPTIONS flags (and the JVM's defaults with {@code --jvm-defaults}). Then a few runs of
 * {@link SignUpInitBreakdown} to show where the sign-up's time goes. Prints a Markdown report and writes it, with the
 * raw probe lines, to the output directory. Every run must be answered 2xx: the benchmark stops otherwise.
 *
 * <p>A measurement, not a test: nothing is asserted about the times. Run it with benchmarks/cold-start.sh.
 */
public final class ColdStartBenchmark {
    static final int MAX_REPEATS = 5;
    /** Time for whatever disturbed a run to finish before the next attempt. */
    private static final long REPEAT_PAUSE_MILLIS = 5_000;
    /** A second in which other processes used less CPU than this counts as quiet enough to start a run. */
    private static final long QUIET_MILLIS_PER_SECOND = 100;
    private static final Duration MAX_QUIET_WAIT = Duration.ofMinutes(2);

    /**
     * One thing measured: a function's jar (the template's, a variant's or the bare handlers') through one entry point,
     * the probe that plays the platform's runtime (a jar and its main class) and the sample its events start from.
     *
     * @param kind    {@code bare}, {@code AWS} or {@code Yandex}
     * @param variant the variant's label, or null for the template's build (and the bare handler)
     */
    record Subject(FirstRequests function, String kind, String variant, Path jar, String handler, Path probeJar,
            String probeMain, Path sample) {
        String label() {
            return function.name + (kind.equals("bare") ? ", bare handler" : ", " + kind + (variant == null ? "" : " [" + variant + "]"));
        }

        boolean bare() {
            return kind.equals("bare");
        }
    }

    /**
     * JVM options the child runs with; empty means the JVM's defaults. With {@code appCds}, each subject
     * also gets {@code -XX:SharedArchiveFile=} its own archive (an archive only fits the classpath it was made on).
     */
    record FlagSet(String label, List<String> flags, boolean appCds) {
        String describe() {
            String shown = flags.isEmpty() ? "defaults" : "`" + String.join(" ", flags) + "`";
            return appCds ? shown + " + AppCDS" : shown;
        }
    }

    /** One measured cold start. */
    record Measurement(FlagSet flags, Subject subject, ChildJvm.Run run) {
    }

    private final LocalCloud cloud;
    private final BenchmarkOptions options;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final List<String> rawLines = new ArrayList<>();
    private Map<String, String> parameters;
    private final Map<FirstRequests, Map<String, String>> environments = new LinkedHashMap<>();
    private FirstRequestState state;
    private int childSequence;
    private int repeats;
    private Duration waited = Duration.ZERO;

    private ColdStartBenchmark(LocalCloud cloud, BenchmarkOptions options) {
        this.cloud = cloud;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        SamTemplate template = SamTemplate.locate();
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args, template.directory());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try (LocalCloud cloud = LocalCloud.start(template, LocalCloudOptions.defaults())) {
            ColdStartBenchmark benchmark = new ColdStartBenchmark(cloud, options);
            try {
                benchmark.run();
            } finally {
                if (benchmark.state != null) {
                    benchmark.state.close(); // the payment simulator's server threads would keep this JVM alive
                }
            }
        }
    }

    private void run() throws Exception {
        Path root = cloud.template().directory();
        Path samples = root.resolve("events");
        List<FirstRequests> functions = options.functions().stream().map(FirstRequests::of).toList();
        state = new FirstRequestState(cloud, newSecret(), samples);
        parameters = state.parameters();
        List<Subject> subjects = new ArrayList<>();
        for (FirstRequests function : functions) {
            FunctionSpec fn = spec(function);
            subjects.add(new Subject(function, "bare", null, options.bareJar(), function.bareHandler, options.probeJar(),
                    ColdStartProbe.class.getName(), samples.resolve(function.awsSample)));
            Map<String, Path> builds = new LinkedHashMap<>();
            builds.put(null, root.resolve(fn.codeUri()));
            options.variants().forEach((label, dir) -> builds.put(label, dir.resolve(Path.of(fn.codeUri()).getFileName())));
            builds.forEach((variant, jar) -> {
                subjects.add(new Subject(function, "AWS", variant, jar, fn.handler(), options.probeJar(),
                        ColdStartProbe.class.getName(), samples.resolve(function.awsSample)));
                subjects.add(new Subject(function, "Yandex", variant, jar, fn.yandexEntryPoint(), options.yandexProbeJar(),
                        YandexColdStartProbe.class.getName(), samples.resolve(function.yandexSample)));
            });
            environments.put(function, childEnvironment(cloud.functionEnvironment(fn, parameters), fn));
        }
        List<Path> required = new ArrayList<>(List.of(options.bareJar(), options.probeJar(), options.yandexProbeJar(),
                options.initProbeJar()));
        subjects.forEach(s -> required.add(s.jar()));
        for (Path path : required) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(path + " is missing; build first (benchmarks/cold-start.sh does)");
            }
        }

        Files.createDirectories(options.out().resolve("logs"));
        List<FirstRequestCheck.Result> checks = new ArrayList<>();
        for (FirstRequests function : functions) {
            System.err.println("preparing " + function.name + "'s first request and checking its bare handler");
            function.prepare(state);
            FirstRequestCheck.Result check = FirstRequestCheck.check(cloud, state, function, parameters,
                    environments.get(function), samples);
            if (check.real().status() != function.status || check.bare().status() != function.status || !check.complete()) {
                throw new IllegalStateException(function.name + ": in-process check answered " + check.real().status()
                        + " (real) and " + check.bare().status() + " (bare), expected " + function.status
                        + (check.complete() ? "" : ", and the real answer lacks what is measured") + "; real: " + check.real().body());
            }
            if (!check.same()) {
                throw new IllegalStateException(function.name + "'s bare handler no longer sends what the function sends: "
                        + check.real().operations() + " (real) against " + check.bare().operations() + " (bare); real requests:\n"
                        + String.join("\n", check.real().requests()));
            }
            checks.add(check);
        }

        String toolOptions = cloud.functionEnvironment(spec(functions.get(0)), parameters).getOrDefault("JAVA_TOOL_OPTIONS", "").trim();
        List<String> templateFlags = toolOptions.isEmpty() ? List.of() : List.of(toolOptions.split("\\s+"));
        List<FlagSet> flagSets = new ArrayList<>();
        flagSets.add(new FlagSet("template: " + toolOptions, templateFlags, false));
        if (options.jvmDefaults()) {
            flagSets.add(new FlagSet("JVM defaults", List.of(), false));
        }
        if (options.appCds()) {
            FlagSet cds = new FlagSet("template + AppCDS", templateFlags, true);
            for (Subject subject : subjects) {
                trainArchive(subject, cds);
            }
            flagSets.add(cds);
        }
        List<Measurement> measurements = new ArrayList<>();
        for (FlagSet flags : flagSets) {
            // DynamoDB Local compiles its own hot paths on the first requests: keep that out of the numbers.
            for (Subject subject : subjects) {
                probe(subject, flags, "warm-up");
            }
            for (int i = 0; i < options.runs(); i++) {
                // Rotate the order, so drift on the machine favours no subject: each is first in turn.
                List<Subject> order = new ArrayList<>(subjects);
                Collections.rotate(order, -(i * Math.max(1, subjects.size() / options.runs())));
                for (Subject subject : order) {
                    measurements.add(new Measurement(flags, subject, probe(subject, flags, (i + 1) + "/" + options.runs())));
                }
            }
        }

        Map<FlagSet, List<ChildJvm.Run>> breakdowns = new LinkedHashMap<>();
        Subject signUp = subjects.stream().filter(s -> s.function().name.equals("sign-up") && s.kind().equals("AWS")
                && s.variant() == null).findFirst().orElse(null);
        if (signUp != null) {
            for (FlagSet flags : flagSets.stream().filter(f -> !f.appCds()).toList()) {
                List<ChildJvm.Run> runs = new ArrayList<>();
                for (int i = 0; i < options.breakdownRuns(); i++) {
                    runs.add(breakdown(signUp, flags, (i + 1) + "/" + options.breakdownRuns()));
                }
                breakdowns.put(flags, runs);
            }
        }
        List<String> sampleCommand = probeCommand(subjects.get(1), flagSets.get(0), Path.of("<event.json>"), Path.of("<second-event.json>"));
        String report = new ColdStartReport(options, subjects, flagSets, measurements, checks, breakdowns,
                String.join(" ", sampleCommand), repeats, waited).markdown();
        Files.writeString(options.out().resolve("results.md"), report);
        Files.write(options.out().resolve("raw.txt"), rawLines);
        System.out.println(report);
        System.err.println("written: " + options.out().resolve("results.md") + " and raw.txt");
    }

    private FunctionSpec spec(FirstRequests function) {
        return cloud.template().function(function.logicalId)
                .orElseThrow(() -> new IllegalStateException("template.yaml has no " + function.logicalId));
    }

    /**
     * One cold start of {@code subject} on two new events (first and warm call).
     *
     * @throws IllegalStateException when the child failed or either answer was not the function's 2xx, with its stderr
     */
    private ChildJvm.Run probe(Subject subject, FlagSet flags, String progress) throws IOException, InterruptedException {
        ChildJvm.Run run = undisturbed(progress, subject.label(), flags, () -> ChildJvm.run(
                probeCommand(subject, flags, event(subject), event(subject)), environments.get(subject.function()),
                "coldStartMillis=", stderrFile(subject.label())));
        String expected = Integer.toString(subject.function().status);
        if (!run.ok() || !expected.equals(run.values().get("status")) || !expected.equals(run.values().get("warmStatus"))) {
            throw new IllegalStateException(subject.label() + " did not answer " + expected + ": " + run.lines()
                    + " exit " + run.exitCode() + "; stderr (" + run.stderr() + "):\n" + tail(run.stderr()));
        }
        return run;
    }

    private Path event(Subject subject) throws IOException, InterruptedException {
        return subject.function().eventFile(state, subject.sample(), options.out().resolve("events"));
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private ChildJvm.Run breakdown(Subject signUp, FlagSet flags, String progress) throws IOException, InterruptedException {
        return undisturbed(progress, "breakdown", flags, () -> {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(flags.flags());
            command.addAll(List.of("-cp", signUp.jar() + ":" + options.initProbeJar(), SignUpInitBreakdown.class.getName(),
                    event(signUp).toString()));
            return ChildJvm.run(command, environments.get(signUp.function()), "breakdown", stderrFile("breakdown"));
        });
    }

    /** Starting one child JVM; a new call makes new events, so a repeat still signs up a new user or posts anew. */
    private interface ChildCall {
        ChildJvm.Run run() throws IOException, InterruptedException;
    }

    /**
     * Runs a child, and runs it again (a few times at most) when other processes on the machine took more
     * CPU during it than {@code --max-other-cpu} allows: on a shared two-core machine a neighbour's build
     * can double a cold start, and that is not the function's cost. Every attempt is logged in raw.txt.
     */
    private ChildJvm.Run undisturbed(String progress, String label, FlagSet flags, ChildCall call)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            if (options.maxOtherCpuMillis() >= 0) {
                // Start in a quiet second rather than find out afterwards: fewer repeats on a busy machine.
                waited = waited.plus(MachineCpu.awaitQuiet(QUIET_MILLIS_PER_SECOND, MAX_QUIET_WAIT));
            }
            ChildJvm.Run run = call.run();
            boolean disturbed = options.maxOtherCpuMillis() >= 0 && run.otherCpuMillis() > options.maxOtherCpuMillis();
            boolean last = attempt == MAX_REPEATS;
            record(progress + (disturbed ? (last ? " (disturbed, kept: out of repeats)" : " (disturbed, repeating)") : ""),
                    label, flags, run);
            if (!disturbed || last) {
                return run;
            }
            repeats++;
            Thread.sleep(REPEAT_PAUSE_MILLIS);
        }
    }

    /**
     * One run that writes a dynamic AppCDS archive of every class it loaded (JDK 13+), for the AppCDS
     * flag set to map instead of parsing the jar. On AWS the archive would have to be made by the Lambda
     * runtime's own JVM build; here it shows what the technique could save.
     */
    private void trainArchive(Subject subject, FlagSet flags) throws IOException, InterruptedException {
        Files.createDirectories(archive(subject).getParent());
        Files.deleteIfExists(archive(subject));
        List<String> command = new ArrayList<>(probeCommand(subject, new FlagSet(flags.label(), flags.flags(), false),
                event(subject), event(subject)));
        command.add(1, "-XX:ArchiveClassesAtExit=" + archive(subject));
        ChildJvm.Run run = ChildJvm.run(command, environments.get(subject.function()), "coldStartMillis=", stderrFile(subject.label()));
        record("AppCDS training", subject.label(), flags, run);
        if (!Files.isRegularFile(archive(subject))) {
            throw new IllegalStateException("no AppCDS archive was written for " + subject.label() + ", see " + run.stderr());
        }
    }

    private Path archive(Subject subject) {
        return options.out().resolve("cds").resolve(subject.label().replaceAll("[^A-Za-z0-9]+", "-") + ".jsa");
    }

    private List<String> probeCommand(Subject subject, FlagSet flags, Path event, Path secondEvent) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags.flags());
        if (flags.appCds()) {
            command.add("-XX:SharedArchiveFile=" + archive(subject));
        }
        command.addAll(List.of("-cp", subject.jar() + ":" + subject.probeJar(), subject.probeMain(),
                subject.handler(), event.toString(), secondEvent.toString()));
        return command;
    }

    private Path stderrFile(String label) {
        return options.out().resolve("logs").resolve(String.format("%03d-%s.stderr", ++childSequence,
                label.replaceAll("[^A-Za-z0-9]+", "-")));
    }

    private void record(String progress, String label, FlagSet flags, ChildJvm.Run run) {
        String summary = "[" + flags.label() + "] " + label + " " + progress + ": "
                + (run.lines().isEmpty() ? "(no output)" : String.join(" | ", run.lines()))
                + " wallMillis=" + run.wallMillis() + " otherCpuMillis=" + run.otherCpuMillis()
                + (run.exitCode() == 0 ? "" : " EXIT " + run.exitCode() + ", see " + run.stderr());
        System.err.println(summary);
        rawLines.add(summary);
    }

    /**
     * What Lambda would hand the function: the template's variables aimed at the local engines, plus
     * the few the Lambda service itself sets. Nothing is inherited from this process. JAVA_TOOL_OPTIONS
     * is left out because the flags are passed on the command line, per flag set.
     */
    static Map<String, String> childEnvironment(Map<String, String> functionEnv, FunctionSpec fn) {
        Map<String, String> env = new LinkedHashMap<>(functionEnv);
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("AWS_LAMBDA_FUNCTION_NAME", fn.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(fn.memorySize()));
        // Lambda sets a UTF-8 locale; en_US.UTF-8 may not exist here, C.UTF-8 is built into glibc.
        String lang = System.getenv("LANG");
        env.put("LANG", lang == null || !lang.toUpperCase(Locale.ROOT).contains("UTF-8") ? "C.UTF-8" : lang);
        return env;
    }

    static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
