package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * What a client gets for a URL that cannot be decoded, over real HTTP through the local runner: our {@code 400
 * invalid-request} problem naming the parameter, answered before any function runs, never the HTTP server's own
 * page or the name of an exception. An overlong UTF-8 {@code /} ({@code %C0%AF}, the classic way past a path check)
 * is refused, not decoded.
 */
class MalformedUrlsEndToEndTest {
    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of());

    /** What a server's own error page or a leaked failure looks like. */
    private static final Pattern LEAK = Pattern.compile("(?i)exception|<html|jetty|\\bat [\\w$.]+\\(");

    private static JsonNode invalidRequest(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problemType(), reply.body());
        assertFalse(LEAK.matcher(reply.body()).find(), reply.body());
        JsonNode problem = reply.json();
        assertEquals(400, problem.path("status").asInt(), reply.body());
        assertEquals(field, problem.at("/errors/0/field").asText(), reply.body());
        return problem;
    }

    @Test
    void aBrokenPercentEscapeInAPathParameter_isA400Problem_namingTheParameter() {
        for (String path : List.of("/v1/users/%zz", "/v1/users/a%", "/v1/users/a%4", "/v1/users/%zz/posts")) {
            JsonNode problem = invalidRequest(RUNNER.api().send("GET", path, null, Map.of()), "username");
            assertEquals(path, problem.path("instance").asText());
        }
    }

    @Test
    void aBrokenPercentEscapeInTheQuery_isA400Problem_namingTheParameter() {
        invalidRequest(RUNNER.api().send("GET", "/v1/feed?limit=%zz", null, Map.of()), "limit");
        invalidRequest(RUNNER.api().send("GET", "/v1/feed?limit=10&cursor=%", null, Map.of()), "cursor");
    }

    @Test
    void aBrokenPercentEscapeOutsideAnyParameter_isA400Problem_aboutThePath() {
        invalidRequest(RUNNER.api().send("GET", "/v1/feed%zz", null, Map.of()), "path");
    }

    @Test
    void anOverlongEncodedSlash_isRefused_notDecoded_inAPathParameter_andInTheQuery() {
        User phone = RUNNER.signUp("overlong"); // signed in, so only the URL stands between it and the function
        invalidRequest(phone.send("GET", "/v1/users/%C0%AF", null), "username");
        invalidRequest(phone.send("GET", "/v1/users/..%C0%AF..%C0%AFadmin", null), "username");
        invalidRequest(phone.send("GET", "/v1/users/%E0%80%AF", null), "username"); // the three-byte overlong form
        invalidRequest(phone.send("GET", "/v1/feed?limit=%C0%AF", null), "limit");
    }

    @Test
    void aWellFormedEscapeInAPathParameter_reachesTheFunctionDecoded_asTheGatewayDecodesParameters() {
        User masha = RUNNER.signUp("masha");
        User petya = RUNNER.signUp("petya");
        String username = masha.username();
        String encoded = String.format(Locale.ROOT, "%%%02X", (int) username.charAt(0)) + username.substring(1);

        JsonNode profile = petya.ok("GET", "/v1/users/" + encoded, null, 200).json();

        assertEquals(username, profile.path("username").asText(), profile.toString());
    }

    @Test
    void headersTooLargeForTheServer_getAShortJsonAnswer_notTheServersErrorPage() {
        Reply reply = RUNNER.api().send("GET", "/v1/feed", null, Map.of("x-padding", "a".repeat(20_000)));

        assertEquals(431, reply.status(), reply.body());
        assertEquals("application/json", reply.header("content-type"), reply.headers().toString());
        assertEquals("Request Header Fields Too Large", reply.json().path("message").asText(), reply.body());
        assertFalse(LEAK.matcher(reply.body()).find(), reply.body());
    }

    @Test
    void aBodyOverTheGatewaysTenMegabytes_isRefused413_beforeAnyFunction() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];

        Reply reply = RUNNER.api().sendBytes("POST", "/v1/accounts", body, Map.of("content-type", "application/json"));

        assertEquals(413, reply.status(), reply.body());
        assertEquals("Request Entity Too Large", reply.json().path("message").asText(), reply.body());
    }
}
