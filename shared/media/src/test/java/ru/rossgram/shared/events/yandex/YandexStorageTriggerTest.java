package ru.rossgram.shared.events.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.events.StorageEventFunction;

class YandexStorageTriggerTest {
    /** Notes each key it is handed; refuses keys under {@code broken/} as a storage fault would. */
    static class Recorder extends StorageEventFunction {
        final List<String> handled = new ArrayList<>();

        Recorder() {
            super(ApplicationContext.builder());
        }

        @Override
        protected Object handle(String bucket, String key) {
            if (key.startsWith("broken/")) {
                throw new IllegalStateException("storage is down");
            }
            handled.add(bucket + "/" + key);
            return "ok";
        }
    }

    private final Recorder recorder = new Recorder();
    private final YandexStorageTrigger trigger = new YandexStorageTrigger(recorder);

    @AfterEach
    void close() {
        recorder.close();
    }

    static YandexStorageEvent.Message message(String type, String bucket, String key) {
        YandexStorageEvent.Message message = new YandexStorageEvent.Message();
        message.event_metadata = new YandexEventMetadata();
        message.event_metadata.event_type = type;
        message.details = new YandexStorageEvent.Details();
        message.details.bucket_id = bucket;
        message.details.object_id = key;
        return message;
    }

    static YandexStorageEvent batch(YandexStorageEvent.Message... messages) {
        YandexStorageEvent event = new YandexStorageEvent();
        event.messages = Arrays.asList(messages);
        return event;
    }

    @Test
    void createdObjects_areHandledInOrder() {
        String result = trigger.apply(batch(
                message(YandexStorageTrigger.OBJECT_CREATE, "media", "originals/A/B"),
                message(YandexStorageTrigger.OBJECT_CREATE, "media", "tasks/fanout/add/A/B/0")));
        assertEquals(List.of("media/originals/A/B", "media/tasks/fanout/add/A/B/0"), recorder.handled);
        assertEquals("2 handled", result);
    }

    @Test
    void deletedOrUpdatedObjects_andMessagesNamingNoObject_areSkipped() {
        YandexStorageEvent.Message noDetails = message(YandexStorageTrigger.OBJECT_CREATE, "media", "x");
        noDetails.details = null;
        trigger.apply(batch(
                message("yandex.cloud.events.storage.ObjectDelete", "media", "originals/A/B"),
                message("yandex.cloud.events.storage.ObjectUpdate", "media", "originals/A/C"),
                noDetails,
                message(YandexStorageTrigger.OBJECT_CREATE, "media", ""),
                null,
                message(YandexStorageTrigger.OBJECT_CREATE, "media", "avatars/A/D")));
        assertEquals(List.of("media/avatars/A/D"), recorder.handled);
    }

    @Test
    void anEventWithoutMessages_handlesNothing() {
        assertEquals("0 handled", trigger.apply(new YandexStorageEvent()));
        assertEquals("0 handled", trigger.apply(null));
        assertEquals(List.of(), recorder.handled);
    }

    /** The platform then delivers the whole batch again: the objects before the failure run twice, so handle is idempotent. */
    @Test
    void aFailure_failsTheBatch_afterTheObjectsBeforeIt() {
        YandexStorageEvent event = batch(
                message(YandexStorageTrigger.OBJECT_CREATE, "media", "originals/A/B"),
                message(YandexStorageTrigger.OBJECT_CREATE, "media", "broken/A/C"),
                message(YandexStorageTrigger.OBJECT_CREATE, "media", "originals/A/D"));
        assertThrows(IllegalStateException.class, () -> trigger.apply(event));
        assertEquals(List.of("media/originals/A/B"), recorder.handled);
    }
}
