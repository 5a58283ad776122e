package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.it.launch.LambdaLaunch;
import ru.rossgram.localcloud.FunctionSpec;
import ru.rossgram.localcloud.SamTemplate;

/**
 * Every function's deployable jar (its template CodeUri), started as Lambda starts it: a fresh JVM, the
 * no-argument constructor, configuration only in environment variables, one sample event. In-process tests
 * build handlers another way and cannot see a bean the jar lacks at init; this can.
 * Needs the jars, so it runs in {@code mvn verify} (the README's test command), not in a bare {@code mvn test}.
 */
@ExtendWith(LocalEngines.class)
class LambdaEntryPointTest {
    @TestFactory
    Stream<DynamicTest> everyDeployableJar_startsWithTheNoArgumentConstructor_andAnswers(Backend backend) {
        SamTemplate template = backend.template();
        return template.functions().stream().filter(f -> !f.httpRoutes().isEmpty()).map(function ->
                DynamicTest.dynamicTest(function.logicalId(), () -> {
                    Path jar = template.directory().resolve(function.codeUri());
                    Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built (run mvn verify)");
                    String output = launch(backend, function, jar, sampleEvent(template, function));
                    assertTrue(output.contains("status="), output);
                    int status = Integer.parseInt(output.replaceAll("(?s).*status=(\\d+).*", "$1"));
                    assertTrue(status < 500, function.logicalId() + " answered " + status + ":\n" + output);
                }));
    }

    private static Path sampleEvent(SamTemplate template, FunctionSpec function) throws IOException {
        String module = function.codeUri().split("/")[1];
        try (Stream<Path> events = Files.list(template.directory().resolve("events").resolve(module))) {
            return events.filter(p -> p.toString().endsWith(".json")).sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("no sample event for " + module));
        }
    }

    private static String launch(Backend backend, FunctionSpec function, Path jar, Path event) throws Exception {
        Path launcher = Path.of(LambdaLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-cp", jar + java.io.File.pathSeparator + launcher,
                LambdaLaunch.class.getName(), function.handler(), event.toString()))
                .redirectErrorStream(true);
        process.environment().clear();
        process.environment().putAll(backend.functionEnvironment(function));
        process.environment().putAll(AccountsContract.TEST_OVERRIDES);
        Process child = process.start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError(function.logicalId() + " did not answer within 60 s");
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        return output;
    }
}
