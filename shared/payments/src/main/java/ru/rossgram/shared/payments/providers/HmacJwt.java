package ru.rossgram.shared.payments.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A compact JWT signed with HS256 (RFC 7519, RFC 7515): base64url of the header {@code {"alg":"HS256","typ":"JWT"}}
 * and of the claims, joined by a dot, then the base64url HMAC-SHA256 of that text. Robokassa's refund API takes
 * its requests in this form, keyed with the shop's Password#3.
 */
final class HmacJwt {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private HmacJwt() {
    }

    static String sign(ObjectNode claims, String secret) {
        String signed;
        try {
            signed = HEADER + "." + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
        return signed + "." + BASE64URL.encodeToString(Signatures.hmacSha256(signed.getBytes(StandardCharsets.UTF_8), secret));
    }
}
