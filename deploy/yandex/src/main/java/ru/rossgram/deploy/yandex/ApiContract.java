package ru.rossgram.deploy.yandex;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * What the gateway specification borrows from the API contract (docs/openapi.yaml): its title and version, and
 * each operation's {@code operationId}, which Yandex API Gateway hands the function in the event.
 *
 * @param title the contract's {@code info.title}
 * @param version the contract's {@code info.version}
 * @param operationIds route key ({@code GET /v1/me}) to operationId
 */
record ApiContract(String title, String version, Map<String, String> operationIds) {

    ApiContract {
        operationIds = Map.copyOf(operationIds);
    }

    static ApiContract read(Path file) throws IOException {
        Map<?, ?> document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml().load(reader);
        }
        Map<?, ?> info = mapping(document.get("info"));
        Map<String, String> ids = new LinkedHashMap<>();
        mapping(document.get("paths")).forEach((path, item) -> mapping(item).forEach((method, operation) -> {
            Object id = mapping(operation).get("operationId");
            if (id != null) {
                ids.put(method.toString().toUpperCase(Locale.ROOT) + " " + path, id.toString());
            }
        }));
        return new ApiContract(String.valueOf(info.get("title")), String.valueOf(info.get("version")), ids);
    }

    Optional<String> operationId(String routeKey) {
        return Optional.ofNullable(operationIds.get(routeKey));
    }

    private static Map<?, ?> mapping(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }
}
