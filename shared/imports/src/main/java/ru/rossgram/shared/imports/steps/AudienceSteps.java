package ru.rossgram.shared.imports.steps;

import jakarta.inject.Singleton;
import ru.rossgram.shared.imports.audience.AudienceCleanup;
import ru.rossgram.shared.imports.audience.MatchTasks;
import ru.rossgram.shared.imports.audience.NewcomerMatching;
import ru.rossgram.shared.imports.audience.UnlinkTasks;

/**
 * The audience's own chained work, which the import processing function also runs: the cleanup after an unlink
 * ({@code tasks/imports/unlink/...}: one budgeted step of {@link AudienceCleanup} per task, the next queued while more
 * remains) and a newcomer's matching against more lists than her link got through ({@code tasks/imports/match/...},
 * {@link NewcomerMatching#step}, which queues its own next task).
 */
@Singleton
public class AudienceSteps {
    private final AudienceCleanup cleanup;
    private final UnlinkTasks unlinkTasks;
    private final NewcomerMatching matching;
    private final MatchTasks matchTasks;
    private final ImportStepConfig config;

    public AudienceSteps(AudienceCleanup cleanup, UnlinkTasks unlinkTasks, NewcomerMatching matching,
                         MatchTasks matchTasks, ImportStepConfig config) {
        this.cleanup = cleanup;
        this.unlinkTasks = unlinkTasks;
        this.matching = matching;
        this.matchTasks = matchTasks;
        this.config = config;
    }

    /**
     * Runs one step of an unlink's cleanup and queues the next if more remains, then removes the task's object.
     *
     * @return whether more remained
     * @throws RuntimeException when the table or storage failed: deliver the task again
     */
    public boolean cleanUp(UnlinkTasks.Task task) {
        boolean more = cleanup.step(task.userId(), config.stepBudget());
        if (more) {
            unlinkTasks.enqueue(task.next());
        }
        unlinkTasks.delete(task);
        return more;
    }

    /**
     * Runs one step of a newcomer's matching (which queues the next if more lists remain), then removes the task's
     * object.
     *
     * @return whether more remained
     * @throws RuntimeException when the table or storage failed: deliver the task again
     */
    public boolean match(MatchTasks.Task task) {
        boolean more = matching.step(task, config.stepBudget());
        matchTasks.delete(task);
        return more;
    }
}
