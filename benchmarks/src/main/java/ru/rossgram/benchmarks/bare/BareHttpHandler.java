package ru.rossgram.benchmarks.bare;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every bare handler does around its DynamoDB and S3 calls, with the JDK alone: reads the body, verifies the
 * bearer token as AccessTokens does (HS256 with the key of ROSSGRAM_ACCESS_TOKEN_SECRET, issuer {@code rossgram},
 * not expired; the claims read with {@link JsonFields}, no JWT library) and answers JSON written by hand. A bare
 * handler is a measuring stick, never deployed: it has the no-argument constructor Lambda calls and one taking the
 * environment, with which the harness runs it in its own JVM to compare its requests with the real function's.
 */
abstract class BareHttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    final BareClients clients;
    private final byte[] tokenKey;

    /** The caller an access token names: the {@code sub} and {@code sid} claims. */
    record Caller(String userId, String sessionId) {
    }

    BareHttpHandler(Map<String, String> env) {
        this.clients = new BareClients(env);
        // In the constructor, as the real functions inject the beans that use it at init: every one reads the table.
        clients.dynamo();
        String secret = env.get("ROSSGRAM_ACCESS_TOKEN_SECRET");
        this.tokenKey = secret == null || secret.isBlank() ? null : Base64.getDecoder().decode(secret.trim());
    }

    static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return "";
        }
        return event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8) : event.getBody();
    }

    /** The verified caller of {@code Authorization: Bearer <token>}, or null (the handler then answers 401). */
    Caller caller(APIGatewayV2HTTPEvent event) {
        String authorization = event.getHeaders() == null ? null : event.getHeaders().get("authorization");
        if (tokenKey == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenKey, "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String subject = JsonFields.string(claims, "sub");
        String session = JsonFields.string(claims, "sid");
        boolean current = JsonFields.number(claims, "exp") > Instant.now().getEpochSecond();
        return "rossgram".equals(JsonFields.string(claims, "iss")) && subject != null && session != null && current
                ? new Caller(subject, session) : null;
    }

    static APIGatewayV2HTTPResponse response(int status, String json) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(json)
                .withIsBase64Encoded(false)
                .build();
    }

    static APIGatewayV2HTTPResponse unauthorized() {
        return response(401, "{\"type\":\"unauthorized\"}");
    }
}
