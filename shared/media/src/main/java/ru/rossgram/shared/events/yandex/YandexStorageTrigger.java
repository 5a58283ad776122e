package ru.rossgram.shared.events.yandex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.events.StorageEventFunction;
import ru.rossgram.shared.events.StoredObject;

/**
 * What each storage-triggered function's Yandex entry class does: the trigger's batch handed to the same
 * function's {@link StorageEventFunction#handleObjects}, the one place its logic lives. A failure propagates,
 * so the platform retries the whole batch (then drops it, or sends it to the dead-letter queue).
 *
 * <p>Only {@code ObjectCreate} messages are handled (our subscriptions, like the template's, are for created
 * objects); a message of another type, or one that names no object, is logged and skipped, since retrying
 * cannot make it one we handle. {@code object_id} is used as it comes: whether Yandex encodes unusual keys is
 * undocumented, and every key we store is of a URL-safe alphabet (ULIDs, digits, {@code [a-z./]}), which no
 * encoding changes.
 */
public final class YandexStorageTrigger implements Function<YandexStorageEvent, String>, AutoCloseable {
    public static final String OBJECT_CREATE = "yandex.cloud.events.storage.ObjectCreate";
    private static final Logger LOG = LoggerFactory.getLogger(YandexStorageTrigger.class);

    private final StorageEventFunction function;

    public YandexStorageTrigger(StorageEventFunction function) {
        this.function = function;
    }

    /** @return how many objects were handled, for the invocation's result (which the trigger ignores) */
    @Override
    public String apply(YandexStorageEvent event) {
        List<StoredObject> created = createdObjects(event);
        function.handleObjects(created);
        return created.size() + " handled";
    }

    /** The objects of the batch's {@code ObjectCreate} messages, in order. */
    static List<StoredObject> createdObjects(YandexStorageEvent event) {
        List<StoredObject> objects = new ArrayList<>();
        if (event == null || event.messages == null) {
            LOG.warn("skipped an event without messages: not an Object Storage trigger's");
            return objects;
        }
        for (YandexStorageEvent.Message message : event.messages) {
            String type = message == null || message.event_metadata == null ? null : message.event_metadata.event_type;
            YandexStorageEvent.Details details = message == null ? null : message.details;
            if (details == null || isBlank(details.bucket_id) || isBlank(details.object_id)) {
                LOG.warn("skipped a message that names no object (event type {})", type);
            } else if (!OBJECT_CREATE.equals(type)) {
                LOG.info("skipped {} of s3://{}/{}: only created objects are handled", type, details.bucket_id, details.object_id);
            } else {
                objects.add(new StoredObject(details.bucket_id, details.object_id, type));
            }
        }
        return objects;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The function handling the objects, for tests and hosts that look inside it. */
    public StorageEventFunction function() {
        return function;
    }

    /** Closes the function's application context (a host that outlives the function; Yandex simply ends the process). */
    @Override
    public void close() {
        function.close();
    }
}
