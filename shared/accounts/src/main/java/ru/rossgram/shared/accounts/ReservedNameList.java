package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The reserved names kept in the repository ({@code reserved-usernames.txt} beside this class: protocol words, the
 * product's own name, known Russian creators and brands), by skeleton. Read once per container.
 */
@Singleton
public class ReservedNameList {
    private static final String RESOURCE = "reserved-usernames.txt";

    private final Set<String> skeletons;

    public ReservedNameList() {
        this.skeletons = load();
    }

    /** Whether the list reserves {@code skeleton} (a {@link UsernameSkeleton}). */
    public boolean contains(String skeleton) {
        return skeletons.contains(skeleton);
    }

    private static Set<String> load() {
        Set<String> loaded = new HashSet<>();
        try (InputStream in = ReservedNameList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    loaded.add(UsernameSkeleton.of(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(loaded);
    }
}
