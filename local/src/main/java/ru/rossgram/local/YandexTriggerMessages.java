package ru.rossgram.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import ru.rossgram.localcloud.ObjectCreated;

/**
 * What an Object Storage trigger hands its function: {@code {"messages":[...]}}, one message per object with its
 * {@code event_metadata} ({@code yandex.cloud.events.storage.ObjectCreate}) and {@code details} (bucket and key
 * only: no size, ETag or content type, so a function asks the store for those). And what a timer trigger hands its
 * function: one {@code yandex.cloud.events.serverless.triggers.TimerMessage} with the trigger's id and payload.
 */
final class YandexTriggerMessages {
    static final String OBJECT_CREATE = "yandex.cloud.events.storage.ObjectCreate";
    static final String TIMER_MESSAGE = "yandex.cloud.events.serverless.triggers.TimerMessage";
    /** The cloud and folder the local bucket would be in: there is one of each here. */
    static final String LOCAL_CLOUD_ID = "local-cloud";
    static final String LOCAL_FOLDER_ID = "local-folder";

    private static final ObjectMapper JSON = new ObjectMapper();
    // Microseconds, as the documented example writes created_at.
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private YandexTriggerMessages() {
    }

    /** One object's message, with its own event id. */
    static ObjectNode message(ObjectCreated object) {
        ObjectNode message = JSON.createObjectNode();
        ObjectNode metadata = message.putObject("event_metadata")
                .put("event_id", UUID.randomUUID().toString())
                .put("event_type", OBJECT_CREATE)
                .put("created_at", CREATED_AT.format(object.time()));
        metadata.putObject("tracing_context")
                .put("trace_id", UUID.randomUUID().toString().replace("-", ""))
                .put("span_id", "")
                .put("parent_span_id", "");
        metadata.put("cloud_id", LOCAL_CLOUD_ID).put("folder_id", LOCAL_FOLDER_ID);
        // The key as stored: whether Yandex encodes object_id is undocumented, and our keys need no encoding.
        message.putObject("details").put("bucket_id", object.bucket()).put("object_id", object.key());
        return message;
    }

    /**
     * A timer trigger's call at {@code time}: {@code {"messages":[...]}} with its one message, {@code payload} in its
     * details when the trigger has one.
     */
    static String timer(String triggerId, String payload, java.time.Instant time) {
        ObjectNode message = JSON.createObjectNode();
        message.putObject("event_metadata")
                .put("event_id", UUID.randomUUID().toString())
                .put("event_type", TIMER_MESSAGE)
                .put("created_at", CREATED_AT.format(time))
                .put("cloud_id", LOCAL_CLOUD_ID)
                .put("folder_id", LOCAL_FOLDER_ID);
        ObjectNode details = message.putObject("details").put("trigger_id", triggerId);
        if (payload != null) {
            details.put("payload", payload);
        }
        return batch(List.of(message));
    }

    /** The call's event: {@code {"messages":[...]}} with the batch's messages in the order they came. */
    static String batch(List<ObjectNode> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode list = event.putArray("messages");
        messages.forEach(list::add);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch of trigger messages always serialises", e);
        }
    }
}
