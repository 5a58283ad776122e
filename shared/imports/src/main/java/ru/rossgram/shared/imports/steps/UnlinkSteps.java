package ru.rossgram.shared.imports.steps;

import jakarta.inject.Singleton;
import ru.rossgram.shared.imports.audience.AudienceCleanup;
import ru.rossgram.shared.imports.audience.UnlinkTasks;

/**
 * The cleanup after an unlink ({@code tasks/imports/unlink/...}), which the import processing function also runs:
 * one budgeted step of {@link AudienceCleanup} per task, the next queued while more remains.
 */
@Singleton
public class UnlinkSteps {
    private final AudienceCleanup cleanup;
    private final UnlinkTasks tasks;
    private final ImportStepConfig config;

    public UnlinkSteps(AudienceCleanup cleanup, UnlinkTasks tasks, ImportStepConfig config) {
        this.cleanup = cleanup;
        this.tasks = tasks;
        this.config = config;
    }

    /**
     * Runs one step of the cleanup and queues the next if more remains.
     *
     * @return whether more remained
     * @throws RuntimeException when the table or storage failed: deliver the task again
     */
    public boolean run(UnlinkTasks.Task task) {
        boolean more = cleanup.step(task.userId(), config.stepBudget());
        if (more) {
            tasks.enqueue(task.next());
        }
        return more;
    }

    /** Removes a finished task's object. */
    public void finished(UnlinkTasks.Task task) {
        tasks.delete(task);
    }
}
