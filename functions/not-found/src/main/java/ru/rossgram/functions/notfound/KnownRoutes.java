package ru.rossgram.functions.notfound;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's routes, from the route keys the build wrote out of template.yaml ({@code route-keys.txt}, one
 * {@code METHOD /path} a line), matched as API Gateway matches paths: {@code {name}} is one segment,
 * {@code {name+}} the rest of the path.
 */
final class KnownRoutes {
    static final String RESOURCE = "route-keys.txt";
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    private final List<Route> routes;

    KnownRoutes(List<String> routeKeys) {
        this.routes = routeKeys.stream().filter(key -> !key.isBlank()).map(Route::of).toList();
    }

    /** The routes this jar was built with; fails at init, not on a request, if the build left them out. */
    static KnownRoutes fromBuild() {
        try (InputStream in = KnownRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the module's build writes it from template.yaml");
            }
            return new KnownRoutes(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The methods of every route whose path matches, sorted; empty when no route has such a path. */
    List<String> methodsAt(String path) {
        TreeSet<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.path.matcher(path).matches()) {
                methods.add(route.method);
            }
        }
        return List.copyOf(methods);
    }

    private record Route(String method, Pattern path) {
        static Route of(String routeKey) {
            int space = routeKey.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("not a route key: " + routeKey);
            }
            String template = routeKey.substring(space + 1).trim();
            StringBuilder regex = new StringBuilder();
            Matcher parameters = PARAMETER.matcher(template);
            int last = 0;
            while (parameters.find()) {
                regex.append(Pattern.quote(template.substring(last, parameters.start())));
                regex.append(parameters.group().endsWith("+}") ? ".+" : "[^/]+");
                last = parameters.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            return new Route(routeKey.substring(0, space), Pattern.compile(regex.toString()));
        }
    }
}
