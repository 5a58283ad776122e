package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract served for people by the local runner, over real HTTP: the OpenAPI document at {@code /openapi.yaml}
 * and a Swagger UI page at {@code /docs} whose files come from the runner itself (no CDN). They are the runner's
 * own pages, so no function answers them, and they are fetched here with a plain HTTP client, not through the
 * {@link ApiDriver} that holds every API call to the contract. That the page renders the operations in a browser is
 * {@code scripts/check-docs.sh}'s job (headless Chromium).
 */
class ApiDocsEndToEndTest {
    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of());

    /** {@code src} and {@code href} attributes: everything the page loads. */
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    /** A page as a browser asks for it: status, headers (lower-cased names) and body as text. */
    private record Page(int status, Map<String, String> headers, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private static Page get(String path) {
        return send("GET", path);
    }

    private static Page send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(RUNNER.backend().apiUri().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<byte[]> response = ApiDriver.HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new TreeMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            return new Page(response.statusCode(), headers, response.body());
        } catch (Exception e) {
            throw new AssertionError("could not " + method + " " + path, e);
        }
    }

    @Test
    void theOpenApiDocument_isServedAsYaml_exactlyAsTheCheckoutHasIt() throws Exception {
        Page document = get("/openapi.yaml");

        assertEquals(200, document.status(), document.body());
        assertEquals("application/yaml", document.contentType());
        String inCheckout = Files.readString(RUNNER.backend().template().directory().resolve("docs/openapi.yaml"));
        assertEquals(inCheckout, document.body());
        assertTrue(Pattern.compile("^openapi: 3\\.", Pattern.MULTILINE).matcher(document.body()).find(), "an OpenAPI document");
    }

    @Test
    void theDocsPage_isSwaggerUi_pointedAtTheDocument_withEveryFileItLoadsServedByTheRunner() {
        Page page = get("/docs");

        assertEquals(200, page.status(), page.body());
        assertEquals("text/html;charset=utf-8", page.contentType().replace(" ", ""));
        assertTrue(page.body().contains("SwaggerUIBundle("), page.body());
        assertTrue(page.body().contains("url: \"/openapi.yaml\""), "the page renders our document, not the Petstore");

        List<String> references = REFERENCE.matcher(page.body()).results().map(m -> m.group(1)).toList();
        assertTrue(references.containsAll(List.of("/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js")), references.toString());
        for (String reference : references) {
            assertTrue(reference.startsWith("/docs/"), reference + " is not the runner's own: the page must work offline");
            Page asset = get(reference);
            assertEquals(200, asset.status(), reference);
            assertTrue(asset.bytes().length > 0, reference);
            String expected = reference.endsWith(".js") ? "text/javascript" : reference.endsWith(".css") ? "text/css" : "image/png";
            assertTrue(asset.contentType().startsWith(expected), reference + ": " + asset.headers());
        }
        assertEquals(200, get("/docs/").status(), "with a trailing slash too");
    }

    @Test
    void theDocsPaths_areTheRunnersOwn_neverRoutedToAFunction() {
        Page unknownFile = get("/docs/swagger-initializer.js"); // the webjar's own, which shows the Petstore
        assertEquals(404, unknownFile.status());
        assertFalse(unknownFile.contentType().startsWith("application/problem+json"), unknownFile.body());

        Page posted = send("POST", "/openapi.yaml");
        assertEquals(405, posted.status());
        assertEquals("GET, HEAD", posted.headers().get("allow"));
        assertEquals(200, send("HEAD", "/openapi.yaml").status());
    }

    @Test
    void theApi_isUnchangedBesideThePages() {
        Page api = get("/v1/openapi.yaml");
        assertEquals(404, api.status());
        assertEquals("application/problem+json", api.contentType(), "the API's own not-found answer");
    }
}
