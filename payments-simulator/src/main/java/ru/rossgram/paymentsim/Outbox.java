package ru.rossgram.paymentsim;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The notifications a provider sends on its own, after answering the API call that caused them (a charge of a saved
 * method): delivered on the simulator's threads, retried a few times as providers retry, or held for a test to
 * deliver itself. A notification sent while no webhook URL is configured is held too, not lost.
 */
final class Outbox {
    private static final int ATTEMPTS = 5;
    private static final long BACKOFF_MILLIS = 100;

    private final ExecutorService threads;
    private final Function<Notice, WebhookAnswer> webhook;
    private final Queue<Notice> held = new ConcurrentLinkedQueue<>();
    private volatile boolean holding;
    private volatile boolean canDeliver;

    Outbox(ExecutorService threads, Function<Notice, WebhookAnswer> webhook) {
        this.threads = threads;
        this.webhook = webhook;
    }

    void send(Notice notice) {
        if (holding || !canDeliver) {
            held.add(notice);
            return;
        }
        try {
            threads.execute(() -> deliver(notice));
        } catch (RejectedExecutionException e) {
            held.add(notice); // the simulator is closing
        }
    }

    void hold(boolean hold) {
        holding = hold;
    }

    void canDeliver(boolean webhookConfigured) {
        canDeliver = webhookConfigured;
    }

    /** The held notifications, oldest first, no longer held. */
    List<Notice> drain() {
        List<Notice> drained = new ArrayList<>();
        for (Notice notice = held.poll(); notice != null; notice = held.poll()) {
            drained.add(notice);
        }
        return drained;
    }

    /** Until our webhook answers 200, as the providers retry (they do for hours; a test needs seconds). */
    private void deliver(Notice notice) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                if (webhook.apply(notice).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // unreachable or not configured: retried like any failed delivery
            }
            try {
                Thread.sleep(BACKOFF_MILLIS * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
