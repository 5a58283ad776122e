package ru.rossgram.benchmarks.imports;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The import's steps as the runner's storage-event log shows them: each delivery of a task object
 * {@code tasks/imports/run/<user>/<import>/<step>} that the function took, and the distinct steps among them (a task
 * stored twice, which the design allows, is delivered twice and found stale the second time).
 */
final class StepDeliveries {
    private final Set<String> tasks = ConcurrentHashMap.newKeySet();
    private final AtomicInteger deliveries = new AtomicInteger();

    /** A log line {@code S3 ObjectCreated:Put <bucket>/tasks/imports/run/... -> ImportStepsFunction attempt 1 ok ...}. */
    void delivered(String line) {
        deliveries.incrementAndGet();
        int start = line.indexOf("tasks/imports/run/");
        tasks.add(line.substring(start, line.indexOf(' ', start)));
    }

    int steps() {
        return tasks.size();
    }

    int deliveries() {
        return deliveries.get();
    }
}
