package ru.rossgram.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's contract for people, beside the API: {@code GET /openapi.yaml} is the OpenAPI document and
 * {@code GET /docs} a Swagger UI page that renders it. These are the runner's own pages, answered before routing,
 * so no function sees them (on AWS they are not served at all: the document ships with the repository).
 *
 * <p>The document is read from the checkout the template came from ({@code docs/openapi.yaml} beside
 * {@code template.yaml}) on every request, not from the class path: an edit to the contract shows on the next reload
 * of the page, with no rebuild, as an edit to the template shows on the next start.
 */
public final class ApiDocs {
    static final String DOCUMENT_PATH = "/openapi.yaml";
    static final String PAGE_PATH = "/docs";
    /** RFC 9512's media type for YAML. */
    private static final String YAML = "application/yaml";

    private final Path document;
    private final byte[] page;
    private final SwaggerUiAssets assets = new SwaggerUiAssets();

    /** @param document the OpenAPI document to serve (read on each request, so it may appear later) */
    ApiDocs(Path document) {
        this.document = document;
        this.page = resource("docs.html");
    }

    /** The document of the checkout holding {@code templateDirectory}: its {@code docs/openapi.yaml}. */
    public static ApiDocs beside(Path templateDirectory) {
        return new ApiDocs(documentBeside(templateDirectory));
    }

    /** Where the API contract of the checkout holding {@code templateDirectory} is: its {@code docs/openapi.yaml}. */
    static Path documentBeside(Path templateDirectory) {
        return templateDirectory.resolve("docs").resolve("openapi.yaml");
    }

    /**
     * The answer to {@code method} on {@code rawPath} when that path is one of these pages ({@code /openapi.yaml},
     * {@code /docs}, {@code /docs/...}); empty for every other path, which goes to the gateway.
     */
    Optional<ApiGateway.Response> answer(String method, String rawPath) {
        boolean document = rawPath.equals(DOCUMENT_PATH);
        if (!document && !rawPath.equals(PAGE_PATH) && !rawPath.startsWith(PAGE_PATH + "/")) {
            return Optional.empty();
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Optional.of(new ApiGateway.Response(405, Map.of("Allow", List.of("GET, HEAD")), new byte[0]));
        }
        if (document) {
            return Optional.of(document());
        }
        if (rawPath.equals(PAGE_PATH) || rawPath.equals(PAGE_PATH + "/")) {
            return Optional.of(ok("text/html; charset=utf-8", page, true));
        }
        return Optional.of(assets.find(rawPath.substring(PAGE_PATH.length() + 1))
                .map(asset -> ok(asset.contentType(), asset.body(), false))
                .orElseGet(() -> notFound("no such file of the documentation page")));
    }

    private ApiGateway.Response document() {
        try {
            return ok(YAML, Files.readAllBytes(document), true);
        } catch (NoSuchFileException e) {
            return notFound("no OpenAPI document at " + document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code fresh}: revalidate on every load, for what changes while the runner runs (the document, the page). */
    private static ApiGateway.Response ok(String contentType, byte[] body, boolean fresh) {
        Map<String, List<String>> headers = fresh
                ? Map.of("Content-Type", List.of(contentType), "Cache-Control", List.of("no-cache"))
                : Map.of("Content-Type", List.of(contentType));
        return new ApiGateway.Response(200, headers, body);
    }

    private static ApiGateway.Response notFound(String message) {
        return new ApiGateway.Response(404, Map.of("Content-Type", List.of("text/plain; charset=utf-8")),
                (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the runner's " + name + " is missing from its class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
