package ru.rossgram.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies of a sample sign-up event, each with a username and email never used before, so that every run's
 * transaction commits (201) instead of meeting an earlier run's claims (409). Only the event's {@code body} string
 * changes, so one class serves every cloud's event format (AWS's payload 2.0, Yandex's API Gateway 1.0).
 */
final class UniqueSignUpEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path sample;
    private final Path directory;
    private final String prefix;
    private int sequence;

    /**
     * @param prefix starts every username, unique to this copier and to this run of the benchmark (should it ever
     *               point at a table that persists)
     */
    UniqueSignUpEvents(Path sample, Path directory, String prefix) throws IOException {
        this.sample = sample;
        this.directory = Files.createDirectories(directory);
        this.prefix = prefix + Long.toString(System.currentTimeMillis(), 36);
    }

    /** A new event file whose body names a fresh user. */
    Path next() throws IOException {
        String username = prefix + "_" + (++sequence);
        ObjectNode event = (ObjectNode) JSON.readTree(sample.toFile());
        String body = replaceString(event.path("body").asText(), "username", username);
        event.put("body", replaceString(body, "email", username + "@example.com"));
        Path file = directory.resolve(username + ".json");
        JSON.writeValue(file.toFile(), event);
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
