package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.rossgram.localcloud.template.HttpRoute;
import ru.rossgram.localcloud.template.SamTemplate;
import ru.rossgram.shared.problem.ProblemType;

/**
 * docs/openapi.yaml cannot drift from the code: it is valid OpenAPI, it has exactly the template's routes, and it
 * declares every problem type with its URI and status. (That every call the tests make matches it is checked by
 * {@link ApiContract} in {@link ApiDriver}.)
 */
class OpenApiDocumentTest {
    private static final String PROBLEM = "Problem";

    private final OpenAPI document = parse();

    @Test
    void theDocumentIsValidOpenApi() {
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(ApiContract.DOCUMENT.toUri().toString(), null, options());
        assertEquals(List.of(), result.getMessages(), "the parser's messages about " + ApiContract.DOCUMENT);
        assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    }

    @Test
    void theDocumentHasEveryRouteOfTheTemplate_andNoOther() {
        Set<String> template = SamTemplate.locate().functions().stream()
                .flatMap(function -> function.httpRoutes().stream())
                .filter(route -> !route.isDefault()) // the catch-all has no path; see ApiContract
                .map(HttpRoute::routeKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));
        assertEquals(Set.of(), difference(template, documented), "routes of template.yaml missing from the document");
        assertEquals(Set.of(), difference(documented, template), "routes in the document that template.yaml does not have");
    }

    @Test
    void everyProblemTypeIsDeclared_withItsUriAndStatus() {
        Map<Integer, Set<String>> code = new TreeMap<>();
        for (ProblemType type : ProblemType.values()) {
            code.computeIfAbsent(type.status(), status -> new TreeSet<>()).add(type.uri().toString());
        }
        Map<Integer, Set<String>> documented = new TreeMap<>();
        document.getComponents().getSchemas().forEach((name, schema) -> {
            if (name.matches(PROBLEM + "\\d{3}")) {
                documented.put(Integer.valueOf(name.substring(PROBLEM.length())), problemTypes(schema));
            }
        });
        assertEquals(code, documented, "problem types by status: ProblemType against the Problem<status> schemas");
        Set<String> all = code.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        Schema<?> problemType = (Schema<?>) document.getComponents().getSchemas().get(PROBLEM).getProperties().get("type");
        assertEquals(all, new TreeSet<>(enumOf(problemType)),
                "the Problem schema's type enum");
    }

    @Test
    void theDefaultRoutesAnswersAreDeclared() {
        for (String name : ApiContract.defaultRouteResponses()) {
            assertNotNull(document.getComponents().getResponses().get(name), "components/responses/" + name);
        }
    }

    @Test
    void aResponseThatBreaksTheDocument_failsTheCallThatGotIt() {
        ApiDriver.Reply undeclaredStatus = new ApiDriver.Reply(418, Map.of("content-type", "application/json"), "{}");
        AssertionError error = assertThrows(AssertionError.class, () -> ApiContract.shared()
                .check("GET", "/v1/me", null, Map.of(), new byte[0], undeclaredStatus));
        assertTrue(error.getMessage().contains("GET /v1/me answered 418"), error.getMessage());

        ApiDriver.Reply missingField = new ApiDriver.Reply(200, Map.of("content-type", "application/json"),
                "{\"id\":\"01JFQ0Z5W1Y6D0XK7M3R9T2B4C\",\"username\":\"anna\"}");
        assertThrows(AssertionError.class, () -> ApiContract.shared()
                .check("GET", "/v1/me", null, Map.of("authorization", "Bearer x"), new byte[0], missingField));

        ApiDriver.Reply undeclaredType = new ApiDriver.Reply(404, Map.of("content-type", "application/problem+json"),
                "{\"type\":\"https://rossgram.ru/problems/email-taken\",\"title\":\"Email is already registered\",\"status\":404}");
        assertThrows(AssertionError.class, () -> ApiContract.shared()
                .check("GET", "/v1/no-such-thing", null, Map.of(), new byte[0], undeclaredType));
    }

    @Test
    void aRequestTheApiTook_mustMatchTheDocument() {
        ApiDriver.Reply created = new ApiDriver.Reply(201, Map.of("content-type", "application/json"), "{}");
        AssertionError error = assertThrows(AssertionError.class, () -> ApiContract.shared().check("POST", "/v1/accounts", null,
                Map.of("content-type", "application/json"), "{\"username\":\"a\"}".getBytes(StandardCharsets.UTF_8), created));
        assertTrue(error.getMessage().contains("request taken (201) but not in the contract"), error.getMessage());
    }

    private static Set<String> problemTypes(Schema<?> schema) {
        @SuppressWarnings("rawtypes")
        List<Schema> parts = schema.getAllOf();
        assertNotNull(parts, "a Problem<status> schema is the Problem schema narrowed by allOf");
        return parts.stream().filter(part -> part.getProperties() != null && part.getProperties().get("type") != null)
                .flatMap(part -> enumOf((Schema<?>) part.getProperties().get("type")).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> enumOf(Schema<?> schema) {
        return schema.getEnum().stream().map(value -> String.valueOf(value).toLowerCase(Locale.ROOT)).toList();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> missing = new TreeSet<>(a);
        missing.removeAll(b);
        return missing;
    }

    private static OpenAPI parse() {
        return new OpenAPIV3Parser().readLocation(ApiContract.DOCUMENT.toUri().toString(), null, options()).getOpenAPI();
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }
}
