package ru.rossgram.shared.media;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link PhotoRecord} as a DynamoDB map, the same shape on an upload item and in its post's photo list:
 * {@code {width, height, dominantColor, placeholder, renditions: [{name, key, width, height}]}}.
 */
public final class PhotoRecordItems {
    private PhotoRecordItems() {
    }

    public static AttributeValue toAttribute(PhotoRecord photo) {
        List<AttributeValue> renditions = new ArrayList<>();
        for (PhotoRecord.Rendition r : photo.renditions()) {
            renditions.add(AttributeValue.fromM(Map.of("name", s(r.name()), "key", s(r.key()),
                    "width", n(r.width()), "height", n(r.height()))));
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        map.put("width", n(photo.width()));
        map.put("height", n(photo.height()));
        map.put("dominantColor", s(photo.dominantColor()));
        map.put("placeholder", s(photo.placeholder()));
        map.put("renditions", AttributeValue.fromL(renditions));
        return AttributeValue.fromM(map);
    }

    /** The record in {@code value}, or null when the attribute is absent (not processed yet). */
    public static PhotoRecord fromAttribute(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, AttributeValue> map = value.m();
        List<PhotoRecord.Rendition> renditions = new ArrayList<>();
        for (AttributeValue r : map.get("renditions").l()) {
            renditions.add(new PhotoRecord.Rendition(r.m().get("name").s(), r.m().get("key").s(),
                    Integer.parseInt(r.m().get("width").n()), Integer.parseInt(r.m().get("height").n())));
        }
        return new PhotoRecord(Integer.parseInt(map.get("width").n()), Integer.parseInt(map.get("height").n()),
                map.get("dominantColor").s(), map.get("placeholder").s(), renditions);
    }
}
