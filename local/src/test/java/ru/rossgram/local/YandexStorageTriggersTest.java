package ru.rossgram.local;

import ru.rossgram.localcloud.YandexTriggerSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.localcloud.ObjectCreated;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * Object Storage triggers as Yandex documents them, over the storage-events test template's functions, whose Yandex
 * classes ({@link RecordingS3YandexFunction}, {@link FlakyS3YandexFunction}) the runtime hosts: messages batched up
 * to the batch size or the cutoff, a failed batch called again whole, a batch that keeps failing dropped and logged.
 */
class YandexStorageTriggersTest {
    private static final String BUCKET = "rossgram-local-mediabucket";
    private static final Duration RETRY_WAIT = Duration.ofMillis(20);
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private final YandexFunctionRuntime runtime = new YandexFunctionRuntime(fn -> Map.of());
    private YandexStorageTriggers triggers;

    private YandexStorageTriggers start(YandexTriggerSettings settings) throws Exception {
        Path template = Path.of(getClass().getResource("/storage-events/template.yaml").toURI());
        triggers = new YandexStorageTriggers(SamTemplate.load(template), logicalId -> BUCKET, runtime, settings, RETRY_WAIT,
                line -> {
                    log.add(line);
                    System.out.println(line);
                });
        return triggers;
    }

    @AfterEach
    void stop() {
        if (triggers != null) {
            triggers.close();
        }
        runtime.close();
    }

    private static ObjectCreated put(String key) {
        return new ObjectCreated(BUCKET, key, 3, "etag", ObjectCreated.PUT, Instant.parse("2026-12-07T01:02:03.456789Z"));
    }

    private static List<TriggerBatch> recorded(String prefix) {
        return RecordingS3YandexFunction.RECEIVED.stream().filter(b -> b.keys().get(0).startsWith(prefix)).toList();
    }

    private static List<TriggerBatch> flakyCalls(String prefix) {
        return FlakyS3YandexFunction.CALLS.stream().filter(b -> b.keys().get(0).startsWith(prefix)).toList();
    }

    @Test
    void messagesWaitForTheCutoff_thenReachTheFunctionTogether_inTheDocumentedShape() throws Exception {
        start(YandexTriggerSettings.deployed().withBatchSize(10).withBatchCutoff(Duration.ofSeconds(1)));
        triggers.deliver(put("uploads/cutoff/red flower.jpg"));
        triggers.deliver(put("uploads/cutoff/b.png")); // not the trigger's suffix
        triggers.deliver(put("other/cutoff/c.jpg")); // not its prefix
        triggers.deliver(put("uploads/cutoff/d.jpg"));
        Thread.sleep(300);
        assertEquals(List.of(), recorded("uploads/cutoff/"), "a batch waits for its cutoff while it is not full");

        assertTrue(triggers.awaitIdle(SETTLE));
        List<TriggerBatch> batches = recorded("uploads/cutoff/");
        assertEquals(1, batches.size());
        TriggerBatch batch = batches.get(0);
        assertEquals(List.of("uploads/cutoff/red flower.jpg", "uploads/cutoff/d.jpg"), batch.keys());
        TriggerBatch.Message first = batch.messages.get(0);
        assertEquals("yandex.cloud.events.storage.ObjectCreate", first.event_metadata.event_type);
        assertEquals("2026-12-07T01:02:03.456789Z", first.event_metadata.created_at);
        assertEquals(BUCKET, first.details.bucket_id);
        assertEquals("local-folder", first.event_metadata.folder_id);
        assertEquals("local-cloud", first.event_metadata.cloud_id);
        assertTrue(first.event_metadata.tracing_context.trace_id.matches("[0-9a-f]{32}"));
        assertNotEquals(batch.eventIds().get(0), batch.eventIds().get(1));
        assertTrue(log.stream().anyMatch(line -> line.matches("trigger RecordingFunctionS3Event1 batch of 2 \\[" + BUCKET
                + "/uploads/cutoff/red flower.jpg, .*d.jpg] -> RecordingFunction call 1 ok \\d+ ms")), log::toString);
    }

    @Test
    void aFullBatchGoesAtOnce_andTheRemainderWaitsForItsCutoff() throws Exception {
        start(YandexTriggerSettings.deployed().withBatchSize(2).withBatchCutoff(Duration.ofSeconds(60)));
        for (int i = 1; i <= 5; i++) {
            triggers.deliver(put("uploads/full/" + i + ".jpg"));
        }
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (recorded("uploads/full/").size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
        assertEquals(List.of(List.of("uploads/full/1.jpg", "uploads/full/2.jpg"), List.of("uploads/full/3.jpg", "uploads/full/4.jpg")),
                recorded("uploads/full/").stream().map(TriggerBatch::keys).sorted((a, b) -> a.get(0).compareTo(b.get(0))).toList());
        assertFalse(triggers.awaitIdle(Duration.ZERO), "the fifth message waits for its batch's cutoff");

        triggers.close(); // sends the batch still filling
        assertEquals(3, recorded("uploads/full/").size());
        assertTrue(recorded("uploads/full/").stream().anyMatch(b -> b.keys().equals(List.of("uploads/full/5.jpg"))));
    }

    @Test
    void aBatchTheFunctionFailsOnce_isCalledAgainWhole_withTheSameMessages() throws Exception {
        start(YandexTriggerSettings.deployed().withBatchSize(3).withRetryAttempts(1));
        List<String> keys = List.of("flaky/once/1.txt", "flaky/once/2.txt", "flaky/once/3.txt");
        keys.forEach(key -> triggers.deliver(put(key)));

        assertTrue(triggers.awaitIdle(SETTLE));
        List<TriggerBatch> calls = flakyCalls("flaky/once/");
        assertEquals(2, calls.size());
        assertEquals(keys, calls.get(0).keys());
        assertEquals(keys, calls.get(1).keys());
        assertEquals(calls.get(0).eventIds(), calls.get(1).eventIds(), "the same messages, not new events");
        assertTrue(log.stream().anyMatch(line -> line.contains("FlakyFunction call 1 failed")
                && line.endsWith("the whole batch again in 20 ms")), log::toString);
        assertTrue(log.stream().anyMatch(line -> line.contains("FlakyFunction call 2 ok")), log::toString);
    }

    @Test
    void aBatchThatKeepsFailing_isDroppedAfterItsRetryAttempts_andLogged() throws Exception {
        start(YandexTriggerSettings.deployed().withBatchSize(2).withRetryAttempts(2));
        triggers.deliver(put("flaky/doomed/always-fails.txt"));
        triggers.deliver(put("flaky/doomed/innocent.txt"));

        assertTrue(triggers.awaitIdle(SETTLE));
        List<TriggerBatch> calls = flakyCalls("flaky/doomed/");
        assertEquals(3, calls.size(), "the first call and two retry attempts");
        calls.forEach(call -> assertEquals(List.of("flaky/doomed/always-fails.txt", "flaky/doomed/innocent.txt"), call.keys()));
        assertTrue(log.stream().anyMatch(line -> line.contains("FlakyFunction call 3 failed")
                && line.endsWith("dropped after 3 calls (no dead-letter queue)")), log::toString);
        Thread.sleep(100);
        assertEquals(3, flakyCalls("flaky/doomed/").size(), "nothing after the drop");
    }
}
