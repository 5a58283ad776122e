package ru.rossgram.shared.payments.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * T-Bank's request signature: the values of the root object's scalar fields (nested objects and arrays and
 * {@code Token} itself left out) with {@code Password} added, ordered by field name, concatenated, SHA-256, hex.
 */
public final class TBankToken {
    private TBankToken() {
    }

    public static String of(Map<String, String> rootScalars, String password) {
        TreeMap<String, String> sorted = new TreeMap<>(rootScalars);
        sorted.remove("Token");
        sorted.put("Password", password);
        return Signatures.sha256Hex(String.join("", sorted.values()));
    }

    /** The token of a request we are about to send. */
    static String of(JsonNode request, String password) {
        Map<String, String> scalars = new LinkedHashMap<>();
        request.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                scalars.put(field.getKey(), field.getValue().asText());
            }
        });
        return of(scalars, password);
    }
}
