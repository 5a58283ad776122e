package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.HttpRoute;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.template.SamTemplate;
import ru.rossgram.shared.events.yandex.YandexStorageTrigger;
import ru.rossgram.shared.events.yandex.YandexTimerEvent;
import ru.rossgram.shared.http.ApiFunction;

/**
 * template.yaml is the single truth about functions and routes; this proves the code agrees with it:
 * handlers exist in the module their CodeUri names, every route reaches its handler, and every sample
 * event in events/ is accepted by the function it is filed under: an HTTP event names one of its routes and
 * gets no 5xx, an S3 event matches one of its S3 events (bucket, type, key filter) and does not throw; a Yandex
 * event ({@code yandex-*.json}) names one of its routes or subscriptions likewise, and YandexEntryPointTest
 * hands it to the function's Yandex entry class.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateConsistencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SamTemplate template = SamTemplate.locate();
    private FunctionHost host;

    @AfterAll
    void close() {
        if (host != null) {
            host.close();
        }
    }

    private FunctionHost host(Backend backend) {
        if (host == null) {
            host = backend.functions(TestSettings.OVERRIDES);
        }
        return host;
    }

    @Test
    void everyFunction_hasItsHandlerClass_inTheModuleItsCodeUriNames() throws Exception {
        assertFalse(template.functions().isEmpty());
        for (FunctionSpec function : template.functions()) {
            String module = FunctionModules.of(function);
            Path source = template.directory().resolve("functions").resolve(module).resolve("src/main/java")
                    .resolve(function.handler().replace('.', '/') + ".java");
            assertTrue(Files.isRegularFile(source), function.logicalId() + ": no " + source);
            assertTrue(Files.isRegularFile(template.directory().resolve("functions").resolve(module).resolve("pom.xml")));
            assertEquals("functions/" + module + "/target/" + module + "-lambda.jar", function.codeUri(),
                    "CodeUri must name the module's shaded jar");

            Class<?> handler = Class.forName(function.handler());
            assertTrue(RequestHandler.class.isAssignableFrom(handler), function.handler() + " is not a RequestHandler");
            handler.getConstructor(); // Lambda constructs handlers with no arguments
            if (!function.httpRoutes().isEmpty()) {
                assertTrue(ApiFunction.class.isAssignableFrom(handler), function.handler() + " serves HTTP routes");
                assertEquals(List.of(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class), handlerTypes(handler));
            }
        }
    }

    @Test
    void routes_areUnique() {
        List<String> routes = template.functions().stream().flatMap(f -> f.httpRoutes().stream())
                .map(r -> r.method() + " " + r.path()).toList();
        assertEquals(routes.size(), routes.stream().distinct().count(), routes.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyRoute_reachesItsHandler(Backend backend) {
        ApiDriver api = backend.api(host(backend), "198.51.100.7");
        return template.functions().stream().flatMap(function -> function.httpRoutes().stream().map(route ->
                DynamicTest.dynamicTest(route.method() + " " + route.path() + " -> " + function.logicalId(), () -> {
                    // $default is reached by what no other route matches
                    String method = route.isDefault() ? "GET" : route.method();
                    String path = route.isDefault() ? "/v1/no-such-route" : route.path().replaceAll("\\{[^}]+}", "sample");
                    ApiDriver.Reply reply = api.send(method, path, "{}", Map.of("content-type", "application/json"));
                    assertTrue(reply.status() < 500, reply.status() + " " + reply.body());
                    // answered by our code (a problem or JSON), not by the gateway's own 404
                    assertTrue(reply.header("content-type") == null || reply.header("content-type").startsWith("application/"),
                            reply.headers().toString());
                    assertFalse(reply.body().contains("\"message\":\"Not Found\""), reply.body());
                })));
    }

    @TestFactory
    List<DynamicTest> everySampleEvent_isAcceptedByItsFunction(Backend backend, LocalCloud cloud) throws IOException {
        Path events = template.directory().resolve("events");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(events)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String module = events.relativize(file).getName(0).toString();
                tests.add(DynamicTest.dynamicTest(events.relativize(file).toString(), () -> {
                    FunctionSpec function = functionForModule(module).orElseThrow(
                            () -> new AssertionError("events/" + module + " names no function's module"));
                    String event = Files.readString(file);
                    if (FunctionModules.isYandex(file)) { // answered through the Yandex entry class in YandexEntryPointTest
                        assertYandexEventReachesItsFunction(file, function, JSON.readTree(event), cloud);
                        return;
                    }
                    if ("aws.events".equals(JSON.readTree(event).path("source").asText())) { // an EventBridge schedule's
                        assertFalse(function.schedules().isEmpty(), file + ": " + function.logicalId() + " has no Schedule event");
                        host(backend).invoke(function, event);
                        return;
                    }
                    JsonNode records = JSON.readTree(event).path("Records");
                    if (records.isArray() && !records.isEmpty()) {
                        for (JsonNode record : records) {
                            assertSubscribed(file, function, record, cloud);
                        }
                        host(backend).invoke(function, event); // what it throws, Lambda would retry: the test fails
                        return;
                    }
                    String routeKey = JSON.readTree(event).path("routeKey").asText();
                    assertTrue(function.httpRoutes().stream().anyMatch(r -> r.routeKey().equals(routeKey)),
                            file + ": routeKey " + routeKey + " is not a route of " + function.logicalId());
                    JsonNode response = JSON.readTree(host(backend).invoke(function, event));
                    assertTrue(response.path("statusCode").asInt() < 500, file + " -> " + response);
                }));
            }
        }
        assertFalse(tests.isEmpty(), "events/ has no sample events");
        return tests;
    }

    /**
     * An S3 record reaches the function only through one of its S3 events: the template's bucket (by its local
     * name), an event type the subscription names ({@code s3:ObjectCreated:*} covers {@code ObjectCreated:Put}),
     * and a key, URL-decoded as S3 encodes it in events, that passes the subscription's filter.
     */
    private static void assertSubscribed(Path file, FunctionSpec function, JsonNode record, LocalCloud cloud) {
        assertEquals("aws:s3", record.path("eventSource").asText(), file + ": not an S3 record");
        String bucket = record.at("/s3/bucket/name").asText();
        assertEquals("arn:aws:s3:::" + bucket, record.at("/s3/bucket/arn").asText(), file + ": bucket arn");
        String eventName = record.path("eventName").asText();
        String key = URLDecoder.decode(record.at("/s3/object/key").asText(), StandardCharsets.UTF_8);
        assertTrue(function.s3Events().stream().anyMatch(subscription ->
                        cloud.physicalName(subscription.bucketLogicalId()).equals(bucket)
                                && subscription.events().stream().anyMatch(type -> eventTypeMatches(type, eventName))
                                && subscription.matchesKey(key)),
                file + ": " + eventName + " of s3://" + bucket + "/" + key + " matches no S3 event of " + function.logicalId()
                        + " " + function.s3Events());
    }

    /**
     * A Yandex sample reaches its function as the generated gateway specification and the storage triggers route:
     * an API Gateway event by method and matched template (a route key of the function's; the {@code $default}
     * function's catch-all takes any), a trigger message as an {@code ObjectCreate} of an object one of the
     * function's S3 events for created objects covers.
     */
    private static void assertYandexEventReachesItsFunction(Path file, FunctionSpec function, JsonNode event, LocalCloud cloud) {
        JsonNode messages = event.path("messages");
        if (messages.isArray() && !messages.isEmpty()
                && YandexTimerEvent.TIMER_MESSAGE.equals(messages.path(0).at("/event_metadata/event_type").asText())) {
            assertFalse(function.schedules().isEmpty(), file + ": a timer message for " + function.logicalId()
                    + ", which has no Schedule event");
            return;
        }
        if (messages.isArray() && !messages.isEmpty()) {
            for (JsonNode message : messages) {
                assertEquals(YandexStorageTrigger.OBJECT_CREATE, message.at("/event_metadata/event_type").asText(), file.toString());
                String bucket = message.at("/details/bucket_id").asText();
                String key = message.at("/details/object_id").asText();
                assertTrue(function.s3Events().stream().anyMatch(subscription ->
                                cloud.physicalName(subscription.bucketLogicalId()).equals(bucket)
                                        && subscription.events().stream().anyMatch(type -> eventTypeMatches(type, "ObjectCreated:Put"))
                                        && subscription.matchesKey(key)),
                        file + ": s3://" + bucket + "/" + key + " matches no S3 event of " + function.logicalId());
            }
            return;
        }
        String routeKey = event.path("httpMethod").asText() + " " + event.path("resource").asText();
        assertTrue(function.httpRoutes().stream().anyMatch(r -> r.isDefault() || r.routeKey().equals(routeKey)),
                file + ": " + routeKey + " (httpMethod and resource) is not a route of " + function.logicalId());
    }

    /** A subscription's {@code s3:ObjectCreated:*} covers every {@code ObjectCreated:...}; other types match whole. */
    private static boolean eventTypeMatches(String subscribed, String eventName) {
        String type = subscribed.startsWith("s3:") ? subscribed.substring(3) : subscribed;
        return type.endsWith("*") ? eventName.startsWith(type.substring(0, type.length() - 1)) : type.equals(eventName);
    }

    private Optional<FunctionSpec> functionForModule(String module) {
        return template.functions().stream().filter(f -> FunctionModules.of(f).equals(module)).findFirst();
    }

    private static List<Type> handlerTypes(Class<?> handler) {
        for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType type
                    && type.getRawType() == io.micronaut.function.aws.MicronautRequestHandler.class) {
                return List.of(type.getActualTypeArguments());
            }
        }
        return List.of();
    }

    /** A route key as Java source names it: a string literal such as {@code "PUT /v1/users/{username}/block"}. */
    private static final Pattern ROUTE_KEY_LITERAL =
            Pattern.compile("\"((?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) /[^\"]*)\"");

    /**
     * A function serving several routes switches on the gateway's route key, so a key its handler names that is
     * not a route of that same function is a case no request reaches, and a route of it that the handler does not
     * name is answered route-not-found. Read from the function module's sources, so a key inlined in a case label
     * counts as much as a constant.
     */
    @Test
    void everyRouteKeyAHandlerNames_isARouteOfItsFunction_andEveryRouteOfAMultiRouteFunctionIsNamed() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            Set<String> routes = function.httpRoutes().stream().map(HttpRoute::routeKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            Map<String, Path> named = routeKeysNamedIn(template.directory().resolve("functions")
                    .resolve(FunctionModules.of(function)).resolve("src/main/java"));
            named.forEach((routeKey, file) -> {
                if (!routes.contains(routeKey)) {
                    wrong.add(function.handler() + " names route " + routeKey + " (" + template.directory().relativize(file)
                            + "), which is not a route of " + function.logicalId() + " " + routes);
                }
            });
            if (routes.size() > 1) {
                routes.stream().filter(routeKey -> !named.containsKey(routeKey)).forEach(routeKey -> wrong.add(
                        function.handler() + " does not name route " + routeKey + " of " + function.logicalId()
                                + ", so it answers it route-not-found"));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Every route-key literal in the Java sources under {@code sources}, with the file naming it. */
    private static Map<String, Path> routeKeysNamedIn(Path sources) throws IOException {
        Map<String, Path> named = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher literal = ROUTE_KEY_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    named.putIfAbsent(literal.group(1), file);
                }
            }
        }
        return named;
    }
}
