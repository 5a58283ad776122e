package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.HttpRoute;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * A function serving several routes does what the gateway's route key says, never what the method and path
 * suggest: given its own sample events, signed in, with a route key it does not serve (another function's) or
 * with none at all (an old event, an adapter that does not know routes), it answers 404 route-not-found as
 * problem+json, not a 500 and not the route the path looks like.
 */
@ExtendWith(LocalEngines.class)
class RouteKeyDispatchTest extends Contract {
    private static final ObjectMapper JSON = new ObjectMapper();

    RouteKeyDispatchTest() {
        super("SignInFunction", Map.of());
    }

    @TestFactory
    List<DynamicTest> aMultiRouteFunction_answersRouteNotFound_forAnotherFunctionsRouteKey_orNone(Backend backend)
            throws IOException {
        SamTemplate template = backend.template();
        String token = hosts.signUp("routes").token();
        List<DynamicTest> tests = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            if (function.httpRoutes().size() < 2) {
                continue;
            }
            String foreignRouteKey = template.functions().stream().filter(other -> other != function)
                    .flatMap(other -> other.httpRoutes().stream()).map(HttpRoute::routeKey)
                    .findFirst().orElseThrow();
            for (Path sample : sampleEvents(template, function)) {
                String name = function.logicalId() + " " + template.directory().relativize(sample);
                tests.add(DynamicTest.dynamicTest(name + " as sent", () -> {
                    JsonNode response = invoke(function, signedIn(sample, token));
                    assertTrue(response.path("statusCode").asInt() < 500, response.toString());
                    assertNotEquals("https://rossgram.ru/problems/route-not-found", problemType(response), response.toString());
                }));
                tests.add(DynamicTest.dynamicTest(name + " under " + foreignRouteKey, () -> {
                    ObjectNode event = signedIn(sample, token);
                    event.put("routeKey", foreignRouteKey);
                    ((ObjectNode) event.path("requestContext")).put("routeKey", foreignRouteKey);
                    assertRouteNotFound(invoke(function, event));
                }));
                tests.add(DynamicTest.dynamicTest(name + " without a route key", () -> {
                    ObjectNode event = signedIn(sample, token);
                    event.remove("routeKey");
                    ((ObjectNode) event.path("requestContext")).remove("routeKey");
                    assertRouteNotFound(invoke(function, event));
                }));
            }
        }
        assertFalse(tests.isEmpty(), "the template has no function with several routes");
        return tests;
    }

    private static void assertRouteNotFound(JsonNode response) throws IOException {
        assertEquals(404, response.path("statusCode").asInt(), response.toString());
        assertEquals("application/problem+json", response.at("/headers/content-type").asText(), response.toString());
        assertEquals("https://rossgram.ru/problems/route-not-found", problemType(response), response.toString());
    }

    private static String problemType(JsonNode response) throws IOException {
        return JSON.readTree(response.path("body").asText()).path("type").asText();
    }

    private JsonNode invoke(FunctionSpec function, ObjectNode event) throws IOException {
        return JSON.readTree(hosts.shared().invoke(function, JSON.writeValueAsString(event)));
    }

    /** The sample event with a real access token in place of its placeholder. */
    private static ObjectNode signedIn(Path sample, String token) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(sample.toFile());
        ((ObjectNode) event.path("headers")).put("authorization", "Bearer " + token);
        return event;
    }

    private static List<Path> sampleEvents(SamTemplate template, FunctionSpec function) throws IOException {
        List<Path> events = FunctionModules.sampleEvents(template, function);
        assertFalse(events.isEmpty(), "no sample event for " + function.logicalId());
        return events;
    }
}
