package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * The contract served for people by the local runner, over real HTTP: the OpenAPI document at {@code /openapi.yaml}
 * and a Swagger UI page at {@code /docs} whose files come from the runner itself (no CDN). They are the runner's
 * own pages, so no function answers them. That the page renders the operations in a browser is
 * {@code scripts/check-docs.sh}'s job (headless Chromium).
 */
class ApiDocsEndToEndTest {
    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of());

    /** {@code src} and {@code href} attributes: everything the page loads. */
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    private Reply get(String path) {
        return RUNNER.api().send("GET", path, null, Map.of());
    }

    @Test
    void theOpenApiDocument_isServedAsYaml_exactlyAsTheCheckoutHasIt() throws Exception {
        Reply document = get("/openapi.yaml");

        assertEquals(200, document.status(), document.body());
        assertEquals("application/yaml", document.headers().get("content-type"));
        String inCheckout = Files.readString(RUNNER.backend().template().directory().resolve("docs/openapi.yaml"));
        assertEquals(inCheckout, document.body());
        assertTrue(document.body().startsWith("openapi: 3."), "an OpenAPI document");
    }

    @Test
    void theDocsPage_isSwaggerUi_pointedAtTheDocument_withEveryFileItLoadsServedByTheRunner() {
        Reply page = get("/docs");

        assertEquals(200, page.status(), page.body());
        assertEquals("text/html;charset=utf-8", page.headers().get("content-type").replace(" ", ""));
        assertTrue(page.body().contains("SwaggerUIBundle("), page.body());
        assertTrue(page.body().contains("url: \"/openapi.yaml\""), "the page renders our document, not the Petstore");

        List<String> references = REFERENCE.matcher(page.body()).results().map(m -> m.group(1)).toList();
        assertTrue(references.containsAll(List.of("/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js")), references.toString());
        for (String reference : references) {
            assertTrue(reference.startsWith("/docs/"), reference + " is not the runner's own: the page must work offline");
            Reply asset = get(reference);
            assertEquals(200, asset.status(), reference);
            assertFalse(asset.body().isEmpty(), reference);
            String expected = reference.endsWith(".js") ? "text/javascript" : reference.endsWith(".css") ? "text/css" : "image/png";
            assertTrue(asset.headers().get("content-type").startsWith(expected), reference + ": " + asset.headers());
        }
        assertEquals(200, get("/docs/").status(), "with a trailing slash too");
    }

    @Test
    void theDocsPaths_areTheRunnersOwn_neverRoutedToAFunction() {
        Reply unknownFile = get("/docs/swagger-initializer.js"); // the webjar's own, which shows the Petstore
        assertEquals(404, unknownFile.status());
        assertFalse(unknownFile.headers().get("content-type").startsWith("application/problem+json"), unknownFile.body());

        Reply posted = RUNNER.api().send("POST", "/openapi.yaml", "{}", Map.of("content-type", "application/json"));
        assertEquals(405, posted.status());
        assertEquals("GET, HEAD", posted.headers().get("allow"));
        assertEquals(200, RUNNER.api().send("HEAD", "/openapi.yaml", null, Map.of()).status());
    }

    @Test
    void theApi_isUnchangedBesideThePages() {
        Reply api = get("/v1/openapi.yaml");
        assertEquals(404, api.status());
        assertEquals("application/problem+json", api.headers().get("content-type"), "the API's own not-found answer");
    }
}
