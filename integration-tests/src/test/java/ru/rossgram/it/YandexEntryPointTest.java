package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jsoniter.JsonIterator;
import com.jsoniter.output.JsonStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.local.YandexFunctionRuntime;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplate;
import ru.rossgram.shared.events.yandex.YandexStorageEvent;
import ru.rossgram.shared.events.yandex.YandexTimerEvent;
import ru.rossgram.shared.http.yandex.YandexHttpRequest;
import ru.rossgram.shared.http.yandex.YandexHttpResponse;

/**
 * Every function of the template through its Yandex Cloud Functions entry class, as Yandex's Java runtime runs it:
 * the class found by its name alone, checked for what the runtime requires of it, the sample events read with
 * jsoniter into its input type and answered against the local engines, the answer written with jsoniter.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YandexEntryPointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SamTemplate template = SamTemplate.locate();
    private YandexFunctionRuntime yandex;

    private YandexFunctionRuntime yandex(Backend backend) {
        if (yandex == null) {
            yandex = YandexFunctions.on(backend, TestSettings.OVERRIDES);
        }
        return yandex;
    }

    @AfterAll
    void close() {
        if (yandex != null) {
            yandex.close();
        }
    }

    private FunctionSpec function(String logicalId) {
        return template.function(logicalId).orElseThrow();
    }

    private static ObjectNode sample(String path) throws Exception {
        return (ObjectNode) JSON.readTree(SamTemplate.locate().directory().resolve(path).toFile());
    }

    private JsonNode invoke(Backend backend, String logicalId, JsonNode event) throws Exception {
        return JSON.readTree(yandex(backend).invoke(function(logicalId), JSON.writeValueAsString(event)));
    }

    @Test
    void everyFunction_hasAYandexClassBesideItsHandler_asTheRuntimeRequiresIt() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            Class<?> entry = YandexFunctions.entryClass(function);
            String name = entry.getName();
            if (!Modifier.isPublic(entry.getModifiers()) || Modifier.isAbstract(entry.getModifiers())) {
                wrong.add(name + " is not a public concrete class");
            }
            if (entry.getTypeParameters().length > 0) {
                wrong.add(name + " is generic");
            }
            if (!Modifier.isPublic(entry.getConstructor().getModifiers())) {
                wrong.add(name + " has no public no-argument constructor");
            }
            List<Class<?>> io = YandexFunctions.types(entry);
            Class<?> expectedInput = !function.schedules().isEmpty() ? YandexTimerEvent.class
                    : function.httpRoutes().isEmpty() ? YandexStorageEvent.class : YandexHttpRequest.class;
            Class<?> expectedOutput = function.httpRoutes().isEmpty() ? String.class : YandexHttpResponse.class;
            if (!io.equals(List.of(expectedInput, expectedOutput))) {
                wrong.add(name + " maps " + io + ", not " + List.of(expectedInput, expectedOutput));
            }
            Path source = template.directory().resolve("functions").resolve(FunctionModules.of(function))
                    .resolve("src/main/java").resolve(name.replace('.', '/') + ".java");
            if (!Files.isRegularFile(source)) {
                wrong.add(name + " is not in " + function.logicalId() + "'s module: no " + template.directory().relativize(source));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The sample events, read by jsoniter: an HTTP one answered (never a 5xx), a trigger's batch handled whole. */
    @TestFactory
    List<DynamicTest> everyYandexSampleEvent_readWithJsoniter_isAnsweredByItsFunction(Backend backend) throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            List<Path> samples = FunctionModules.yandexSampleEvents(template, function);
            assertFalse(samples.isEmpty(), "no Yandex sample event for " + function.logicalId());
            for (Path sample : samples) {
                tests.add(DynamicTest.dynamicTest(template.directory().relativize(sample).toString(), () -> {
                    JsonNode event = JSON.readTree(sample.toFile());
                    String output = yandex(backend).invoke(function, Files.readString(sample));
                    if (!function.schedules().isEmpty()) { // a timer's firing: one run, answered with its summary
                        assertTrue(output.matches("\"\\d+ due.*\""), output);
                        return;
                    }
                    if (function.httpRoutes().isEmpty()) {
                        assertEquals("\"" + event.path("messages").size() + " handled\"", output, "every message is one handled");
                        return;
                    }
                    JsonNode answer = JSON.readTree(output);
                    assertEquals(new TreeSet<>(List.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded")),
                            fieldNames(answer), output);
                    int status = answer.path("statusCode").asInt();
                    assertTrue(status >= 200 && status < 500, sample + " -> " + output);
                    assertTrue(answer.at("/headers/content-type").asText().startsWith("application/"), output);
                    assertFalse(answer.path("isBase64Encoded").asBoolean());
                    JSON.readTree(answer.path("body").asText()); // a JSON body, a problem included
                }));
            }
        }
        return tests;
    }

    @Test
    void aProblemAnswer_keepsItsHeaders_throughJsoniter(Backend backend) throws Exception {
        JsonNode wrongMethod = invoke(backend, "NotFoundFunction", sample("events/not-found/yandex-wrong-method.json"));
        assertEquals(405, wrongMethod.path("statusCode").asInt(), wrongMethod.toString());
        assertEquals("GET", wrongMethod.at("/headers/allow").asText());
        assertEquals("application/problem+json", wrongMethod.at("/headers/content-type").asText());
        assertEquals("https://rossgram.ru/problems/method-not-allowed",
                JSON.readTree(wrongMethod.path("body").asText()).path("type").asText());

        JsonNode anonymous = invoke(backend, "GetMeFunction", sample("events/get-me/yandex-me.json"));
        assertEquals(401, anonymous.path("statusCode").asInt(), anonymous.toString());
        assertEquals("Bearer realm=\"rossgram\"", anonymous.at("/headers/www-authenticate").asText());
    }

    /**
     * Signed up through the sign-up's Yandex class, then the account through get-me's, called as a direct invocation
     * is: without {@code Authorization} (the platform strips it), the token in {@code X-Rossgram-Token}.
     */
    @Test
    void aNewAccount_readsItself_throughYandexEntryPoints_withTheTokenInXRossgramToken(Backend backend) throws Exception {
        String username = TestSettings.unique("yc");
        ObjectNode signUp = sample("events/sign-up/yandex-new-account.json");
        signUp.put("body", TestSettings.signUpBody(username, username + "@example.ru", TestSettings.PASSWORD));
        JsonNode created = invoke(backend, "SignUpFunction", signUp);
        assertEquals(201, created.path("statusCode").asInt(), created.toString());
        String token = JSON.readTree(created.path("body").asText()).at("/tokens/accessToken").asText();

        ObjectNode me = sample("events/get-me/yandex-me.json");
        for (String map : List.of("headers", "multiValueHeaders")) {
            ObjectNode headers = (ObjectNode) me.path(map);
            headers.remove("Authorization");
            if (map.equals("headers")) {
                headers.put("X-Rossgram-Token", token);
            } else {
                headers.putArray("X-Rossgram-Token").add(token);
            }
        }
        me.remove("resource"); // a direct invocation matched no template
        JsonNode answer = invoke(backend, "GetMeFunction", me);
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        assertEquals(username, JSON.readTree(answer.path("body").asText()).path("username").asText());
    }

    /** A function of several routes switches on {@code httpMethod} and {@code resource}, as on AWS on the route key. */
    @Test
    void aMultiRouteFunction_choosesByTheMatchedTemplate_andAnswersRouteNotFoundWithoutOne(Backend backend) throws Exception {
        String username = TestSettings.unique("ycb");
        ObjectNode signUp = sample("events/sign-up/yandex-new-account.json");
        signUp.put("body", TestSettings.signUpBody(username, username + "@example.ru", TestSettings.PASSWORD));
        String token = JSON.readTree(invoke(backend, "SignUpFunction", signUp).path("body").asText())
                .at("/tokens/accessToken").asText();
        ObjectNode block = sample("events/block-mute/yandex-block.json");
        String nobody = TestSettings.unique("ghost");
        block.put("path", "/v1/users/" + nobody + "/block");
        ((ObjectNode) block.path("pathParameters")).put("username", nobody);
        ((ObjectNode) block.path("headers")).put("Authorization", "Bearer " + token);
        ((ObjectNode) block.path("multiValueHeaders")).putArray("Authorization").add("Bearer " + token);

        JsonNode blocked = invoke(backend, "BlockMuteFunction", block);
        assertEquals(404, blocked.path("statusCode").asInt(), blocked.toString());
        assertEquals("https://rossgram.ru/problems/not-found", problemType(blocked), "the route ran: nobody has that name");

        block.put("resource", "/v1/users/{username}/mute");
        block.put("httpMethod", "DELETE");
        assertEquals("https://rossgram.ru/problems/not-found", problemType(invoke(backend, "BlockMuteFunction", block)),
                "the unmute route ran, whatever the path says");

        block.remove("resource");
        JsonNode unrouted = invoke(backend, "BlockMuteFunction", block);
        assertEquals(404, unrouted.path("statusCode").asInt());
        assertEquals("https://rossgram.ru/problems/route-not-found", problemType(unrouted));
    }

    /** What the runtime hands an HTTP function that is not an HTTP request (a trigger's batch, say): a 400 problem. */
    @Test
    void anEventThatIsNoHttpRequest_isAnswered400_asAProblem(Backend backend) throws Exception {
        JsonNode answer = invoke(backend, "GetMeFunction", sample("events/fan-out/yandex-add-and-mark-steps.json"));
        assertEquals(400, answer.path("statusCode").asInt(), answer.toString());
        assertEquals("https://rossgram.ru/problems/invalid-request", problemType(answer));
    }

    /**
     * Open item 10 of the research, decided: the entry types declare only the documented fields they map, and
     * jsoniter (as configured by default) skips every other field, however nested, so a field Yandex adds later
     * breaks nothing. Declared fields of the wrong JSON type would fail the decoding: none of ours can be.
     */
    @Test
    void jsoniter_skipsFieldsTheEntryTypesDoNotDeclare_andFillsTheOnesTheyDo() throws Exception {
        ObjectNode event = sample("events/block-mute/yandex-block.json");
        event.putObject("someFutureField").putArray("list").add(1).addObject().putNull("deeper");
        ((ObjectNode) event.path("requestContext")).put("websocket", "no").putObject("authorizer").putObject("jwt")
                .putObject("claims").put("sub", "01JD3Z6Q0V8X2K4M6N8P0R2T4W");
        YandexHttpRequest request = JsonIterator.deserialize(JSON.writeValueAsString(event), YandexHttpRequest.class);
        assertEquals("PUT", request.httpMethod);
        assertEquals("/v1/users/{username}/block", request.resource);
        assertEquals("spam.bot.3000", request.pathParameters.get("username"));
        assertEquals("203.0.113.42", request.requestContext.identity.sourceIp);
        assertNotNull(request.requestContext.authorizer.get("jwt"));
        assertEquals(List.of("spam.bot.3000"), request.multiValueParameters.get("username"));

        ObjectNode batch = sample("events/make-thumbnails/yandex-original-and-avatar-created.json");
        ((ObjectNode) batch.path("messages").get(0)).putObject("unknown").put("x", 1);
        YandexStorageEvent trigger = JsonIterator.deserialize(JSON.writeValueAsString(batch), YandexStorageEvent.class);
        assertEquals(2, trigger.messages.size());
        assertEquals("yandex.cloud.events.storage.ObjectCreate", trigger.messages.get(0).event_metadata.event_type);
        assertEquals(batch.at("/messages/1/details/object_id").asText(), trigger.messages.get(1).details.object_id);
    }

    /** What the gateway reads back: exactly the five documented members, status as a number, headers as an object. */
    @Test
    void jsoniter_writesTheAnswer_asTheGatewayReadsIt() throws Exception {
        YandexHttpResponse response = new YandexHttpResponse();
        response.statusCode = 201;
        response.headers = Map.of("content-type", "application/json");
        response.multiValueHeaders = Map.of();
        response.body = "{\"id\":\"Маша\"}";
        JsonNode written = JSON.readTree(JsonStream.serialize(response));
        assertEquals(JSON.readTree("{\"statusCode\":201,\"headers\":{\"content-type\":\"application/json\"},"
                + "\"multiValueHeaders\":{},\"body\":\"{\\\"id\\\":\\\"Маша\\\"}\",\"isBase64Encoded\":false}"), written);
    }

    private static String problemType(JsonNode answer) throws Exception {
        return JSON.readTree(answer.path("body").asText()).path("type").asText();
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
