package ru.rossgram.shared.events;

/**
 * A stored object a cloud's trigger names, in no cloud's format.
 *
 * @param key the object's key as stored (already decoded where the cloud's event encodes it)
 * @param event the cloud's name for what happened ({@code ObjectCreated:Put},
 *              {@code yandex.cloud.events.storage.ObjectCreate}), for the log
 */
public record StoredObject(String bucket, String key, String event) {
}
