package ru.rossgram.shared.events.yandex;

import java.util.List;

/**
 * What a Yandex Object Storage trigger hands a function: one to ten messages (the trigger's batch size), each
 * naming one object by bucket and key, with nothing else about it (no size, no content type: read the object's
 * head for those). Read by the Yandex runtime's jsoniter, so public fields named exactly as the JSON names them
 * ({@code snake_case}), no annotations; fields not declared here are skipped.
 */
public class YandexStorageEvent {
    public List<Message> messages;

    public YandexStorageEvent() {
    }

    public static class Message {
        public EventMetadata event_metadata;
        public Details details;

        public Message() {
        }
    }

    public static class EventMetadata {
        public String event_id;
        /** {@code yandex.cloud.events.storage.ObjectCreate}, {@code ...ObjectUpdate} (an ACL change), {@code ...ObjectDelete}. */
        public String event_type;
        public String created_at;
        public String cloud_id;
        public String folder_id;

        public EventMetadata() {
        }
    }

    public static class Details {
        public String bucket_id;
        public String object_id;

        public Details() {
        }
    }
}
