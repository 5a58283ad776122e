package ru.rossgram.localcloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The template's route keys ({@code GET /v1/me}), one a line, sorted, without {@code $default}: written at
 * build time into the jar of a function that must know the API's routes at run time (the not-found function),
 * so that template.yaml stays their only list and the function parses no YAML on a cold start.
 */
public final class RouteKeysFile {
    private RouteKeysFile() {
    }

    public static List<String> routeKeys(SamTemplate template) {
        return template.functions().stream().flatMap(f -> f.httpRoutes().stream())
                .filter(route -> !route.isDefault()).map(HttpRoute::routeKey).sorted().distinct().toList();
    }

    /** Arguments: the template, the file to write. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RouteKeysFile <template.yaml> <output file>");
        }
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, routeKeys(SamTemplate.load(Path.of(args[0]))));
    }
}
