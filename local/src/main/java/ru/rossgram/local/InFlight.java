package ru.rossgram.local;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the deliveries of storage notifications that are under way (scheduled, running or waiting for a retry), so
 * that tests and shutdown can wait for none, and refuses new ones once stopped.
 */
final class InFlight {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private int count;
    private boolean stopped;

    /** Counts {@code n} more under way; false, counting nothing, once {@link #stop()} was called. */
    boolean begin(int n) {
        lock.lock();
        try {
            if (stopped) {
                return false;
            }
            count += n;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** {@code n} of those under way are done (handled, or given up). */
    void finish(int n) {
        lock.lock();
        try {
            count -= n;
            if (count == 0) {
                settled.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses every {@link #begin} from now on. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return true when none is under way, false when {@code timeout} passed first
     * @throws InterruptedException when interrupted while waiting
     */
    boolean awaitNone(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (count > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = settled.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code grace} for none to be under way; an interrupt ends the wait early (the thread's interrupt
     * status kept), as shutting down must go on.
     *
     * @return how many are still under way, to be abandoned
     */
    int awaitSettled(Duration grace) {
        try {
            awaitNone(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count();
    }

    int count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
