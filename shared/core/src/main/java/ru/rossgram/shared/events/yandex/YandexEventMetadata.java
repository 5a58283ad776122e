package ru.rossgram.shared.events.yandex;

/**
 * The {@code event_metadata} every Yandex Cloud trigger message carries (storage and timer alike); public fields
 * and a no-argument constructor, as the Java runtime's JSON reader wants.
 */
public class YandexEventMetadata {
    public String event_id;
    /**
     * What fired: {@code yandex.cloud.events.storage.ObjectCreate} (also {@code ...ObjectUpdate}, an ACL change, and
     * {@code ...ObjectDelete}), {@code yandex.cloud.events.serverless.triggers.TimerMessage}.
     */
    public String event_type;
    /** When, ISO-8601 UTC, e.g. {@code 2019-12-04T12:05:14.227761Z}. */
    public String created_at;
    public String cloud_id;
    public String folder_id;

    public YandexEventMetadata() {
    }
}
