package ru.rossgram.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The API contract's operations ({@code docs/openapi.yaml}) by route, as the Yandex API Gateway specification carries
 * them into its payload 1.0 events: each operation's {@code operationId} and the parameters it declares, path
 * and query, which the gateway copies into {@code parameters}.
 */
final class OpenApiOperations {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String PARAMETER_REFERENCE = "#/components/parameters/";

    /** One operation: its id (null when the contract gives none) and its declared parameters by location. */
    record Operation(String operationId, Set<String> pathParameters, Set<String> queryParameters) {
        static final Operation NONE = new Operation(null, Set.of(), Set.of());
    }

    private final Map<String, Operation> byRoute;

    private OpenApiOperations(Map<String, Operation> byRoute) {
        this.byRoute = byRoute;
    }

    /** The operations of the document at {@code document}; none when there is no such file. */
    static OpenApiOperations read(Path document) {
        try (Reader reader = Files.newBufferedReader(document)) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(16 * 1024 * 1024);
            return of(new Yaml(options).load(reader));
        } catch (NoSuchFileException e) {
            return new OpenApiOperations(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document, e);
        }
    }

    /** The operations of an OpenAPI document already read as maps and lists. */
    static OpenApiOperations of(Map<String, Object> document) {
        Map<String, Object> componentParameters = map(map(document.get("components")).get("parameters"));
        Map<String, Operation> byRoute = new HashMap<>();
        map(document.get("paths")).forEach((path, item) -> {
            Map<String, Object> pathItem = map(item);
            List<Object> shared = list(pathItem.get("parameters"));
            pathItem.forEach((method, value) -> {
                if (!METHODS.contains(method)) {
                    return;
                }
                Map<String, Object> operation = map(value);
                List<Object> declared = new ArrayList<>(shared);
                declared.addAll(list(operation.get("parameters")));
                Set<String> inPath = new LinkedHashSet<>();
                Set<String> inQuery = new LinkedHashSet<>();
                for (Object parameter : declared) {
                    Map<String, Object> resolved = resolve(map(parameter), componentParameters);
                    Object name = resolved.get("name");
                    if ("path".equals(resolved.get("in")) && name != null) {
                        inPath.add(name.toString());
                    } else if ("query".equals(resolved.get("in")) && name != null) {
                        inQuery.add(name.toString());
                    }
                }
                Object id = operation.get("operationId");
                byRoute.put(key(method, path), new Operation(id == null ? null : id.toString(), Set.copyOf(inPath),
                        Set.copyOf(inQuery)));
            });
        });
        return new OpenApiOperations(Map.copyOf(byRoute));
    }

    /** The operation at {@code method} {@code pathTemplate} ({@code /v1/posts/{postId}}), if the contract has it. */
    Optional<Operation> find(String method, String pathTemplate) {
        return Optional.ofNullable(byRoute.get(key(method, pathTemplate)));
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private static Map<String, Object> resolve(Map<String, Object> parameter, Map<String, Object> components) {
        Object reference = parameter.get("$ref");
        if (reference instanceof String ref && ref.startsWith(PARAMETER_REFERENCE)) {
            return map(components.get(ref.substring(PARAMETER_REFERENCE.length())));
        }
        return parameter;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }
}
