package ru.rossgram.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies of the sample sign-up event, each with a username and email never used before, so that every
 * run's transaction commits (201) instead of meeting an earlier run's claims (409). Read and written
 * with the serialiser the probe uses, so the probe reads back exactly what is written here.
 */
final class UniqueSignUpEvents {
    private final PojoSerializer<APIGatewayV2HTTPEvent> serializer =
            ColdStartProbe.serializer(APIGatewayV2HTTPEvent.class, UniqueSignUpEvents.class.getClassLoader());
    private final Path sample;
    private final Path directory;
    // Unique across runs of the benchmark too, should it ever point at a table that persists.
    private final String prefix = "cs" + Long.toString(System.currentTimeMillis(), 36);
    private int sequence;

    UniqueSignUpEvents(Path sample, Path directory) throws IOException {
        this.sample = sample;
        this.directory = Files.createDirectories(directory);
    }

    /** A new event file whose body names a fresh user. */
    Path next() throws IOException {
        String username = prefix + "_" + (++sequence);
        APIGatewayV2HTTPEvent event;
        try (InputStream in = Files.newInputStream(sample)) {
            event = serializer.fromJson(in);
        }
        String body = replaceString(event.getBody(), "username", username);
        event.setBody(replaceString(body, "email", username + "@example.com"));
        Path file = directory.resolve(username + ".json");
        try (OutputStream out = Files.newOutputStream(file)) {
            serializer.toJson(event, out);
        }
        return file;
    }

    private String replaceString(String json, String field, String value) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(sample + ": the body has no string field '" + field + "'");
        }
        return json.substring(0, m.start()) + "\"" + field + "\":\"" + value + "\"" + json.substring(m.end());
    }
}
