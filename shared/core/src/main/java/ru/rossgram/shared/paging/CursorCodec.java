package ru.rossgram.shared.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * Opaque, tamper-proof page cursors: a position (a few named strings, such as the last key seen) as
 * base64url JSON, followed by an HMAC-SHA256 tag over it under a key derived from the access-token secret
 * and the cursor's purpose. A client can hand a cursor back, but cannot forge, alter or reuse one for
 * another list (the purpose is in the key), so a cursor never lets a query start where its caller chooses.
 */
@Singleton
public class CursorCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int TAG_BYTES = 16;
    private static final int MAX_CURSOR_CHARS = 2000;

    private final byte[] secret;

    public CursorCodec(RossgramConfig config) {
        this(Base64.getDecoder().decode(config.accessTokenSecret().trim()));
    }

    CursorCodec(byte[] secret) {
        this.secret = secret.clone();
    }

    /**
     * @param purpose  names the list, such as {@code "followers:<userId>"}; a cursor only decodes for the same purpose
     * @param position what the next page starts after
     */
    public String encode(String purpose, Map<String, String> position) {
        try {
            byte[] payload = JSON.writeValueAsBytes(new TreeMap<>(position));
            return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(tag(purpose, payload));
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /**
     * @throws ProblemException 400 {@code invalid-cursor} for anything this server did not issue for {@code purpose}
     */
    public Map<String, String> decode(String purpose, String cursor) {
        if (cursor == null || cursor.length() > MAX_CURSOR_CHARS) {
            throw invalid();
        }
        int dot = cursor.indexOf('.');
        if (dot < 1 || dot != cursor.lastIndexOf('.')) {
            throw invalid();
        }
        try {
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] tag = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(tag, tag(purpose, payload))) {
                throw invalid();
            }
            return Map.copyOf(JSON.readValue(payload, new TypeReference<Map<String, String>>() { }));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
    }

    private byte[] tag(String purpose, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] key = mac.doFinal(("rossgram-cursor:" + purpose).getBytes(StandardCharsets.UTF_8));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVALID_CURSOR, "The cursor is not one this server issued; start from the first page.");
    }
}
