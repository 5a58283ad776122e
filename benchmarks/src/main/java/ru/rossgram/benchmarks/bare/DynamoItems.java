package ru.rossgram.benchmarks.bare;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Small helpers the bare handlers share to build and read items the way the real repositories lay them out. */
final class DynamoItems {
    /** How long a download URL of a thumbnail is good for (UploadConfig's download TTL is of this order). */
    static final Duration DOWNLOAD_URL_TTL = Duration.ofHours(1);

    private DynamoItems() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s(pk));
        key.put("sk", s(sk));
        return key;
    }

    static Map<String, AttributeValue> item(String pk, String sk, String type) {
        Map<String, AttributeValue> item = key(pk, sk);
        item.put("type", s(type));
        return item;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null ? null : value.s();
    }

    static TransactWriteItem putIfAbsent(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** Every rendition key ({@code renditions[].key}) anywhere in a post's {@code photos}, in order. */
    static List<String> renditionKeys(Map<String, AttributeValue> post) {
        List<String> keys = new ArrayList<>();
        AttributeValue photos = post.get("photos");
        if (photos != null) {
            collect(photos, keys);
        }
        return keys;
    }

    private static void collect(AttributeValue value, List<String> keys) {
        if (value.hasL()) {
            value.l().forEach(v -> collect(v, keys));
        } else if (value.hasM()) {
            AttributeValue renditions = value.m().get("renditions");
            if (renditions != null && renditions.hasL()) {
                renditions.l().forEach(r -> keys.add(r.m().get("key").s()));
            }
            value.m().forEach((name, v) -> {
                if (!name.equals("renditions")) {
                    collect(v, keys);
                }
            });
        }
    }

    /** A presigned GET of each key, as the real functions hand out download URLs of thumbnails (no public base URL). */
    static List<URI> downloadUrls(S3Presigner presigner, String bucket, List<String> keys) throws java.net.URISyntaxException {
        List<URI> urls = new ArrayList<>();
        for (String key : keys) {
            urls.add(presigner.presignGetObject(r -> r.signatureDuration(DOWNLOAD_URL_TTL)
                    .getObjectRequest(get -> get.bucket(bucket).key(key))).url().toURI());
        }
        return urls;
    }
}
