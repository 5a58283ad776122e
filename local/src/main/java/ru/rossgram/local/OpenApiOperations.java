package ru.rossgram.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code operationId} of each route of the API contract ({@code docs/openapi.yaml}): the generated Yandex API
 * Gateway specification copies it onto the route's operation, and the gateway hands it the function in the event.
 */
final class OpenApiOperations {
    private final Map<String, String> idsByRouteKey;

    private OpenApiOperations(Map<String, String> idsByRouteKey) {
        this.idsByRouteKey = Map.copyOf(idsByRouteKey);
    }

    /** The operations of the document at {@code document}; none when there is no such file. */
    static OpenApiOperations read(Path document) {
        try (Reader reader = Files.newBufferedReader(document)) {
            Map<String, String> ids = new HashMap<>();
            mapping(mapping(new Yaml().load(reader)).get("paths")).forEach((path, item) ->
                    mapping(item).forEach((method, operation) -> {
                        Object id = mapping(operation).get("operationId");
                        if (id != null) {
                            ids.put(routeKey(method.toString(), path.toString()), id.toString());
                        }
                    }));
            return new OpenApiOperations(ids);
        } catch (NoSuchFileException e) {
            return new OpenApiOperations(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document, e);
        }
    }

    /** The id of the operation at {@code method} {@code pathTemplate} ({@code /v1/posts/{postId}}), if it has one. */
    Optional<String> operationId(String method, String pathTemplate) {
        return Optional.ofNullable(idsByRouteKey.get(routeKey(method, pathTemplate)));
    }

    private static String routeKey(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private static Map<?, ?> mapping(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }
}
