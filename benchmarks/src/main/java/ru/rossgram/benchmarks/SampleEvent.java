package ru.rossgram.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * One of the sample events under events/ (AWS's payload 2.0 or Yandex API Gateway's 1.0), filled for one run: its
 * placeholder bearer token replaced by a real one, its placeholder ids by real ones, its body by a new body (base64
 * when the sample's is). Text
 * replacements reach every copy of a value (rawPath, requestContext, pathParameters, Yandex's parameters and
 * multi-value headers alike), so one filler serves both formats.
 */
final class SampleEvent {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The JWT our key did not sign, which every authenticated sample carries. */
    private static final java.util.regex.Pattern BEARER = java.util.regex.Pattern.compile("Bearer [A-Za-z0-9._-]+");

    private SampleEvent() {
    }

    /**
     * @param token        the access token to send, or null to keep the sample's headers
     * @param replacements literal text to replace everywhere in the event (sample ids by real ones)
     * @param body         the new body, or null to keep the sample's
     */
    static String fill(Path sample, String token, Map<String, String> replacements, String body) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(sample.toFile());
        if (body != null) {
            // A sample whose body is marked base64 (Yandex's form posts) gets the new body encoded alike.
            event.put("body", event.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        }
        String json = JSON.writeValueAsString(event);
        if (token != null) {
            json = BEARER.matcher(json).replaceAll(Matcher.quoteReplacement("Bearer " + token));
        }
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            json = json.replace(replacement.getKey(), replacement.getValue());
        }
        return json;
    }
}
