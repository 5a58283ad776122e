package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplate;

/** Where a template function lives in the repository: its module under functions/, and its sample events. */
final class FunctionModules {
    private FunctionModules() {
    }

    /** The module its CodeUri names ({@code functions/<module>/target/...}); fails the test for any other CodeUri. */
    static String of(FunctionSpec function) {
        String[] parts = function.codeUri().split("/");
        assertEquals("functions", parts[0], function.logicalId() + "'s CodeUri " + function.codeUri() + " is not under functions/");
        return parts[1];
    }

    /** What starts the name of a sample event in Yandex's format (the others are AWS's). */
    static final String YANDEX_PREFIX = "yandex-";

    /** Its sample events in AWS's formats ({@code events/<module>/*.json}), sorted by name. */
    static List<Path> sampleEvents(SamTemplate template, FunctionSpec function) throws IOException {
        return events(template, function).stream().filter(p -> !isYandex(p)).toList();
    }

    /** Its sample events in Yandex's formats ({@code events/<module>/yandex-*.json}), sorted by name. */
    static List<Path> yandexSampleEvents(SamTemplate template, FunctionSpec function) throws IOException {
        return events(template, function).stream().filter(FunctionModules::isYandex).toList();
    }

    static boolean isYandex(Path event) {
        return event.getFileName().toString().startsWith(YANDEX_PREFIX);
    }

    private static List<Path> events(SamTemplate template, FunctionSpec function) throws IOException {
        try (Stream<Path> files = Files.list(template.directory().resolve("events").resolve(of(function)))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
