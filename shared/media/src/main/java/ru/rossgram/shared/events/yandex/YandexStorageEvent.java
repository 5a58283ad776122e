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
        public YandexEventMetadata event_metadata;
        public Details details;

        public Message() {
        }
    }


    public static class Details {
        public String bucket_id;
        public String object_id;

        public Details() {
        }
    }
}
