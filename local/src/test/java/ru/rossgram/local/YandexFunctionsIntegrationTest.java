package ru.rossgram.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.HttpRoute;

/**
 * The runner's Yandex API Gateway over a fixture class the {@link YandexFunctionRuntime} hosts: the event decoded by
 * jsoniter into the class's input type, its answer read back as Yandex reads one, the gateway's 502 when there is none.
 */
class YandexFunctionsIntegrationTest {
    private static final FunctionSpec ECHO = new FunctionSpec("EchoFunction", null, "ru.rossgram.local.EchoHandler", 512, 15,
            Map.of(), List.of(new HttpRoute("GET", "/v1/posts/{postId}"), new HttpRoute("POST", "/v1/posts"), new HttpRoute("POST", "/throw"), new HttpRoute("GET", "/bare")),
            List.of());
    private static final YandexFunctionRuntime RUNTIME = new YandexFunctionRuntime(fn -> Map.of("ROSSGRAM_GREETING", "privet"));
    private static final HttpApiRoutes ROUTES = new HttpApiRoutes(List.of(ECHO));
    private static final ApiGateway GATEWAY = new ApiGateway(ROUTES, new YandexFunctionsIntegration(RUNTIME,
            new YandexGatewayRoutes(ROUTES, OpenApiOperations.read(Path.of("../docs/openapi.yaml")))));

    @AfterAll
    static void stop() {
        RUNTIME.close();
    }

    private static ApiGateway.Response send(String method, String path, String query, byte[] body) {
        return GATEWAY.handle(new HttpApiEvents.Request(method, path, query, Map.of("Content-Type", List.of("text/plain")), body,
                "198.51.100.7"));
    }

    @Test
    void theClassReadsTheEventThroughJsoniter_andItsAnswerBecomesTheHttpResponse() {
        ApiGateway.Response response = send("GET", "/v1/posts/01JX", "tag=a&tag=b", new byte[0]);
        assertEquals(201, response.status(), response.bodyText());
        assertEquals("GET /v1/posts/{postId} {postId=01JX} from 198.51.100.7 op getPost query {tag=[a, b]} body  base64 false",
                response.bodyText());
        assertEquals("text/plain", response.header("Content-Type").orElseThrow());
        assertEquals("a=1,b=2", response.header("Set-Cookie").orElseThrow(), "multiValueHeaders win over headers");
    }

    @Test
    void theTemplatesEnvironmentReachesTheClass_andOneInstanceServesEveryCall() {
        send("GET", "/v1/posts/1", "", new byte[0]);
        int built = EchoYandexFunction.instances;
        ApiGateway.Response response = send("GET", "/v1/posts/2", "", new byte[0]);
        assertEquals("privet", response.header("X-Greeting").orElseThrow());
        assertEquals(built, EchoYandexFunction.instances);
    }

    @Test
    void aBodyThatIsNotJson_reachesTheClassBase64Encoded() {
        ApiGateway.Response response = send("POST", "/v1/posts", "", "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(response.bodyText().endsWith("op createPost query {} body eA== base64 true"), response.bodyText());
    }

    @Test
    void aClassThatThrows_isTheGateways502() {
        ApiGateway.Response response = send("POST", "/throw", "", "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(502, response.status(), "a class that throws is the gateway's 502");
        assertTrue(response.bodyText().contains("\"errorType\":\"UserCodeError\""), response.bodyText());
    }

    @Test
    void anAnswerThatIsNoHttpResponse_isA502ProxyIntegrationError() {
        ApiGateway.Response response = send("GET", "/bare", "", new byte[0]);
        assertEquals(502, response.status());
        assertTrue(response.bodyText().contains("\"errorType\":\"ProxyIntegrationError\""), response.bodyText());

        assertEquals(502, YandexFunctionsIntegration.toResponse("\"ok\"").status());
        assertEquals(502, YandexFunctionsIntegration.toResponse("{\"statusCode\":200,\"body\":{\"not\":\"text\"}}").status());
        assertEquals(502, YandexFunctionsIntegration.toResponse("{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"%%\"}").status());
        assertEquals(502, YandexFunctionsIntegration.toResponse("{\"statusCode\":200,\"multiValueHeaders\":{\"A\":\"b\"}}").status());
    }

    @Test
    void aBase64AnswerIsDecoded_andAnAnswerWithoutBodyIsEmpty() {
        ApiGateway.Response image = YandexFunctionsIntegration.toResponse("{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"/9j/\"}");
        assertEquals(List.of((byte) 0xFF, (byte) 0xD8, (byte) 0xFF), List.of(image.body()[0], image.body()[1], image.body()[2]));
        ApiGateway.Response empty = YandexFunctionsIntegration.toResponse("{\"statusCode\":204,\"headers\":null}");
        assertEquals(204, empty.status());
        assertEquals(0, empty.body().length);
    }

    @Test
    void aMissingEntryClass_failsTheCall_namingIt() {
        FunctionSpec missing = new FunctionSpec("Missing", null, "ru.rossgram.local.NoSuchHandler", 512, 15, Map.of(), List.of(), List.of());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> RUNTIME.invoke(missing, "{}"));
        assertTrue(e.getMessage().contains("ru.rossgram.local.NoSuchYandexFunction"), e.getMessage());
    }
}
