package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.TestSettings.PASSWORD;
import static ru.rossgram.it.TestSettings.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * What a black-box attacker sent, through the real functions: JSON of the wrong type, broken Unicode, control
 * characters and very large input. Each is refused with a problem that names the field and the real reason,
 * nothing is stored, and no problem echoes more than a short prefix of what the client sent.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    /** Generous for a problem's type, title, detail and instance; a 64 KB echo is far beyond it. */
    private static final int SMALL_PROBLEM = 1024;

    private FunctionHosts functions;
    private User user;

    @BeforeAll
    void start(Backend backend) {
        functions = new FunctionHosts(() -> backend, "CreatePostFunction", Map.of());
        user = functions.signUp("hostile");
    }

    @AfterAll
    void stop() {
        functions.close();
    }

    private static void assertInvalid(Reply reply, String problemType, String field, String reason) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals(problemType, reply.problemType(), reply.body());
        JsonNode error = reply.json().path("errors").path(0);
        assertEquals(field, error.path("field").asText(), reply.body());
        if (reason != null) {
            assertEquals(reason, error.path("reason").asText(), reply.body());
        }
    }

    private String bio() {
        return user.ok("GET", "/v1/me", null, 200).json().path("bio").asText();
    }

    @Test
    void textFields_takeOnlyJsonStrings_notBooleansOrNumbers() {
        String username = unique("typed");
        Reply signUp = functions.api().post("/v1/accounts", """
                {"username": true, "email": "%s@example.ru", "password": "%s", "displayName": "T"}"""
                .formatted(username, PASSWORD));
        assertInvalid(signUp, "invalid-request", "username", "must be a string");
        assertEquals(404, user.send("GET", "/v1/users/true", null).status(), "no account named 'true'");

        String post = functions.publishedPost(user, "");
        assertInvalid(user.send("POST", "/v1/posts/" + post + "/comments", "{\"text\": 1e308}"),
                "invalid-request", "text", "must be a string");
        assertEquals(0, user.ok("GET", "/v1/posts/" + post + "/comments", null, 200).json().path("items").size());

        assertInvalid(user.send("PATCH", "/v1/me", "{\"private\": \"true\"}"), "invalid-request", "private", "must be true or false");
        assertInvalid(user.send("PATCH", "/v1/me", "{\"bio\": [\"a\"]}"), "invalid-request", "bio", "must be a string");
    }

    @Test
    void brokenUnicode_isMalformedJson_andNothingIsStored() {
        user.ok("PATCH", "/v1/me", "{\"bio\": \"before\"}", 200);

        // A lone surrogate escaped in JSON: not a character, and DynamoDB would have stored it as '?'.
        assertInvalid(user.send("PATCH", "/v1/me", "{\"bio\": \"a\\ud800b\"}"), "malformed-json", "bio", null);
        assertEquals("before", bio());

        // The overlong UTF-8 form of '/' (C0 AF): the classic path-check bypass must not decode anywhere.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"bio\": \"a".getBytes(StandardCharsets.UTF_8));
        body.write(0xC0);
        body.write(0xAF);
        body.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>(user.auth());
        headers.put("content-type", "application/json");
        Reply overlong = user.api().sendBytes("PATCH", "/v1/me", body.toByteArray(), headers);
        assertEquals(400, overlong.status(), overlong.body());
        assertEquals("malformed-json", overlong.problemType());
        assertEquals("before", bio());

        String username = unique("surrogate");
        Reply signUp = functions.api().post("/v1/accounts", """
                {"username": "%s", "email": "%s@example.ru", "password": "%s", "displayName": "\\udfff"}"""
                .formatted(username, username, PASSWORD));
        assertInvalid(signUp, "malformed-json", "displayName", null);
        assertEquals(404, user.send("GET", "/v1/users/" + username, null).status());

        // A well-formed pair is a character like any other.
        user.ok("PATCH", "/v1/me", "{\"bio\": \"\\ud83d\\udcf7 photos\"}", 200);
        assertEquals("\uD83D\uDCF7 photos", bio());
    }

    @Test
    void controlCharacters_areRefusedForThatReason_fieldByField() {
        String multiLine = "no control characters other than line breaks";
        String singleLine = "no control characters or line breaks";
        assertInvalid(user.send("PATCH", "/v1/me", "{\"bio\": \"a\\u0000b\"}"), "invalid-request", "bio", multiLine);
        assertInvalid(user.send("PATCH", "/v1/me", "{\"bio\": \"end\\u001f\"}"), "invalid-request", "bio", multiLine);
        assertInvalid(user.send("PATCH", "/v1/me", "{\"displayName\": \"a\\nb\"}"), "invalid-request", "displayName", singleLine);
        user.ok("PATCH", "/v1/me", "{\"bio\": \"line one\\r\\nline two\"}", 200);
        assertEquals("line one\nline two", bio());

        String username = unique("ctl");
        Reply signUp = functions.api().post("/v1/accounts", """
                {"username": "%s", "email": "a\\u0001b@example.ru", "password": "%s", "displayName": "C"}"""
                .formatted(username, PASSWORD));
        assertInvalid(signUp, "invalid-request", "email", singleLine);
        assertEquals(404, user.send("GET", "/v1/users/" + username, null).status());

        String upload = functions.processedUpload(user);
        for (var field : List.of(
                List.of("\"caption\": \"a\\u0007b\"", "caption", multiLine),
                List.of("\"location\": \"Москва\\tЦентр\"", "location", singleLine),
                List.of("\"altTexts\": [\"a\\u0000\"]", "altTexts[0]", singleLine))) {
            assertInvalid(user.createPost(User.postBody(List.of(upload), field.get(0))), "invalid-request", field.get(1), field.get(2));
        }
        String post = functions.publishedPost(user, "\"caption\": \"first line\\nsecond line\"");
        assertInvalid(user.send("POST", "/v1/posts/" + post + "/comments", "{\"text\": \"a\\u001bb\"}"),
                "invalid-request", "text", multiLine);
    }

    @Test
    void problems_quoteAtMostAShortPrefixOfWhatTheClientSent() {
        String huge = "a".repeat(64 * 1024);
        Reply noSuchUser = user.send("GET", "/v1/users/" + huge, null);
        assertEquals(404, noSuchUser.status());
        assertTrue(noSuchUser.body().length() < SMALL_PROBLEM, noSuchUser.body().length() + " bytes");

        Reply unknownField = user.send("PATCH", "/v1/me", "{\"" + "f".repeat(15_000) + "\": 1}");
        assertEquals(400, unknownField.status());
        assertTrue(unknownField.body().length() < SMALL_PROBLEM, unknownField.body().length() + " bytes");

        Map<String, String> headers = new HashMap<>(user.auth());
        headers.put("content-type", "text/" + huge);
        Reply wrongType = user.api().send("PATCH", "/v1/me", "{\"bio\": \"x\"}", headers);
        assertEquals(415, wrongType.status());
        assertTrue(wrongType.body().length() < SMALL_PROBLEM, wrongType.body().length() + " bytes");

        Reply noRoute = user.send("GET", "/v1/" + huge, null);
        assertEquals(404, noRoute.status());
        assertTrue(noRoute.body().length() < SMALL_PROBLEM, noRoute.body().length() + " bytes");
        assertFalse(noRoute.body().contains("a".repeat(300)));
    }
}
