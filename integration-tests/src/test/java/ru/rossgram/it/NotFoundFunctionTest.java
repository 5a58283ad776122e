package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.HttpRoute;

/**
 * The template's {@code $default} function through its Lambda entry point ({@code handleRequest} with the
 * runtime's serializer), fed the sample events as API Gateway sends them for a request no route matches.
 */
@ExtendWith(LocalEngines.class)
class NotFoundFunctionTest extends Contract {
    private static final ObjectMapper JSON = new ObjectMapper();

    NotFoundFunctionTest() {
        super("SignInFunction", Map.of());
    }

    private JsonNode invoke(Backend backend, String sampleEvent) throws Exception {
        FunctionSpec function = backend.template().functions().stream()
                .filter(f -> f.httpRoutes().stream().anyMatch(HttpRoute::isDefault)).findFirst()
                .orElseThrow(() -> new AssertionError("template.yaml has no $default route"));
        String event = Files.readString(backend.template().directory().resolve("events/not-found").resolve(sampleEvent));
        return JSON.readTree(hosts.shared().invoke(function, event));
    }

    @Test
    void aPathNoRouteHas_isNotFound(Backend backend) throws Exception {
        JsonNode response = invoke(backend, "no-such-route.json");
        assertEquals(404, response.path("statusCode").asInt(), response.toString());
        assertEquals("application/problem+json", response.at("/headers/content-type").asText());
        JsonNode problem = JSON.readTree(response.path("body").asText());
        assertEquals("https://rossgram.ru/problems/not-found", problem.path("type").asText());
        assertEquals("/v1/no-such-route", problem.path("instance").asText());
    }

    @Test
    void theFeedPatched_isMethodNotAllowed_withAllowGet(Backend backend) throws Exception {
        JsonNode response = invoke(backend, "wrong-method.json");
        assertEquals(405, response.path("statusCode").asInt(), response.toString());
        assertEquals("GET", response.at("/headers/allow").asText());
        JsonNode problem = JSON.readTree(response.path("body").asText());
        assertEquals("https://rossgram.ru/problems/method-not-allowed", problem.path("type").asText());
    }
}
