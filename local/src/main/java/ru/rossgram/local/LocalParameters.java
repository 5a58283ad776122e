package ru.rossgram.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * Values for the template's parameters on a laptop. A parameter with no default and no value given (such as
 * {@code AccessTokenSecret}) gets a random secret, kept in the data directory so that tokens issued before a
 * restart still verify after it.
 */
final class LocalParameters {
    private static final String FILE = "parameters.properties";

    private final SamTemplate template;
    private final Path dataDirectory;

    LocalParameters(SamTemplate template, Path dataDirectory) {
        this.template = template;
        this.dataDirectory = dataDirectory;
    }

    Map<String, String> resolve(Map<String, String> given) throws IOException {
        Properties saved = load();
        Map<String, String> values = new LinkedHashMap<>();
        boolean changed = false;
        for (String name : template.parameterNames()) {
            if (given.containsKey(name)) {
                values.put(name, given.get(name));
            } else if (!template.parameters().containsKey(name)) {
                String value = saved.getProperty(name);
                if (value == null) {
                    value = randomSecret();
                    saved.setProperty(name, value);
                    changed = true;
                }
                values.put(name, value);
            }
        }
        if (changed) {
            store(saved);
        }
        return values;
    }

    private Properties load() throws IOException {
        Properties properties = new Properties();
        if (dataDirectory != null && Files.isRegularFile(dataDirectory.resolve(FILE))) {
            try (Reader reader = Files.newBufferedReader(dataDirectory.resolve(FILE))) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private void store(Properties properties) throws IOException {
        if (dataDirectory == null) {
            return;
        }
        Files.createDirectories(dataDirectory);
        try (Writer writer = Files.newBufferedWriter(dataDirectory.resolve(FILE))) {
            properties.store(writer, "Generated values of template parameters that have no default (local use only)");
        }
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
