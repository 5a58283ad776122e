package ru.rossgram.localcloud.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value in the loaded template plus where it sits, so that every type error names its place.
 * Missing keys yield a missing node rather than null, which keeps optional sections short to read.
 */
final class TemplateNode {

    private final Object value;
    private final String where;

    private TemplateNode(Object value, String where) {
        this.value = value;
        this.where = where;
    }

    static TemplateNode root(Object value) {
        return new TemplateNode(value, "");
    }

    String where() {
        return where.isEmpty() ? "<root>" : where;
    }

    Object raw() {
        return value;
    }

    boolean isMissing() {
        return value == null;
    }

    TemplateNode get(String key) {
        String path = where.isEmpty() ? key : where + "." + key;
        if (value == null) {
            return new TemplateNode(null, path);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error("a mapping");
        }
        return new TemplateNode(map.get(key), path);
    }

    /** The single key of an intrinsic such as {"Ref": "X"}, or null when this is not one. */
    String intrinsicName() {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object key = map.keySet().iterator().next();
            if (key instanceof String name && (name.equals("Ref") || name.startsWith("Fn::"))) {
                return name;
            }
        }
        return null;
    }

    /** A scalar as text (numbers and booleans included), or null when missing. */
    String text() {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw error("a plain value");
        }
        return String.valueOf(value);
    }

    String text(String fallback) {
        String text = text();
        return text == null ? fallback : text;
    }

    String requiredText() {
        String text = text();
        if (text == null) {
            throw new SamTemplateException(where() + " is required");
        }
        return text;
    }

    Integer integer() {
        String text = text();
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw error("a whole number", e);
        }
    }

    boolean isTrue() {
        return value != null && Boolean.parseBoolean(String.valueOf(value).trim());
    }

    /** Elements of a sequence; a missing node is an empty sequence. */
    List<TemplateNode> list() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw error("a sequence");
        }
        List<TemplateNode> nodes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new TemplateNode(items.get(i), where + "[" + i + "]"));
        }
        return nodes;
    }

    /** Entries of a mapping in template order; a missing node is an empty mapping. */
    Map<String, TemplateNode> entries() {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error("a mapping");
        }
        Map<String, TemplateNode> entries = new LinkedHashMap<>();
        map.forEach((key, item) -> {
            String name = String.valueOf(key);
            entries.put(name, new TemplateNode(item, where.isEmpty() ? name : where + "." + name));
        });
        return Collections.unmodifiableMap(entries);
    }

    /**
     * A list of strings that may be written as a sequence, a single scalar, or a {@code Ref} to a
     * parameter (a CommaDelimitedList's default splits at commas, as CloudFormation does).
     */
    List<String> strings(Map<String, String> parameterDefaults) {
        if (value == null) {
            return List.of();
        }
        if ("Ref".equals(intrinsicName())) {
            String parameter = get("Ref").requiredText();
            String resolved = parameterDefaults.get(parameter);
            if (resolved == null) {
                throw new SamTemplateException(where() + " refers to " + parameter
                        + ", which is not a parameter with a default");
            }
            return splitCommas(resolved);
        }
        if (value instanceof List<?>) {
            List<String> strings = new ArrayList<>();
            for (TemplateNode item : list()) {
                strings.addAll(item.strings(parameterDefaults));
            }
            return List.copyOf(strings);
        }
        return List.of(text());
    }

    private static List<String> splitCommas(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            parts.add(part.trim());
        }
        return List.copyOf(parts);
    }

    /** A deep, unmodifiable copy of this value (maps keep template order; nulls are kept). */
    Object frozen() {
        return freeze(value);
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), freeze(item)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(freeze(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    SamTemplateException error(String expected) {
        return new SamTemplateException(where() + " must be " + expected + ", was: " + value);
    }

    private SamTemplateException error(String expected, Throwable cause) {
        return new SamTemplateException(where() + " must be " + expected + ", was: " + value, cause);
    }
}
