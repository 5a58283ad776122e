package ru.rossgram.shared.imports.instagram;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.regex.Pattern;

/** Instagram usernames as the export spells them, normalised. Pure. */
final class InstagramHandles {

    /** Instagram's own rule: up to 30 letters, digits, periods and underscores; case does not matter. */
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9._]{1,30}");

    private InstagramHandles() {
    }

    /**
     * The handle of one {@code followers_N.json} or {@code following.json} entry: {@code string_list_data[0].value},
     * else the entry's {@code title} (newer exports put it there), else the last segment of {@code href}; or the key
     * itself in 2018's {@code connections.json}.
     *
     * @return the lowercase handle, or {@code null} when the entry names none that Instagram would allow
     */
    static String fromEntry(JsonNode entry) {
        if (entry.isTextual()) {
            return normalise(entry.asText());
        }
        JsonNode data = entry.path("string_list_data").path(0);
        String handle = normalise(data.path("value").asText(null));
        if (handle == null) {
            handle = normalise(entry.path("title").asText(null));
        }
        if (handle == null) {
            handle = normalise(lastSegment(data.path("href").asText(null)));
        }
        return handle;
    }

    /** The lowercase handle without a leading {@code @}, or {@code null} when it is not a valid Instagram username. */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String handle = raw.strip();
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        handle = handle.toLowerCase(Locale.ROOT);
        return HANDLE.matcher(handle).matches() ? handle : null;
    }

    /** {@code https://www.instagram.com/_u/name/?hl=ru} gives {@code name}. */
    private static String lastSegment(String href) {
        if (href == null) {
            return null;
        }
        String path = href.replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
