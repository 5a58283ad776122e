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
 * Measures the cold start of the sign-up function, through its AWS handler and through its Yandex entry point, next
 * to {@link BareSignUpHandler}: one DynamoDB Local for all runs (in this JVM), and for each of them N fresh child JVMs
 * running {@link ColdStartProbe} (or {@link YandexColdStartProbe}) on {@code <function jar>:<probe jar>}, once with the template's JAVA_TOOL_OPTIONS flags and once with the
 * JVM's defaults. Then a few runs of {@link SignUpInitBreakdown} to show where the sign-up's time goes.
 * Prints a Markdown report and writes it, with the raw probe lines, to the output directory.
 *
 * <p>A measurement, not a test: nothing is asserted about the times. Run it with benchmarks/cold-start.sh.
 */
public final class ColdStartBenchmark {
    static final String FUNCTION = "SignUpFunction";
    static final int MAX_REPEATS = 5;
    /** Time for whatever disturbed a run to finish before the next attempt. */
    private static final long REPEAT_PAUSE_MILLIS = 5_000;
    /** A second in which other processes used less CPU than this counts as quiet enough to start a run. */
    private static final long QUIET_MILLIS_PER_SECOND = 100;
    private static final Duration MAX_QUIET_WAIT = Duration.ofMinutes(2);

    /**
     * A function under test: its deployable jar, the class the platform would construct, the probe that plays the
     * platform's runtime (a jar and its main class) and where its events come from.
     */
    record Subject(String label, Path jar, String handler, Path probeJar, String probeMain, UniqueSignUpEvents events) {
    }

    /**
     * JVM options the child runs with; empty means the JVM's defaults. With {@code appCds}, each function
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
            new ColdStartBenchmark(cloud, options).run();
        }
    }

    private void run() throws IOException, InterruptedException {
        FunctionSpec fn = cloud.template().function(FUNCTION)
                .orElseThrow(() -> new IllegalStateException("template.yaml has no " + FUNCTION));
        Path root = cloud.template().directory();
        Path signUpJar = options.signUpJar() != null ? options.signUpJar() : root.resolve(fn.codeUri());
        for (Path required : List.of(signUpJar, options.bareJar(), options.probeJar(), options.yandexProbeJar(),
                options.initProbeJar(), options.event(), options.yandexEvent())) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalStateException(required + " is missing; build first (benchmarks/cold-start.sh does)");
            }
        }
        Path eventCopies = options.out().resolve("events");
        UniqueSignUpEvents awsEvents = new UniqueSignUpEvents(options.event(), eventCopies, "cs");
        Subject bare = new Subject("bare handler", options.bareJar(), BareSignUpHandler.class.getName(),
                options.probeJar(), ColdStartProbe.class.getName(), awsEvents);
        Subject signUp = new Subject("sign-up (Micronaut)", signUpJar, fn.handler(),
                options.probeJar(), ColdStartProbe.class.getName(), awsEvents);
        Subject signUpYandex = new Subject("sign-up, Yandex entry point", signUpJar, fn.yandexEntryPoint(),
                options.yandexProbeJar(), YandexColdStartProbe.class.getName(),
                new UniqueSignUpEvents(options.yandexEvent(), eventCopies, "yc"));
        List<Subject> subjects = List.of(bare, signUp, signUpYandex);

        Map<String, String> functionEnv = cloud.functionEnvironment(fn, Map.of("AccessTokenSecret", newSecret()));
        String toolOptions = functionEnv.getOrDefault("JAVA_TOOL_OPTIONS", "").trim();
        List<String> templateFlags = toolOptions.isEmpty() ? List.of() : List.of(toolOptions.split("\\s+"));
        List<FlagSet> flagSets = new ArrayList<>(List.of(
                new FlagSet("template: " + toolOptions, templateFlags, false),
                new FlagSet("JVM defaults", List.of(), false)));
        Map<String, String> env = childEnvironment(functionEnv, fn);

        Files.createDirectories(options.out().resolve("logs"));
        if (options.appCds()) {
            FlagSet cds = new FlagSet("template + AppCDS", templateFlags, true);
            for (Subject subject : subjects) {
                trainArchive(subject, cds, env);
            }
            flagSets.add(cds);
        }
        List<Measurement> measurements = new ArrayList<>();
        for (FlagSet flags : flagSets) {
            // DynamoDB Local compiles its own hot paths on the first requests: keep that out of the numbers.
            for (Subject subject : subjects) {
                probe(subject, flags, env, "warm-up");
            }
            for (int i = 0; i < options.runs(); i++) {
                // Alternate the order, so drift on the machine does not favour any function.
                List<Subject> order = new ArrayList<>(subjects);
                if (i % 2 == 1) {
                    Collections.reverse(order);
                }
                for (Subject subject : order) {
                    measurements.add(new Measurement(flags, subject, probe(subject, flags, env, (i + 1) + "/" + options.runs())));
                }
            }
        }

        Map<FlagSet, List<ChildJvm.Run>> breakdowns = new LinkedHashMap<>();
        for (FlagSet flags : flagSets.stream().filter(f -> !f.appCds()).toList()) {
            List<ChildJvm.Run> runs = new ArrayList<>();
            for (int i = 0; i < options.breakdownRuns(); i++) {
                runs.add(breakdown(signUp, flags, env, (i + 1) + "/" + options.breakdownRuns()));
            }
            breakdowns.put(flags, runs);
        }

        List<String> sampleCommand = probeCommand(signUp, flagSets.get(0), Path.of("<event.json>"), Path.of("<second-event.json>"));
        String report = new ColdStartReport(options, subjects, flagSets, measurements, breakdowns,
                String.join(" ", sampleCommand), env.keySet(), repeats, waited).markdown();
        Files.writeString(options.out().resolve("results.md"), report);
        Files.write(options.out().resolve("raw.txt"), rawLines);
        System.out.println(report);
        System.err.println("written: " + options.out().resolve("results.md") + " and raw.txt");
    }

    private ChildJvm.Run probe(Subject subject, FlagSet flags, Map<String, String> env, String progress)
            throws IOException, InterruptedException {
        return undisturbed(progress, subject.label(), flags, () -> ChildJvm.run(
                probeCommand(subject, flags, subject.events().next(), subject.events().next()), env, "coldStartMillis=",
                stderrFile(subject.label())));
    }

    private ChildJvm.Run breakdown(Subject signUp, FlagSet flags, Map<String, String> env, String progress) throws IOException, InterruptedException {
        return undisturbed(progress, "breakdown", flags, () -> {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(flags.flags());
            command.addAll(List.of("-cp", signUp.jar() + ":" + options.initProbeJar(), SignUpInitBreakdown.class.getName(),
                    signUp.events().next().toString()));
            return ChildJvm.run(command, env, "breakdown", stderrFile("breakdown"));
        });
    }

    /** Starting one child JVM; a new call makes a new event, so a repeat still signs up a new user. */
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
    private void trainArchive(Subject subject, FlagSet flags, Map<String, String> env)
            throws IOException, InterruptedException {
        Files.createDirectories(archive(subject).getParent());
        Files.deleteIfExists(archive(subject));
        List<String> command = new ArrayList<>(probeCommand(subject, new FlagSet(flags.label(), flags.flags(), false),
                subject.events().next(), subject.events().next()));
        command.add(1, "-XX:ArchiveClassesAtExit=" + archive(subject));
        ChildJvm.Run run = ChildJvm.run(command, env, "coldStartMillis=", stderrFile(subject.label()));
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
