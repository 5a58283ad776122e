package ru.rossgram.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.LocalCloudOptions;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * What SnapStart's priming saves sign-up's first request: pairs of fresh child JVMs running {@link PrimingProbe} on
 * the deployable jar with the template's JVM flags, one primed and one not, the pair's order alternating, against a
 * DynamoDB Local hosted here (warmed up first). Each child waits (15 s at most) for a quiet second, and is repeated
 * once if other processes took more than 300 ms of CPU during it; the table counts how many runs were disturbed.
 * Prints a Markdown table of medians and writes the raw lines.
 *
 * <p>A measurement, not a test. Run it with benchmarks/snapstart-priming.sh [runs].
 */
public final class PrimingBenchmark {
    private static final String FUNCTION = "SignUpFunction";
    private static final List<String> MODES = List.of("unprimed", "primed");
    private static final List<String> PHASES = List.of("initMillis", "primeMillis", "firstInvokeMillis", "secondInvokeMillis");
    private static final long MAX_OTHER_CPU_MILLIS = 300;
    /** Short: on a machine that is never quiet, runs go on alternating rather than wait for ever. */
    private static final Duration MAX_QUIET_WAIT = Duration.ofSeconds(15);

    private final LocalCloud cloud;
    private final Path out;
    private final List<String> raw = new ArrayList<>();
    private int children;

    private PrimingBenchmark(LocalCloud cloud, Path out) {
        this.cloud = cloud;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        SamTemplate template = SamTemplate.locate();
        Path out = Files.createDirectories(template.directory().resolve("benchmarks/target/snapstart-priming"));
        try (LocalCloud cloud = LocalCloud.start(template, LocalCloudOptions.defaults())) {
            new PrimingBenchmark(cloud, out).run(runs);
        }
    }

    private void run(int runs) throws IOException, InterruptedException {
        Path root = cloud.template().directory();
        FunctionSpec function = cloud.template().function(FUNCTION).orElseThrow();
        Map<String, String> functionEnv = cloud.functionEnvironment(function,
                Map.of("AccessTokenSecret", ColdStartBenchmark.newSecret()));
        List<String> flags = List.of(functionEnv.getOrDefault("JAVA_TOOL_OPTIONS", "").trim().split("\\s+"));
        Map<String, String> env = ColdStartBenchmark.childEnvironment(functionEnv, function);
        UniqueSignUpEvents events = new UniqueSignUpEvents(root.resolve("events/sign-up/new-account.json"),
                out.resolve("events"), "pp");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(flags);
        command.addAll(List.of("-cp", root.resolve(function.codeUri()) + ":" + root.resolve("benchmarks/target/cold-start-probe.jar"),
                PrimingProbe.class.getName(), function.handler()));

        for (String mode : MODES) {
            child(command, mode, env, events, "warm-up"); // DynamoDB Local compiles its hot paths first
        }
        Map<String, List<ChildJvm.Run>> byMode = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            List<String> order = i % 2 == 0 ? MODES : List.of(MODES.get(1), MODES.get(0));
            for (String mode : order) {
                byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(child(command, mode, env, events, (i + 1) + "/" + runs));
            }
        }
        String report = report(byMode, String.join(" ", flags));
        Files.writeString(out.resolve("results.md"), report);
        Files.write(out.resolve("raw.txt"), raw);
        System.out.println(report);
    }

    private ChildJvm.Run child(List<String> command, String mode, Map<String, String> env, UniqueSignUpEvents events,
                               String progress) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            MachineCpu.awaitQuiet(100, MAX_QUIET_WAIT);
            List<String> full = new ArrayList<>(command);
            full.addAll(List.of(mode, events.next().toString(), events.next().toString()));
            Files.createDirectories(out.resolve("logs"));
            ChildJvm.Run run = ChildJvm.run(full, env, "priming",
                    out.resolve("logs").resolve(String.format("%03d-%s.stderr", ++children, mode)));
            String line = mode + " " + progress + ": " + String.join(" | ", run.lines()) + " otherCpuMillis=" + run.otherCpuMillis();
            System.err.println(line);
            raw.add(line);
            if (!run.ok() || !"201".equals(run.values().get("status"))) {
                throw new IllegalStateException("the probe failed, see " + run.stderr() + ": " + run.lines());
            }
            if (run.otherCpuMillis() <= MAX_OTHER_CPU_MILLIS || attempt == 1) {
                return run;
            }
        }
    }

    private static String report(Map<String, List<ChildJvm.Run>> byMode, String flags) {
        StringBuilder table = new StringBuilder("Sign-up, fresh JVM per run, flags `" + flags + "`; medians (min) in ms\n\n")
                .append("| mode | runs (disturbed) | init | priming | first invoke | second invoke |\n|---|---|---|---|---|---|\n");
        byMode.forEach((mode, runs) -> {
            long disturbed = runs.stream().filter(run -> run.otherCpuMillis() > MAX_OTHER_CPU_MILLIS).count();
            table.append("| ").append(mode).append(" | ").append(runs.size()).append(" (").append(disturbed).append(')');
            for (String phase : PHASES) {
                Percentiles p = Percentiles.of(runs.stream().map(run -> run.number(phase)).toList());
                table.append(" | ").append(p.median()).append(" (").append(p.min()).append(')');
            }
            table.append(" |\n");
        });
        return table.toString();
    }
}
