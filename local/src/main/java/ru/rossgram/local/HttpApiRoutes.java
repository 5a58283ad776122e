package ru.rossgram.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.HttpRoute;

/**
 * The template's HTTP API routes, matched as API Gateway matches them: literal routes before
 * parameterised ones, {@code {name}} matching one path segment, {@code {name+}} the rest of the path.
 */
public final class HttpApiRoutes {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}+]+)(\\+?)}");

    private final List<Compiled> routes;

    public HttpApiRoutes(List<FunctionSpec> functions) {
        List<Compiled> compiled = new ArrayList<>();
        for (FunctionSpec function : functions) {
            for (HttpRoute route : function.httpRoutes()) {
                compiled.add(compile(function, route));
            }
        }
        // Most specific first: more literal characters, then fewer parameters, then no greedy one.
        compiled.sort(Comparator.comparingInt((Compiled c) -> c.greedy ? 1 : 0)
                .thenComparingInt(c -> -c.literalLength)
                .thenComparingInt(c -> c.names.size()));
        this.routes = List.copyOf(compiled);
    }

    public Optional<Match> match(String method, String path) {
        for (Compiled route : routes) {
            if (!route.route.method().equals("ANY") && !route.route.method().equalsIgnoreCase(method)) {
                continue;
            }
            Matcher matcher = route.pattern.matcher(path);
            if (matcher.matches()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int i = 0; i < route.names.size(); i++) {
                    parameters.put(route.names.get(i), matcher.group(i + 1));
                }
                return Optional.of(new Match(route.function, route.route, parameters));
            }
        }
        return Optional.empty();
    }

    /**
     * The route a request for {@code path} would match with the right method: the most specific route at that
     * path whatever its method, the catch-all aside.
     */
    public Optional<Match> matchAnyMethod(String path) {
        for (Compiled route : routes) {
            if (route.route.isDefault()) {
                continue;
            }
            Matcher matcher = route.pattern.matcher(path);
            if (matcher.matches()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int i = 0; i < route.names.size(); i++) {
                    parameters.put(route.names.get(i), matcher.group(i + 1));
                }
                return Optional.of(new Match(route.function, route.route, parameters));
            }
        }
        return Optional.empty();
    }

    public List<HttpRoute> all() {
        return routes.stream().map(c -> c.route).toList();
    }

    /** A request matched to its route: the function to invoke and the path parameters it gets. */
    public record Match(FunctionSpec function, HttpRoute route, Map<String, String> pathParameters) {
        public String routeKey() {
            return route.routeKey();
        }
    }

    private static Compiled compile(FunctionSpec function, HttpRoute route) {
        if (route.isDefault()) {
            return new Compiled(function, route, Pattern.compile(".*"), List.of(), 0, true);
        }
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher placeholders = PLACEHOLDER.matcher(route.path());
        int last = 0;
        int literal = 0;
        boolean greedy = false;
        while (placeholders.find()) {
            String text = route.path().substring(last, placeholders.start());
            literal += text.length();
            regex.append(Pattern.quote(text));
            greedy |= !placeholders.group(2).isEmpty();
            regex.append(placeholders.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(placeholders.group(1));
            last = placeholders.end();
        }
        String tail = route.path().substring(last);
        literal += tail.length();
        regex.append(Pattern.quote(tail));
        return new Compiled(function, route, Pattern.compile(regex.toString()), names, literal, greedy);
    }

    private record Compiled(FunctionSpec function, HttpRoute route, Pattern pattern, List<String> names,
                            int literalLength, boolean greedy) {
    }
}
