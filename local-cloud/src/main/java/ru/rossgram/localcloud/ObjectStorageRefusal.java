package ru.rossgram.localcloud;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A request the Yandex profile's S3 endpoint answers with an error instead of passing it to S3Proxy, in S3's error
 * XML, which the AWS SDKs turn into an {@code S3Exception} with this code.
 */
final class ObjectStorageRefusal extends Exception {

    private final int status;
    private final String code;
    private final Map<String, String> details;

    /**
     * @param details further elements of the error document, in order ({@code Region}, {@code ArgumentName}...)
     */
    ObjectStorageRefusal(int status, String code, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = new LinkedHashMap<>(details);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** @return {@code <Error><Code>..</Code><Message>..</Message>...<RequestId>..</RequestId></Error>} */
    byte[] xml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
        element(xml, "Code", code);
        element(xml, "Message", getMessage());
        details.forEach((name, value) -> element(xml, name, value));
        element(xml, "RequestId", UUID.randomUUID().toString());
        return xml.append("</Error>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> xml.append(c);
            }
        }
        xml.append("</").append(name).append('>');
    }
}
