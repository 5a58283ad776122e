package ru.rossgram.localcloud;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What Yandex Object Storage documents and S3Proxy does not enforce, as checks on an S3 request's method, query
 * and headers: requests are signed for its one region; DeleteObjects needs {@code Content-MD5} (a CRC32 checksum,
 * which AWS SDK 2.30+ sends instead, is not documented to do); presigned URLs carry no checksum parameters (the
 * documented form is SigV4 with {@code UNSIGNED-PAYLOAD}); there are no bucket notifications.
 */
final class ObjectStorageLimits {

    private final String region;

    /** @param region the one region requests must be signed for, {@code ru-central1} */
    ObjectStorageLimits(String region) {
        this.region = Objects.requireNonNull(region, "region");
    }

    /**
     * @param method the HTTP method
     * @param rawQuery the query string as sent (percent-encoded), or null
     * @param header a request header's value by name (case-insensitive), null when absent
     * @throws ObjectStorageRefusal when Object Storage would refuse the request
     */
    void check(String method, String rawQuery, UnaryOperator<String> header) throws ObjectStorageRefusal {
        Map<String, String> query = parameters(rawQuery);
        checkSigningRegion(query, header.apply("Authorization"));
        if (query.containsKey("notification")) {
            throw new ObjectStorageRefusal(501, "NotImplemented", "Yandex Object Storage has no bucket notifications:"
                    + " a Cloud Functions trigger reports created objects", Map.of());
        }
        if ("POST".equals(method) && query.containsKey("delete") && header.apply("Content-MD5") == null) {
            // An x-amz-checksum-* header instead does not do: the documented requirement is Content-MD5.
            throw new ObjectStorageRefusal(400, "InvalidRequest", "Missing required header for this request: Content-MD5",
                    Map.of());
        }
        if ("PUT".equals(method) && query.containsKey("x-amz-signature")) {
            checkPresignedPutHasNoChecksum(query);
        }
    }

    /**
     * A checksum named in the URL, as a parameter (what the JavaScript SDK bakes in) or as a signed header the
     * uploader must send (what the Java presigner does for a request with a checksum algorithm).
     */
    private static void checkPresignedPutHasNoChecksum(Map<String, String> query) throws ObjectStorageRefusal {
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (isChecksum(parameter.getKey())) {
                throw checksumInPresignedUrl(parameter.getKey(), parameter.getValue());
            }
        }
        for (String signed : query.getOrDefault("x-amz-signedheaders", "").split(";")) {
            if (isChecksum(signed.toLowerCase(Locale.ROOT))) {
                throw checksumInPresignedUrl("X-Amz-SignedHeaders", query.get("x-amz-signedheaders"));
            }
        }
    }

    private static boolean isChecksum(String name) {
        return name.startsWith("x-amz-checksum-") || name.equals("x-amz-sdk-checksum-algorithm");
    }

    private static ObjectStorageRefusal checksumInPresignedUrl(String argument, String value) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ArgumentName", argument);
        details.put("ArgumentValue", value);
        return new ObjectStorageRefusal(400, "InvalidArgument", "Yandex Object Storage takes no checksum in a presigned"
                + " URL (presign the PUT without a checksum algorithm)", details);
    }

    /** As S3 answers a request signed for another region than the bucket's. */
    private void checkSigningRegion(Map<String, String> query, String authorization) throws ObjectStorageRefusal {
        if (authorization != null && authorization.startsWith("AWS4-")) {
            int start = authorization.indexOf("Credential=");
            if (start >= 0) {
                int end = authorization.indexOf(',', start);
                String scope = authorization.substring(start + "Credential=".length(),
                        end < 0 ? authorization.length() : end).trim();
                String signed = scopeRegion(scope);
                if (signed != null && !signed.equals(region)) {
                    throw new ObjectStorageRefusal(400, "AuthorizationHeaderMalformed", "The authorization header is"
                            + " malformed; the region '" + signed + "' is wrong; expecting '" + region + "'",
                            Map.of("Region", region));
                }
            }
        }
        String credential = query.get("x-amz-credential");
        String signed = credential == null ? null : scopeRegion(credential);
        if (signed != null && !signed.equals(region)) {
            throw new ObjectStorageRefusal(400, "AuthorizationQueryParametersError", "Error parsing the"
                    + " X-Amz-Credential parameter; the region '" + signed + "' is wrong; expecting '" + region + "'",
                    Map.of("Region", region));
        }
    }

    /** @return the region of {@code <key>/<date>/<region>/<service>/aws4_request}, or null when malformed (S3Proxy refuses it) */
    private static String scopeRegion(String credentialScope) {
        String[] parts = credentialScope.split("/");
        return parts.length == 5 ? parts[2] : null;
    }

    /** @return parameter names, lower-cased, to their decoded values ("" for a bare name such as {@code ?delete}) */
    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // S3Proxy answers a malformed query itself.
            }
        }
        return parameters;
    }
}
