package ru.rossgram.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * The API contract, docs/openapi.yaml, as the one judge of every call the tests make through {@link ApiDriver}
 * (Atlassian's swagger-request-validator). Every response must match the document: a status the operation
 * declares, its content type, its body schema, its required headers. A request must match when the API took it
 * (2xx); a request the API refused (4xx) may break the document on purpose, as long as the refusal matches it.
 *
 * <p>A request that matches no path and method of the document reached the {@code $default} route, which has no
 * path of its own: its answer is checked against the responses the document's description names for that route
 * (404 {@code RouteNotFound}, 405 {@code MethodNotAllowed}) and the gateway's own answers (400, 413, 414, 431, 500), by
 * validating it as the answer of a stand-in path added only here. A CORS preflight is the gateway's business and
 * not checked.
 */
final class ApiContract {
    static final Path DOCUMENT = SamTemplate.locate().directory().resolve("docs").resolve("openapi.yaml");
    /** The $default route's stand-in; no real path can have a space in it. */
    private static final String DEFAULT_ROUTE = "/$default route";
    private static final Map<String, String> DEFAULT_ROUTE_RESPONSES = Map.of(
            "400", "GatewayBadRequest", "404", "RouteNotFound", "405", "MethodNotAllowed",
            "413", "PayloadTooLarge", "414", "GatewayRefusal", "431", "GatewayRefusal", "500", "InternalError");
    /** What the validator says when the document has no operation for a request: the $default route answered it. */
    private static final Set<String> NO_OPERATION = Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private static final ApiContract SHARED = new ApiContract(DOCUMENT);

    private final OpenApiInteractionValidator validator;

    private ApiContract(Path document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(withDefaultRoute(document)).build();
    }

    static ApiContract shared() {
        return SHARED;
    }

    /**
     * @throws AssertionError naming the method, path, status and the validator's messages when the call breaks the
     *         document
     */
    void check(String method, String path, String query, Map<String, String> headers, byte[] body, ApiDriver.Reply reply) {
        if (isPreflight(method, headers)) {
            return;
        }
        Request.Method verb = verb(method);
        SimpleResponse response = response(reply);
        ValidationReport request = requestReport(verb, path, query, headers, body);
        boolean routed = request.getMessages().stream().noneMatch(m -> NO_OPERATION.contains(m.getKey()));
        ValidationReport answer = validator.validateResponse(routed ? path : DEFAULT_ROUTE, verb, response);
        StringBuilder failures = new StringBuilder();
        if (routed && reply.status() / 100 == 2 && request.hasErrors()) {
            failures.append("request taken (").append(reply.status()).append(") but not in the contract:\n").append(describe(request));
        }
        if (answer.getMessages().stream().anyMatch(m -> isError(m) && !excused(m, reply))) {
            failures.append("response not in the contract").append(routed ? "" : " (the $default route's answers)").append(":\n")
                    .append(describe(answer));
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(method + " " + path + (query == null ? "" : "?" + query) + " answered " + reply.status()
                    + ", which breaks " + DOCUMENT.getFileName() + ":\n" + failures + "response body: " + abbreviate(reply.body()));
        }
    }

    /** The validator's report on the request; a URL whose escapes do not decode is reported, not thrown. */
    private ValidationReport requestReport(Request.Method verb, String path, String query, Map<String, String> headers, byte[] body) {
        try {
            return validator.validateRequest(request(verb, path, query, headers, body));
        } catch (IllegalArgumentException undecodable) {
            return ValidationReport.singleton(ValidationReport.Message.create("request.url.undecodable",
                    "the URL does not decode: " + undecodable.getMessage()).build());
        }
    }

    private static boolean isError(ValidationReport.Message message) {
        return message.getLevel() == ValidationReport.Level.ERROR;
    }

    /**
     * The validator reads an empty body as no body, and then misses one when any media type of the status has a
     * schema. An empty text/plain answer (YooKassa's acknowledgement) breaks nothing: no text/plain media type of
     * the document has a schema.
     */
    private static boolean excused(ValidationReport.Message message, ApiDriver.Reply reply) {
        return message.getKey().equals("validation.response.body.missing") && reply.body().isEmpty()
                && reply.headers().getOrDefault("content-type", "").startsWith("text/plain");
    }

    private static boolean isPreflight(String method, Map<String, String> headers) {
        return "OPTIONS".equalsIgnoreCase(method)
                && headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("access-control-request-method"));
    }

    /** A method the validator does not know (tests send odd ones to the $default route) is checked as a GET's answer. */
    private static Request.Method verb(String method) {
        return Arrays.stream(Request.Method.values()).filter(m -> m.name().equals(method.toUpperCase(Locale.ROOT)))
                .findFirst().orElse(Request.Method.GET);
    }

    private static SimpleRequest request(Request.Method verb, String path, String query, Map<String, String> headers, byte[] body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(verb, path);
        headers.forEach(request::withHeader);
        if (body.length > 0) {
            request.withBody(body);
        }
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                request.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)), decode(eq < 0 ? "" : pair.substring(eq + 1)));
            }
        }
        return request.build();
    }

    private static SimpleResponse response(ApiDriver.Reply reply) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
        reply.headers().forEach(response::withHeader);
        if (reply.body() != null && !reply.body().isEmpty()) {
            response.withBody(reply.body());
        }
        return response.build();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return text;
        }
    }

    /** The document with the $default route's stand-in path, every method answering its responses. */
    private static String withDefaultRoute(Path document) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            ObjectNode spec = (ObjectNode) yaml.readTree(document.toFile());
            ObjectNode responses = yaml.createObjectNode();
            DEFAULT_ROUTE_RESPONSES.forEach((status, name) -> responses.putObject(status).put("$ref", "#/components/responses/" + name));
            ObjectNode item = ((ObjectNode) spec.get("paths")).putObject(DEFAULT_ROUTE);
            for (Request.Method method : Request.Method.values()) {
                ObjectNode operation = item.putObject(method.name().toLowerCase(Locale.ROOT));
                operation.putArray("security");
                operation.set("responses", responses);
            }
            return new ObjectMapper().writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document, e);
        }
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .filter(ApiContract::isError)
                .map(m -> "  - [" + m.getKey() + "] " + m.getMessage()
                        + Optional.ofNullable(m.getAdditionalInfo()).filter(l -> !l.isEmpty()).map(l -> " " + l).orElse(""))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }

    static List<String> defaultRouteResponses() {
        return List.copyOf(DEFAULT_ROUTE_RESPONSES.values());
    }
}
